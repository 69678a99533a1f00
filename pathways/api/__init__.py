"""The open-data API: published pathways and roles as JSON, read-only, open to every origin.

Plain Django views on the site's page cache (``pathways.caching``): each answer
is stored under its canonical address and carries the pages' ETag and
``Cache-Control``. ``openapi.py`` describes it (OpenAPI 3.1); docs/api.md shows it in use.
"""
