FROM python:3.13-slim AS app
RUN pip install --no-cache-dir -r requirements.txt
USER 1000
