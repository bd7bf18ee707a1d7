# syntax=docker/dockerfile:1.3

FROM debian:12.8-slim AS app
RUN --network=host apt-get update
USER 1000
