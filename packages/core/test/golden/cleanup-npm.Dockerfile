FROM node:22.11 AS app
RUN npm ci \
    && npm cache clean --force
USER node
