FROM debian:12.8-slim AS app
RUN echo "hello $HOME" | tee /greeting
USER 1000
