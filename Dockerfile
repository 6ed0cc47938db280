# One image for the API (`resumeiq serve`) and the workers (`resumeiq worker`); see compose.yaml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    RESUMEIQ_DATA_DIR=/data

RUN useradd --create-home --uid 10001 resumeiq \
    && mkdir /data && chown resumeiq:resumeiq /data

WORKDIR /app
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install '.[s3]'

USER resumeiq
VOLUME ["/data"]
EXPOSE 8000
CMD ["resumeiq", "serve", "--host", "0.0.0.0", "--port", "8000"]
