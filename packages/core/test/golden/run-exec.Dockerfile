FROM debian:12.8-slim AS app
RUN ["/bin/echo", "a b", "\"quoted\"", "$NOT_EXPANDED"]
USER 1000
