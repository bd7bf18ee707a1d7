FROM fedora:41 AS app
RUN dnf install -y --setopt=install_weak_deps=False \
        curl \
    && dnf clean all
USER 1000
