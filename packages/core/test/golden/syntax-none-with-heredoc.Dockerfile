FROM debian:12.8-slim AS app
RUN <<'EOF'
a
b
EOF
USER 1000
