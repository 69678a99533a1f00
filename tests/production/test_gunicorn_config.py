"""gunicorn.conf.py hooks."""

import gc
import runpy
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def test_objects_of_the_preloaded_app_are_frozen_before_each_fork():
    hooks = runpy.run_path(str(CONFIG))
    gc.unfreeze()
    try:
        hooks["pre_fork"](None, None)

        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_each_worker_listens_on_its_own_socket_so_connections_spread_evenly():
    settings = runpy.run_path(str(CONFIG))

    assert settings["reuse_port"] is True
