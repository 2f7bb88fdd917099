"""Plain text -> Document.

The text is cut at the signatories heading (or, without one, before a trailing list of
entries). The part above is split into paragraphs; the first paragraphs may be a kind
line, a title and a subtitle, the last ones a date line and an issuer block; the rest is
the body. Every decision looks at one paragraph or line at a time, never at blank-line
layout around it, so that render_text() (which writes its own layout) parses back alike.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from .countries import country_name_code, is_region
from .dates import find_date, parse_date_line
from .folding import fold, words
from .model import Document
from .signatories import is_acronym, parse_signatory
from .vocabulary import FUNCTION_WORDS, has_organization_word
from .vocabulary import split_words as _split_words

_SPACE = re.compile(r"\s+")
MARKER = re.compile(r"^(?:(?P<n1>\d{1,6})[.)]|\((?P<n2>\d{1,6})\)|[-*•–—·‣▪◦])\s+(?=\S)")
_MD_HEADING = re.compile(r"^(?:#{1,6}\s+)+(?=\S)")
_TERMINAL = (".", "!", "?", ":", ";", ",", "…")

# Kind lines, folded, -> the kind as stored (lower-case English).
_KINDS = {
    "statement": "statement stellungnahme erklarung communique comunicado comunicato aciklama "
    "بیانیه بيان заявление",
    "joint statement": "joint statement|gemeinsame erklarung|declaration commune|"
    "declaracion conjunta|declaracao conjunta|dichiarazione congiunta|ortak aciklama|"
    "ortak bildiri|common statement",
    "resolution": "resolution resolucion resolucao risoluzione karar قطعنامه قرار резолюция",
    "declaration": "declaration declaracion declaracao dichiarazione deklaration bildiri "
    "deklarasyon اعلامیه إعلان декларация",
    "joint declaration": "joint declaration|common declaration",
    "open letter": "open letter|offener brief|lettre ouverte|carta abierta|carta aberta|"
    "lettera aperta|acik mektup",
    "appeal": "appeal aufruf appel llamamiento apelo appello cagri فراخوان نداء обращение",
    "joint appeal": "joint appeal|gemeinsamer aufruf|appel commun|llamamiento conjunto",
    "call": "call|call to action|convocatoria|chamado|chiamata",
    "press release": "press release|pressemitteilung|communique de presse|"
    "comunicado de prensa|comunicato stampa|basin aciklamasi|nota de imprensa",
    "manifesto": "manifesto manifest manifiesto",
    "petition": "petition peticion peticao petizione",
}
KINDS: dict[str, str] = {}
for _kind, _forms in _KINDS.items():
    for _form in _forms.split("|") if "|" in _forms else _forms.split():
        KINDS[_form] = _kind
for _kind in list(_KINDS):
    for _qualifier in ("joint", "final", "common", "international"):
        KINDS.setdefault(f"{_qualifier} {_kind}", f"{_qualifier} {_kind}")
_KIND_LINE = re.compile(r"^(?P<kind>[^\W\d_][^:]{0,40}?)\s*:(?:\s+(?P<rest>.+))?$")

_HEADINGS = """signatories|signatory organizations|signatory organisations|signatory parties|
signatory parties and organizations|signatures|signed by|signed|signers|initial signatories|
first signatories|co-signatories|cosignatories|list of signatories|signing organizations|
signing organisations|endorsed by|endorsements|unterzeichner|unterzeichnerinnen|
unterzeichnende|unterzeichnende organisationen|erstunterzeichner|erstunterzeichnerinnen|
unterzeichnerinnen und unterzeichner|unterzeichnet von|unterschriften|signataires|
premiers signataires|organisations signataires|liste des signataires|signe par|firmantes|
primeros firmantes|organizaciones firmantes|firmas|firmado por|lista de firmantes|
signatarios|signatarias|organizacoes signatarias|assinaturas|assinado por|
primeiros signatarios|firmatari|primi firmatari|organizzazioni firmatarie|firmato da|
adesioni|imzacilar|imzaci orgutler|imzaci kurumlar|imzalayanlar"""
_HEADING = re.compile(
    r"^(?:#{1,6}\s*)?(?:"
    + "|".join(
        re.escape(h).replace(r"\ ", r"\s+")
        for h in sorted((h.strip() for h in _HEADINGS.split("|")), key=len, reverse=True)
    )
    + r")(?![\w-])(?P<rest>.*)$"
)
FURTHER = re.compile(
    r"(?:further|more|additional|other) signator(?:y|ies) (?:are )?(?:possible|welcome)"
    r"|open (?:for|to) (?:further |more )?signatures"
    r"|weitere unterzeichn\w* (?:sind )?(?:moglich|willkommen)"
    r"|(?:d'autres|autres|nouveaux) signataires (?:sont )?(?:possibles|bienvenus)"
    r"|(?:otros|mas|nuevos|otras) firmantes (?:son )?(?:posibles|bienvenid[oa]s)"
    r"|(?:outros|novos|mais) signatarios (?:sao )?(?:possiveis|bem-vindos)"
    r"|(?:altri|ulteriori|nuovi) firmatari (?:sono )?(?:possibili|benvenuti)"
    r"|(?:yeni|diger) imzaci(?:lar)? (?:mumkun(?:dur)?|acik(?:tir)?)|imzaya acik(?:tir)?"
)
# Words allowed around the date in a heading: "(as of ...)", "(Stand: ...)", "(au ...)".
_HEADING_FILLER = frozenset(
    _split_words(
        """
        as of at on per by stand vom am au le en date al el a partir del em de status
        updated state itibariyle itibariyla itibaren tarihi itibarile aggiornato al last
        update
        """
    )
)


_JOINERS = "\u200c\u200d"


def _clean(line: str) -> str:
    # Control and format characters become spaces so arbitrary input stays on one line;
    # isprintable() is a fast check that almost every real line passes. The zero-width
    # (non-)joiners are letters' business in Persian, Arabic and Indic scripts: they stay.
    if not line.isprintable():
        line = "".join(
            " "
            if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") and ch not in _JOINERS
            else ch
            for ch in line
        )
    return _SPACE.sub(" ", line).strip()


def _lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    return [_clean(line) for line in text.split("\n")]


def _heading(line: str) -> tuple[str | None, bool] | None:
    """(as-of date, further possible) when the line heads a signatory list, else None."""
    if len(line) > 160:
        return None
    match = _HEADING.match(fold(line))
    if match is None:
        return None
    rest = match["rest"].strip()
    if rest.endswith(":"):
        rest = rest[:-1].strip()
    rest = rest.lstrip(":,;–—- ").strip()
    if rest.startswith("(") and rest.endswith(")"):
        rest = rest[1:-1].strip()
    if not rest:
        return None, False
    further = FURTHER.search(rest)
    found = find_date(rest)
    leftover = rest
    if further:
        leftover = leftover.replace(further.group(0), " ")
    if found:
        leftover = leftover[: found[1]] + " " + leftover[found[2] :] if not further else leftover
        if further:
            again = find_date(leftover)
            if again:
                leftover = leftover[: again[1]] + " " + leftover[again[2] :]
    if not further and not found:
        return None
    if any(w not in _HEADING_FILLER for w in words(leftover)):
        return None
    return (found[0] if found else None), further is not None


def _marker(line: str) -> tuple[bool, int | None, str]:
    match = MARKER.match(line)
    if match is None:
        return False, None, line
    number = match["n1"] or match["n2"]
    return True, int(number) if number else None, line[match.end() :]


def _group_heading(line: str, marked: bool) -> str | None:
    """The group a heading line opens ("Africa", "Germany:", "### Trade unions"), else None."""
    text = line
    markdown = _MD_HEADING.match(text)
    if markdown:
        return text[markdown.end() :].strip() or None
    if text.endswith(":") and len(text) > 1 and len(text) <= 101:
        return text[:-1].strip() or None
    if is_region(text) or country_name_code(text) is not None:
        return text
    if marked and len(text) <= 100 and not text.endswith((".", "!", "?")):
        return text
    return None


def _signatory_section(lines: list[str], doc: Document) -> None:
    """Fill doc.signatories from the lines under the heading (notes go to the body)."""
    marked = any(_marker(line)[0] for line in lines if line)
    group: str | None = None
    group_country: str | None = None
    for line in lines:
        if not line:
            continue
        is_marked, number, text = _marker(line)
        if not is_marked:
            if len(line) <= 120 and FURTHER.search(fold(line)):
                doc.further_signatories_possible = True
                continue
            date = parse_date_line(line)
            if date is not None:
                doc.date = doc.date or date
                continue
            heading = _group_heading(line, marked)
            if heading is not None:
                group, group_country = heading, country_name_code(heading)
                continue
            if marked:
                doc.body.append(line)
                continue
        doc.signatories.append(parse_signatory(text, number, group, group_country))


def _trailing_list(lines: list[str]) -> int | None:
    """Start of a trailing list of signatory-like entries when there is no heading."""
    start = None
    entries = 0
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not line:
            continue
        is_marked, _, text = _marker(line)
        if is_marked and _entry_like(text):
            entries += 1
            start = i
        elif not is_marked and (is_region(line) or country_name_code(line.rstrip(":"))):
            start = i
        else:
            break
    if entries < 2 or start is None:
        return None
    # A list must not open with a heading that belongs to nothing.
    while start < len(lines) and not _marker(lines[start])[0]:
        start += 1
    return start


def _entry_like(text: str) -> bool:
    if len(text) > 160 or text.endswith((".", ":", ";", "?")):
        return False
    first = text.split(" ", 1)[0]
    return (
        is_acronym(first)
        or has_organization_word(text)
        or parse_signatory(text).kind == "person"
        or ", " in text
    )


# --- the part above the signatories ---------------------------------------------------


def _joins(line: str, following: str) -> bool:
    """Whether a line break looks like hard wrapping inside a sentence."""
    return (
        len(line) >= 40
        and not line.endswith((".", "!", "?", ":", ";", '"', "”", "»", ")"))
        and following[:1].islower()
    )


def _paragraphs(lines: list[str]) -> list[str]:
    """One paragraph per line, except that hard-wrapped lines are joined again."""
    units: list[str] = []
    joining = False
    for line, following in itertools.pairwise([*lines, ""]):
        if not line:
            joining = False
            continue
        if joining:
            units[-1] += " " + line
        else:
            units.append(line)
        joining = bool(following) and _joins(line, following)
    return units


def _kind(unit: str) -> tuple[str | None, str | None]:
    """(kind, rest of the line) for "Resolution" or "Statement: Title"."""
    folded = fold(unit).strip().rstrip(":").strip()
    if folded in KINDS:
        return KINDS[folded], None
    match = _KIND_LINE.match(unit)
    if match and fold(match["kind"]).strip() in KINDS and match["rest"]:
        return KINDS[fold(match["kind"]).strip()], match["rest"].strip()
    return None, None


def _strip_markdown_heading(unit: str) -> str:
    match = _MD_HEADING.match(unit)
    return unit[match.end() :] if match else unit


def _title_like(unit: str) -> bool:
    return (
        len(unit) <= 200
        and not unit.endswith(_TERMINAL[:1] + _TERMINAL[3:])
        and not MARKER.match(unit)
        and parse_date_line(unit) is None
        and any(ch.isalpha() for ch in unit)
        and _kind(unit)[0] is None
    )


def _issuer_like(unit: str) -> bool:
    if not (2 <= len(unit) <= 100) or not unit[0].isupper() or unit.endswith(_TERMINAL):
        return False
    if MARKER.match(unit) or parse_date_line(unit) is not None or "**" in unit:
        return False
    tokens = [t for t in re.findall(r"[^\W\d_][\w'’\-]*", unit) if fold(t) not in FUNCTION_WORDS]
    if not tokens:
        return False
    capitalized = sum(1 for t in tokens if t[0].isupper())
    return 4 * capitalized >= 3 * len(tokens)


def _issuer_named(lines: list[str]) -> bool:
    """An issuer block names a body: a committee, a conference, or an acronym ("ICOR")."""
    return any(
        has_organization_word(line) or any(is_acronym(t, strict=True) for t in line.split())
        for line in lines
    )


def _top(units: list[str], doc: Document) -> None:
    # The tail first: a date line and an issuer block, in either order.
    issuer: list[str] = []
    while units:
        last = units[-1]
        date = parse_date_line(last)
        if date is not None and doc.date is None:
            doc.date = date
            units.pop()
        elif len(issuer) < 3 and _issuer_like(last):
            issuer.insert(0, units.pop())
        else:
            break
    if issuer and not _issuer_named(issuer):
        units.extend(issuer)
        issuer = []
    doc.issuer = "\n".join(issuer) or None

    # The head: a date line, an issuer before a kind line, a kind line, a title, a subtitle.
    position = 0
    if units and parse_date_line(units[0]) is not None:
        doc.date = doc.date or parse_date_line(units[0])
        position = 1
    position = _top_issuer(units, position, doc)
    if position < len(units):
        kind, rest = _kind(units[position])
        if kind is not None:
            doc.kind = kind
            if rest is not None:
                units[position] = rest
            else:
                position += 1
    if position < len(units):
        title = _strip_markdown_heading(units[position])
        if _title_like(title):
            doc.title = title
            position += 1
            if position < len(units):
                subtitle = _strip_markdown_heading(units[position])
                if _title_like(subtitle):
                    doc.subtitle = subtitle
                    position += 1
    # A date line right below the heading lines ("Berlin, 15 September 2021").
    if position < len(units) and doc.date is None:
        date = parse_date_line(units[position])
        if date is not None:
            doc.date = date
            position += 1
    doc.body = units[position:] + doc.body


def _top_issuer(units: list[str], position: int, doc: Document) -> int:
    """Take "ICOR" above "Resolution" as the issuer (render_text writes it at the end).

    Only when there is no issuer at the end, and when the last remaining paragraph could
    not join the issuer block once it is written at the end.
    """
    if doc.issuer is not None:
        return position
    for size in (1, 2, 3):
        kind_at = position + size
        if kind_at >= len(units) - 1 or _kind(units[kind_at])[0] is None:
            continue
        lines = units[position:kind_at]
        if not all(_issuer_like(u) for u in lines) or not _issuer_named(lines):
            return position
        if _issuer_like(units[-1]) or parse_date_line(units[-1]) is not None:
            return position
        doc.issuer = "\n".join(lines)
        return kind_at
    return position


def parse(text: str) -> Document:
    """Parse a plain-text statement. Never raises on any str."""
    doc = Document()
    lines = _lines(text if isinstance(text, str) else str(text))
    cut = None
    for i, line in enumerate(lines):
        heading = _heading(line)
        if heading is not None:
            doc.signatories_as_of, doc.further_signatories_possible = heading
            cut = i
            _signatory_section(lines[i + 1 :], doc)
            break
    if cut is None:
        cut = _trailing_list(lines)
        if cut is not None:
            _signatory_section(lines[cut:], doc)
    top = lines if cut is None else lines[:cut]
    _top(_paragraphs(top), doc)
    return doc
