FROM debian:12.8-slim AS app
ARG VERSION=1.2.3
ENV PLAIN=value \
    SPACED="a b" \
    QUOTED="say \"hi\"" \
    DOLLAR="\$HOME" \
    BACK="C:\\" \
    EMPTY="" \
    UNI="é€😀" \
    EQ="a=b"
ENV PATH=/app/bin:$PATH \
    APP_VERSION=v$VERSION
LABEL org.opencontainers.image.title=app \
    org.opencontainers.image.source=https://github.com/acme/app \
    org.opencontainers.image.version=$VERSION \
    org.opencontainers.image.licenses=Apache-2.0 \
    org.opencontainers.image.authors="Team <team@example.com>"
LABEL com.example.note="multi word \"quoted\" \$x"
USER 1000
