ARG NODE_VERSION=22.11

FROM node:$NODE_VERSION-bookworm-slim AS app
USER node
