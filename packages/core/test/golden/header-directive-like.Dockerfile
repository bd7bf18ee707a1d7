
# escape=`

FROM debian:12.8-slim AS app
USER 1000
