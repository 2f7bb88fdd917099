"""Signatory lists whose separators are odd or missing (issue 22): names in one line between
pipes or middle dots under a lead-in, `Name | (titles, organisation)` cards run together with
only spaces between them, `Name (ABBR)` bodies run together after "on behalf of", a paragraph
where every person takes 2-4 comma fields, and `Name (role);` runs wrapped inside names.
Invented examples, several languages, and near-misses that must give no entries."""

from undersigned.textformat import parse
from undersigned.textformat.odd_separators import (
    acronym_run,
    card_run,
    paren_person_run,
    separated_items,
)
from undersigned.textformat.persons import is_person_name
from undersigned.textformat.role_lists import role_run

# --- one line of names between pipes or dots, under a lead-in -------------------------------


def test_pipes_under_a_colon_leadin_german() -> None:
    text = (
        "Wir stehen gemeinsam gegen Hass und Hetze in unserer Stadt und im ganzen Land.\n\n"
        "Wir fordern die Politik auf, Initiativen der Zivilgesellschaft dauerhaft zu stärken.\n\n"
        "Die Erklärung haben bis zum 3. März unterzeichnet:\n"
        "Bürgerstiftung Nordhafen | Landesverband Freier Bühnen (LFB) | Kinderschutzbund "
        "Oberland | Netzwerk Nachbarschaft | Stadtsportbund Ahlenberg\n"
    )
    names = [(s.name, s.abbreviation) for s in parse(text).signatories]
    assert names == [
        ("Bürgerstiftung Nordhafen", None),
        ("Landesverband Freier Bühnen", "LFB"),
        ("Kinderschutzbund Oberland", None),
        ("Netzwerk Nachbarschaft", None),
        ("Stadtsportbund Ahlenberg", None),
    ]


def test_one_entry_with_its_fields_between_pipes_stays_one() -> None:
    text = (
        "Open letter\n\n"
        "We ask for clean rivers now and for all the generations that come after us.\n\n"
        "Signatories\n\n"
        "River Friends Society\n"
        "Anglers Club Westbank\n"
        "Jane Doe | Berlin | Germany\n"
        "Green Valley Trust\n"
        "Hill Farmers Union\n"
    )
    assert len(parse(text).signatories) == 5


def test_items_between_separators() -> None:
    assert separated_items("Asociación Río Limpio · Colectivo Verde Sur · Red de Huertos") == [
        "Asociación Río Limpio",
        "Colectivo Verde Sur",
        "Red de Huertos",
    ]
    assert separated_items("Stowarzyszenie Wolna Łąka • Fundacja Brzozy • Klub Górski Orle") == [
        "Stowarzyszenie Wolna Łąka",
        "Fundacja Brzozy",
        "Klub Górski Orle",
    ]


def test_pipes_in_scripts_without_capitals() -> None:
    assert separated_items("绿色河流协会｜青年志愿者联盟｜城市书屋基金会") == [
        "绿色河流协会",
        "青年志愿者联盟",
        "城市书屋基金会",
    ]
    text = (
        "نطالب بالإفراج الفوري عن جميع المعتقلين وبضمان حرية التعبير للجميع.\n\n"
        "الموقعون:\n"
        "جمعية النور | رابطة الكتاب الأحرار | مركز الحقوق المدنية | نقابة الصحفيين\n"
    )
    assert [s.name for s in parse(text).signatories] == [
        "جمعية النور",
        "رابطة الكتاب الأحرار",
        "مركز الحقوق المدنية",
        "نقابة الصحفيين",
    ]


def test_pipes_between_names_with_legal_forms() -> None:
    assert separated_items("Freunde des Waldes e.V. | Kulturhaus Nord e.V. | Acme Inc.") == [
        "Freunde des Waldes e.V.",
        "Kulturhaus Nord e.V.",
        "Acme Inc.",
    ]


def test_pipes_without_spaces() -> None:
    assert separated_items("Fundacja Brzozy|Klub Górski Orle|Stowarzyszenie Wolna Łąka") == [
        "Fundacja Brzozy",
        "Klub Górski Orle",
        "Stowarzyszenie Wolna Łąka",
    ]


def test_separated_near_misses() -> None:
    # Two items are no list; a sentence between pipes is prose; a menu line has no names.
    assert separated_items("Home | Contact") is None
    prose = "We met on Monday. | Then we wrote the letter to everyone involved."
    assert separated_items(prose) is None
    assert separated_items("Ana Lima, Rua Azul 4 | Tel. 0123 456 789 | ana@example.org") is None
    assert separated_items("Startseite | Über uns | Kontakt | Impressum") is None


def test_a_menu_under_a_colon_is_no_list() -> None:
    text = (
        "Open letter on clean rivers\n\n"
        "We call on the government to protect our rivers and lakes from pollution, now and "
        "for the generations to come.\n\n"
        "The rivers are our common heritage and must be kept clean for all of us.\n\n"
        "Navigation:\n"
        "Home | About us | Our work | Contact | Privacy policy\n"
    )
    assert parse(text).signatories == []


# --- cards "Name | (titles, organisation)" run together -------------------------------------


def test_cards_run_together_french() -> None:
    text = (
        "Sauvons la halle du marché\n\n"
        "Premiers signataires (par ordre alphabétique) Lyon 3 mai 2024 Aline Berthier | "
        "(Dr. architecte, École nationale de Lyon) Bruno Carrel | (Prof. urbaniste, "
        "Université de Genève) Chloé Dumas | (ingénieure, Atelier Dumas) Denis Favre | "
        "(historien de l'art)\n"
    )
    doc = parse(text)
    assert [s.name for s in doc.signatories] == [
        "Aline Berthier",
        "Bruno Carrel",
        "Chloé Dumas",
        "Denis Favre",
    ]
    assert all(s.kind == "person" for s in doc.signatories)


def test_card_run_items_italian() -> None:
    items = card_run(
        "Primi firmatari Marco Bellini | (Prof. storico, Università di Pavia) Giulia Conti | "
        "(architetta) Sara Neri | (Dott. Politecnico di Milano)"
    )
    assert items is not None
    assert [item.split(" (")[0] for item in items] == ["Marco Bellini", "Giulia Conti", "Sara Neri"]


def test_cards_with_dashes_polish() -> None:
    items = card_run(
        "Pierwsi sygnatariusze Kraków 2 maja 2024 Anna Nowak – (dr hab., Uniwersytet "
        "Jagielloński) Piotr Zieliński – (architekt) Maria Wójcik – (prof., Politechnika "
        "Krakowska)"
    )
    assert items is not None
    assert [item.split(" (")[0] for item in items] == [
        "Anna Nowak",
        "Piotr Zieliński",
        "Maria Wójcik",
    ]


def test_card_near_misses() -> None:
    # A price table and a single card are no run of signatories.
    assert card_run("Tea | (small) 2.50 Coffee | (large) 3.00 Juice | (fresh) 4.00") is None
    assert card_run("Contact Ana Lima | (press officer)") is None


# --- bodies "Name (ABBR)" run together with only spaces -------------------------------------


def test_acronym_run_after_on_behalf_of_english() -> None:
    text = (
        "Regional Forum on Water, Third Session\n\n"
        "JOINT STATEMENT ON BEHALF OF Northern Rivers Water Council (NRWC) Coastal Fishers "
        "Alliance (CFA) Hill Tribes Women Centre Southern Lakes Farmers Union (SLFU) Delta "
        "Youth Network (DYN)  Thank you, Chair. We speak on behalf of these organisations.\n"
    )
    names = [(s.name, s.abbreviation, s.kind) for s in parse(text).signatories]
    assert names == [
        ("Northern Rivers Water Council", "NRWC", "organization"),
        ("Coastal Fishers Alliance", "CFA", "organization"),
        ("Hill Tribes Women Centre", None, "organization"),
        ("Southern Lakes Farmers Union", "SLFU", "organization"),
        ("Delta Youth Network", "DYN", "organization"),
    ]


def test_the_last_body_before_the_speech_with_its_spaces_lost() -> None:
    items = acronym_run(
        "ON BEHALF OF Northern Rivers Water Council (NRWC) Coastal Fishers Alliance (CFA) "
        "Delta Youth Network (DYN) Hill Tribes Women Centre Thank you, Chair. We speak."
    )
    assert items is not None
    assert items[-1] == "Hill Tribes Women Centre"
    items = acronym_run(
        "ON BEHALF OF Northern Rivers Water Council (NRWC) Coastal Fishers Alliance (CFA) "
        "Delta Youth Network (DYN) We thank the Chair."
    )
    assert items is not None
    assert items[-1] == "Delta Youth Network (DYN)"
    items = acronym_run(
        "ON BEHALF OF Northern Rivers Water Council (NRWC) Coastal Fishers Alliance (CFA) "
        "Delta Youth Network (DYN) and many other friends of the rivers"
    )
    assert items is not None
    assert items[-1] == "Delta Youth Network (DYN)"


def test_acronym_run_spanish_with_small_words() -> None:
    items = acronym_run(
        "EN NOMBRE DE Confederación de Trabajadores del Campo (CTC) Red de Mujeres Rurales "
        "(RMR) Federación Nacional de Pescadores (FNP)"
    )
    assert items == [
        "Confederación de Trabajadores del Campo (CTC)",
        "Red de Mujeres Rurales (RMR)",
        "Federación Nacional de Pescadores (FNP)",
    ]


def test_acronym_near_misses() -> None:
    # Running text with short forms in it is prose, not a run of bodies.
    assert (
        acronym_run(
            "The World Health Organization (WHO) said that the International Labour "
            "Organization (ILO) and the United Nations (UN) should meet again in May."
        )
        is None
    )
    two = "Northern Rivers Water Council (NRWC) Coastal Fishers Alliance (CFA)"
    assert acronym_run(two) is None


# --- persons with 2-4 comma fields each ------------------------------------------------------


def test_comma_fields_opening_with_a_name_finnish_and_dutch() -> None:
    run = role_run(
        "Aino Virtanen, näyttelijä, Turku, Pekka Laine, FT, professori, Oulu, Mari Koski, "
        "pastori, Espoo, Jussi Rinne, toimittaja, Lahti"
    )
    assert run is not None
    assert [item.split(",")[0] for item in run.items] == [
        "Aino Virtanen",
        "Pekka Laine",
        "Mari Koski",
        "Jussi Rinne",
    ]
    run = role_run(
        "Anna de Vries, docent, Utrecht, Bram Jansen, advocaat, Leiden, Sanne Smit, "
        "verpleegkundige, Zwolle"
    )
    assert run is not None and len(run.items) == 3


def test_comma_fields_with_capitalised_roles_german() -> None:
    run = role_run(
        "Anna Roth, Lehrerin, Kiel, Jan Voss, Pfarrer, Jena, Eva Lutz, Dr. med., Ärztin, "
        "Ulm, Tim Berg, Schauspieler, Trier"
    )
    assert run is not None
    assert [item.split(",")[0] for item in run.items] == [
        "Anna Roth",
        "Jan Voss",
        "Eva Lutz",
        "Tim Berg",
    ]


def test_comma_fields_near_miss_bodies_and_persons_mixed() -> None:
    # Three persons only, and a long field: prose about people, not a list of signers.
    assert (
        role_run(
            "Anna Roth, Lehrerin, Kiel, sprach mit Jan Voss, Pfarrer aus der Gemeinde am "
            "Hafen, Eva Lutz, Ärztin"
        )
        is None
    )


def test_name_glued_to_its_role() -> None:
    run = role_run(
        "Aino Virtanen, näyttelijä, Turku, Pekka Laine tutkija, Oulu, Mari Koski, "
        "pastori, Espoo, Jussi Rinne, toimittaja, Lahti"
    )
    assert run is not None
    assert [item.split(",")[0] for item in run.items] == [
        "Aino Virtanen",
        "Pekka Laine",
        "Mari Koski",
        "Jussi Rinne",
    ]


def test_comma_fields_near_miss_a_sentence_naming_one_person() -> None:
    assert role_run("Anna de Vries, docent in Utrecht, schreef dit, en wij steunen haar.") is None


# --- "Name (role); Name (role); …" with lines wrapped inside names ---------------------------


def test_semicolon_run_wrapped_inside_names_italian() -> None:
    text = (
        "Un appello per la biblioteca\n\n"
        "03-04-2021\n"
        "COMUNICATO\n"
        "Il nostro appello riceve sostegno da ogni parte. Tra i nomi: Lucia\n"
        "Ferri, assessora cultura ARCI/UISP Paolo d’Arco\n"
        "(poeta, scrittore); Marta Gallo (dir.\n"
        "Teatro Nuovo); Bruno\n"
        "Riva (insegnante);Carla Sala(medica); Enzo\n"
        "Vitale (sindacalista).\n"
        "La biblioteca resta aperta fino a sabato e tutti sono invitati.\n"
    )
    names = [s.name for s in parse(text).signatories]
    assert names == [
        "Lucia Ferri",
        "Paolo d’Arco",
        "Marta Gallo",
        "Bruno Riva",
        "Carla Sala",
        "Enzo Vitale",
    ]


def test_semicolon_run_near_misses() -> None:
    # Two persons in brackets in a sentence; a run that goes on as prose after a bracket.
    assert paren_person_run("We thank Jane Doe (chair); John Roe (treasurer).") is None
    assert (
        paren_person_run(
            "Present: Jane Doe (chair); John Roe (treasurer); Ann Poe (secretary) who "
            "opened the meeting; the minutes were read."
        )
        is None
    )


def test_an_elided_particle_in_a_name() -> None:
    assert is_person_name("Hedda d’Amico")
    assert is_person_name("Marco dell'Orto")
    assert not is_person_name("Hedda d’accordo")


def test_semicolon_run_with_comma_roles_wrapped_spanish() -> None:
    text = (
        "Llamamiento por el río\n\n"
        "Pedimos al ayuntamiento que detenga el dragado del río antes del verano, por los "
        "peces y por todos nosotros.\n\n"
        "NOTA DE PRENSA\n"
        "Nuestro llamamiento recibe apoyos de todas partes. Entre los nombres: Lucía\n"
        "Ferrer, escritora; Marta\n"
        "Gil, médica; Bruno Ríos, maestro; Carla\n"
        "Sanz, enfermera.\n"
        "El consejo del río se reúne el viernes.\n"
    )
    names = [s.name for s in parse(text).signatories]
    assert names == ["Lucía Ferrer", "Marta Gil", "Bruno Ríos", "Carla Sanz"]


def test_semicolons_in_prose_name_nobody() -> None:
    text = (
        "Informe de la reunión\n\n"
        "La reunión fue larga; Lucía Ferrer, la alcaldesa, la abrió; Marta Gil, la secretaria,\n"
        "leyó el acta; Bruno Ríos, el tesorero, presentó las cuentas del año pasado.\n"
    )
    assert parse(text).signatories == []
