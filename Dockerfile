# The Pathways site: gunicorn serving Django, static files through WhiteNoise.
# Build: docker build -t pathways .   Run: see "Deploy" in README.md.

# --- build: the virtualenv from the lock file, and the collected static files
FROM python:3.12.12-slim-bookworm AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1

RUN python -m venv /opt/venv
COPY requirements.lock /tmp/requirements.lock
# Exact versions from the lock file; --no-deps so nothing unlisted slips in.
RUN /opt/venv/bin/pip install --no-deps -r /tmp/requirements.lock

WORKDIR /app
COPY . .
# Hashed, compressed static files are part of the image; the key only lets
# settings load for this one command and signs nothing.
RUN DJANGO_SECRET_KEY=collectstatic-only-not-secret \
    DJANGO_SETTINGS_MODULE=pathways_site.settings.production \
    /opt/venv/bin/python manage.py collectstatic --no-input --verbosity 0

# --- runtime: the same base, no build leftovers, an unprivileged user
FROM python:3.12.12-slim-bookworm

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=pathways_site.settings.production \
    HOST=0.0.0.0 \
    PORT=8000 \
    WEB_CONCURRENCY=2

# Fonts for guide share cards (pathways/share_image.py): DejaVu for Latin, Greek,
# Cyrillic and Arabic, Droid Sans Fallback for Chinese, Japanese and Korean;
# FriBiDi lets Pillow lay out right-to-left names. Pinned: a card's pixels
# should not change under a release.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        fonts-dejavu-core=2.37-6 \
        fonts-droid-fallback=1:6.0.1r16-1.1 \
        libfribidi0=1.0.8-2.1 \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 pathways \
    && useradd --system --uid 10001 --gid 10001 --home-dir /app --shell /usr/sbin/nologin pathways
COPY --from=build /opt/venv /opt/venv
# Code stays owned by root: the site cannot rewrite itself. Only var/ (uploads) is writable.
COPY --from=build /app /app
RUN mkdir -p /app/var/media && chown -R pathways:pathways /app/var

WORKDIR /app
USER 10001:10001
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'), timeout=4)"]

ENTRYPOINT ["docker/entrypoint.sh"]
