# syntax=docker/dockerfile:1.6

FROM debian:12.8-slim AS app
ADD --checksum=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef --chmod=644 https://example.com/tool.tar.gz /opt/tool.tar.gz
USER 1000
