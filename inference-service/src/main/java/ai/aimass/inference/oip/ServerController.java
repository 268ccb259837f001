package ai.aimass.inference.oip;

import java.util.List;

import ai.aimass.inference.InferenceServiceApplication;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server endpoints of the Open Inference Protocol: liveness, readiness and server
 * metadata. They need no credentials, so that probes and discovery work without a key.
 */
@RestController
class ServerController {

    static final String SERVER_NAME = "aimass-inference";

    private final ServerReadiness readiness;

    ServerController(ServerReadiness readiness) {
        this.readiness = readiness;
    }

    @GetMapping({ "/v2", "/v2/" })
    ServerMetadata serverMetadata() {
        return new ServerMetadata(SERVER_NAME, serverVersion(), List.of());
    }

    @GetMapping("/v2/health/live")
    Health live() {
        return new Health(true, null);
    }

    @GetMapping("/v2/health/ready")
    ResponseEntity<Health> ready() {
        boolean ready = this.readiness.isReady();
        return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
            .body(new Health(null, ready));
    }

    private static String serverVersion() {
        String version = InferenceServiceApplication.class.getPackage().getImplementationVersion();
        return (version != null) ? version : "development";
    }

    /**
     * The server metadata response.
     *
     * @param name the server name
     * @param version the server version
     * @param extensions the protocol extensions supported, none yet
     */
    record ServerMetadata(String name, String version, List<String> extensions) {
    }

    /**
     * A health answer; the status code carries the verdict, the body repeats it.
     *
     * @param live whether the server is live, on the liveness path
     * @param ready whether the server is ready, on the readiness path
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Health(Boolean live, Boolean ready) {
    }

}
