FROM debian:12.8-slim AS app
# install the tools
RUN true
# dockwright:raw shown as a raw example
RUN --mount=type=cache,target=/x,sharing=locked true
USER 1000
