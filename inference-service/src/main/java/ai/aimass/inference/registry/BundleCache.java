package ai.aimass.inference.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import ai.aimass.data.artifact.ArtifactStore;
import ai.aimass.dl4j.bundle.ModelBundles;
import ai.aimass.dl4j.predict.ModelPredictor;
import ai.aimass.inference.InferenceException;
import ai.aimass.inference.InferenceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The loaded model versions, keyed by version id and bounded to
 * {@code aimass.inference.cache-size}, least recently used first out.
 * <p>
 * A published version never changes, so an entry stays valid until it is evicted. Each
 * version is loaded once even when many requests ask for it together: they wait for the
 * same load. A load that fails is not cached, so the next request tries again.
 */
@Component
public class BundleCache {

    private static final Logger logger = LoggerFactory.getLogger(BundleCache.class);

    private final Map<UUID, CompletableFuture<LoadedModel>> entries;

    private final Function<ResolvedVersion, LoadedModel> loader;

    private final int capacity;

    @Autowired
    public BundleCache(ArtifactStore artifacts, InferenceProperties properties) {
        this(properties.cacheSize(), (version) -> loadFromStore(artifacts, version));
    }

    BundleCache(int capacity, Function<ResolvedVersion, LoadedModel> loader) {
        this.capacity = capacity;
        this.loader = loader;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {

            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, CompletableFuture<LoadedModel>> eldest) {
                return size() > BundleCache.this.capacity;
            }

        };
    }

    /**
     * Returns a loaded version, loading its bundle on first use.
     * @param version the concrete version
     * @return the loaded model
     * @throws InferenceException 503 ({@code model_not_ready}) when the bundle cannot be
     * loaded
     */
    public LoadedModel load(ResolvedVersion version) {
        CompletableFuture<LoadedModel> entry;
        boolean mine = false;
        synchronized (this.entries) {
            entry = this.entries.get(version.versionId());
            if (entry == null) {
                entry = new CompletableFuture<>();
                this.entries.put(version.versionId(), entry);
                mine = true;
            }
        }
        if (mine) {
            complete(entry, version);
        }
        try {
            return entry.join();
        }
        catch (CompletionException ex) {
            throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
        }
    }

    /**
     * Returns how many versions are loaded.
     * @return the count
     */
    public int size() {
        synchronized (this.entries) {
            return this.entries.size();
        }
    }

    private void complete(CompletableFuture<LoadedModel> entry, ResolvedVersion version) {
        try {
            entry.complete(this.loader.apply(version));
        }
        catch (RuntimeException ex) {
            synchronized (this.entries) {
                this.entries.remove(version.versionId(), entry);
            }
            entry.completeExceptionally(ex);
        }
    }

    private static LoadedModel loadFromStore(ArtifactStore artifacts, ResolvedVersion version) {
        long started = System.nanoTime();
        try {
            ModelPredictor predictor = ModelBundles
                .readPredictor(artifacts.get(version.tenantId(), version.bundleSha256()));
            LoadedModel loaded = new LoadedModel(version, predictor);
            logger.info("Loaded model={} version={} versionId={} in {} ms", version.modelName(), version.version(),
                    version.versionId(), (System.nanoTime() - started) / 1_000_000);
            return loaded;
        }
        catch (RuntimeException ex) {
            logger.error("Could not load model={} version={} versionId={} bundle={}", version.modelName(),
                    version.version(), version.versionId(), version.bundleSha256(), ex);
            throw new InferenceException(HttpStatus.SERVICE_UNAVAILABLE, "model_not_ready",
                    "model \"" + version.modelName() + "\" version " + version.version()
                            + " could not be loaded; try again later");
        }
    }

}
