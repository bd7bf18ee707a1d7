# syntax=docker/dockerfile:1.20

FROM debian:12.8-slim AS app
WORKDIR /app
COPY --link --parents --exclude="*.md" --exclude=node_modules . .
USER 1000
