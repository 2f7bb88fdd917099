"""Lines that open a signatory list, or a group inside one, and lines that close a letter.

A list is opened by a heading from the vocabulary ("Signatories (as of 15 September
2021):"), by a short line built on a signing word ("Les signataires :", "Entidades
firmantes", "Kampanyayı başlatanlar:", "States who joined the statement:"), or, with no
heading at all, by a sign-off ("Sincerely,") or a place-and-date line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .countries import country_name_code, is_region
from .dates import find_date, parse_date_line
from .folding import fold, word_tuple
from .vocabulary import split_words

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
adesioni|imzacilar|imzaci orgutler|imzaci kurumlar|imzalayanlar|subscritores|
primeiros subscritores|sottoscrittori|signants|signataris|entitats signants|primers signants|
asinantes|sinatzaileak|ondertekenaars|ondertekend door|eerste ondertekenaars|
medeondertekenaars|ondertekenende organisaties|handtekeningen|sygnatariusze|podpisali|
podpisy|lista sygnatariuszy|pierwsi sygnatariusze|signatari|podepsali|podpisali|podpisy|
semnatari|semnatarii|primii semnatari|lista semnatarilor|organizatii semnatare|alairok|
alairasok|alairo szervezetek|undertecknare|undertecknat av|underskrifter|underskrivere|
underskrevet af|undertegnet av|undertegnede|underskrivarar|allekirjoittajat|
allekirjoittaneet|allekirjoitukset|allkirjastajad|parakstitaji|pasirase|podpisniki|
potpisnici|potpisnice|potpisali|potpisi|lista potpisnika|nenshkruesit|penandatangan|
ditandatangani oleh|organisasi penandatangan|υπογραφουν|υπογραφες|υπογραφοντες|
οι υπογραφοντες|συνυπογραφουν|подписали|подписанты|подписи|подписавшие|подписавшиеся|
список подписантов|первые подписанты|підписали|підписанти|підписи|список підписантів|
подписници|потписници|потписнице|потписали|потписи|الموقعون|الموقعين|التوقيعات|
المنظمات الموقعة|الجهات الموقعة|امضاکنندگان|امضا کنندگان|امضاء کنندگان|امضاها|
دستخط کنندگان|החתומים|על החתום|רשימת החותמים|הארגונים החתומים|हस्ताक्षरकर्ता|
हस्ताक्षरकर्ता संगठन|স্বাক্ষরকারী|স্বাক্ষরকারী সংগঠন|ky ten|ผู้ลงนาม"""
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
# Invitations to sign that are written as sentences near the list, folded.
INVITATION = re.compile(
    r"\bto add your (?:signature|name|organi[sz]ation)\b|\bif you want to sign\b"
    r"|\b(?:add|sign) your (?:name|organi[sz]ation)\b|\bsign (?:the|this) (?:letter|statement)"
    r" here\b|\bwant to (?:co-?)?sign\b|\binvit\w+ (?:a|to) (?:co-?)?(?:firm|sign)\w*"
    r"|\bsont invitees? a (?:co-?)?signer|\bpour signer\b|\bzum (?:mit)?unterzeichnen\b"
    r"|\bpara (?:firmar|assinar|adherir)\b|\bimza listesi\w* .*guncellen"
    r"|\b(?:welcome|invited) to (?:co-?)?sign\b|\b(?:can|may) (?:still |also )?(?:co-?)?sign\b"
    r"|\b(?:bienvenu\w*|invit\w+) a (?:co-?)?signer\b|\bkonnen (?:noch )?unterzeichnen\b"
    # "We invite organisations to join the appeal", in the Slavic languages too.
    r"|\binvit\w* [\w ]{0,60}\bto join (?:the|this|our) (?:letter|appeal|statement|call)\b"
    r"|\bzapraszamy [\w ]{0,60}\bdo (?:dolaczenia|przylaczenia|podpisania)\b"
    r"|\bmozliwosc (?:zlozenia podpis|podpisania|dolaczenia)"
    r"|\bприглашаем [\w ]{0,60}\b(?:присоединиться|подписать)"
    # "open the possibility of adhering (to the manifesto)" in Catalan, French, Spanish and
    # Portuguese.
    r"|\bpossibilit\w* d'(?:adherir|adherer|signar|signer)|\bposibilidad de (?:adherir|firmar)"
    r"|\bpossibilidade de (?:aderir|assinar)"
)
# Words allowed around the date in a heading: "(as of ...)", "(Stand: ...)", "(au ...)".
_HEADING_FILLER = frozenset(
    split_words(
        """
        as of at on per by stand vom am au le en date al el a partir del em de status
        updated state itibariyle itibariyla itibaren tarihi itibarile aggiornato al last
        update
        """
    )
)
_MD_HEADING = re.compile(r"^(?:#{1,6}\s+)+(?=\S)")

# Folded stems of words about signing, in the languages of the format.
_SIGNING = re.compile(
    r"\b(?:signator\w*|signatai\w*|signer[s]?|signed|signing|signatures|signs?|signent|co-?signat\w*"
    r"|endors\w+|firman|firmantes?|firmad[oa]s?|firmat[aeio]|firmatar\w*|unterzeichn\w*"
    r"|erstunterzeichn\w*"
    r"|unterschrift\w*|assinat\w*|assinad\w*|assinam|signatari\w*|imza\w*|baslatan\w*"
    r"|adhesion\w*|adesion\w*|adhesoes|joined|undersigned|initiators?|initiatoren"
    r"|initiateurs|iniciadores|promotori|supported by|supporting|supporters|unterstutzer\w*"
    r"|unterstutzend\w*|apoyo|apoyan|apoio|apoiam|soutien|soutiennent|sostegno|sostengono"
    r"|adhieren|adherent|destekleyen\w*"
    # Beyond the languages above (folded, so without accents): Dutch, Polish, Czech and
    # Slovak, Romanian, Hungarian, the Nordic languages, Finnish, Baltic, South Slavic,
    # Catalan, Galician, Basque, Indonesian, Greek, Cyrillic, Arabic, Persian, Urdu, Hebrew,
    # Devanagari and Bengali: a heading "Ondertekenaars" or "Подписали" in any of them.
    r"|subscrit\w*|subscrev\w*|sottoscri\w*|signants?|signat per|asinantes|asinado"
    r"|sinatzaile\w*|ondertek\w*|medeondertek\w*|sygnatariusz\w*|podpisa\w*|podpisy"
    r"|podepsa\w*|semnatar\w*|semneaza|alair\w*|underteckn\w*|underskr\w*|undertegn\w*"
    r"|allekirjoit\w*|allkirjast\w*|parakstit\w*|pasirase\w*|podpisni\w*|potpis\w*"
    r"|nenshkru\w*|penandatangan\w*|ditandatangani|bertanda tangan|tertanda"
    r"|υπογρα\w*|συνυπογρα\w*|подпис\w*|підпис\w*|потпис\w*|الموقع\w*|موقعة|التوقيع\w*"
    r"|امضا\w*|دستخط\w*|חתומ\w*|החתום|החותמ\w*|हस्ताक्षर\w*|স্বাক্ষর\w*)\b"
)
# Signing and taking-part words of the scripts written without spaces (Chinese, Japanese,
# Korean): no word boundary to look for. "賛同署名", "签署团体", "서명 단체", "참여단체",
# "参加団体".
_SIGNING_CJK = re.compile(
    r"署名|簽署|签署|連署|联署|賛同|贊同|赞同|서명|연명|참여|참가|参加|參加|参与|參與|呼びかけ"
)
# A heading set between rules ("----- Signatories -----", "=== 賛同署名 ===").
_RULES = re.compile(r"^[-=~*_#—–─━•·.\s]{3,}|[-=~*_#—–─━•·.\s]{3,}$")
_CJK_HEADING_CHARS = 24
# Words for the signers or their list that may follow the signing word ("者一覧", "团体",
# "人名单", "단체").
_CJK_LIST_NOUNS = re.compile(
    r"(?:\s*(?:者|人|団体|团体|團體|組織|组织|單位|单位|機関|一覧|一覽|名簿|名单|名單|リスト"
    r"|단체|명단|자|인|님))*"
)
_LIST_WORDS = re.compile(
    r"\b(?:organi[sz]ations?|organisationen|organizaciones|organizacoes|organizzazioni"
    r"|entidades|entites|kurumlar|orgutler|states|countries|parties|partis|unions|members"
    r"|people|persons|individuals|personnes|personas|pessoas|persone|signers|list|liste"
    r"|lista|listesi|following|suivants|folgende|siguientes|seguintes|seguenti|asagidaki"
    r"|organisaties|organizacje|organizatii|organizace|szervezetek|organisationer"
    r"|organisasjonar|organisasjoner|jarjestot|entitats|organisasi|organizacije"
    r"|οργανωσεις|φορεις|организации|організації|المنظمات|الجهات|سازمانها|تشکلها"
    r"|ארגונים|संगठन|সংগঠন)\b"
)


# The body says that its signatories sign below ("We, the undersigned organisations", "Les
# organisations soussignées", "Нижеподписавшиеся"), folded: then a short closing run of
# names is that list, not an issuer.
_UNDERSIGNED = re.compile(
    r"\bundersigned\b|\b(?:signed|listed) below\b|\bsoussign\w*|\bunterzeichnend\w*"
    r"|\babajo firmantes\b|\babaixo[- ]assinad\w*|\bsottoscritt\w*|\bondergetekend\w*"
    r"|\bnizej podpisan\w*|\bpodepsan\w*|\bsubsemnat\w*|\balulirott\w*|\bundertecknade\b"
    r"|\bundertegnede\b|\ballekirjoittaneet\b|\bпотписан\w*|\bнижеподпис\w*|\bнижчепідпис\w*"
    r"|\basagida imza\w*|\bκατωθι\b|\bκατωθεν\b|\bυπογραφοντες\b|الموقع\w* (?:ادناه|أدناه)"
    r"|امضاکنندگان زیر|החתומים מטה|\bbertanda tangan\b"
)


def undersigned_cue(text: str) -> bool:
    """Whether a paragraph says its signatories sign below it."""
    return _UNDERSIGNED.search(fold(text)) is not None


_DATED_PARENTHESIS = re.compile(r"\s*\([^()]{4,40}\)\s*:?$")
SHORT_HEADING = "a short heading about signing"
COLON_LEADIN = "a line about signing that ends with a colon"


def vocabulary_heading(line: str) -> tuple[str | None, bool] | None:
    """(as-of date, further possible) when the line is a heading from the vocabulary."""
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
    if any(w not in _HEADING_FILLER for w in word_tuple(leftover)):
        return None
    return (found[0] if found else None), further is not None


def list_heading(line: str) -> str | None:
    """Why the line opens a signatory list, or None.

    Besides the vocabulary, a short line built on a signing word opens a list when it
    reads like a heading (no sentence end) or like an introduction ending with a colon.
    """
    if vocabulary_heading(line) is not None:
        return "a signatories heading"
    if len(line) > 120:
        return None
    text = _RULES.sub("", line.strip()).strip("[]*_#").strip()
    folded = fold(text)
    if not _SIGNING.search(folded):
        return _cjk_heading(text)
    # "Endorsing organizations (as of 3 May 2024)": the date says when, not what.
    dated = _DATED_PARENTHESIS.search(text)
    counted = text[: dated.start()] if dated and find_date(dated.group(0)) else text
    count = len(word_tuple(counted))
    if line.startswith("[") and line.endswith("]") and count <= 14:
        return "an editorial note about signing, in brackets"
    if text.endswith(":") and count <= 14:
        return COLON_LEADIN
    if text.endswith((".", "!", "?", ",", ";")) or count > 6:
        return None
    if count <= 3 or _LIST_WORDS.search(folded):
        return SHORT_HEADING
    return None


def _cjk_heading(text: str) -> str | None:
    """A short line built on a signing word in a script without spaces ("賛同署名",
    "签署团体：", "HPでの公開OKの方の賛同署名"): its length in characters, not in words,
    tells a heading from a sentence. These scripts put the head of a noun phrase last, so
    the signing word ends the line, or only words for a list of signers follow it
    ("賛同者一覧"); in "賛同人のメッセージ" (supporters' messages) or "賛同人紹介"
    (introducing the supporters) it only qualifies another word."""
    found = [*_SIGNING_CJK.finditer(text)]
    if not found or len(text) > _CJK_HEADING_CHARS + 1:
        return None
    if not _CJK_LIST_NOUNS.fullmatch(text.rstrip(":：").rstrip()[found[-1].end() :]):
        return None
    if text.endswith(("。", ".", "!", "?", "！", "？", ",", "、", "，")):
        return None
    if text.endswith((":", "：")):
        return "a line about signing that ends with a colon"
    return SHORT_HEADING if len(text) <= _CJK_HEADING_CHARS else None


def as_of_line(line: str) -> str | None:
    """The ISO date of a "333 total signers as of 26 January 2021." line near a list."""
    folded = fold(line)
    if len(line) > 160 or not _SIGNING.search(folded):
        return None
    if not re.search(r"\b(?:as of|stand|au|al|em|itibar\w*|aggiornat\w*|updated)\b", folded):
        return None
    found = find_date(line)
    return found[0] if found else None


_SIGN_OFFS = frozenset(
    fold(s)
    for s in """sincerely|yours sincerely|sincerely yours|yours faithfully|best regards|kind
    regards|regards|respectfully|respectfully yours|in solidarity|with solidarity|yours in
    solidarity|atentamente|cordialmente|saludos|saludos cordiales|un saludo|fraternalmente|
    solidariamente|cordialement|salutations|bien cordialement|salutations distinguees|
    solidairement|mit freundlichen grussen|mit solidarischen grussen|solidarische grusse|
    herzliche grusse|viele grusse|freundliche grusse|saudacoes|atenciosamente|
    saudacoes fraternas|cordiali saluti|distinti saluti|saluti|in fede|saygilarimizla|
    saygilarla|saygilarimla|met vriendelijke groet|met vriendelijke groeten|hoogachtend|
    in solidariteit|met solidaire groet|z powazaniem|z wyrazami szacunku|solidarnie|
    z solidarnosciowym pozdrowieniem|cu stima|cu respect|in solidaritate|s pozdravem|
    s uctou|s postovanjem|srdacan pozdrav|u solidarnosti|lep pozdrav|tisztelettel|
    udvozlettel|med vanliga halsningar|med venlig hilsen|med vennlig hilsen|
    vanliga halsningar|ystavallisin terveisin|solidaarisin terveisin|lugupidamisega|
    cordialment|atentament|salutacions|hormat kami|salam hormat|salam solidaritas|
    с уважением|с уважение|з повагою|з солідарністю|в солидарност|с поштовањем|
    με εκτιμηση|με τιμη|με συναδελφικους χαιρετισμους|με αλληλεγγυη|مع خالص التحية|
    مع التحية|مع فائق الاحترام|مع التقدير|وتفضلوا بقبول فائق الاحترام|تحياتنا|مع تحياتنا|
    با احترام|با سپاس|با درود|با تشکر|والسلام|בברכה|בכבוד רב|בברכה ובכבוד|בסולידריות|
    सादर|भवदीय|বিনীত|শুভেচ্ছাসহ""".replace("\n", " ").split("|")
)


def sign_off(line: str) -> str | None:
    """Why the line closes a letter ("Sincerely,", "Atentamente,"), or None."""
    text = line.strip()
    folded = " ".join(word_tuple(text))
    if folded in {" ".join(s.split()) for s in _SIGN_OFFS}:
        return "a closing formula"
    # "With urgency," "In hope," — a few words and a comma, at the end of a letter.
    if text.endswith(",") and len(text) <= 40 and len(word_tuple(text)) <= 4 and text[0].isupper():
        return "a short closing line ending with a comma"
    return None


def place_date_line(line: str) -> str | None:
    """The ISO date of "São Paulo, 8 de janeiro de 2023" or "15 September 2021"."""
    if len(line) > 80:
        return None
    return parse_date_line(line)


# Folded phrases that start boilerplate after a list: contacts, "about us", invitations.
FOOTER = re.compile(
    r"^(?:for more information|more information|further information|for further information"
    r"|press contact|media contact|contact|contacts|kontakt|pressekontakt"
    # With their colon only: "Contacto Ciudadano" may be a name.
    r"|(?:contacto|contatto|contato|iletisim)(?=\s*:)|about us|about the"
    r"|about [A-Za-z]+$|a propos|uber uns|acerca de|sobre|chi siamo|hakkimizda|read more"
    r"|learn more|mehr erfahren|en savoir plus|to add your|if you want to sign|download"
    r"|source|quelle|fuente|fonte|kaynak|related articles|share|partager|teilen"
    r"|endnotes|footnotes|notes|references|anmerkungen|fussnoten|notas|referencias|note"
    r"|riferimenti|kaynaklar|dipnotlar)\b"
)


# The first words of FOOTER's phrases, to skip the regular expression for most lines.
_FOOTER_FIRST_TEXT = (
    "for more further press media contact contacts kontakt pressekontakt contacto contatto "
    "contato iletisim about a à uber über "
    "acerca sobre chi hakkimizda hakkımızda read learn mehr en to if download source quelle "
    "fuente fonte kaynak related share partager teilen endnotes footnotes notes references "
    "anmerkungen fussnoten fußnoten notas referencias note riferimenti kaynaklar dipnotlar"
)
_FOOTER_FIRST_WORDS = frozenset(_FOOTER_FIRST_TEXT.split())
# Every invitation pattern holds one of these (lower-cased, unfolded is enough).
_INVITATION_CUES = ("sign", "firm", "zeichn", "assin", "adh", "imza", "güncellen")


_LINK = re.compile(r"https?://|www\.|@\w+\.\w")


# "Phone: +381 11 …", "Tél. 01 …", "E-mail: …": a contact line of a page footer, folded.
_CONTACT = re.compile(
    r"^(?:phone|telephone|tel|tlf|telefon|telefono|telefone|telefoon|fax|e-?mail|mobile?|gsm"
    r"|mob|puh|puhelin|tfn"
    r"|тел|телефон|факс)\s*[.:]"
)
_CONTACT_FIRST = frozenset("ptfemgтф")
# The first characters _MORE_SIGNED can start with, and a piece of each of its words for
# "other" or "more": most lines (a numbered list's) are answered without folding.
_MORE_FIRST = frozenset("aApPeEyYuUvVoOiIиИ+0123456789mMsS")
_MORE_CUES = re.compile(r"other|more|autre|otr|outr|altr|weiter|andr|ander|diger|diğer|inne|друг")
_DIGITS = "0123456789"


def _more_cued(line: str) -> bool:
    if line[0] in _DIGITS:
        # "12. Name" is a numbered entry; "12 other", "1,000 more" may say how many more.
        after = line.lstrip(_DIGITS)[:2]
        if not (after[:1] == " " or (after[:1] in ",." and after[1:] in _DIGITS and after[1:])):
            return False
    if _MORE_CUES.search(line.lower()) is None:
        return False
    return _MORE_SIGNED.match(fold(line)) is not None


# "and 34 other organisations", "+ 12 more", "et 34 autres", "und 34 weitere", folded: how
# many more signed, not one more signatory.
_MORE_SIGNED = re.compile(
    r"^(?:and|plus|\+|et|y|e|und|ve|en|og|och|i|oraz|и)?\s*(?:\d+(?:[ ,.]\d{3})*|many|several)\s+"
    r"(?:other|others|more|autres|otras|otros|outras|outros|altre|altri|weitere|andere|diger"
    r"|andra|andre|inne|других|другие)\b"
    r"|^(?:and|et|y|e|und|ve) (?:many )?"
    r"(?:others|more|autres|otras|otros|outras|outros|altri|weitere)$"
)


def footer_line(line: str) -> str | None:
    """Why a line after a list is boilerplate rather than an entry, or None."""
    if len(line) <= 80 and line[:1] in _MORE_FIRST and _more_cued(line):
        return "says how many more signed"
    # The first letter first: most lines need no folding.
    if line.lstrip("#*[ ")[:1].lower() in _CONTACT_FIRST and _CONTACT.match(
        fold(line[:12]).lstrip("#*[ ")
    ):
        return "a contact line (phone, fax or e-mail)"
    # "Contact:" and "İLETİŞİM:" too: the label's colon and capitals go.
    first = line.lstrip("#*[ ").split(" ", 1)[0].lower().rstrip(":")
    if not first.isascii():
        first = fold(first)
    if first in _FOOTER_FIRST_WORDS and FOOTER.match(fold(line[:40]).lstrip("#*[ ")):
        return "boilerplate (contact, about, invitation or link)"
    lowered = line.lower()
    # Every invitation holds one of _INVITATION_CUES: most lines need no folding and search.
    cued = (
        "sign" in lowered
        or "firm" in lowered
        or "zeichn" in lowered
        or "assin" in lowered
        or "adh" in lowered
        or "imza" in lowered
        or "güncellen" in lowered
    )
    if cued and INVITATION.search(fold(line)):
        return "an invitation to sign"
    # Each alternative of _LINK holds one of these: most lines need no search.
    linked = "://" in line or "www." in line or "@" in line
    if linked and _LINK.search(line) and len(word_tuple(line)) > 3:
        return "a line with a link or an address"
    return None


def groups_are_countries(groups: Iterable[str | None]) -> bool:
    """Whether a list is grouped by country: "Georgia" among "Maryland" and "Virginia" is
    a state, among "Armenia" and "Azerbaijan" a country."""
    named = {group for group in groups if group}
    countries = sum(1 for group in named if country_name_code(group) is not None)
    return 2 * countries > len(named)


def group_heading(line: str, marked: bool) -> str | None:
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
