#!/bin/sh
# Start the site: optionally migrate and load the shipped content, then serve
# with gunicorn (gunicorn.conf.py reads WEB_CONCURRENCY, PORT, HOST).
#
#   entrypoint.sh              serve; DJANGO_MIGRATE=true migrates first and
#                              DJANGO_LOAD_CONTENT=true imports fixtures/pathways.json
#   entrypoint.sh migrate      migrate (and load content if asked), then exit:
#                              for a one-off release job before new servers start
#   entrypoint.sh CMD ARGS...  run anything else, e.g. python manage.py createsuperuser
set -eu

cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-pathways_site.settings.production}"

is_true() {
  case "$(printf '%s' "${1:-}" | tr '[:upper:]' '[:lower:]')" in
    1 | true | yes | on) return 0 ;;
    *) return 1 ;;
  esac
}

prepare() {
  if is_true "${DJANGO_MIGRATE:-false}" || [ "${1:-}" = migrate ]; then
    echo "entrypoint: applying migrations"
    python manage.py migrate --no-input
    # Guide and card HTML stored by an earlier release's templates.
    python manage.py render_pages
  fi
  if is_true "${DJANGO_LOAD_CONTENT:-false}"; then
    echo "entrypoint: importing fixtures/pathways.json"
    python manage.py import_pathways fixtures/pathways.json
  fi
}

case "${1:-}" in
  "")
    prepare
    exec gunicorn -c gunicorn.conf.py pathways_site.wsgi:application
    ;;
  migrate)
    prepare migrate
    ;;
  *)
    exec "$@"
    ;;
esac
