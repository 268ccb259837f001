# The web-console image. Build the jar first
# (scripts/test.sh, or mvn -pl web-console -am package), then from the repository root:
#   docker build -f deployment/docker/web-console.Dockerfile -t aimass/web-console:0.1.0 .
FROM eclipse-temurin:17-jre-jammy AS extract
WORKDIR /build
COPY web-console/target/web-console-0.1.0-SNAPSHOT-exec.jar web-console.jar
# Plain jars on a class path instead of nested ones: faster start, and the same image can run
# another main class (the chart's migration Job does).
RUN java -Djarmode=tools -jar web-console.jar extract --destination app

FROM eclipse-temurin:17-jre-jammy
RUN groupadd --system --gid 10001 aimass \
    && useradd --system --uid 10001 --gid aimass --home-dir /nonexistent --no-create-home \
       --shell /usr/sbin/nologin aimass
COPY --from=extract /build/app /opt/aimass/app
USER 10001:10001
EXPOSE 8083
ENTRYPOINT ["java", "-cp", "/opt/aimass/app/web-console.jar", "ai.aimass.console.WebConsoleApplication"]
