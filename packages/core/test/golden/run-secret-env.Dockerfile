# syntax=docker/dockerfile:1.10

FROM debian:12.8-slim AS app
RUN --mount=type=secret,id=token,env=TOKEN \
    curl -H "Authorization: $TOKEN" https://example.com
USER 1000
