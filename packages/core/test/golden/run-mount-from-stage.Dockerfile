FROM debian:12.8-slim AS tools
RUN echo tool > /tool

FROM debian:12.8-slim AS app
RUN --mount=type=bind,target=/mnt,from=tools \
    cat /mnt/tool
USER 1000
