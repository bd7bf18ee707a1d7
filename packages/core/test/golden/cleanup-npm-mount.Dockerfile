FROM node:22.11 AS app
RUN --mount=type=cache,target=/root/.npm \
    npm ci
USER node
