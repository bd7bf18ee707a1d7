# syntax=docker/dockerfile:1.6

FROM debian:12.8-slim AS app
ADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.16.0 /src
USER 1000
