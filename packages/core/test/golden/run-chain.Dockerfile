FROM debian:12.8-slim AS app
RUN mkdir -p /a \
    && cd /a \
    && touch "b && c"
USER 1000
