# Build: the product jar and, beside it in lib/, the embedded PostgreSQL binaries for this platform.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl gateway -am package

# Run: a JRE, a non-root user (the embedded PostgreSQL refuses root), data in /data.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app routemcp && mkdir -p /data && chown routemcp /data
WORKDIR /app
COPY --from=build /src/gateway/target/routemcp.jar /app/routemcp.jar
COPY --from=build /src/gateway/target/lib/ /app/lib/
USER routemcp
ENV ROUTEMCP_DATA_DIR=/data ROUTEMCP_HTTP_PORT=5001 ROUTEMCP_CONNECT_PORT=5002
VOLUME /data
EXPOSE 5001 5002
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:5001/health/ready || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-jar", "/app/routemcp.jar"]
