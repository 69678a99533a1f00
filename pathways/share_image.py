"""The card a guide shows when it is shared: a 1200 by 630 PNG drawn with Pillow.

The card holds the site name, the two roles, the guide's title and its
timeline and difficulty, in the site's colours. Role names and titles can be
in any script, and no single font has every character: each piece of text is
drawn in runs, each run in the first font of a fallback chain (DejaVu Sans
for Latin, Greek, Cyrillic, Arabic…; Droid Sans Fallback for Chinese, Japanese
and Korean) whose character map has all of the run's characters. A font
without a character draws its .notdef glyph (a box), so coverage is tested by
comparing a character's glyph with the .notdef glyph. Text that no font
covers, or that needs right-to-left layout when Pillow has none (libraqm with
FriBiDi), is left out, never drawn as boxes. Missing font files are reported
by a system check, and the card is then drawn without text.
"""

import functools
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.core import checks
from PIL import Image, ImageDraw, ImageFont, features

WIDTH, HEIGHT = 1200, 630
# Move on whenever the drawing changes: cached cards of an older layout are not served.
LAYOUT_VERSION = 1

_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
_DROID = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
# Debian packages fonts-dejavu-core and fonts-droid-fallback (Dockerfile, .ci/run).
BOLD_FONTS = (_DEJAVU / "DejaVuSans-Bold.ttf", _DROID)
REGULAR_FONTS = (_DEJAVU / "DejaVuSans.ttf", _DROID)
FONT_PACKAGES = "fonts-dejavu-core fonts-droid-fallback"

# The site's light colours (static/css/site.css).
BACKGROUND = "#ffffff"
FOREGROUND = "#1b1f24"
MUTED = "#4a5360"
ACCENT = "#0b57d0"
PANEL = "#f3f5f8"
BORDER = "#cfd6df"

LEFT = 96  # right of the accent bar
TEXT_WIDTH = WIDTH - LEFT - 72
ELLIPSIS = "…"
TITLE_SIZES = range(40, 73, 4)
PALETTE_COLOURS = 32

# Right-to-left text needs libraqm (and FriBiDi) to come out in the right order.
RTL_LAYOUT = features.check("raqm")
_RTL_CLASSES = {"R", "AL", "AN"}
# The site is in English: lines run left to right, right-to-left names within them.
_DIRECTION = {"direction": "ltr"} if RTL_LAYOUT else {}
_MISSING = "\U0010ffff"  # a noncharacter: no font maps it, so it draws .notdef


# Fonts and what they cover


@functools.lru_cache(maxsize=256)
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont | None:
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:  # missing or unreadable: the system check has said so
        return None


def _glyph(font: ImageFont.FreeTypeFont, char: str) -> tuple:
    mask = font.getmask(char)
    return mask.size, bytes(mask)


@functools.lru_cache(maxsize=16)
def _notdef(path: Path) -> tuple | None:
    font = _font(path, 32)
    return None if font is None else _glyph(font, _MISSING)


def _ignorable(char: str) -> bool:
    """Format characters and variation selectors: laid out, never drawn on their own."""
    code = ord(char)
    return (
        unicodedata.category(char) == "Cf" or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF
    )


@functools.lru_cache(maxsize=8192)
def covers(path: Path, char: str) -> bool:
    """Whether the font at ``path`` has a glyph of its own for ``char`` (not .notdef)."""
    notdef = _notdef(path)
    if notdef is None:
        return False
    if char.isspace() or _ignorable(char):
        return True
    if not RTL_LAYOUT and unicodedata.bidirectional(char) in _RTL_CLASSES:
        return False  # drawn left to right and unjoined, it would be wrong
    return _glyph(_font(path, 32), char) != notdef


def clean(text: str) -> str:
    """Text as the card draws it: one space between words, no control characters.

    Without libraqm, format characters and variation selectors would be drawn
    as glyphs of their own, so they go too.
    """
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cc")
    if not RTL_LAYOUT:
        text = "".join(ch for ch in text if not _ignorable(ch))
    return " ".join(text.split())


def font_runs(text: str, fonts: tuple[Path, ...]) -> list[tuple[Path, str]] | None:
    """``text`` cut into runs, each with the first font in ``fonts`` that covers all of it.

    A run keeps its font for as long as that font covers the next character,
    so accents stay with their letters and runs stay long. None when a
    character is covered by none of the fonts: that text is not drawn.
    """
    runs: list[list] = []
    for char in text:
        if runs and covers(runs[-1][0], char):
            runs[-1][1] += char
            continue
        font = next((path for path in fonts if covers(path, char)), None)
        if font is None:
            return None
        runs.append([font, char])
    return [(font, chars) for font, chars in runs]


# Laying text out


@dataclass(frozen=True)
class Line:
    """One line of text on the card, ready to draw."""

    text: str
    runs: tuple[tuple[Path, str], ...]
    size: int


def _width(runs, size: int) -> float:
    return sum(_font(path, size).getlength(chars, **_DIRECTION) for path, chars in runs)


def _clusters(word: str) -> list[str]:
    """A word cut between characters, keeping combining marks with their base."""
    clusters: list[str] = []
    for char in word:
        if clusters and unicodedata.combining(char):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def _wrap(text: str, fonts, size: int, width: int) -> list[str]:
    """``text`` in lines no wider than ``width``; words too long (or no spaces, as in CJK) are cut."""
    lines: list[str] = []
    line = ""
    for word in re.findall(r"\S+\s*", text):
        pieces = [word]
        if _width(font_runs(word.rstrip(), fonts), size) > width:
            pieces = _clusters(word)
        for piece in pieces:
            candidate = line + piece
            if line and _width(font_runs(candidate.rstrip(), fonts), size) > width:
                lines.append(line.rstrip())
                line = piece
            else:
                line = candidate
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _cut(text: str, fonts) -> str:
    """``text`` ending in an ellipsis, without the punctuation or arrow it would follow."""
    cut = text.rstrip(" ,:;-\u2013\u2014\u2192") + ELLIPSIS
    return cut if font_runs(cut, fonts) is not None else text  # no font has "…"


def _ellipsize(text: str, fonts, size: int, width: int) -> str:
    """``text`` cut short with an ellipsis so that it fits ``width``: after a whole
    word if one fits, else between characters."""
    words = text.split(" ")
    while len(words) > 1:
        candidate = _cut(" ".join(words), fonts)
        if _width(font_runs(candidate, fonts), size) <= width:
            return candidate
        words.pop()
    clusters = _clusters(words[0])
    while clusters:
        candidate = _cut("".join(clusters), fonts)
        if _width(font_runs(candidate, fonts), size) <= width:
            return candidate
        clusters.pop()
    return ""


def fit(text: str, fonts, sizes: range, width: int, max_lines: int) -> list[Line]:
    """``text`` at the largest of ``sizes`` that fits in ``max_lines`` lines of ``width``.

    At the smallest size the last line is cut short with an ellipsis. No
    lines when no font in ``fonts`` covers every character of the text.
    """
    text = clean(text)
    if not text or font_runs(text, fonts) is None:
        return []
    sizes = sorted(sizes, reverse=True)
    for size in sizes:
        lines = _wrap(text, fonts, size, width)
        if len(lines) <= max_lines:
            break
    else:
        kept, end = lines[: max_lines - 1], 0
        for line in kept:  # each line is a piece of ``text``, spaces between them dropped
            end = text.index(line, end) + len(line)
        lines = [*kept, _ellipsize(text[end:].strip(), fonts, size, width)]
    return [Line(line, tuple(font_runs(line, fonts)), size) for line in lines if line]


def _available(fonts: tuple[Path, ...]) -> tuple[Path, ...]:
    return tuple(path for path in fonts if _notdef(path) is not None)


def timeline(pathway) -> str:
    """The timeline the card shows: as written, else the length of the guide's plan."""
    if pathway.timeline_text:
        return pathway.timeline_text
    if pathway.guide_months:
        return f"{pathway.guide_months} month{'' if pathway.guide_months == 1 else 's'}"
    return ""


@dataclass(frozen=True)
class Card:
    """What the card says, laid out: each text as lines; an empty list is not drawn."""

    site: list[Line]
    roles: list[Line]
    title: list[Line]
    facts: list[tuple[list[Line], list[Line]]]  # (label, value) pairs


def lay_out(pathway, bold=BOLD_FONTS, regular=REGULAR_FONTS) -> Card:
    """The card's text for ``pathway``, fitted to the card with the fonts that exist."""
    bold, regular = _available(bold), _available(regular)
    roles = f"{pathway.from_role.name} → {pathway.to_role.name}"
    facts = [("Timeline", timeline(pathway)), ("Difficulty", pathway.difficulty)]
    fact_width = (TEXT_WIDTH - 32) // 2 - 48
    title = fit(pathway.title, bold, TITLE_SIZES, TEXT_WIDTH, 3)
    if not title:  # a title no font covers gives its place to the roles
        title, roles = fit(roles, bold, TITLE_SIZES, TEXT_WIDTH, 3), ""
    return Card(
        site=fit("Pathways", bold, range(40, 41), TEXT_WIDTH, 1),
        roles=fit(roles, regular, range(26, 37, 2), TEXT_WIDTH, 1),
        title=title,
        facts=[
            (fit(label, regular, range(22, 23), fact_width, 1), lines)
            for label, value in facts
            if (lines := fit(value, bold, range(24, 33, 2), fact_width, 1))
        ],
    )


# Drawing


def _draw_line(draw: ImageDraw.ImageDraw, line: Line, x: float, baseline: float, fill: str):
    for path, chars in line.runs:
        font = _font(path, line.size)
        draw.text((x, baseline), chars, font=font, fill=fill, anchor="ls", **_DIRECTION)
        x += font.getlength(chars, **_DIRECTION)


def _draw_lines(draw, lines: list[Line], top: float, fill: str, spacing=1.2) -> float:
    """Draw ``lines`` from ``top`` down; returns where the next text may start."""
    for line in lines:
        baseline = top + line.size * 0.95
        _draw_line(draw, line, LEFT, baseline, fill)
        top += line.size * spacing
    return top


def draw(card: Card) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 23, HEIGHT), fill=ACCENT)
    _draw_lines(draw, card.site, 56, ACCENT)
    _draw_lines(draw, card.roles, 128, MUTED)
    # The title sits in the middle band, centred vertically there.
    band_top, band_bottom = 188, 470
    height = sum(line.size * 1.2 for line in card.title)
    _draw_lines(draw, card.title, band_top + (band_bottom - band_top - height) / 2, FOREGROUND)
    box_width, x = (TEXT_WIDTH - 32) // 2, LEFT
    for label, value in card.facts:
        draw.rounded_rectangle(
            (x, 494, x + box_width, 574), radius=12, fill=PANEL, outline=BORDER, width=2
        )
        for line in label:
            _draw_line(draw, line, x + 24, 494 + 30, MUTED)
        for line in value:
            _draw_line(draw, line, x + 24, 494 + 66, FOREGROUND)
        x += box_width + 32
    return image


def share_png(pathway) -> bytes:
    """The pathway's card as PNG bytes: draw it once and keep it.

    A seed guide's card takes about 50 ms (layout 2 ms, drawing 2 ms, palette
    and PNG 45 ms) and weighs 20 KB; 32 colours keep the antialiased text
    clean at less than half the size of a full-colour PNG (52 KB), which
    ``optimize=True`` would shrink by only 2 KB for 37 ms more.
    """
    out = io.BytesIO()
    draw(lay_out(pathway)).quantize(PALETTE_COLOURS).save(out, "PNG")
    return out.getvalue()


def alt_text(pathway) -> str:
    """What the card shows, in words, for ``og:image:alt``."""
    facts = [("timeline", timeline(pathway)), ("difficulty", pathway.difficulty)]
    roles = f"{pathway.from_role.name} to {pathway.to_role.name}"
    said = [f"Pathways: {pathway.title} ({roles})"]
    said += [f"{label} {value}" for label, value in facts if value]
    return "; ".join(said) + "."


@checks.register
def check_fonts(app_configs=None, fonts=BOLD_FONTS + REGULAR_FONTS, **kwargs):
    """Every font the cards use exists, and right-to-left text can be laid out."""
    found = [
        checks.Error(
            f"Share-image font missing: {path}",
            hint=f"Install the Debian packages {FONT_PACKAGES} (apt-get install).",
            id="pathways.E001",
        )
        for path in dict.fromkeys(fonts)
        if not Path(path).is_file()
    ]
    if not RTL_LAYOUT:
        found.append(
            checks.Warning(
                "Pillow has no libraqm layout: Arabic and Hebrew text is left out of share images.",
                hint="Install the Debian package libfribidi0.",
                id="pathways.W001",
            )
        )
    return found
