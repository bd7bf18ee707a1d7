FROM debian:12.8-slim AS app
USER 1000:1000
USER nobody
USER app:staff
