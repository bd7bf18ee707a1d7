FROM ubi9-minimal:9.5 AS app
RUN microdnf install -y --setopt=install_weak_deps=0 \
        curl \
    && microdnf clean all
USER 1000
