# The kb API image: installs kb, ingests the posts mounted at /posts into $KB_DATABASE_URL
# (Neo4j in docker-compose.yml), then serves the API on 0.0.0.0:8000.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    KB_POSTS=/posts

WORKDIR /app
# Only what the package needs (see .dockerignore): metadata, then the three packages.
COPY pyproject.toml README.md ./
COPY kb ./kb
COPY ingest ./ingest
COPY api ./api
RUN pip install --no-cache-dir .

RUN useradd --create-home --uid 10001 kb
USER kb
EXPOSE 8000

HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"]

# Exit code 1 from ingest means some posts failed (they are listed): serve the rest.
# Anything else (2: the store cannot be opened) stops the container.
CMD ["sh", "-c", "kb ingest \"$KB_POSTS\" --quiet; code=$?; [ \"$code\" -le 1 ] || exit \"$code\"; exec kb serve --host 0.0.0.0 --port 8000"]
