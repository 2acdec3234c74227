# Build with the Maven wrapper, run on a JRE as an unprivileged user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN groupadd --system mailtrail && useradd --system --gid mailtrail --uid 10001 --home /app mailtrail
WORKDIR /app
COPY --from=build /src/target/mailtrail-*.jar /app/mailtrail.jar
RUN mkdir -p /app/data && chown mailtrail:mailtrail /app/data
USER mailtrail
ENV MAILTRAIL_DATA_DIR=/app/data
# 8080: the web app and API. 2525: the Smart BCC SMTP listener.
EXPOSE 8080 2525
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD ["sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/mailtrail.jar"]
