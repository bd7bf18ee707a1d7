FROM debian:12.8-slim AS app
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsS https://example.com | sha256sum
STOPSIGNAL SIGQUIT
USER 1000
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "server.js", "--title", "a \"b\" c"]
