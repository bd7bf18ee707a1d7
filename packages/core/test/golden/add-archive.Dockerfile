FROM debian:12.8-slim AS app
ADD --chown=0:0 rootfs.tar.gz /
# dockwright:allow DW3001 unpacks a rootfs
