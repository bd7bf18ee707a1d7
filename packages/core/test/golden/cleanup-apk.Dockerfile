FROM alpine:3.20.3 AS app
RUN apk add --no-cache \
        curl
USER 1000
