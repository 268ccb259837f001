# The training-worker image. Build the jar first
# (scripts/test.sh, or mvn -pl training-worker -am package), then from the repository root:
#   docker build -f deployment/docker/training-worker.Dockerfile -t aimass/training-worker:0.1.0 .
FROM eclipse-temurin:17-jre-jammy AS extract
RUN apt-get update && apt-get install -y --no-install-recommends unzip && rm -rf /var/lib/apt/lists/*
WORKDIR /build
COPY training-worker/target/training-worker-0.1.0-SNAPSHOT-exec.jar training-worker.jar
# Plain jars on a class path instead of nested ones: faster start, and the same image can run
# another main class (the chart's migration Job does).
RUN java -Djarmode=tools -jar training-worker.jar extract --destination app
# DL4J's natives, unpacked now so that pods start without extracting 400 MB: JavaCPP loads
# them from java.library.path first (pathsFirst) and writes only a small cache at run time.
RUN mkdir natives && for jar in app/lib/*-linux-x86_64*.jar; do \
      unzip -q -j -o "$jar" '*.so*' -d natives || test $? -eq 11; \
    done

FROM eclipse-temurin:17-jre-jammy
RUN groupadd --system --gid 10001 aimass \
    && useradd --system --uid 10001 --gid aimass --home-dir /nonexistent --no-create-home \
       --shell /usr/sbin/nologin aimass
COPY --from=extract /build/app /opt/aimass/app
COPY --from=extract /build/natives /opt/aimass/natives
RUN mkdir -p /var/cache/javacpp && chown 10001:10001 /var/cache/javacpp
ENV OMP_NUM_THREADS=1
USER 10001:10001
EXPOSE 8082
ENTRYPOINT ["java", "-Djava.library.path=/opt/aimass/natives", "-Dorg.bytedeco.javacpp.pathsFirst=true", \
    "-Dorg.bytedeco.javacpp.cachedir=/var/cache/javacpp", \
    "-cp", "/opt/aimass/app/training-worker.jar", "ai.aimass.worker.TrainingWorkerApplication"]
