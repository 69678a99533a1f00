from django.apps import AppConfig


class PathwaysConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pathways"
    verbose_name = "Career pathways"

    def ready(self):
        from . import caching, revisions, search, share_image  # noqa: F401 (share_image registers its system check)

        caching.connect_signals()
        search.connect_signals()
        revisions.register()
