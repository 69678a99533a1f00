"""The image definition, read as the tests need it."""

import json
import re

from bench.servers import ROOT

DOCKERFILE = (ROOT / "Dockerfile").read_text()


def instructions(name):
    """Arguments of every Dockerfile instruction called ``name``, continuations joined."""
    joined = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    return [line.split(None, 1)[1] for line in joined.splitlines() if line.startswith(name + " ")]


def healthcheck_command():
    """The container's HEALTHCHECK command, to run as Docker would."""
    exec_form = instructions("HEALTHCHECK")[0].split(" CMD ", 1)[1]
    return json.loads(exec_form)
