FROM alpine:3.20.3 AS app
RUN addgroup -S -g 10001 app \
    && adduser -S -D -u 10001 -G app -H -s /sbin/nologin app
USER 10001:10001
