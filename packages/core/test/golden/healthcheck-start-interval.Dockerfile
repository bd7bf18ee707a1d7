# syntax=docker/dockerfile:1.6

FROM debian:12.8-slim AS app
HEALTHCHECK --start-interval=2s CMD ["true"]
USER 1000
