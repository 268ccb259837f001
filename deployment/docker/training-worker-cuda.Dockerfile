# The training-worker image for GPU nodes: the CUDA 11.6 backend of ND4J on NVIDIA's CUDA 11.6
# runtime with cuDNN 8, and the JRE 17 of the other images. Build the CUDA jar first
# (mvn -Pcuda -pl training-worker package, after installing the other modules), then from the
# repository root:
#   docker build -f deployment/docker/training-worker-cuda.Dockerfile -t aimass/training-worker-cuda:0.1.0 .
# The node needs an NVIDIA driver for CUDA 11.6 or later and the NVIDIA device plugin.
FROM eclipse-temurin:17-jre-jammy AS extract
RUN apt-get update && apt-get install -y --no-install-recommends unzip && rm -rf /var/lib/apt/lists/*
WORKDIR /build
COPY training-worker/target/training-worker-0.1.0-SNAPSHOT-exec-cuda.jar training-worker.jar
RUN java -Djarmode=tools -jar training-worker.jar extract --destination app
# The CUDA backend cannot be loaded here (no GPU driver at build time), so its natives are
# unpacked from their jars instead; JavaCPP loads them from java.library.path first.
RUN mkdir natives && for jar in app/lib/*-linux-x86_64*.jar; do \
      unzip -q -j -o "$jar" '*.so*' -d natives || test $? -eq 11; \
    done

FROM eclipse-temurin:17-jre-focal AS jre

FROM nvidia/cuda:11.6.2-cudnn8-runtime-ubuntu20.04
ENV JAVA_HOME=/opt/java/openjdk
ENV PATH="${JAVA_HOME}/bin:${PATH}"
COPY --from=jre /opt/java/openjdk /opt/java/openjdk
RUN groupadd --system --gid 10001 aimass \
    && useradd --system --uid 10001 --gid aimass --home-dir /nonexistent --no-create-home \
       --shell /usr/sbin/nologin aimass
COPY --from=extract /build/app /opt/aimass/app
COPY --from=extract /build/natives /opt/aimass/natives
RUN mkdir -p /var/cache/javacpp && chown 10001:10001 /var/cache/javacpp
ENV OMP_NUM_THREADS=1
ENV NVIDIA_DRIVER_CAPABILITIES=compute,utility
USER 10001:10001
EXPOSE 8082
ENTRYPOINT ["java", "-Djava.library.path=/opt/aimass/natives:/usr/local/cuda/lib64", \
    "-Dorg.bytedeco.javacpp.pathsFirst=true", "-Dorg.bytedeco.javacpp.cachedir=/var/cache/javacpp", \
    "-cp", "/opt/aimass/app/training-worker.jar", "ai.aimass.worker.TrainingWorkerApplication"]
