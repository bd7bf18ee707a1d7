FROM debian:12.8-slim AS app
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        curl=7.88.1-10+deb12u8 \
        tini \
    && rm -rf /var/lib/apt/lists/*
USER 1000
