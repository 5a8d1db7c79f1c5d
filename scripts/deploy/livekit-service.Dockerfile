# syntax=docker/dockerfile:1
# LiveKit's ingress (RTMP/WHIP) or egress (recordings) service with this repository's patches, built by the same
# provisioning scripts as `pnpm provision` (scripts/provision/build-<service>.sh: pinned version, checked sums,
# patches in scripts/provision/patches/<service>/). Used by docker-compose.prod.yml:
#   docker build -f scripts/deploy/livekit-service.Dockerfile --build-arg SERVICE=ingress .
ARG SERVICE=ingress

FROM golang:1.26-bookworm AS build
ARG SERVICE
RUN apt-get update \
  && apt-get install -y --no-install-recommends git pkg-config libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev \
    libgstreamer-plugins-bad1.0-dev gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad \
    gstreamer1.0-plugins-ugly gstreamer1.0-libav \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY scripts/provision scripts/provision
RUN bash "scripts/provision/build-${SERVICE}.sh" /out

FROM debian:bookworm-slim
ARG SERVICE
RUN apt-get update \
  && apt-get install -y --no-install-recommends ca-certificates tini libgstreamer1.0-0 \
    libgstreamer-plugins-base1.0-0 libgstreamer-plugins-bad1.0-0 gstreamer1.0-plugins-base gstreamer1.0-plugins-good \
    gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-libav \
  && rm -rf /var/lib/apt/lists/*
# The service runs itself again as `<service> run-handler` for each stream or recording: it must be on PATH
# under its own name.
COPY --from=build /out/${SERVICE} /usr/local/bin/${SERVICE}
RUN ln -s "/usr/local/bin/${SERVICE}" /usr/local/bin/livekit-service \
  && useradd --system --uid 10001 --home-dir /tmp --shell /usr/sbin/nologin streamhouse
# The same uid as the app image: the egress writes recordings the app serves and deletes.
USER streamhouse
ENTRYPOINT ["/usr/bin/tini", "--", "livekit-service"]
