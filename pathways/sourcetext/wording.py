""" "a" or "an" before a phrase, going by how its first word is spoken.

The one rule for the whole site: the parser's hub titles and FAQ questions,
the page titles and the templates (the ``indefinite_article`` filter) all use
it, so a role reads the same everywhere ("an ML Engineer", "a UX Designer").
"""

import re
import unicodedata

# The first word: a run of letters and digits ("UX" in "UX/UI", "One" in "One-person").
_WORD = re.compile(r"[^\W_]+")
# A number as written at the start of a phrase: "8", "1800", "11,000".
_NUMBER = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+")
# Letters whose spoken name starts with a vowel sound: "an ML Engineer", "an SRE", "an FBI agent".
_VOWEL_SOUND_LETTERS = frozenset("AEFHILMNORSX")
# Words spoken with a consonant sound although a vowel starts them: "a University", "a European".
_CONSONANT_SOUND_STARTS = (
    "eu",
    "ewe",
    "ubiq",
    "uku",
    "ukr",
    "uni",
    "ura",
    "ure",
    "uro",
    "use",
    "usu",
    "uti",
    "uto",
)
# ... but "un-" before an i is the negation, spoken with a vowel: "an Uninstalled", "an Unimportant".
_NEGATED_UNI_STARTS = ("unin", "unimp", "unimag", "unident")
# Words whose h is silent: "an Hour", "an Honest".
_SILENT_H_STARTS = ("hour", "honest", "honor", "honour", "heir")
# Spoken "won": "a One-person Team".
_ONE = frozenset(("one", "once"))


def indefinite_article(phrase: str) -> str:
    """ "a" or "an" for ``phrase``; "a" when it has no word at all."""
    word = _WORD.search(phrase)
    if word is None:
        return "a"
    if phrase[word.start()] in "0123456789":
        return _article_for_number(_NUMBER.match(phrase, word.start()).group())
    head = _without_accents(word.group())
    if len(head) == 1 or (head.isupper() and head.isalpha()):
        # A letter or an initialism is read letter by letter: "an AI …", "a UX …", "an X-ray".
        return "an" if head[0].upper() in _VOWEL_SOUND_LETTERS else "a"
    lower = head.lower()
    if lower.startswith(_SILENT_H_STARTS) or lower.startswith(_NEGATED_UNI_STARTS):
        return "an"
    if lower in _ONE or lower.startswith(_CONSONANT_SOUND_STARTS):
        return "a"
    return "an" if lower[0] in "aeiou" else "a"


def with_article(phrase: str) -> str:
    """``phrase`` preceded by "a" or "an"."""
    return f"{indefinite_article(phrase)} {phrase}"


def _article_for_number(number: str) -> str:
    """Numbers said with a vowel sound start with eight, eleven or eighteen.

    What is said first is the leading group of thousands ("11,000": eleven
    thousand), or for four digits without a comma the first two ("1800":
    eighteen hundred).
    """
    if "," in number:
        leading = number.split(",", 1)[0]
    elif len(number) == 4:
        leading = number[:2]
    else:
        leading = number[: len(number) % 3 or 3]
    return "an" if leading.startswith("8") or leading in ("11", "18") else "a"


def _without_accents(word: str) -> str:
    """ "École" as "Ecole": an accent does not change the sound that starts a word."""
    return "".join(
        char for char in unicodedata.normalize("NFKD", word) if not unicodedata.combining(char)
    )
