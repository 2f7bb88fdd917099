"""Word lists that tell organizations from people and one language from another."""

from __future__ import annotations

import re
from functools import lru_cache

from .folding import fold, word_tuple


def split_words(text: str) -> list[str]:
    """Folded words of a whitespace-separated word list."""
    return [fold(w) for w in text.split()]


_split_words = split_words

# Whole folded words that mark an organization (or a collective) in many languages.
ORGANIZATION_WORDS = frozenset(
    _split_words(
        """
        party parties partei parteien parti partis partido partidos partito partiti
        partija partisi union unions unione unión uniao union birligi birlik sendika
        sendikasi dernegi dernek organisation organization organisations organizations
        organisatie organizacion organizacao organizzazione orgutu orgut front fronts
        fronte frente cephe cephesi league liga lega ligue committee committees comite
        comites komitee comitato council conseil consejo conselho consiglio rat konseyi
        movement movements mouvement movimiento movimento bewegung hareketi hareket
        federation federacion federacao federazione foderation federasyonu association
        associations asociacion associacao associazione verein verband network netzwerk
        reseau rete group groups gruppe groupe grupo gruppo grubu collective kollektiv
        collectif colectivo coletivo collettivo center centre centro zentrum merkezi
        institute institut instituto istituto enstitusu university universitat
        universite universidad universidade universita universitesi college school
        syndicat sindicato sindacato gewerkschaft trade platform plattform plateforme
        plataforma piattaforma platformu initiative initiativen iniciativa iniziativa
        inisiyatifi bloc bloque blocco blok coalition koalition coalicion coalizione
        alliance allianz alianza alleanza ittifaki bund bundnis assembly assemblee
        asamblea assembleia assemblea meclisi congress congres congreso congresso kongre
        kongresi conference konferenz conferencia conferenza konferansi foundation
        stiftung fondation fundacion fundacao fondazione vakfi society societe sociedad
        sociedade societa club circle cercle circulo circolo kreis ring communist
        communists kommunistische kommunisten communiste communistes comunista
        comunistas comunisti komunist komunistler socialist socialiste socialista
        sozialistische sosyalist marxist marxiste marxista marxistische marksist
        leninist leniniste leninista leninistische maoist maoiste maoista revolutionary
        revolutionnaire revolucionario revolucionaria rivoluzionario revolutionare
        devrimci workers worker arbeiter travailleurs ouvriers trabajadores
        trabalhadores lavoratori isci emekci proletarian proletarienne proletario
        proletarische proleter democratic democratique democratico demokratische
        demokratik popular populaire popolare halk people peoples peuple pueblo povo
        popolo volk youth jeunesse juventud juventude gioventu jugend genclik women
        femmes mujeres mulheres donne frauen kadin solidarity solidarite solidaridad
        solidariedade solidarieta solidaritat dayanisma liberation liberacion libertacao
        liberazione befreiung kurtulus antifa antifascist antifaschistische ngo
        secretariat bureau buro office agency editorial newspaper journal magazine
        zeitung revue revista rivista dergisi radio tv press presse prensa imprensa
        stampa cooperative genossenschaft cooperativa kooperatif inc ltd gmbh ev e.v
        association
        związek związku związków związki fundacja fundacji fundacje wspólnota wspólnoty
        koalicja koalicji federacja federacji partia partii ruch spolek svaz udruga
        ενωση ενωσεις σωματειο σωματεια συνδικατο συνδικατα επιτροπη επιτροπες συλλογος
        συλλογοι ομοσπονδια οργανωση οργανωσεις κομμα κινηση
        """
    )
)

# Stems that mark an organization inside German compounds ("Arbeiterpartei").
ORGANIZATION_STEMS = (
    "partei",
    "bewegung",
    "gewerkschaft",
    "verband",
    "komitee",
    "kollektiv",
    "gruppe",
    "netzwerk",
    "zentrum",
    "institut",
    "stiftung",
    "organisation",
    "initiative",
    "bundnis",
    "vereinigung",
    "federation",
    "foderation",
    # "Confederación", "Confederação", "Confederazione": the Romance forms of the same stem.
    "federacion",
    "federacao",
    "federazion",
    "universit",
    # "Observatorio Ciudadano", "Observatoire des inégalités", "Osservatorio …": a watchdog.
    "observato",
    "osservato",
    # The Slavic and Nordic forms, declined ("Organizacji", "Stowarzyszenie", "organisasjon").
    "organiza",
    "organisa",
    "stowarzysz",
    "towarzystw",
    "sdruzeni",
    "udruzenj",
)

_STEM = re.compile("|".join(ORGANIZATION_STEMS))

# Honorifics and academic titles before a person's name.
PERSON_TITLES = frozenset(
    _split_words(
        """
        dr prof professor mr mrs ms mx miss rev reverend sir dame mag dipl ing pr me mme
        mlle dott dottssa avv sr sra srta lic hon mp mep cllr sen rep hab mgr
        """
    )
)

# Lower-case particles inside personal names.
NAME_PARTICLES = frozenset(
    _split_words(
        """
        van von de da das do dos der den del della di du le la les bin ibn al el y e ter
        zu af
        """
    )
)

# Small function words skipped when judging whether a line is written in title case.
# "and" as a word of its own, in the cased scripts' languages of most lists (sentence_list.py
# adds the other scripts' forms; appositions.py leaves out "a", an English article there).
AND_WORDS = (
    "and", "und", "et", "y", "e", "ve", "i", "en", "og", "och", "ja", "és", "oraz", "a",
    "και", "и", "і", "та",
)  # fmt: skip

FUNCTION_WORDS = frozenset(
    _split_words(
        """
        of and the for in on at to a an de du des la le les et pour l d y del el los las
        para en der die das und fur im von zu do da dos das e em no na di della dei
        delle per il ve ile
        """
    )
)

# Words that are characteristic of one language, for telling a translation from the
# native name it translates ("Rode Morgen (Red Dawn)").
_LANGUAGE_WORDS = {
    "en": """of the and for party communist workers union organization organisation league
        front movement revolutionary democratic people peoples popular national international
        council committee group new red socialist proletarian marxist leninist struggle unity
        united labour labor class youth women independent patriotic republican bloc
        coordination supporting federation association trade network centre center platform
        initiative solidarity liberation dawn star path voice north south east west
        establishment manifesto populations communists""",
    "fr": """de du des la le les et pour parti communiste ouvrier ouvriers organisation
        revolutionnaire democratique populaire proletarien proletarienne marxiste leniniste
        unite mouvement ligue comite jeunesse femmes travailleurs syndicat patriotique
        socialiste nationale instauration democratie d l pour au aux""",
    "es": """de del la el los las y partido comunista obrero obrera union organizacion
        revolucionario revolucionaria democratico democratica popular marxista leninista
        movimiento frente liga comite juventud mujeres trabajadores sindicato bloque apoyante
        independiente por para""",
    "de": """der die das und fur partei kommunistische kommunistischer arbeiter organisation
        gruppe bund bewegung front komitee marxistisch leninistische revolutionare
        demokratische jugend frauen gewerkschaft sozialistische deutschlands""",
    "pt": """de do da dos das e partido comunista operario uniao organizacao revolucionario
        movimento frente marxista leninista portuguesa trabalhadores""",
    "it": """di del della dei e partito comunista unione organizzazione rivoluzionario
        movimento fronte lotta lavoratori marxista leninista italiano""",
    "tr": """ve parti partisi komunist sendika dernegi hareketi birligi orgutu marksist
        leninist devrimci isci emekci kuzey guney""",
}
LANGUAGE_WORDS = {lang: frozenset(ws.split()) for lang, ws in _LANGUAGE_WORDS.items()}
_WORD_LANGUAGES: dict[str, tuple[str, ...]] = {}
for _lang, _vocab in LANGUAGE_WORDS.items():
    for _word in _vocab:
        _WORD_LANGUAGES[_word] = (*_WORD_LANGUAGES.get(_word, ()), _lang)


def language_of(text: str) -> str | None:
    """The language whose characteristic words are most frequent, or None on a tie."""
    scores: dict[str, int] = {}
    for token in word_tuple(text):
        for lang in _WORD_LANGUAGES.get(token, ()):
            scores[lang] = scores.get(lang, 0) + 1
    if not scores:
        return None
    best = max(scores.values())
    leaders = [lang for lang, score in scores.items() if score == best]
    return leaders[0] if len(leaders) == 1 else None


def has_organization_word(text: str) -> bool:
    return any(map(_organization_word, word_tuple(text)))


# Per word, cached: the same words come back entry after entry, and the stems are searched
# one after the other at every letter of a long word.
@lru_cache(maxsize=1 << 16)
def _organization_word(token: str) -> bool:
    return token in ORGANIZATION_WORDS or (len(token) > 8 and _STEM.search(token) is not None)


# Words for the signers of a text, as lower-cased stems inside a regular expression (the
# signers "among" whom a sentence names a few: among_persons, sample_lists).
# "Among" in the languages of those sentences ("among the signatories are …").
AMONG_WORDS = r"among(?:st)?|parmi|entre|unter|zu|tra|fra|onder|bland|wśród|среди|серед"
SIGNER_NOUNS = (
    r"firmant|signator|signatori|signer|unterzeichner|signatair|firmatari|signatári|signatari"
    r"|assinant|ondertekenaar|undertecknar|sygnatariusz|подписант|підписант|suscriptor"
)
