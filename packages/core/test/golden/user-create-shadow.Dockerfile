FROM debian:12.8-slim AS app
RUN groupadd --system --gid 10002 app \
    && useradd --system -l --uid 10001 --gid 10002 --create-home --home-dir /home/app --shell /usr/sbin/nologin app
USER 10001:10002
