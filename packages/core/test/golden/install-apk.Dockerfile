FROM alpine:3.20.3 AS app
RUN apk add --no-cache \
        ca-certificates \
        tzdata
USER 1000
