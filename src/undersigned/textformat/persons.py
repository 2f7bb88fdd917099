"""Persons in a signatory list: "Name, Role, Institution", "Prof. Dr. Name - Institution",
"Name, Presidente da CUT (…)", "Name for Project", "MEP Name (Group)".

The name keeps neither titles nor roles; the affiliation is the organization as written,
with the role in front of it removed ("Presidente da CUT" -> "CUT"). Roles, degrees and
disciplines on their own are not affiliations.
"""

from __future__ import annotations

import re

from .folding import fold, word_tuple
from .short_forms import is_acronym
from .vocabulary import LANGUAGE_WORDS, NAME_PARTICLES, PERSON_TITLES, has_organization_word

_ROLE_TEXT = """president presidente presidenta president presidentin vice vicepresidente secretary
    secretaria secretario secretaire sekretar sekretarin general geral director directora
    directeur directrice direktor direktorin diretor diretora chair chairman chairwoman
    chairperson co-chair cochair ceo cto founder co-founder cofounder coordinator
    coordinadora coordinador coordinateur coordinatrice koordinator koordinatorin coordenador
    coordenadora member miembro membre mitglied membro spokesperson spokesman spokeswoman
    porte-parole sprecher sprecherin portavoz porta-voz portaveu professor professora professeur
    profesor profesora prof lecturer reader researcher research fellow associate assistant
    adjunct emeritus emerita dean student candidate phd postdoc postdoctoral scholar faculty
    instructor teacher administrator manager head chief officer advisor adviser consultant
    analyst economist sociologist historian attorney lawyer editor journalist author writer
    activist organizer organiser mp mep senator deputy deputado deputada diputado diputada
    depute abgeordnete abgeordneter councillor councilor councilwoman council woman mayor
    retired former senior junior visiting graduate undergraduate doctoral principal
    investigator staff executive treasurer rector rektor reitor provost chancellor tesorero
    vorsitzende vorsitzender geschaftsfuhrer geschaftsfuhrerin baskan baskani genel sekreter
    uyesi uye presidente-geral secretario-geral secretaria-geral lecturer instructor
    part-time parttime freelance independent sociologist employee worker handler
    conservator curator librarian counselor therapist engineer scientist nurse planner
    presidenta generale fondateur fondatrice fundador fundadora fondatore responsable
    responsabile militant militante militantin delegue deleguee delegado delegada delegato
    regidor regidora alcalde alcaldesa alcaldessa conseller consellera concejal concejala
    maire adjoint adjointe conseiller conseillere batonnier batonniere tresorier tresoriere
    animateur animatrice ancien ancienne antiguo antigua ehemalige ehemaliger honoraire
    honorary emerite parole координатор председатель сопредседатель член активист ревизор
    руководитель секретарь директор президент депутат лидер заместитель основатель глава
    голова співголова заступник секретар керівник засновник przewodniczacy przewodniczaca
    wiceprzewodniczacy prezes prezeska sekretarz dyrektor predseda predsedkyne mistopredseda reditel
    predsjednik predsjednica predsednik predsednica potpredsjednik председник председател
    заместник leder nestleder styreleder forperson generalsekretaer ordforer daglig
    radgiver fagsjef ordforande ordforende vice-ordforande formand naestformand
    generalsekreterare verksamhetschef puheenjohtaja varapuheenjohtaja paasihteeri
    toiminnanjohtaja voorzitter directeur secretaris woordvoerder wiceprezes posel poslanka
    zalozyciel zalozycielka poslanec poslankyne zakladatel zakladatelka"""
_ROLE_WORDS = frozenset(_ROLE_TEXT.split())
# Prefixes glued to a role: "exregidor", "cofondatrice" ("co-", "ex-" split off as words).
_ROLE_PREFIXES = ("ex", "co")


def _is_role_word(token: str) -> bool:
    """ "presidente", "exalcalde", "cofondatrice": a folded word that names a role."""
    return token in _ROLE_WORDS or (
        len(token) > 5 and token[:2] in _ROLE_PREFIXES and token[2:] in _ROLE_WORDS
    )


# The preposition, and the article glued or not, that lead from a role to the organization:
# "Presidente da", "Professor at the", "porte-parole d’", "présidente de l’", "directrice … au".
_ROLE_PREPOSITION = re.compile(
    r"(?:^|\s)(?:(?:da|do|das|dos|de|del|della|dei|degli|delle|des|du|der|of|at|for|bei|von"
    r"|am|en|au|aux|à|al|alla|presso|chez)\s+(?:(?:the|la|le|les|el|los|las|il|lo|die|dem"
    r"|den)\s+|l['’]\s*)?|(?:d|dell|all)['’])(?=\S)",
    re.IGNORECASE,
)
# Bodies inside an organization that a role leads through to it.
_UNITS = frozenset(["board", "bureau", "staff", "faculty", "team", "vorstand", "directorio"])
_MAX_ROLE_WORDS = 5  # "président d’honneur", "directrice de recherche au": short
# A preposition with an article, or one of place, leads to a body ("présidente de la FIDL",
# "directrice au CNRS", "Director of the Institute"); without one, to a discipline
# ("Professor of Information Science").
_DEFINITE = re.compile(
    r"(?:\b(?:the|la|le|les|el|los|las|il|lo|die|dem|den|der|du|des|au|aux|at|chez|presso|bei"
    r"|del|della|dei|degli|delle|da|do|das|dos)\s*|['’])$",
    re.IGNORECASE,
)
_ON_BEHALF = re.compile(
    r"^(?:on behalf of|representing|for|pour|au nom de|im namen (?:von|des|der)|en nombre de"
    r"|em nome d[aoe]|a nome d[ei])\s+",
    re.IGNORECASE,
)
_US_STATE = re.compile(r"^[A-Z]{2}$")
# Universities have campuses: the place after them stays ("University of California, Irvine").
_CAMPUS_HOLDERS = re.compile(r"\buniversit|\bstate\b", re.IGNORECASE)
_INSTITUTION_TEXT = """university universidad universidade universite universitat universita
    universitesi college school academy akademie institute instituto institut center centre centro
    hospital laboratory lab library museum clinic consulting city ministry department
    sindical intersindical central ecole escuela escola scuola schule"""
_INSTITUTION_WORDS = frozenset(_INSTITUTION_TEXT.split())
# Words that make a part a place of work even next to a role ("Research Associate" is a
# role, "Research Institute" is not).
_PLACES_OF_WORK = frozenset(
    ["university", "universidad", "universidade", "universite", "universitat", "college",
     "school", "institute", "instituto", "institut", "academy", "hospital", "museum"]
)  # fmt: skip
_DEGREE = re.compile(r"^(?:phd|ph\.d\.?|md|mba|ma|ms|msc|bsc|ba|mps|edd)\b", re.IGNORECASE)
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&.\-]{1,}\b")


_ARTICLES = frozenset(
    ["the", "a", "an", "le", "la", "les", "l", "der", "die", "das", "el", "los", "las", "il",
     "lo", "gli", "o", "os", "as", "de", "het", "een"]
)  # fmt: skip


_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’\-.]*")
# A particle elided before a capital: "d’Ancona", "dell'Acqua", "l'Ouverture".
_ELIDED_PARTICLE = re.compile(r"(?:d|l|dell|dall|degl|all)['’]")
# Words of organizations' names that are nobody's name ("Amnesty International", "Korean
# Pharmacists for Democratic Society"): the languages' characteristic words, but for those
# that are also names or nicknames (Dawn, Star, West, Red).
_GENERIC_TEXT = """international internacional internationale internazionale nacional nazionale
    global world mundial development desarrollo developpement sviluppo campaign campana
    advocates coordination roundtable consumers rights climate europe european europa africa
    african american americana asian latin latina latinoamericana latinoamericano fund
    foundation fundacion fondation fondazione network alliance forum foro action accion
    society sociedad societe institute friends amigos amis citizens ciudadanos citoyens
    university universidad universidade universite universitat universita college"""
_ALSO_NAMES = "dawn star north south east west red new path voice l d a e"
_NOT_IN_NAMES = (
    frozenset(_GENERIC_TEXT.split()).union(*LANGUAGE_WORDS.values())
    - NAME_PARTICLES
    - frozenset(_ALSO_NAMES.split())
)


_ASCII_DIGIT = re.compile("[0-9]")


def is_person_name(text: str) -> bool:
    """ "Jane Doe", "Prof. Dr. Jane Doe", "Jean-Luc de la Roche", "J. R. Smith"."""
    # A digit rules a name out whatever else holds: asked first, as the cheapest question.
    # In ASCII a digit is 0-9, which a search finds some five times as fast as map(isdigit).
    if _ASCII_DIGIT.search(text) if text.isascii() else any(map(str.isdigit, text)):
        return False
    tokens = text.split()
    titled = False
    while tokens and fold(tokens[0].rstrip(".")).replace(".", "") in PERSON_TITLES:
        tokens = tokens[1:]
        titled = True
    if not tokens or len(tokens) > 5 or (len(tokens) < 2 and not titled):
        return False
    # "Les Amis de la Terre", "The Good Cloud": an article does not open a person's name.
    if fold(tokens[0]) in _ARTICLES:
        return False
    if has_organization_word(text):
        return False
    folded = word_tuple(text)
    if len(set(folded)) < len(folded):
        return False  # "Ranjbaran Hezb-e Ranjbaran-e Iran" repeats a short name
    capitalized = 0
    for token in tokens:
        folded_token = fold(token)
        if folded_token in NAME_PARTICLES:
            continue
        if folded_token in _NOT_IN_NAMES:
            return False
        if not _NAME_TOKEN.fullmatch(token):
            return False
        if not token[0].isupper():
            elided = _ELIDED_PARTICLE.match(token)
            if elided is None or not token[elided.end() :][:1].isupper():
                return False
        upper = sum(1 for ch in token if ch.isupper())
        if upper >= 2 and 2 * upper >= sum(1 for ch in token if ch.isalpha()) and "." not in token:
            return False  # an acronym ("RM Rode Morgen"), not a name
        capitalized += 1
    return capitalized >= (1 if titled else 2)


# Degrees and mandates written after a name: "Jane Doe PhD", "Hans Meier MdB".
_TRAILING_TITLES = frozenset(["phd", "md", "mba", "mep", "mp", "mdb", "mdl", "mdep", "msp"])


def strip_titles(name: str) -> tuple[str, bool]:
    """ "Prof. Dr. Jane Doe" -> ("Jane Doe", True); "MEP Jane Doe" -> ("Jane Doe", True)."""
    tokens = name.split()
    titled = False
    # A title stays when the rest alone would not read back as a person ("Dr. Smith").
    while len(tokens) > 2 and fold(tokens[0].rstrip(".,")).replace(".", "") in PERSON_TITLES:
        if not is_person_name(" ".join(tokens[1:])):
            break
        tokens = tokens[1:]
        titled = True
    # "Jane Doe, PhD" and "Jane Doe PhD" keep the degree out of the name.
    while len(tokens) > 2 and fold(tokens[-1].strip(".,")) in _TRAILING_TITLES:
        tokens = tokens[:-1]
        titled = True
    return " ".join(tokens).rstrip(","), titled


def is_role(segment: str) -> bool:
    """Whether a comma-separated part is a role, a degree or a discipline, not an employer."""
    tokens = word_tuple(segment)
    if not tokens or _DEGREE.match(segment.strip()):
        return True
    return any(map(_is_role_word, tokens)) and not any(t in _PLACES_OF_WORK for t in tokens)


def is_place_of_work(segment: str) -> bool:
    """ "Harvard University", "Imperial College London": where persons work, not a body that
    signs under a name shaped like a person's."""
    return any(
        t in _PLACES_OF_WORK or t in _SCHOOLS or t.startswith("universit")
        for t in word_tuple(segment)
    )


_SCHOOLS = frozenset(["ecole", "escuela", "escola", "scuola", "schule"])


def is_institution(segment: str) -> bool:
    """Whether a part names a place of work or an organization ("Chicago City Colleges")."""
    return _is_institution(segment)


def _is_institution(segment: str) -> bool:
    tokens = word_tuple(segment)
    if any(t in _INSTITUTION_WORDS or t.startswith("universit") for t in tokens):
        return True
    return has_organization_word(segment) or bool(_ACRONYM.search(segment))


def _without_role(segment: str) -> str:
    """ "Presidente da CUT (…)" -> "CUT (…)"; "Professor at Harvard" -> "Harvard"."""
    behalf = _ON_BEHALF.match(segment)
    if behalf:
        return segment[behalf.end() :]
    if not any(map(_is_role_word, word_tuple(segment))):
        return segment
    # The first preposition after the role that leads to a capital: "directrice de recherche
    # au CNRS" skips "de recherche"; else one that leads to a name in lower case with a
    # capital further on ("co-fondatrice de l’école Thot").
    lower_start = None
    for match in _ROLE_PREPOSITION.finditer(segment):
        head = word_tuple(segment[: match.start()])
        if not head or len(head) > _MAX_ROLE_WORDS:
            break
        # "Secrétaire général Fédération CGT des Services publics": an acronym before the
        # preposition shows the body began already, with no preposition after the role.
        if _ACRONYM.search(segment[: match.start()]):
            break
        if not any(map(_is_role_word, head)):
            continue
        rest = segment[match.end() :]
        if fold(rest.split(" ", 1)[0]) in _UNITS:
            continue  # "Member of the Board of the Academy": the Academy
        if rest[:1].isupper() or rest[:1].isdigit():
            return _last_office(rest)
        if lower_start is None and any(map(str.isupper, rest)):
            lower_start = rest
    return lower_start if lower_start is not None else segment


_AND_OFFICE = re.compile(r"\s+(?:et|and|y|e|und|i)\s+(?=\S)")


def _last_office(rest: str) -> str:
    """ "CES et Secrétaire général de la CCOO" -> "CCOO": of two offices joined by "and",
    the last names the body the place or country after it belongs to."""
    for match in _AND_OFFICE.finditer(rest):
        second = rest[match.end() :]
        if is_role(second.split(",")[0]):
            body = _without_role(second)
            if body != second:
                return body
    return rest


def affiliation(parts: list[str]) -> str | None:
    """The organization among the parts after a person's name, as written, or None."""
    parts = _join_parenthesized([p.strip() for p in parts if p.strip()])
    if not parts:
        return None
    # A US state code and the city before it are a place, not part of the institution.
    if len(parts) >= 2 and _US_STATE.match(parts[-1]):
        parts = parts[:-2]
    for index, part in enumerate(parts):
        mandate = _MANDATE.match(part)
        if mandate and all(
            w in _ROLE_WORDS or w in _TRAILING_TITLES for w in word_tuple(mandate["role"])
        ):
            return mandate["group"]  # "MEP (Greens/EFA, Germany)": the group
        if is_role(part) or _is_role_phrase(part):
            # "vice-présidente de la FIDL, Le syndicat lycéen": the role leads to the
            # organization, which the parts after it describe.
            # Before other parts only a short form: "Professor at the Institute for X, UCLA"
            # works at UCLA.
            rest = _without_role(part)
            if (
                rest != part
                and _is_institution(rest)
                and _DEFINITE.search(part[: -len(rest)])
                and (index == len(parts) - 1 or is_acronym(rest, strict=True))
            ):
                return ", ".join(_drop_city([rest, *parts[index + 1 :]]))
            continue
        if _is_institution(part):
            behalf = _ON_BEHALF.match(part)
            part = part[behalf.end() :] if behalf else part
            return ", ".join(_drop_city([part, *parts[index + 1 :]]))
    if all(is_role(p) or _is_role_phrase(p) for p in parts):
        # "голова СПО, голова Федерації профспілок України": roles only, each leading to a
        # body with no preposition (a genitive). Of several, the body named in full; one
        # word after a mandate is mostly a place ("народний депутат України").
        bodies = [body for body in map(_genitive_body, parts) if body]
        if bodies:
            return max(bodies, key=lambda body: len(body.split()))
    # "Presidente da CUT": the role leads to the organization. Before other parts it
    # leads to a discipline instead ("Professor of Sociology, Virginia Tech").
    stripped = _without_role(parts[0])
    if len(parts) == 1 and stripped != parts[0] and not _is_role_phrase(stripped):
        return stripped if stripped[:1].isdigit() or any(map(str.isupper, stripped)) else None
    last = parts[-1]
    if is_role(last) or _is_role_phrase(last) or _DEGREE.match(last):
        return None
    return last


_MANDATE = re.compile(r"^(?P<role>[^()]+?)\s*\((?P<group>[^()]+)\)$")


def _genitive_body(part: str) -> str | None:
    """ "голова Федерації профспілок України" -> "Федерації профспілок України": a role in
    lower case, then the body's name with no preposition between (Slavic languages put it
    in the genitive). A body is several words or an acronym ("голова СПО"); one capitalised
    word is a place ("exalcalde Vilanova")."""
    if _without_role(part) != part:
        return None  # a preposition leads to the body ("responsable France de 350.org")
    tokens = part.split()
    lead = 0
    # A line of its own may open with the role capitalized ("Leder Natur og Ungdom").
    if len(tokens) > 1 and tokens[0][:1].isupper() and _is_role_word(fold(tokens[0])):
        lead = 1
        # "Secretary General WWF-Italia": the capitalized role goes on.
        while lead < len(tokens) - 1 and _is_role_word(fold(tokens[lead])):
            lead += 1
    while lead < min(len(tokens) - 1, _MAX_ROLE_WORDS) and tokens[lead][:1].islower():
        lead += 1
    if not lead or not any(_is_role_word(fold(token)) for token in tokens[:lead]):
        return None
    rest = tokens[lead:]
    if not (rest[0][:1].isupper() or rest[0][:1] in '«"„“'):
        return None
    if any(_is_role_word(fold(token)) for token in rest):
        return None  # "Senior Research Fellow": roles all along
    # One word is a body when it opens with a short form ("СПО", "WWF-Norge").
    if len(rest) == 1 and not (rest[0][:2].isupper() and len(rest[0]) >= 2):
        return None
    return " ".join(rest)


def _join_parenthesized(parts: list[str]) -> list[str]:
    """ "Presidente da CSB, (Central dos Sindicatos Brasileiros)": a part that opens with a
    parenthesis explains the part before it."""
    joined: list[str] = []
    for part in parts:
        if joined and part.startswith("("):
            joined[-1] = f"{joined[-1]}, {part}"
        else:
            joined.append(part)
    return joined


def _is_role_phrase(part: str) -> bool:
    """ "Professor of School Counseling", "Assistant Professor at the Institute …": a role
    leads the part, so what follows is a discipline or a unit, not the affiliation."""
    tokens = word_tuple(part)
    return bool(tokens) and _is_role_word(tokens[0])


def _drop_city(parts: list[str]) -> list[str]:
    """ "Wilbur Wright College, Chicago" -> the college; a university keeps its campus."""
    if (
        len(parts) >= 2
        and not _is_institution(parts[-1])
        and len(word_tuple(parts[-1])) <= 3
        and not _CAMPUS_HOLDERS.search(parts[-2])
    ):
        return parts[:-1]
    return parts


def parenthesis_affiliation(parts: list[str]) -> str | None:
    """What the parenthesis after a person's name says of them, split at its commas: the
    organization, as written; None for a profession or for a role over a place.
    "(Attac)" -> "Attac"; "(économiste)" -> None; "(Présidente de la FIDL)" -> "FIDL";
    "(exregidor ABC Springfield)" -> "ABC"; "(exalcalde Springfield)" -> None."""
    parts = [p.strip() for p in parts if p.strip()]
    content = ", ".join(parts)
    if not parts or not any(ch.isupper() or ch.isdigit() for ch in content):
        return None  # "(économiste)", "(writer)": a profession is written in lower case
    tokens = parts[0].split()
    lead = 0
    while (
        lead < len(tokens) - 1 and tokens[lead][:1].islower() and _is_role_word(fold(tokens[lead]))
    ):
        lead += 1
    if lead and _without_role(parts[0]) == parts[0]:
        # A role with no preposition before a name: "exregidor ABC Springfield". The name
        # is a place unless it names a body; an acronym then a place keeps the acronym.
        rest = tokens[lead:]
        if is_acronym(rest[0], strict=True) and not _is_institution(" ".join(rest[1:])):
            return rest[0]
        return " ".join([*rest, *parts[1:]]) if _is_institution(" ".join(rest)) else None
    if any(is_role(part) or _is_role_phrase(part) for part in parts):
        return affiliation(parts)
    return content


# Russian writes the office and the body first, the name last: "председатель Северного
# союза пекарей Иван Петров", "координатор МОД «Хлеб» в г. Омске Анна Козлова". A place ("в
# Омске", "г. Омск") after the body is not part of it.
_PLACE_AFTER = re.compile(
    r"(?:\s+(?:в|во|in|à|en)\s+(?:г\.\s*)?[^\W\d_][\w\-]*"
    r"|\s*\bг\.\s*\S+(?:\s+и\s+г\.\s*\S+)*)+$"
)
_LEADING_PREPOSITION = re.compile(
    r"^(?:(?:of the|at the|for the|de la|of|at|for|de|du|des|da|do|del|della|der|von)\s+"
    r"|d['’]|de l['’])",
    re.IGNORECASE,
)
_PATRONYMIC = re.compile(r"(?:вич|вна|ична|инична)$")


def role_first_person(text: str) -> tuple[str, str | None] | None:
    """(name, affiliation) of "office, body, then the name" ("председатель Союза пекарей
    Иван Петров"), or None when the entry is not shaped so."""
    tokens = text.split()
    if len(tokens) < 4 or not _is_role_word(fold(tokens[0])):
        return None
    size = 3 if len(tokens) >= 5 and _PATRONYMIC.search(tokens[-2]) else 2
    name = " ".join(tokens[-size:])
    before = tokens[-size - 1]
    if (
        before.endswith((",", ";", ":"))  # "Professor Jane Doe, Harvard University"
        or fold(before) in NAME_PARTICLES
        or fold(before) in _ARTICLES
        or not is_person_name(name)
    ):
        return None
    lead = 1
    while lead < len(tokens) - size and _is_role_word(fold(tokens[lead])):
        lead += 1
    after = tokens[lead]
    # "Member States Network …": a capital role word before a capital word opens a name.
    if tokens[0][:1].isupper() and not (
        after[:1].islower() or after[:1] in "\"«„“'" or (len(after) > 1 and after.isupper())
    ):
        return None
    body = " ".join(tokens[lead:-size]).split(", ")[0]
    body = _LEADING_PREPOSITION.sub("", body)  # "Chair of the Board …" -> "Board"
    body = _PLACE_AFTER.sub("", body).strip()
    if not body or not (_is_institution(body) or any(map(str.isupper, body))):
        return None
    return name, body
