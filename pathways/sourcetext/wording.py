"""Small English helpers for generated sentences ("a" or "an")."""

# Letters whose spoken name starts with a vowel sound: "an ML Engineer", "an SRE".
_VOWEL_SOUND_LETTERS = frozenset("AEFHILMNORSX")
# Vowel-letter words spoken with a consonant sound, and silent-h words.
_CONSONANT_SOUND_STARTS = ("uni", "use", "usu", "uti", "ure", "uro", "eu", "one", "once")
_SILENT_H_STARTS = ("hour", "honest", "honor", "honour", "heir")


def indefinite_article(phrase: str) -> str:
    """'a' or 'an' for ``phrase``, going by how its first word is spoken."""
    word = phrase.strip().split(" ", 1)[0].strip("\"'\u2018\u2019\u201c\u201d([")
    if not word:
        return "a"
    lower = word.lower()
    if word[0].isdigit():
        return "an" if lower.startswith("8") or lower in ("11", "18") else "a"
    if len(word) == 1 or (word.isupper() and word.isalpha()):
        # An initialism is read letter by letter: "an AI ...", "a UX ...".
        return "an" if word[0].upper() in _VOWEL_SOUND_LETTERS else "a"
    if lower.startswith(_SILENT_H_STARTS):
        return "an"
    if lower.startswith(_CONSONANT_SOUND_STARTS):
        return "a"
    return "an" if lower[0] in "aeiou" else "a"


def with_article(phrase: str) -> str:
    """``phrase`` preceded by 'a' or 'an'."""
    return f"{indefinite_article(phrase)} {phrase}"
