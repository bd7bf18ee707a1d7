FROM node:22.11 AS app
RUN yarn install --frozen-lockfile \
    && yarn cache clean
USER node
