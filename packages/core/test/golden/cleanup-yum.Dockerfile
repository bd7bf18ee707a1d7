FROM centos:7 AS app
RUN yum install -y \
        curl \
    && yum clean all \
    && rm -rf /var/cache/yum
USER 1000
