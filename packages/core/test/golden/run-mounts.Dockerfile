# syntax=docker/dockerfile:1.3

FROM debian:12.8-slim AS app
RUN --mount=type=cache,id=build-cache,target=/root/.cache,sharing=locked,mode=0755,uid=1000,gid=1000 \
    --mount=type=bind,target=/src,source=src,readwrite \
    --mount=type=secret,id=token,target=/run/secrets/token,required=true,mode=0400 \
    --mount=type=ssh,id=default,required=true \
    --mount=type=tmpfs,target=/tmp,size=67108864 \
    --network=none \
    make
USER 1000
