# syntax=docker/dockerfile:1.4

FROM debian:12.8-slim AS app
RUN --mount=type=cache,target=/var/cache/x \
    <<'EOF'
set -eu
if [ -d /x ]; then
  echo EOF
fi
EOF
USER 1000
