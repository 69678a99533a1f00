"""The stored HTML's fingerprint covers the code of every filter and tag the templates load."""

import inspect
from pathlib import Path

from pathways import rendering
from pathways.templatetags import pathways_tags


def test_fingerprint_covers_the_module_of_every_filter_and_tag():
    package = Path(rendering.__file__).resolve().parent
    covered = {package / module for module in rendering.MODULES}
    library = pathways_tags.register
    functions = [*library.filters.values(), *library.tags.values()]

    defined_in = {Path(inspect.getsourcefile(inspect.unwrap(f))).resolve() for f in functions}

    assert defined_in - covered == set()
