"""Signing bodies (or ministers) named inside a sentence, often as its subject (issue 22):
an article before each name, "and" inside the last name, "Name (Country)" persons beside a
run of the bare countries, "on behalf of A, and B, and C" in Arabic script, "Name (ABBR)"
names broken by hard line breaks, two "Name (ABBR)" bodies opening a text.

The texts are invented in the shapes of real statements of the corpus; none is a copy.
Before subject_lists and subject_paragraphs, each parsed to no signatory or to the wrong ones.
"""

from undersigned.textformat import parse
from undersigned.textformat.lines import nonblank_lines
from undersigned.textformat.subject_lists import on_behalf_run, without_lead
from undersigned.textformat.subject_paragraphs import paired_subject, wrapped_paragraphs


def names(text: str) -> list[str]:
    return [s.name for s in parse(text).signatories]


# An article before each name; a capitalised one inside the sentence is the name's own.


def test_hungarian_articles_before_each_name_are_dropped() -> None:
    text = (
        "Közös nyilatkozat\n\n"
        "Több szervezet tiltakozott a tervezet ellen. A nyilatkozat kezdeményezői között van "
        "A Zöld Város Egyesület, az Emberi Jogi Liga, a Szabad Sajtó Alapítvány, "
        "a Diákok Hálózata és a Tiszta Víz Mozgalom.\n"
    )
    assert names(text) == [
        "A Zöld Város Egyesület",
        "Emberi Jogi Liga",
        "Szabad Sajtó Alapítvány",
        "Diákok Hálózata",
        "Tiszta Víz Mozgalom",
    ]


def test_hungarian_bodies_as_the_subject_with_the_verb_prefix_after() -> None:
    text = (
        "A Zöld Kör, a Jogvédő Társaság, az Országos Diákszövetség és a Nyitott Sajtó "
        "Egyesület közös nyilatkozatot írt alá.\n"
    )
    assert names(text) == [
        "Zöld Kör",
        "Jogvédő Társaság",
        "Országos Diákszövetség",
        "Nyitott Sajtó Egyesület",
    ]


def test_capitalised_article_stays_inside_a_sentence_and_goes_at_its_start() -> None:
    assert without_lead("The Ramblers", opens_sentence=False) == "The Ramblers"
    assert without_lead("The Ramblers", opens_sentence=True) == "Ramblers"
    assert without_lead("the Woodland Trust", opens_sentence=False) == "Woodland Trust"
    assert without_lead("az Emberi Jogi Liga", opens_sentence=False) == "Emberi Jogi Liga"


def test_capital_article_after_a_dateline_dash_is_the_sentences() -> None:
    text = (
        "Joint statement\n\n"
        "WASHINGTON — The Sierra Club, the Wilderness Society, the Ocean Trust and the League "
        "of Voters issued a joint statement today.\n"
    )
    assert names(text) == ["Sierra Club", "Wilderness Society", "Ocean Trust", "League of Voters"]


def test_capital_article_after_signed_by_is_the_names() -> None:
    text = (
        "Joint statement\n\n"
        "The letter was signed by The Ramblers, the Wilderness Society, the Ocean Trust and "
        "the League of Voters.\n"
    )
    assert names(text)[0] == "The Ramblers"


# "and" inside the last name; the delegates of the bodies lead into their names.


def test_spanish_and_inside_the_last_name_after_the_lists_own_and() -> None:
    text = (
        "Representantes de Oxfam Intermón, ACCEM, la Red de Apoyo Mutuo y Paz y Solidaridad "
        "han entregado hoy en el Ministerio del Interior las firmas recogidas en la campaña.\n"
    )
    assert names(text) == ["Oxfam Intermón", "ACCEM", "Red de Apoyo Mutuo", "Paz y Solidaridad"]


def test_italian_delegates_lead_into_the_names() -> None:
    text = (
        "Rappresentanti di Legambiente, ARCI, Libera e Cittadinanza Attiva hanno firmato "
        "stamattina l'appello davanti alla prefettura.\n"
    )
    assert names(text) == ["Legambiente", "ARCI", "Libera", "Cittadinanza Attiva"]


def test_english_and_greek_delegates_lead_into_the_names() -> None:
    english = (
        "Representatives of the Red Cross, Oxfam, Save the Children and Amnesty "
        "International signed the joint letter to the minister on Monday.\n"
    )
    assert names(english) == ["Red Cross", "Oxfam", "Save the Children", "Amnesty International"]
    greek = "Οι εκπρόσωποι της ΓΣΕΕ, της ΑΔΕΔΥ, της ΠΟΕ-ΟΤΑ και της ΟΛΜΕ υπέγραψαν κοινή δήλωση.\n"
    assert names(greek) == ["ΓΣΕΕ", "ΑΔΕΔΥ", "ΠΟΕ-ΟΤΑ", "ΟΛΜΕ"]


def test_persons_joined_by_a_second_and_still_split() -> None:
    # Two persons after the list's own "and": each is a whole name, so "and" splits again.
    text = (
        "La déclaration a été signée par Marie Dupont (CFDT), Jean Martin (CGT), "
        "Paul Leroy (FO) et Anne Morel et Luc Bernard (UNSA) lors de la réunion.\n"
    )
    assert names(text)[-2:] == ["Anne Morel", "Luc Bernard"]


# Persons with their countries beside a run of the bare countries.


def test_persons_with_their_countries_outrank_the_governments() -> None:
    text = (
        "Los gobiernos de Noruega, Kenia, Chile y Japón firmaron una declaración conjunta "
        "sobre la pesca.\n\n"
        "La declaración fue entregada el lunes en Ginebra.\n\n"
        "Ingrid Holm (Noruega), Peter Otieno (Kenia), Ana Rojas (Chile) y Kenji Sato (Japón) "
        "celebran el acuerdo alcanzado.\n"
    )
    found = parse(text).signatories
    assert [s.name for s in found] == ["Ingrid Holm", "Peter Otieno", "Ana Rojas", "Kenji Sato"]
    assert [s.country for s in found] == ["NO", "KE", "CL", "JP"]


def test_a_run_of_countries_alone_is_still_the_list() -> None:
    text = (
        "Los gobiernos de Noruega, Kenia, Chile y Japón firmaron una declaración conjunta "
        "sobre la pesca.\n\n"
        "La declaración fue entregada el lunes en Ginebra.\n"
    )
    assert names(text) == ["Noruega", "Kenia", "Chile", "Japón"]


def test_addressees_written_as_signers_are_not_signers() -> None:
    # The persons with their countries are the object of a verb of asking.
    english = (
        "Open letter on fisheries\n\n"
        "We call on Ingrid Holm (Norway), Peter Otieno (Kenya), Ana Rojas (Chile) and "
        "Kenji Sato (Japan) to sign the treaty without delay.\n"
    )
    spanish = (
        "Carta abierta\n\n"
        "Pedimos a Ingrid Holm (Noruega), Peter Otieno (Kenia), Ana Rojas (Chile) y "
        "Kenji Sato (Japón) que firmen el tratado.\n"
    )
    assert names(english) == []
    assert names(spanish) == []


# "On behalf of A, and B, and C, we declare …" in Arabic script.


def test_arabic_on_behalf_run_ends_before_the_persons_supported() -> None:
    text = (
        "بيان دعم\n"
        "باسم جمعية الأرض الخضراء للتنمية والبيئة، والنقابة العامة للمعلمين، "
        "ورابطة الكتاب الأحرار، نعلن دعمنا الكامل لمعالي الوزير سامي الخطيب، وزير الثقافة، "
        "وسعادة السفير كريم منصور، سفير الجمهورية، في موقفهما الثابت.\n"
        "وندعو جميع المؤسسات إلى الوقوف معنا.\n"
    )
    assert names(text) == [
        "جمعية الأرض الخضراء للتنمية والبيئة",
        "النقابة العامة للمعلمين",
        "رابطة الكتاب الأحرار",
    ]


def test_arabic_sentence_without_on_behalf_gives_no_run() -> None:
    assert (
        on_behalf_run("نعلن دعمنا الكامل للوزير، ولسعادة السفير، ولكل المؤسسات، في موقفهم.") == []
    )
    # Two names only: too few for a list read from the shape alone.
    assert on_behalf_run("باسم جمعية الأرض، والنقابة العامة، نعلن دعمنا.") == []


# "Name (ABBR)" names broken again and again by hard line breaks.


def test_hard_broken_paragraph_of_names_with_short_forms() -> None:
    text = (
        "Unions and chambers gave a joint message against violence. Reading the statement\n"
        "for them, the chair\n"
        "said the country must stay united.\n"
        "National Farmers Union (\n"
        "NFU), Teachers' Association of the North (TAN), Coastal\n"
        "Fishers Federation (\n"
        "CFF), Urban Tenants League (UTL), Union of\n"
        "Nurses and Midwives (UNM), Small Traders Chamber (\n"
        "STC) Riverside Hall joint press statement made.\n"
        "The chair recalled that many had died in the attacks, and he called for calm\n"
        "and unity in the days ahead.\n"
    )
    found = parse(text).signatories
    assert [(s.name, s.abbreviation) for s in found] == [
        ("National Farmers Union", "NFU"),
        ("Teachers' Association of the North", "TAN"),
        ("Coastal Fishers Federation", "CFF"),
        ("Urban Tenants League", "UTL"),
        ("Union of Nurses and Midwives", "UNM"),
        ("Small Traders Chamber", "STC"),
    ]


def test_markup_leftovers_go_when_broken_lines_are_joined() -> None:
    lines = nonblank_lines(
        [
            "The meeting was called by",
            "Union of Printers (UP), Dockers-Union' class='tag' title='Dockers news'>Dockers",
            "Union (DU), Bakers",
            "Guild (BG), Tailors",
            "Guild (TG) and others.",
        ]
    )
    [(group, text)] = wrapped_paragraphs(lines)
    assert len(group) == 5
    assert "class=" not in text and "(UP), Dockers Union (DU), Bakers Guild (BG)" in text


def test_paragraphs_with_closed_lines_are_not_joined() -> None:
    lines = nonblank_lines(["First sentence here.", "Second one, too.", "Third: done."])
    assert wrapped_paragraphs(lines) == []


# Two bodies, each "Name (ABBR)", opening the text as its subject.


def test_greek_two_bodies_with_articles_and_short_forms_open_the_text() -> None:
    text = (
        "Η Ένωση Δικαστών και Εισαγγελέων (ΕΔΕ) και η Ελληνική Ένωση για τα Δικαιώματα "
        "του Παιδιού (ΕΕΔΠ), ο αρμόδιος φορέας για την προστασία των ανηλίκων, εκφράζουν "
        "την ανησυχία τους για τις νέες ρυθμίσεις.\n"
    )
    found = parse(text).signatories
    assert [(s.name, s.abbreviation) for s in found] == [
        ("Ένωση Δικαστών και Εισαγγελέων", "ΕΔΕ"),
        ("Ελληνική Ένωση για τα Δικαιώματα του Παιδιού", "ΕΕΔΠ"),
    ]


def test_english_and_spanish_pairs() -> None:
    assert paired_subject(
        "The Trade Union Congress (TUC) and the Confederation of British Industry (CBI) "
        "call on the government to act."
    ) == ["Trade Union Congress (TUC)", "Confederation of British Industry (CBI)"]
    assert paired_subject(
        "La Confederación Sindical de Comisiones Obreras (CCOO) y la Unión General de "
        "Trabajadores (UGT) rechazan la reforma."
    ) == [
        "Confederación Sindical de Comisiones Obreras (CCOO)",
        "Unión General de Trabajadores (UGT)",
    ]


def test_pairs_that_are_not_signers() -> None:
    # Persons, a country in the parenthesis, no short forms, a pair inside the sentence.
    assert paired_subject("President Anna Berg (Sweden) and Prime Minister Ole Dahl met.") == []
    assert paired_subject("The Labour Party and the Green Party agreed on a budget.") == []
    assert (
        paired_subject(
            "On Monday, the European Commission (EC) and the European Parliament (EP) agreed."
        )
        == []
    )
    text = (
        "Market report\n\n"
        "On Monday, the European Central Bank (ECB) and the Bank of England (BOE) kept "
        "their rates.\n"
    )
    assert names(text) == []


# Three names each ending with a parenthesis, one comma and one "and".


def test_three_persons_with_countries_one_comma_and_one_and() -> None:
    text = (
        "Maria Silva (Brasil), John Smith (Canadá) e Aiko Tanaka (Japão) assinaram a "
        "declaração final do encontro.\n"
    )
    found = parse(text).signatories
    assert [(s.name, s.country) for s in found] == [
        ("Maria Silva", "BR"),
        ("John Smith", "CA"),
        ("Aiko Tanaka", "JP"),
    ]


def test_and_inside_a_name_when_every_name_ends_with_its_short_form() -> None:
    text = (
        "Kuzey Barolar Birliği (KBB), Güney Tabipler Birliği (GTB), Deniz Mühendis ve "
        "Mimar Odaları Birliği (DMMOB) ve Batı Gazeteciler Cemiyeti (BGC) bildiriyi imzaladı.\n"
    )
    found = parse(text).signatories
    assert [(s.name, s.abbreviation) for s in found] == [
        ("Kuzey Barolar Birliği", "KBB"),
        ("Güney Tabipler Birliği", "GTB"),
        ("Deniz Mühendis ve Mimar Odaları Birliği", "DMMOB"),
        ("Batı Gazeteciler Cemiyeti", "BGC"),
    ]


def test_three_bodies_with_short_forms_in_a_news_sentence_are_no_list() -> None:
    text = (
        "Market report\n\n"
        "The Central Bank of Chile (BCCh), the Bank of England (BoE) and the Bank of Japan "
        "(BoJ) kept their rates unchanged on Thursday.\n"
    )
    assert names(text) == []


# The names that issue a joint statement (or "the following statement") are its signers.


def test_persons_issuing_the_following_statement() -> None:
    text = (
        "Joint statement\n\n"
        "Rep. Jane Doe (D-CA), Rep. John Roe (D-TX) and Rep. Ann Poe (D-WA) issued the "
        "following statement today.\n"
    )
    assert names(text) == ["Jane Doe", "John Roe", "Ann Poe"]


def test_polish_and_french_bodies_issuing_a_joint_statement() -> None:
    polish = (
        "Oświadczenie\n\n"
        "Fundacja Wolności, Stowarzyszenie Prawników, Związek Nauczycieli i Ruch Obywatelski "
        "wydały wspólne oświadczenie w sprawie ustawy.\n"
    )
    assert names(polish) == [
        "Fundacja Wolności",
        "Stowarzyszenie Prawników",
        "Związek Nauczycieli",
        "Ruch Obywatelski",
    ]
    # The first name ends in lower case and opens the sentence: it is taken whole.
    french = (
        "Déclaration\n\n"
        "La Ligue des droits, Attac France, la Confédération paysanne et Greenpeace France "
        "publient une déclaration commune contre le projet.\n"
    )
    assert names(french) == [
        "Ligue des droits",
        "Attac France",
        "Confédération paysanne",
        "Greenpeace France",
    ]
