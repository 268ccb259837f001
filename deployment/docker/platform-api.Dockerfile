# The platform-api image. Build the jar first
# (scripts/test.sh, or mvn -pl platform-api -am package), then from the repository root:
#   docker build -f deployment/docker/platform-api.Dockerfile -t aimass/platform-api:0.1.0 .
FROM eclipse-temurin:17-jre-jammy AS extract
WORKDIR /build
COPY platform-api/target/platform-api-0.1.0-SNAPSHOT-exec.jar platform-api.jar
# Plain jars on a class path instead of nested ones: faster start, and the same image can run
# another main class (the chart's migration Job does).
RUN java -Djarmode=tools -jar platform-api.jar extract --destination app

FROM eclipse-temurin:17-jre-jammy
RUN groupadd --system --gid 10001 aimass \
    && useradd --system --uid 10001 --gid aimass --home-dir /nonexistent --no-create-home \
       --shell /usr/sbin/nologin aimass
COPY --from=extract /build/app /opt/aimass/app
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java", "-cp", "/opt/aimass/app/platform-api.jar", "ai.aimass.api.PlatformApiApplication"]
