FROM debian:12.8-slim AS base
WORKDIR /app

FROM base AS deps
RUN echo deps > /deps

FROM base AS assets
RUN echo assets > /assets

FROM base AS final
COPY --from=assets /assets /srv/assets
COPY --from=deps /deps /srv/deps
USER 1000
