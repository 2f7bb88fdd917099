"""Share cards: the PNG that messengers and social networks show beside a shared link.

Drawn on our side with Pillow (its wheels bring libraqm, which shapes Persian and lays it out
right to left): kind, coalition, title and the number of signatory organizations, in the
reader's language, 1200×630 as Open Graph asks. Cached per statement, language and last change.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import ngettext

from undersigned.core.l10n import local_number
from undersigned.signing.models import Signature
from undersigned.statements.models import Statement
from undersigned.statements.translations import text_for_reader

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont

WIDTH, HEIGHT = 1200, 630
_MARGIN = 72
_CACHE_SECONDS = 7 * 24 * 3600
_BACKGROUND, _INK, _SOFT, _ACCENT = "#fbfaf7", "#1d1d1f", "#5a5a60", "#b3261e"

# Debian's fonts (fonts-noto-core, fonts-dejavu-core); the first one found is used.
_FONT_DIRS = [Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/truetype/dejavu")]
_LATIN = {
    "bold": ["NotoSans-Bold.ttf", "DejaVuSans-Bold.ttf"],
    "regular": ["NotoSans-Regular.ttf", "DejaVuSans.ttf"],
}
_ARABIC = {
    "bold": ["NotoSansArabic-Bold.ttf", "NotoNaskhArabic-Bold.ttf", "DejaVuSans-Bold.ttf"],
    "regular": ["NotoSansArabic-Regular.ttf", "NotoNaskhArabic-Regular.ttf", "DejaVuSans.ttf"],
}


@lru_cache(maxsize=64)
def _font(weight: str, size: int, arabic: bool) -> FreeTypeFont:
    from PIL import ImageFont  # Pillow only where a card is drawn: not in every process

    for name in (_ARABIC if arabic else _LATIN)[weight]:
        for folder in _FONT_DIRS:
            if (folder / name).exists():
                return ImageFont.truetype(str(folder / name), size)
    return ImageFont.load_default(size)


def _wrap(text: str, font: FreeTypeFont, width: int, max_lines: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(".,;:") + "…"
    return lines


def _is_rtl(language: str) -> bool:
    try:
        return bool(translation.get_language_info(language)["bidi"])
    except KeyError:
        return False


def share_card(statement: Statement, language: str) -> bytes:
    key = f"card:{statement.pk}:{language}:{statement.updated_at.timestamp()}"
    if (cached := cache.get(key)) is not None:
        return cached
    content = render_card(statement, language)
    cache.set(key, content, _CACHE_SECONDS)
    return content


def render_card(statement: Statement, language: str) -> bytes:
    text = text_for_reader(statement, language).text
    count = Signature.objects.active().filter(statement=statement).count()
    # The card's own words in the reader's language, as on the page; the title in its own.
    title_rtl = _is_rtl(text.language)
    with translation.override(language):
        rtl = translation.get_language_bidi()
        kind = str(statement.get_kind_display())
        organizations = ngettext("organization", "organizations", count)
        signed = f"{local_number(count)} {organizations}"
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), _BACKGROUND)
    draw = ImageDraw.Draw(image)
    direction = "rtl" if rtl else "ltr"
    # Right to left: lines start at the right margin.
    x, anchor = (WIDTH - _MARGIN, "r") if rtl else (_MARGIN, "l")

    def line(y: int, words: str, font, fill, *, rtl_words: bool = rtl) -> None:
        draw.text(
            (x, y),
            words,
            font=font,
            fill=fill,
            anchor=anchor + "a",
            direction="rtl" if rtl_words else "ltr",
        )

    draw.rectangle((0, 0, WIDTH, 12), fill=_ACCENT)
    # The coalition's abbreviation is Latin whatever the language: its own font, beside the kind.
    kind_font = _font("regular", 34, rtl)
    line(_MARGIN, kind, kind_font, _SOFT)
    if statement.coalition:
        abbreviation = statement.coalition.abbreviation
        offset = int(kind_font.getlength(kind, direction=direction)) + 10
        draw.text(
            (x - offset if rtl else x + offset, _MARGIN),
            f"{abbreviation} ·" if rtl else f"· {abbreviation}",
            font=_font("regular", 34, False),
            fill=_SOFT,
            anchor=anchor + "a",
        )
    title_font = _font("bold", 60 if len(text.title) < 90 else 48, title_rtl)
    y = _MARGIN + 70
    for words in _wrap(text.title, title_font, WIDTH - 2 * _MARGIN, 4):
        line(y, words, title_font, _INK, rtl_words=title_rtl)
        y += int(title_font.size * 1.3)
    if count:
        line(HEIGHT - _MARGIN - 48, signed, _font("bold", 40, rtl), _ACCENT)
    site = _font("regular", 28, False)
    site_x, site_anchor = (_MARGIN, "ls") if rtl else (WIDTH - _MARGIN, "rs")
    draw.text(
        (site_x, HEIGHT - _MARGIN), settings.SITE_NAME, font=site, fill=_SOFT, anchor=site_anchor
    )
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
