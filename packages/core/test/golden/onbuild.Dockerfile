FROM debian:12.8-slim AS app
ONBUILD COPY . /app/src
ONBUILD RUN make -C /app/src
USER 1000
