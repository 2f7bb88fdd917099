"""Signatories named in running text, in any script: "sottoscritto da A, B, C, mette …",
"الف، ب، ج و د امضاکنندگان … هستند", "Assinam a nota, além da X (CUT), a Y … e a Z.".

A paragraph is split at list separators (the comma, the Arabic comma "،", the ideographic
"、"); a run of three or more short, name-like pieces is a list. Its first item is cut from the
clause that leads into it (after a colon or dash, else the trailing capitalised words, else as
many words as the other items have); its last item is split at "and" in the paragraph's language
and cut before the predicate. Written for shapes, not for a text: no word list names a signatory.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .and_lists import glued_and_items
from .appositions import (
    ARTICLED_AND,
    after_article,
    apposed,
    articled,
    opens_with_article,
    split_articled_and,
)
from .etc_runs import etc_items
from .folding import fold
from .from_clauses import runs_from
from .inline_samples import after_among, before_others
from .lost_separators import cut_short, split_lost
from .odd_separators import run_together
from .paren_lists import ParenRun, paren_runs
from .partners import after_mark, after_with, through_short_form
from .quoted_lists import country_run, quoted_runs
from .role_first import role_first_run
from .role_lists import RoleRun, role_run
from .role_named import outnumbers, role_named_run
from .short_form_joins import rejoined
from .signing_clauses import SIGNING_STEMS, later_signers
from .subject_lists import (
    LEAD,
    addressed,
    closed_at_paren,
    delegates_lead,
    ends_name,
    joint_statement,
    names_more,
    on_behalf_run,
    opening_name,
    opens_clause,
    parenthesized_pair,
    without_lead,
)
from .vocabulary import AND_WORDS

# The Latin comma needs a space after it ("1,000" is a number); the Arabic "،" and the
# ideographic "、" and "，" need none. A slash separates only where no comma does
# ("赤松竜(弁護士) /浅石紘爾(作家)/…").
_SEPARATOR = re.compile(r"\s*,\s+|\s*[،、，]\s*")
# In a script with capitals, a comma between letters too ("…, SPI,SPP, …" typed in haste),
# or after a closing parenthesis ("… (FSU),Élise Roux"); Chinese text writes the ASCII comma
# between clauses with no space at all.
_CASED_SEPARATOR = re.compile(r"\s*,\s+|(?:(?<=[^\W\d_])|(?<=\))),(?=[^\W\d_])|\s*[،、，]\s*")
# A second lead-in inside the run of names ("…, X ainsi que les dirigeants de …: Y, Z").
# "samt": "as well as" in Norwegian, Swedish and Danish.
_CONTINUATION = re.compile(r"\s+(?:ainsi que|as well as|а также|sowie|así como|assim como|samt)\s+")
_TRAILING_PAREN = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
_SLASH = re.compile(r"\s*/\s*")
_SPACED_DASH = re.compile(r"\s[-–—]\s")
# A dateline that opens a press release, then a dash: "7 August 2012- ", "Berlin, 4. Mai
# 2023 – ", "May 4, 2023 — ". The names that follow are the subject of its first sentence.
# A wire's dateline puts an article before the date and the wire after it: "QUÉBEC, le 15
# avril 2025 /CNW/ - ", "NEW YORK, May 4, 2023 /PRNewswire/ -- ".
_DATELINE = re.compile(
    r"^(?:[^\W\d_][^\d,]{0,40},\s*)?(?:(?:le|el|il|am|den)\s+)?"
    r"(?:\d{1,2}\.?\s+[^\W\d_]{3,12}\.?,?\s+\d{4}|[^\W\d_]{3,12}\.?\s+\d{1,2},?\s+\d{4})"
    r"(?:\s*/[^/\s]{2,30}/)?\s*[-–—]{1,2}\s*"
)
# Where a run of names in a script without capitals ends: a semicolon or a full stop.
_CLOSE = re.compile(r"[;；。।۔]|\.(?:\s|$)")
# "And" before the last name in scripts without capitals: spaced, or glued to the next
# word (Arabic, Hebrew).
_UNCASED_AND = re.compile(r"\s(?:و|اور|और|ו|및|그리고)\s|\s(?:ו|و)(?=\w)")
_IDEOGRAPHIC_AND = re.compile(r"(?<=\w{2})(?<!平)[和與与及](?!平)(?=\w{2})")
# A sentence end in a cased script, after a word of four letters at least (not "e.V. ").
_SENTENCE_STOP = re.compile(r"(?<=[^\W\d_]{4})[.!?]\s+(?=\S)")
# "and" in the languages seen; Arabic and Hebrew glue it to the next word (handled apart).
_AND = "|".join((*AND_WORDS, "да", "ו", "و", "اور", "और", "तथा", "एवं", "&"))
_SPACED_AND = re.compile(rf"\s+(?:{_AND})\s+")
# "…, а также Народного совета": "and" opening the last piece, with its longer forms.
OPENING_AND = re.compile(
    rf"^(?:а также|as well as|ainsi que|sowie|así como|assim como|samt|{_AND})\s+", re.IGNORECASE
)
# Words that show the paragraph is about who signs, issues or takes part.
_CUE = re.compile(
    r"sign|firm|assin|sottoscri|unterzeich|unterschr|imza|signat|endors|adher|aderi|partecip"
    r"|particip|teilnehm|took part|joined|مشارك|υπογρ|συνυπογρ|подпис|представител|участ|امض|وقع"
    r"|الموقع|دستخط|شامل|هستند|הארגונים|ארגונים|חתומ|חתמ|हस्ताक्षर|संगठन|यूनियन|जिसमें|organi[sz]"
    r"|associa|unions?\b|syndicat|sindicat|gewerkschaft|partei|parti|centrais|federa"
    r"|署名|簽署|签署|連署|联署|賛同|主辦|主办|協辦|协办|서명|참여"
    # Taking part, and the bodies that take part, in more languages: "among the organisations
    # that took part were …" leads into a list as "signed by" does.
    r"|شریک|شرکت|مشارک|تنظیم|سازمان|منظمات|جمعيات|भाग लि|katild|katilan|katilim|uczestn"
    r"|deelnem|deelnam|deltag|deltog|osallistu|reszt ?vett|resztvevo|peserta|ikut serta"
    r"|συμμετ|организац|організац|참가|参加|參加|参与|參與|השתתפ"
    # Issuing on behalf of the bodies named ("Joint press release on behalf of A, B, C"), and
    # the German words for an association ("Verband", "Vereinigung") as "associa" is.
    r"|on behalf of|au nom d|en nombre d|a nome d|em nome d|im namen|namens|adina|verband"
    r"|vereinigung"
    # "In the name of" in Arabic ("باسم A، وB، وC، نعلن", see subject_lists.on_behalf_run).
    r"|باسم|بإسم|نيابة عن"
    # The Greek past tense of "to sign" ("υπέγραψαν", they signed).
    r"|υπεγρ"
    # Hungarian: the initiators ("kezdeményezők"), the signers ("aláírók"), signed with the
    # verb's prefix after it ("írták alá").
    r"|kezdemenyez|alair|irt\w{0,3} ala\b|" + SIGNING_STEMS
)
# "… A, B, C and others": a few of the signers named by way of example, a mention of a list
# kept elsewhere (the letter "signed by X, Y and others"), not the list itself.
_AND_OTHERS = re.compile(
    r"^\W*(?:and|und|et|y|e|ve|и|en)\s+(?:many\s+|viele\s+|bien\s+|muchos\s+|molti\s+)?"
    r"(?:others|andere|anderen|d'autres|d’autres|otros|otras|altri|altre|outros|outras"
    r"|digerleri|diğerleri|другие)\b",
    re.IGNORECASE,
)
SENTENCE_LIST = 0.6  # score of a paragraph in running text above which it is the list
# Stems of "to sign" in the scripts without capitals (and Greek, Cyrillic), for where the
# verb comes before the names.
_SIGNED = re.compile(r"امض|وقع|חתמ|חתומ|हस्ताक्षर|دستخط|подпис|υπογρ|署名|簽署|签署|連署|联署|서명")
# Postpositions and small words that follow the last name in a script without capitals,
# where the last name is cut by its length ("… और यूटीयूसी ने किया", "… و حزب د این بیانیه").
_SMALL_WORDS = (
    "ने|का|की|के|को|से|में|पर|द्वारा|نے|کا|کی|کے|کو|سے|میں|پر|را|این|آن|در|با|از|به|که"
    "|في|من|على|إلى|عن|مع|هذا|هذه"
)
_TRAILING_SMALL = re.compile(rf"(?:\s+(?:{_SMALL_WORDS}))+\s*$")
_SMALL_WORD = re.compile(rf"^(?:{_SMALL_WORDS})$")
# The verb of signing at a sentence's start, before the first name in a cased script
# ("Signed by the Confederation …", "Firmado por …", "Подписали …"), folded.
_SIGNING_VERB = re.compile(
    r"^(?:sign|firm|assin|sottoscri|unterzeichn|unterschr|imzala|endors|ondertek|podpis|подпис"
    r"|υπογρ|συνυπογρ|" + SIGNING_STEMS + ")"
)
# A plural noun for the kind of the listed bodies, leading the first name at a sentence's
# start, folded: "Οι Ομοσπονδίες Οικοδόμων, Λογιστών …" ("the federations of builders, of
# accountants"), "Профсоюзы Шахтёров, Учителей …". The names that follow share it.
_KIND_HEAD = re.compile(
    r"^(?:federations|organi[sz]ations|unions|associations|parties|federacion(?:es)?|federacoes"
    r"|organizaciones|organizacoes|asociaciones|associacoes|sindicatos|partidos|syndicats"
    r"|partis|verbande|gewerkschaften|organisationen|parteien|federazioni|organizzazioni"
    r"|associazioni|sindacati|partiti|sendikalar|dernekler|orgutler|partiler|ομοσπονδιες"
    r"|οργανωσεις|ενωσεις|συλλογοι|σωματεια|κομματα|φορεις|συνδικατα|федерации|организации"
    r"|профсоюзы|партии|союзы|объединения|движения)$"
)
# A preposition and its object between the verb of signing and the first name in a script
# without capitals ("وقعت على البيان جمعية …", "signed on the statement"), and "each of"
# ("كل من") before the names.
_UNCASED_PREPOSITIONS = frozenset({"على", "علی", "في", "عن", "על", "ב"})
_EACH_OF = ("كل من", "كلٌّ من", "کل من", "كلا من")
_GLUED_OPENING_AND = re.compile(r"^[وו](?=[^\W\d_]{3})")
_MAX_WORDS = 8
_DATE_GLUE = re.compile(r"^\d{4}(?=\w)")


@dataclass(frozen=True)
class SentenceList:
    items: list[str]
    score: float  # 0..1: how much the paragraph looks like a sentence naming signatories
    features: dict[str, float]


def _cased(text: str) -> bool:
    """Whether the script writes capitals (Latin, Greek, Cyrillic)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() or ch.islower() for ch in letters) > len(letters) / 2


def _name_like(piece: str, cased: bool) -> bool:
    words = piece.split()
    if len(words) == 1 and len(piece) > 40 and not cased:
        return False  # a clause in a script written without spaces (Chinese, Japanese)
    if not 1 <= len(words) <= (_MAX_WORDS + 4 if cased else _MAX_WORDS) or len(piece) > 110:
        return False
    if cased:
        first = LEAD.sub("", piece)[:1]
        # One lower-case word of a brand ("all4trees", "foodwatch") is a name too.
        brand = len(words) == 1 and len(piece) >= 4
        return first.isupper() or first.isdigit() or first in "\"“«'" or brand
    return not piece.endswith((".", "!", "?", "؟"))


def _opens_name(text: str) -> bool:
    """Whether a piece of a cased script opens like a name: a capital or a quote."""
    first = LEAD.sub("", text)[:1]
    return first.isupper() or (first in "\"“«„'" and LEAD.sub("", text)[1:2].isupper())


def _lead_words(kept: list[str]) -> list[str]:
    """The words that lead into the first name from the start of the sentence: a verb of
    signing with its small words ("Signed by the"), a plural kind noun after an article
    ("Οι Ομοσπονδίες")."""
    folded = [fold(word) for word in kept]
    delegated = delegates_lead(folded)
    if delegated:
        return kept[delegated:]
    if len(kept) > 1 and _SIGNING_VERB.match(folded[0]):
        position = 1
        while position < len(kept) - 1 and kept[position].islower():
            position += 1
        return kept[position:]
    position = 1 if len(kept) > 2 and LEAD.match(kept[0] + " ") else 0
    heads = len(kept) > position + 1 and _KIND_HEAD.match(folded[position])
    if heads and kept[position + 1][:1].isupper():
        return kept[position + 1 :]
    return kept


def _names_inside(piece: str) -> bool:
    """A short piece with a capitalised word after lower-case ones ("sahabat WALHI")."""
    words = piece.split()
    return (
        2 <= len(words) <= 4
        and words[-1][:1].isupper()
        and not any(mark in piece for mark in ".!?:;")
    )


def _after_dash(piece: str, cased: bool) -> str | None:
    """ "Among them — A, …", "Les syndicats - la X du Nord (XN), …": after the dash, the
    name is all the words (a short form closes it)."""
    sample = after_among(piece) or (after_mark(piece) if cased else None)
    return sample if sample is not None and _name_like(sample, cased) else None


def _first_item(piece: str, cased: bool, median: int, longest: int = 0) -> str:
    # "… syndicales Ignacio Fernandez Toxo (Président de la CES, Espagne)": the parenthesis
    # that ends the piece belongs to the name before it, whatever its words.
    paren = _TRAILING_PAREN.search(piece)
    if paren is not None and paren.start() > 0:
        name = _first_item(piece[: paren.start()], cased, median, longest)
        return f"{name} {paren.group().strip()}" if name else ""
    for mark in (":", " – ", " — ", " - "):
        if mark in piece:
            piece = piece.rsplit(mark, 1)[1]
    words = piece.split()
    if cased:
        # The trailing capitalised words, with the small words between them ("Central Única
        # dos Trabalhadores"); a year glued to the name ("2024ACLI") goes.
        kept: list[str] = []
        for word in reversed(words):
            if _DATE_GLUE.match(word):  # "2024ACLI": the date before ends the lead-in
                kept.insert(0, _DATE_GLUE.sub("", word))
                break
            capital = word[:1].isupper() or word[:1] in '("“«' or word[:1].isdigit()
            if capital or (kept and len(word) <= 4 and word.islower()):
                kept.insert(0, word)
            else:
                break
        while kept and kept[0].islower():
            kept.pop(0)
        if len(kept) == len(words):  # from the sentence's start: its first word is no name
            kept = _lead_words(kept)
            words = kept
        # A name with lower-case words inside ("Коммунистической партии Абхазии") is cut
        # to as many words as the other items have, from a capital (not the sentence's).
        for size in range(min(median, len(words) - 1), len(kept), -1):
            if words[-size][:1].isupper():
                return " ".join(words[-size:])
        return " ".join(kept)
    # Without capitals: the words after the verb of signing ("על המכתב חתמו <name>"),
    # at most about as many as the other items have.
    cues = [index for index, word in enumerate(words) if _SIGNED.search(word)]
    if cues and cues[-1] < len(words) - 1:
        words = words[cues[-1] + 1 :]
        if len(words) > 3 and words[0] in _UNCASED_PREPOSITIONS:
            words = words[2:]
        if len(words) > 3 and " ".join(words[:2]) in _EACH_OF:
            words = words[2:]
        piece = " ".join(words)
    # "… وقع عليه كلا من، A، B": the piece ends with a preposition, so it only leads in.
    if words and _SMALL_WORD.match(words[-1]):
        return ""
    # Persian puts the object first, marked by "را": "این بیانیه را <names> امضا کرده‌اند".
    if "را" in words[:-1]:
        words = words[len(words) - words[::-1].index("را") :]
        piece = " ".join(words)
    if len(words) > median + 2:
        return " ".join(_after_small_word(words, median, max(longest, median)) or words[-median:])
    return piece


def _after_small_word(words: list[str], median: int, longest: int) -> list[str]:
    """The first name after the lead-in in a script without capitals, which ends at a
    postposition or preposition ("… والی تنظیموں میں <name>", among the organisations
    <name>): the words after the last one that leaves a name as long as the others."""
    for index in range(len(words) - 2, 0, -1):
        size = len(words) - index - 1
        if size > longest + 2:
            break
        if _SMALL_WORD.match(words[index]) and size >= max(median - 1, 2):
            return words[index + 1 :]
    return []


def _last_items(
    piece: str,
    cased: bool,
    longest: int,
    said: bool = False,
    name_chars: int = 0,
    joiner: re.Pattern[str] = _SPACED_AND,
    parenthesized: bool = False,
    joined: bool = False,
) -> list[str]:
    """The last name(s) of the run, cut before what follows them. said: the words before
    the list already say who signs ("Заявление подписали A, B и C."), so a short last piece
    that ends the sentence is all name ("Союз комитетов солдатских матерей"). parenthesized:
    the other names end with their parenthesis ("Name (ABBR)"), so "and" joins two names only
    after one ("… (SBPC) e Sociedade de Família e Comunidade (SBMFC)")."""
    stop = _SENTENCE_STOP.search(piece)
    piece = OPENING_AND.sub("", (piece[: stop.start()] if stop else piece).strip().rstrip(".;"))
    if cased:
        closed = before_others(piece)  # "… C and others": "and others" ends C, whole
        piece = closed or piece
        if LEAD.sub("", piece)[:1].islower():
            return []  # the predicate only ("…, mette in evidenza …")
        joints = [
            j
            for j in joiner.finditer(piece)
            if not parenthesized or piece[: j.start()].endswith(")")
        ]
        if joined and joiner is not ARTICLED_AND:
            # After the list's own "and", another splits only after a whole name, a person's
            # too where the others end with a parenthesis ("… et Anne Morel et Luc Bernard
            # (UNSA)": two persons of one union).
            joints = [j for j in joiner.finditer(piece) if ends_name(piece[: j.start()])]
        # "Transport & Environment e il WWF": where the list's "and" is a word, "&" joins
        # inside a name.
        worded = [j for j in joints if j.group().strip() != "&"]
        joint = (worded or joints)[0] if joints else None
        rest = piece[joint.end() :] if joint else ""
        if joint is not None and _opens_name(rest):
            # Split again only at the same word: "IUCN en Natuur & Milieu" is two names,
            # not three ("&" joins inside a name where the list's "and" is a word).
            same = joiner
            if joiner is not ARTICLED_AND:
                same = re.compile(rf"\s+{re.escape(joint.group().strip())}\s+")
            more = _last_items(rest, cased, longest, said, 0, same, parenthesized, True)
            return [piece[: joint.start()], *more]
        # "la Fédération des travailleurs du Québec (FTQ) -, en …": where the other names end
        # with their short forms, the last one does too ("Amnesty told the BBC (UK)" not).
        ended_name = through_short_form(piece) if parenthesized else None
        if ended_name is not None and _opens_name(ended_name):
            return [ended_name]
        # Cut before the predicate: the first lower-case word that is not a small word
        # between two capitalised ones ("WWF hanno coinvolto" -> "WWF").
        words = piece.split()
        if closed or (said and len(words) <= max(longest + 1, _MAX_WORDS // 2)):
            return [piece]
        for index, word in enumerate(words[1:], 1):
            following = words[index + 1] if index + 1 < len(words) else ""
            small = len(word) <= 4 and following[:1].isupper()
            # "Народного совета Республики.": capitals to the end, so no predicate follows.
            inside = following[:1].isupper() and all(w[:1].isupper() for w in words[index + 1 :])
            if word[:1].islower() and not (small or inside) and not word.startswith("("):
                return [" ".join(words[:index])]
        return [piece]
    # Scripts without case: "و"/"اور" before the last item, the name at most as long as the
    # longest other item.
    closed = _CLOSE.search(piece)
    if closed is not None:
        piece = piece[: closed.start()]
    cut = _before_closing_dash(piece, longest)
    if cut != piece:
        return [cut]  # the dash closes the last name, "and" inside it stays
    matches = list(_UNCASED_AND.finditer(piece))
    match = matches[-1] if matches else None
    if match is not None:
        head, tail = piece[: match.start()], piece[match.end() :]
        return [head, " ".join(tail.split()[: longest + 1])]
    # Chinese writes "and" between two names with no space ("A和B"): split only a piece
    # as long as two names, where both sides are name-sized ("和平" is peace, not "and").
    joined = None
    if " " not in piece.strip() and len(piece) >= 1.6 * name_chars:
        joined = _IDEOGRAPHIC_AND.search(piece)
    if joined is not None:
        return [piece[: joined.start()], piece[joined.end() :]]
    return [" ".join(piece.split()[: longest + 1])]


def _before_closing_dash(piece: str, longest: int) -> str:
    """The last name up to a spaced dash after which the sentence goes on ("… مؤسسة X -
    إلى أن …", the list set off by dashes): more words follow it than a name has. A dash
    followed by a short unit stays inside the name ("حزب X – لجنة الحريات")."""
    for dash in _SPACED_DASH.finditer(piece):
        if dash.start() and len(piece[dash.end() :].split()) > longest + 2:
            return piece[: dash.start()]
    return piece


def sentence_list(paragraph: str) -> SentenceList | None:
    """The signatories a paragraph names in one run of running text, or None."""
    text = paragraph.strip()
    if len(text) > 3000:
        return None
    together = run_together(text)
    if together is not None:
        return SentenceList(together, 0.9, {"items": float(len(together)), "run_together": 1.0})
    dateline = None
    if text[:1].isdigit() or "," in text[:42]:
        dateline = _DATELINE.match(text)
        text = text[dateline.end() :] if dateline else text
    cased = _cased(text)
    if not cased:
        # Without capitals, a sentence end is where a run of names stops ("…、永社、青平台;
        # 香港…"): each sentence is looked at alone, and the best one wins.
        sentences = [piece for piece in _CLOSE.split(text) if piece.strip()]
        if len(sentences) > 1:
            found = [_in_sentence(sentence, cased) for sentence in sentences]
            kept = [one for one in found if one is not None]
            best = max(kept, key=lambda one: (one.score, len(one.items)), default=None)
            return _quoted(text, cased, _wider(_in_parentheses(text, cased), best))
    if cased:
        first = role_first_run(text)  # "the chair of X, Jane Doe; …": read as written
        # "the writer Jane Doe, …" (see role_named), read before a dateline is cut off: the
        # first role may look like one ("Los Presidentes de la República X, A B; …").
        named = role_named_run(paragraph.strip())
        run = role_run(text) if named is not None or first is None else None
        if named is not None and outnumbers(named, paragraph, first, run):
            return _role_scored(named, text, SENTENCE_LIST)
        if first is not None:
            return _role_scored(first, text)
        if run is not None:
            roles = _role_scored(run, text)
            plain = _in_sentence(text, cased, subject=dateline is not None)
            return plain if names_more(plain, roles) else roles
    found = _in_sentence(text, cased, subject=dateline is not None)
    found = _quoted(text, cased, _wider(_in_parentheses(text, cased), found))
    if cased and (found is None or found.score < SENTENCE_LIST):
        # The commas of the other sentences hide a short run in one of them ("… haben sich
        # die X, die Y (Z) und die W … gestellt. Die Verbände fordern …, wie sie betonen."):
        # each sentence alone, when the paragraph as a whole names no list.
        alone = _best_sentence(text)
        if alone is not None and (found is None or alone.score > found.score):
            found = alone
    return found


def _best_sentence(text: str) -> SentenceList | None:
    starts = [0, *(stop.end() for stop in _SENTENCE_STOP.finditer(text))]
    if len(starts) < 2:
        return None
    best = None
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        sentence = text[start:end].strip()
        if sentence.count(",") + sentence.count("،") < 1:
            continue
        found = _wider(_in_parentheses(sentence, True), _in_sentence(sentence, True))
        if found is not None and (best is None or found.score > best.score):
            best = found
    return best


def _wider(inner: SentenceList | None, found: SentenceList | None) -> SentenceList | None:
    """The run inside a parenthesis when it names more than the sentence's own run."""
    if inner is not None and (found is None or len(inner.items) > len(found.items)):
        return inner
    return found


def _quoted(text: str, cased: bool, found: SentenceList | None) -> SentenceList | None:
    """The run inside one pair of quotes when it names as many as the sentence's run: the
    quotes bound its first and last names (see quoted_lists)."""
    inner = _in_parentheses(text, cased, quoted_runs(text))
    if inner is not None and (found is None or len(inner.items) >= len(found.items)):
        return inner
    return found


def _in_parentheses(
    text: str, cased: bool, runs: list[ParenRun] | None = None
) -> SentenceList | None:
    """The best run of names listed inside one parenthesis ("… organisations (A, B, C, D)
    sent …"), or inside one pair of quotes (runs): every piece is name-like, the last one
    split at "and" only when both sides open like names."""
    best = None
    quoted = runs is not None
    for run in paren_runs(text) if runs is None else runs:
        pieces = run.pieces
        last = [pieces[-1]]
        joint = _SPACED_AND.search(pieces[-1]) if cased else None
        if joint is not None and _opens_name(pieces[-1][joint.end() :]):
            last = [pieces[-1][: joint.start()], pieces[-1][joint.end() :]]
        # Without capitals, the last "and" of the quoted run stands before its last name
        # ("… C و D”); an "and" inside a name stands between separators.
        joints = list(_UNCASED_AND.finditer(pieces[-1])) if quoted and not cased else []
        if joints:
            last = [pieces[-1][: joints[-1].start()], pieces[-1][joints[-1].end() :]]
        kept = [*pieces[:-1], *last] if joints else pieces
        if not all(_name_like(p, cased) and any(ch.isalpha() for ch in p) for p in kept):
            continue
        items = [
            LEAD.sub("", item).strip(' .,;:"') if cased else item.strip(" .,;:。；،")
            for item in (*pieces[:-1], *last)
        ]
        said = bool(_CUE.search(fold(run.lead)))
        # The verb after the closing quote says who issues the statement, so the sentence
        # whole is read for the cue; a parenthesis's own lead carries it.
        context = text if quoted else f"{run.lead} ({', '.join(pieces)})"
        found = _scored(items, context, cased, said=said)
        if found is not None and (best is None or found.score > best.score):
            best = found
    return best


def _role_scored(run: RoleRun, text: str, floor: float = 0.0) -> SentenceList:
    """Persons each with roles after the name ("A, chair of X, B, head of Y, C, …"): the
    shape is rare in prose, so three persons with a cue or a colon before them are a list."""
    cue = bool(_CUE.search(fold(text)))
    features = {
        "items": float(run.persons),
        "with_roles": float(run.with_roles),
        "cue": float(cue),
        "colon": float(run.colon),
    }
    z = -2.5 + 0.8 * min(run.persons, 8) + 1.0 * cue + 1.0 * run.colon
    return SentenceList(run.items, max(floor, round(1 / (1 + math.exp(-z)), 3)), features)


def _split_outside(text: str, separator: re.Pattern[str]) -> list[str]:
    """Pieces of the text at the separators that stand outside parentheses ("X (Berlin,
    Germany), Y" or "今村路加(理事長・元都議会/議員)/…" keep their parenthesis whole)."""
    opening, closing = text.count("(") + text.count("（"), text.count(")") + text.count("）")
    if opening == 0 or opening != closing:
        return separator.split(text)
    pieces, start, depth = [], 0, 0
    position = 0
    while position < len(text):
        char = text[position]
        if char in "(（":
            depth += 1
        elif char in ")）":
            depth = max(depth - 1, 0)
        elif depth == 0:
            match = separator.match(text, position)
            if match is not None and match.end() > position:
                pieces.append(text[start:position])
                start = position = match.end()
                continue
        position += 1
    pieces.append(text[start:])
    return pieces


def _in_sentence(text: str, cased: bool, subject: bool = False) -> SentenceList | None:
    if not cased and (behalf := on_behalf_run(text)):
        return _scored(behalf, text, cased, said=True)
    by_commas = _by_separators(text, cased, subject)
    if cased:
        return by_commas
    joined = _scored(glued_and_items(text), text, cased)
    if joined is not None and (by_commas is None or len(joined.items) > len(by_commas.items)):
        by_commas = joined
    # "包含院士甲、秘書長乙,以及學者丙、丁等人…": persons before "等", offices glued before them.
    listed = _scored(etc_items(text), text, cased, said=True)
    return listed if listed is not None else by_commas


def _continued(pieces: list[str], median: int, longest: int) -> list[str]:
    """The names after "as well as the leaders of …" in a cased script: the first one cut
    from its lead-in, the others name-like, the last one split at "and"."""
    first = _first_item(pieces[0], True, median)
    if not first:
        return []
    items = [first]
    for index, piece in enumerate(pieces[1:], 1):
        if index == len(pieces) - 1 or not _name_like(piece.strip(), True):
            return items + _last_items(piece, True, longest, True)
        items.append(piece.strip())
    return items


def _split_at_and(piece: str, parenthesized: bool) -> list[str]:
    """The two names a piece joins with "and" ("World Movement for Democracy and Stakeholder
    Forum"), split at the first "and" before a capital (after a parenthesis, when every name
    ends with one), else []."""
    for joint in _SPACED_AND.finditer(piece):
        if parenthesized and not piece[: joint.start()].endswith(")"):
            continue
        if _opens_name(piece[joint.end() :]):
            return [piece[: joint.start()], piece[joint.end() :]]
    return []


def _subject_name(piece: str) -> bool:
    """Whether the piece after a dateline is a name whole: name-like, with a capital after
    its first word ("La Ligue des droits de l'Homme (LDH)"), not "Today we"."""
    words = piece.split()
    return _name_like(piece, True) and any(word[:1].isupper() for word in words[1:])


def _longest_run(pieces: list[str], cased: bool) -> tuple[int, int]:
    """The first and last index of the longest run of name-like pieces after the first
    piece (which leads into the list); (0, -1) when there is none."""
    fits = [False] + [_name_like(p.strip(), cased) for p in pieces[1:]]
    if cased:
        # "…, LBH Jakarta, sahabat WALHI, WALHI Jabar, …": a short piece that opens in lower
        # case but names someone, between two names, does not end the run.
        for index in range(2, len(pieces) - 1):
            if not fits[index] and fits[index - 1] and fits[index + 1]:
                fits[index] = _names_inside(pieces[index].strip())
    best, start = (0, -1), None
    for index in range(1, len(pieces) + 1):
        if index < len(pieces) and fits[index]:
            start = index if start is None else start
        elif start is not None:
            if index - 1 - start > best[1] - best[0]:
                best = (start, index - 1)
            start = None
    return best


def _names_closed(first: str, middle: list[str], lead: str) -> bool:
    """Every name ends with its parenthesis ("Name (ABBR)"): the last ones do too. The first
    name counts when a dash set it off ("Les centrales - la X (CSD), …") or when it closes the
    lead piece it was cut from ("A (x), B (y) and C (z) …")."""
    named = [*middle, first] if first.endswith(")") else middle
    if len(named) >= 2 and all(p.endswith(")") for p in named):
        return True
    opened = _TRAILING_PAREN.search(lead) is not None
    return opened and all(p.endswith(")") for p in middle)


def _first_name(
    pieces: list[str], first_at: int, cased: bool, subject: bool, median: int, longest: int
) -> str:
    """The first name of the run, cut from the piece before it (the lead)."""
    lead = pieces[first_at - 1]
    first = _after_dash(lead, cased) or _first_item(lead, cased, median, longest)
    if subject and cased and first_at == 1 and _subject_name(pieces[0].strip()):
        return pieces[0].strip()
    if cased and first_at == 1 and not first and opening_name(pieces[0], _subject_name):
        # The sentence opens with a name that ends in lower case ("La Ligue des droits, …").
        return pieces[0].strip()
    return first


def _by_separators(text: str, cased: bool, subject: bool = False) -> SentenceList | None:
    """subject: a dateline opened the paragraph, so its first piece is a name whole ("La
    Ligue des droits de l'Homme (LDH), Attac, … saluent …")."""
    pieces = _split_outside(text, _CASED_SEPARATOR if cased else _SEPARATOR)
    if len(pieces) < 3 and text.count("/") >= 2:
        pieces = _split_outside(text, _SLASH)
    if cased and ")" in text:
        pieces = split_lost(pieces)  # "A (x), B (y) C (z)": a comma lost between B and C
    # "…: the X, the Y and the Z.": one comma, the last piece two names with their articles.
    paired = cased and len(pieces) == 2 and len(split_articled_and(pieces[1])) == 2
    paired = paired or (cased and len(pieces) == 2 and parenthesized_pair(pieces, _SPACED_AND))
    if len(pieces) < 3 and not paired:
        return None
    first_at, last_at = _longest_run(pieces, cased)
    if last_at < first_at:
        if not paired:
            return None
        # "… haben sich die X, die Y (Z) und die W erneut … gestellt": the second piece holds
        # the last two names and the predicate after them.
        first_at, last_at = 1, 0
    middle = [p.strip() for p in pieces[first_at : last_at + 1]]
    # The piece after the run holds the last name(s) and the predicate ("Legambiente e Libera
    # lanciano …"); in a script without case, a last piece without "and" after a piece with
    # one is the predicate ("… ۱۴ نفر، امضاکنندگان این بیانیه هستند.").
    tail = pieces[last_at + 1] if last_at + 1 < len(pieces) else ""
    and_word = re.compile(r"\s(?:و|اور|और|ו)\s")
    if not cased and not and_word.search(tail) and middle and and_word.search(middle[-1]):
        tail = middle.pop()
    # The list ends the paragraph: its last piece may still hold "and" (always in a cased
    # script; in Chinese and Japanese, which write no spaces, as "A和B").
    if not tail and middle and (cased or " " not in middle[-1].strip()):
        tail = middle.pop()
    sizes = sorted(len(p.split()) for p in middle) or [3]
    median, longest = sizes[len(sizes) // 2], sizes[-1]
    first = _first_name(pieces, first_at, cased, subject, median, longest)
    folded_lead = fold(pieces[first_at - 1])
    said = bool(_CUE.search(folded_lead))
    if addressed(folded_lead):
        return None  # "We call on A, B and C to …": the addressees
    # "Among them — A, B and others": a sample the sentence says is of the signers.
    sample = said and after_among(pieces[first_at - 1]) is not None
    chars = sorted(len(p) for p in middle) or [10]
    name_chars = chars[len(chars) // 2]
    last: list[str] = []
    partial = False
    if tail.strip():
        # "… Tony Zarb (GWU, Malte) ainsi que les responsables … Susanna Camusso (CGIL),
        # Raffaele Bonanni et …": the run goes on after a second lead-in.
        parts = _CONTINUATION.split(tail, maxsplit=1) if cased else [tail]
        tail, more = parts[0], (parts[1] if len(parts) == 2 else "")
        ended = _names_closed(first, middle, pieces[first_at - 1])
        joiner = _joiner(tail, middle, cased)
        last = _last_items(tail, cased, longest, said, name_chars, joiner, ended)
        if cased and ended:
            last = [closed_at_paren(item) for item in last]
        partial = _and_others(tail, last) and not sample
        if cased and not last:  # "…, while it is supported by X and 200 others"
            last = later_signers(tail)
        if more:
            last += _continued([more, *pieces[last_at + 2 :]], median, longest)
        elif cased and last and last_at + 2 < len(pieces) and after_with(pieces[last_at + 2]):
            # "…, la Z (FTQ) -, en collaboration avec l'W (UTTAM), ont émis": one more.
            closed = all(item.rstrip(" -–—").endswith(")") for item in (*middle, *last))
            with_ = after_with(pieces[last_at + 2]) or ""
            last += _last_items(with_, cased, longest, True, parenthesized=closed)
        elif cased and not last and len(middle) >= 3 and not articled(middle):
            # "A, B, C and D, welcome …": the names are the subject, the predicate follows a
            # comma, and the last piece of the run holds "and" between the last two names.
            joined = _split_at_and(middle[-1], ended)
            if joined:
                middle, last = middle[:-1], joined
    if cased and articled([*middle, *last]):  # "… in Lisbon, the X, the Y and the Z, declare"
        first, middle = apposed(pieces[first_at - 1], first, middle, ended=not last)
    if not cased:
        last = [_TRAILING_SMALL.sub("", _before_verb(item, middle)) for item in last]
    opening = opens_clause(pieces[first_at - 1], first)
    items = [
        without_lead(item, opening and not index).strip(' .,;:"')
        if cased
        else item.strip(" .,;:。；،")
        for index, item in enumerate((first, *middle, *last))
    ]
    # "A, B fra X, samt C, D og E": a second run, and the body the first one comes from.
    items = cut_short(rejoined(runs_from(items), text)) if cased else _without_glued_and(items)
    named = [item for item in (*middle, *last) if item.strip()]
    count = len(named) + bool(first and after_article(pieces[first_at - 1], first))
    return _scored(items, text, cased, count >= 3 and articled(named), said, partial, sample)


def _joiner(tail: str, middle: list[str], cased: bool) -> re.Pattern[str]:
    """Where the last names meet: names that each carry their article meet at "and" before
    one; "and" without an article stays inside a name ("die GEW - Gewerkschaft Erziehung
    und Wissenschaft")."""
    articled_tail = opens_with_article(tail) and all(map(opens_with_article, middle))
    if cased and articled_tail and len(split_articled_and(tail)) == 2:
        return ARTICLED_AND
    return _SPACED_AND


def _and_others(tail: str, last: list[str]) -> bool:
    """Whether "and others" follows the last name ("… Christian Aid and others and …")."""
    if _AND_OTHERS.match(tail.strip()):
        return True
    if not last or not last[-1] or last[-1] not in tail:
        return False
    return bool(_AND_OTHERS.match(tail.split(last[-1], 1)[1]))


def _before_verb(item: str, middle: list[str]) -> str:
    """The last name in a script without capitals, cut before the verb of signing that
    follows it ("… و جبهه مردمی امضا کرده‌اند"), and after its parenthesis when the other
    names end with one ("جبهه مردمی (افغانستان) امضا …")."""
    words = item.split()
    # The verb ends the sentence with at most its auxiliaries after it; a word of signing
    # further on is part of a name ("جمعی از امضاکنندگان بیانیه ۱۴ نفر").
    verbs = [
        index
        for index, word in enumerate(words)
        if index and index >= len(words) - 3 and _SIGNED.search(word)
    ]
    if verbs:
        item = " ".join(words[: verbs[0]])
    closed = item.find(")")
    if middle and sum(m.endswith(")") for m in middle) * 2 > len(middle) and closed > 0:
        item = item[: closed + 1]
    return item


def _without_glued_and(items: list[str]) -> list[str]:
    """ "A، وB، وC" / "A، B، وC": the "and" glued to a name after the comma goes, from the
    last name, or from every name but the first when all of them carry it (a name may
    itself open with the letter: "وكالة", agency)."""
    if len(items) < 2:
        return items
    glued = [bool(_GLUED_OPENING_AND.match(item)) for item in items]
    every = all(glued[1:])
    return [
        _GLUED_OPENING_AND.sub("", item)
        if index and glued[index] and (every or index == len(items) - 1)
        else item
        for index, item in enumerate(items)
    ]


def _scored(
    items: list[str],
    text: str,
    cased: bool,
    articles: bool = False,
    said: bool = False,
    partial: bool = False,
    sample: bool = False,
) -> SentenceList | None:
    """articles: every name carries its article ("the X, the Y and the Z"), as names in
    apposition do; prose rarely strings three capitalised names so. said: the cue stands in
    the words that lead into the names ("the organisations taking part were A, B, C"), not
    only somewhere in the paragraph ("A, B and C groups took part")."""
    items = [item for item in items if item and any(ch.isalpha() for ch in item)]
    if len(items) < 3 or country_run(items, text):
        return None
    folded = fold(text)
    # A joint statement issued by the names is a cue too (see subject_lists.joint_statement).
    cue = bool(_CUE.search(folded)) or joint_statement(folded)
    features = {
        "items": float(len(items)),
        "cue": float(cue),
        "cased": float(cased),
        "abbreviations": float(sum("(" in item for item in items)),
        "acronyms": float(sum(item.isupper() and len(item) <= 8 for item in items)),
        "mean_words": sum(len(i.split()) for i in items) / len(items),
        "articles": float(articles),
        "said": float(said),
        "and_others": float(partial),
        "among": float(sample),
    }
    # A hand-set logistic score: many short items and a word about signing make a list.
    z = -3.0 + 0.45 * min(len(items), 12) + 2.0 * cue + 0.3 * min(features["abbreviations"], 4)
    z += 0.4 * min(features["acronyms"], 4) + 0.6 * articles + 0.5 * said
    z -= 0.4 * max(features["mean_words"] - 4, 0) + 2.0 * partial - 1.0 * sample
    score = 1 / (1 + math.exp(-z))
    return SentenceList(items, round(score, 3), features)


def item_confidence(found: SentenceList, position: int) -> float:
    """The first and the last name are cut from the words around them: less sure."""
    edge = position in (0, len(found.items) - 1)
    return round(found.score * (0.7 if edge else 1.0), 3)
