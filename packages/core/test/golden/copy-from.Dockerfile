FROM debian:12.8-slim AS build
RUN echo hi > /out

FROM debian:12.8-slim AS app
RUN groupadd --system --gid 10001 app \
    && useradd --system -l --uid 10001 --gid 10001 --create-home --home-dir /home/app --shell /usr/sbin/nologin app
USER 10001:10001
COPY --from=build --chown=10001:10001 /out /srv/out
COPY --from=busybox:1.37.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef /bin/busybox /bin/busybox
