FROM fedora:41 AS app
RUN dnf install -y --setopt=install_weak_deps=False \
        shadow-utils-4.15.1 \
    && dnf clean all
USER 1000
