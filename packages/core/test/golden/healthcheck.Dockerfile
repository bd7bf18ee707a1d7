FROM debian:12.8-slim AS app
HEALTHCHECK --interval=30s --timeout=3s --start-period=1m30s --retries=3 CMD ["curl", "-fsS", "http://127.0.0.1:8080/health"]
USER 1000
