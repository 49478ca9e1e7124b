# syntax=docker/dockerfile:1

# ---------------------------------------------------------------------------
# Stage 1: build the jar with the Maven wrapper and split it into layers
# ---------------------------------------------------------------------------
FROM eclipse-temurin:21-jdk AS build
WORKDIR /workspace

# Wrapper and POM first: this layer (and the dependency download) is reused
# until pom.xml or the wrapper changes. The BuildKit cache mount keeps ~/.m2
# (the Maven distribution the wrapper fetches and the local repository)
# between builds.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw && ./mvnw -B -ntp dependency:go-offline

COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests package

# Spring Boot 4 "tools" jar mode: one directory per layer (dependencies,
# spring-boot-loader, snapshot-dependencies, application). --launcher keeps
# the uber-jar layout, so the runtime starts it with JarLauncher, not -jar.
RUN java -Djarmode=tools -jar target/followup-service-*.jar \
        extract --layers --launcher --destination extracted

# ---------------------------------------------------------------------------
# Stage 2: runtime
# ---------------------------------------------------------------------------
FROM eclipse-temurin:21-jre AS runtime

# Unprivileged user; the application files stay owned by root (read-only for it).
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --no-create-home \
       --home-dir /nonexistent --shell /usr/sbin/nologin app

WORKDIR /app

# Least to most frequently changing, so a code change rebuilds only the last layer.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./

USER 10001:10001

# Heap sized from the container's memory limit; override at run time if needed.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

EXPOSE 8080

# curl ships with the Ubuntu-based eclipse-temurin images; the health endpoints need no token.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
    CMD curl -fsS "http://localhost:${PORT:-8080}/actuator/health/readiness" > /dev/null || exit 1

# Exec form: the JVM is PID 1 and receives SIGTERM for the graceful shutdown.
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
