# watcher as a long-running container: `docker run ... watcher` polls, scores and delivers.
# The install step is the same `pip install .` of pyproject.toml that `make test`
# installs (editable there), so the image cannot drift from what the tests exercise;
# tests/test_container_files.py checks the pieces that must agree.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin watcher \
    && mkdir -p /data \
    && chown watcher:watcher /data

WORKDIR /app
COPY pyproject.toml setup.py README.md ./
COPY watcher ./watcher
COPY rules ./rules
COPY state ./state
# A C compiler only for the install: setup.py compiles the fact extractor with mypyc.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev \
    && pip install . \
    && apt-get purge -y gcc libc6-dev && apt-get autoremove -y && rm -rf /var/lib/apt/lists/* \
    && watcher --help > /dev/null \
    && cd / && python -c "import rules.extraction.extractor as m, sys; sys.exit(not m.__file__.endswith('.so'))"

USER watcher
ENV WATCHER_DATABASE_URL=sqlite:////data/watcher.db \
    WATCHER_HTTP_PORT=8080 \
    WATCHER_LOG_FORMAT=json
VOLUME ["/data"]
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, sys, urllib.request; port = os.environ.get('WATCHER_HTTP_PORT', '8080'); sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:' + port + '/healthz', timeout=4).status == 200 else 1)"]

ENTRYPOINT ["watcher"]
CMD ["run"]
