FROM debian:12.8-slim AS app
WORKDIR "/srv/my app"
EXPOSE 80 53/udp 8080 9000/sctp
VOLUME ["/data", "/var/lib/my data"]
USER 1000
