"""Realistic sample statements in the shapes and languages the parser must handle."""

from __future__ import annotations

FRENCH_COUNTRY_HEADINGS = """Déclaration commune

Non à la guerre impérialiste !

Les organisations soussignées appellent à la solidarité internationale.

Paris, le 3 mars 2022

Signataires (au 3 mars 2022, d'autres signataires sont possibles) :

Allemagne
1. Marxistisch-Leninistische Partei Deutschlands (MLPD)
2. Kommunistische Organisation Luxemburg, Luxembourg
France
3. Unité Communiste
4. Union Prolétarienne Marxiste-Léniniste
Afrique
5. Parti Communiste du Togo
"""

SPANISH_FIRMANTES = """Declaración conjunta

¡Solidaridad con el pueblo!

Llamamos a todos los trabajadores a movilizarse.

15 de septiembre de 2021

Firmantes:
- Partido Comunista Paraguayo (Paraguay)
- Partido Comunista Revolucionario del Uruguay
- Movimiento Popular Revolucionario, Ecuador
- Organización Apoyante del Partido Comunista de México
"""

GERMAN_ABBREVIATIONS_AFTER = """Gemeinsame Erklärung

Nein zum Krieg!

Wir rufen zur Solidarität auf.

Berlin, 1. Oktober 2021

Unterzeichner (Stand: 1. Oktober 2021):
Marxistisch-Leninistische Partei Deutschlands (MLPD)
Kommunistische Organisation Luxemburg – KOL
Marxistisch-Leninistische Gruppe Schweiz (MLGS)
Internationalistisches Bündnis
"""

ENGLISH_OPEN_LETTER = """Open Letter

Stop the deportations

We, the undersigned scholars, call on the government to stop the deportations now.

September 2021

Signed by:
Jane Doe, University of Oxford
Prof. Dr. Hans Müller (Universität Hamburg, Germany)
Dr. Amina Yusuf, University of Lagos, Nigeria
John Smith
"""

BULLETS_BY_CONTINENT = """Statement

For peace and freedom

Text of the statement.

Signatories:

Africa
• Parti Communiste Proletarien de Côte d'Ivoire (Proletarian Communist Party of Ivory Coast)
• Moroccan Marxist-Leninist Proletarian Line
Asia
• CPI (ML) Red Star Communist Party of India (Marxist-Leninist) Red Star
• Nepal Communist Party (Mashal)
Europe
• Rode Morgen (Red Dawn), Netherlands
Latin America
• Bloque Democrático Popular (Popular Democratic Bloc), Peru
"""

TURKISH = """Ortak Açıklama

Emperyalist savaşa hayır!

Bütün işçileri dayanışmaya çağırıyoruz.

15 Eylül 2021

İmzacılar:
1) Türkiye Komünist Partisi – Marksist-Leninist (TKP-ML)
2) Marksist Leninist Komünist Parti Türkiye / Kürdistan (MLKP)
3) Bolşevik Parti (Kuzey Kürdistan-Türkiye)
4) Devrimci Sendikalar Konfederasyonu
"""

ITALIAN = """Dichiarazione

No alla guerra!

Chiamiamo alla mobilitazione.

15 settembre 2021

Firmatari:
(1) Partito Comunista Italiano Marxista-Leninista – PCIML
(2) Piattaforma Comunista, Italia
(3) Unione dei Comunisti Svizzeri
"""

PORTUGUESE = """Resolução

Pela paz

O texto da resolução.

15 de setembro de 2021

Signatários:
- União Marxista-Leninista Portuguesa (Portuguese Marxist-Leninist Union)
- Partido Comunista Revolucionário (Brasil)
- Movimento Operário, Angola
"""

NO_HEADING_TRAILING_LIST = """Appeal

Free all political prisoners!

We demand the immediate release of all political prisoners.

1. MLPD Marxistisch-Leninistische Partei Deutschlands
2. Revolutionary Communist Party of Canada
3. Communist Party of Greece (Marxist-Leninist), Greece
"""

ALL = {
    "french": FRENCH_COUNTRY_HEADINGS,
    "spanish": SPANISH_FIRMANTES,
    "german": GERMAN_ABBREVIATIONS_AFTER,
    "english": ENGLISH_OPEN_LETTER,
    "bullets": BULLETS_BY_CONTINENT,
    "turkish": TURKISH,
    "italian": ITALIAN,
    "portuguese": PORTUGUESE,
    "no_heading": NO_HEADING_TRAILING_LIST,
}


# A body paragraph that names nobody, for tests that put a list after it.
SCHOOLS_BODY = (
    "The government must stop the closure of the rural schools, which would leave "
    "thousands of children without a school near their home, and it must hear the parents."
)


def parsed_both_ways(text: str):
    """parse(text), checked to read back alike from its own rendering."""
    from undersigned.textformat import parse, render_text

    doc = parse(text)
    assert parse(render_text(doc)).to_dict() == doc.to_dict()
    return doc
