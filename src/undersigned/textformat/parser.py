"""Plain text -> Document.

blocks.find_signatories() decides which lines are the signatory list; the other lines
are split into paragraphs; the first paragraphs may be a kind
line, a title and a subtitle, the last ones a date line and an issuer block; the rest is
the body. Every decision looks at one paragraph or line at a time, never at blank-line
layout around it, so that render_text() (which writes its own layout) parses back alike.
"""

from __future__ import annotations

import gc
import itertools
import re

from .blocks import find_signatories
from .confidence import SURE, bounded, entry_bound
from .countries import country_name_code
from .dates import parse_date_line
from .folding import fold, word_tuple
from .headings import footer_line, groups_are_countries
from .lines import MARKER, split_lines
from .model import Document, Signatory
from .places import without_list_places
from .plan import Entry, Plan
from .short_forms import is_acronym
from .signatories import parse_signatory
from .vocabulary import FUNCTION_WORDS, has_organization_word
from .wrapped_cjk import unwrap

_MD_HEADING = re.compile(r"^(?:#{1,6}\s+)+(?=\S)")
_TERMINAL = (".", "!", "?", ":", ";", ",", "…")
_SALUTATION = re.compile(
    r"^(?:dear|to|hello|hi|sehr|liebe|lieber|cher|chere|chers|cheres|madame|monsieur"
    r"|estimad|querid|senor|senora|prezad|caro|cara|cari|gentil|egregi|sayin|degerli)\w*\b"
)

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
_KIND_WORDS = re.compile(
    r"\b(?:" + "|".join(re.escape(k) for k in sorted(KINDS, key=len, reverse=True)) + r")\b"
)
_KIND_LINE = re.compile(r"^(?P<kind>[^\W\d_][^:]{0,40}?)\s*:(?:\s+(?P<rest>.+))?$")

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
    # A comma may end a title set over several lines ("… States of America,"), not a
    # salutation ("Dear Ministers,").
    ending = (".", ":", ";", "…") if not _SALUTATION.match(fold(unit)) else _TERMINAL
    return (
        len(unit) <= 200
        and not unit.endswith(ending)
        and not MARKER.match(unit)
        and parse_date_line(unit) is None
        and any(ch.isalpha() for ch in unit)
        and _kind(unit)[0] is None
    )


def _subtitle_sized(unit: str) -> bool:
    """A subtitle is a heading: not a paragraph, a link or an invitation to sign."""
    return len(unit) <= 150 and footer_line(unit) is None


def _own_heading(units: list[str], position: int, title: str) -> str | None:
    """The statement's own heading a few paragraphs below the page title (a blog post's
    introduction before "Open letter to EU Member States …"); it is taken out of units."""
    title_words = {w for w in word_tuple(title) if len(w) >= 4}
    for index in range(position + 1, min(position + 6, len(units) - 1)):
        unit = _strip_markdown_heading(units[index])
        if not (_title_like(unit) and _subtitle_sized(unit)) or unit.endswith(("!", "?")):
            continue
        shared = len(title_words & {w for w in word_tuple(unit) if len(w) >= 4})
        if _KIND_WORDS.search(fold(unit)) or shared >= 2:
            del units[index]
            return unit
    return None


def _body_below(units: list[str], start: int) -> bool:
    """Whether a paragraph from units[start] on is neither an issuer line nor a date."""
    return any(not _issuer_like(unit) and parse_date_line(unit) is None for unit in units[start:])


def _continues_title(piece: str, unit: str) -> bool:
    """A title set over several heading lines: "The unanimous Declaration" / "of the …"."""
    unit = _strip_markdown_heading(unit)
    if len(unit) > 60 or not _title_like(unit.removesuffix(",")):
        return False
    last = piece.rsplit(" ", 1)[-1]
    # "… of the thirteen united" / "States of America,": a short piece cut mid-phrase.
    return unit[:1].islower() or (last.isalpha() and last.islower() and len(piece) <= 40)


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
    # Only while no date is known: render_text writes the date last, so with one found at the
    # end a date line on top is a paragraph of the body, which must not be lost.
    if units and doc.date is None and (date := parse_date_line(units[0])) is not None:
        doc.date = date
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
            position += 1
            # Only with body text below: what is left could otherwise read as an issuer
            # block together with the joined title, once rendered.
            piece = title
            while (
                position < len(units) - 1
                and _continues_title(piece, units[position])
                and _body_below(units, position + 1)
            ):
                piece = _strip_markdown_heading(units[position])
                title += " " + piece
                position += 1
            doc.title = title
            if position < len(units):
                subtitle = _strip_markdown_heading(units[position])
                if _title_like(subtitle) and _subtitle_sized(subtitle):
                    doc.subtitle = subtitle
                    position += 1
            if doc.subtitle is None:
                doc.subtitle = _own_heading(units, position, title)
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


def build_signatory(entry: Entry, groups_are_countries: bool = True) -> Signatory:
    """The signatory an entry of the list describes."""
    group_country = None
    if entry.group and groups_are_countries:
        group_country = country_name_code(entry.group)
    signatory = parse_signatory(entry.text, entry.number, entry.group, group_country)
    fields = signatory.field_confidence
    if entry.table_country is not None:
        signatory.country, signatory.country_stated = entry.table_country, True
        fields = {**fields, "country": SURE}  # a new dict: the parsed entry is cached
        signatory.doubts = {k: v for k, v in signatory.doubts.items() if k != "country"}
    elif entry.from_table and not signatory.country_stated and signatory.country != group_country:
        # A table states the country in a column, after the name ("…, Ireland") or in the
        # heading over it; a country word inside the name belongs to the name ("Tchad Agir…").
        signatory.country = None
        signatory.doubts = {k: v for k, v in signatory.doubts.items() if k != "country"}
    signatory.confidence = entry_bound(signatory, entry.confidence)
    signatory.field_confidence = bounded(fields, signatory.confidence)
    return signatory


def parse(text: str) -> Document:
    """Parse a plain-text statement. Never raises on any str."""
    return parse_with_plan(text)[0]


def parse_with_plan(text: str) -> tuple[Document, Plan]:
    """The document and the role of every line (for --explain)."""
    # A long list makes several objects a line, none of them in a cycle, and the cyclic
    # garbage collector walked all of them again and again (a tenth of a 5 MB parse): it
    # waits until the parse is done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse_with_plan(text)
    finally:
        if collecting:
            gc.enable()


_LONE_NUMBER = re.compile(r"\d{1,4}[.)]?")


def _drop_signless_entries(plan: Plan) -> None:
    """An entry with no letter or digit ("(", "–") or only a list number ("1.") names nobody:
    dropped, its own line with it (a list item written back as "- (" or "- 1" would not read
    as one). "11.11.11" is a name."""
    kept = []
    for entry in plan.entries:
        text = entry.text.strip()
        # A letter first (most entries) is a name: neither test needs running.
        if text[:1].isalpha() or (
            any(ch.isalnum() for ch in text) and not _LONE_NUMBER.fullmatch(text)
        ):
            kept.append(entry)
            continue
        for index in entry.lines:
            if plan.roles.get(index, ("",))[0] == "entry":
                plan.roles[index] = ("noise", "no name in it: names nobody")
    plan.entries = kept


def _parse_with_plan(text: str) -> tuple[Document, Plan]:
    doc = Document()
    # Chinese prose wrapped at a fixed width is joined again, for the list and the body.
    lines = unwrap(split_lines(text if isinstance(text, str) else str(text)))
    plan = find_signatories(lines)
    _drop_signless_entries(plan)
    # "Name, Managua, Nicaragua." in a list of "Name (ATC), Managua, Nicaragua.": no place.
    texts = without_list_places([entry.text for entry in plan.entries])
    for entry, text in zip(plan.entries, texts, strict=True):
        entry.text = text
    doc.signatories_as_of = plan.signatories_as_of
    doc.further_signatories_possible = plan.further
    by_country = groups_are_countries(entry.group for entry in plan.entries)
    doc.signatories = [build_signatory(entry, by_country) for entry in plan.entries]
    # Lines the list took are blanked, so that the paragraphs around them stay apart.
    kept = {"body", "note", "decoy"}
    top = [
        line if plan.roles.get(i, ("body", ""))[0] in kept else "" for i, line in enumerate(lines)
    ]
    _top(_paragraphs(top), doc)
    return doc, plan
