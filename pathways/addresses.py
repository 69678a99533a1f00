"""Page addresses (slugs) of roles and pathways, in any script.

A role's address is its name in lower case, words joined by hyphens, keeping
the letters and digits of every script: "数据科学家" lives at
``/become/数据科学家/`` and "Ingénieur" at ``/become/ingénieur/``, apart from
"Ingenieur". Names are NFKC-normalised first, so the same name always gives
the same address, and no transliteration table can change it between
releases. A pathway's address joins its two roles' addresses.

Django's ``<slug:>`` accepts ASCII only, hence the ``<address:…>`` converter
registered in ``pathways.urls``; it accepts exactly what ``role_slug`` makes
and what ``SlugField(allow_unicode=True)`` lets editors type.
"""

import re

from django.urls.converters import StringConverter
from django.utils.text import slugify

PATTERN = r"[-\w]+"
_SLUG = re.compile(PATTERN)


class AddressConverter(StringConverter):
    """``<address:slug>``: a slug in any script."""

    regex = PATTERN


def role_slug(name: str) -> str:
    """A role's address; empty when the name has no letter or digit in any script."""
    return slugify(name, allow_unicode=True)


def pathway_slug(from_slug: str, to_slug: str) -> str:
    """A pathway's address, from its two roles' addresses."""
    return f"{from_slug}-to-{to_slug}"


def is_slug(value: str) -> bool:
    """Whether ``value`` can be an address (the URL patterns would accept it)."""
    return _SLUG.fullmatch(value) is not None
