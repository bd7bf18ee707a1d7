FROM debian:12.8-slim AS app
WORKDIR /app
COPY package.json ./
COPY ["a b.txt", "./-dash", "\\$dollar", "it\\'s", "back\\\\slash", "/dst/"]
COPY --chown=1000:1000 --chmod=755 src /app/src
COPY --chmod=555 bin /usr/local/bin/
USER 1000
