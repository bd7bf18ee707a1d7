FROM python:3.13-slim AS app
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install -r requirements.txt
USER 1000
