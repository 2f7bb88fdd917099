"""Persons named in one running sentence with a description AROUND each name (issue 22): the
role before the name ("the writer Jane Doe"), a role and a comma before it ("the mayor of X,
John Roe;"), the name and a dash before the role ("Jan Voss – chair of X"), a genitive "of"
before each name in a title ("Joint declaration of A, role, of B, role"), and a sentence cut
by a blank line. Invented examples in several languages, and near-misses that must give no
entries (addressees, a body's alias after a dash, two persons said of in prose)."""

from undersigned.textformat import parse
from undersigned.textformat.role_lists import role_run
from undersigned.textformat.role_named import role_named_run


def _names(text: str) -> list[str]:
    return [s.name for s in parse(text).signatories]


def test_catalan_roles_before_names_mixed_commas_and_semicolons() -> None:
    text = (
        "Un manifest per la llengua\n\n"
        "El text, que ja han signat més de tres-centes persones, l'han impulsat, entre "
        "altres, l'escriptora Núria Vidal Pons, el pintor Arnau Soler, la presidenta de "
        "Lletres Vives, Clara Ferrer; el portaveu de Veus del Sud, Pau Roig Miró, i el "
        "geògraf de Lleida Marc Serra.\n\n"
        "El manifest demana més recursos per a les escoles.\n"
    )
    assert _names(text) == [
        "Núria Vidal Pons",
        "Arnau Soler",
        "Clara Ferrer",
        "Pau Roig Miró",
        "Marc Serra",
    ]
    doc = parse(text)
    assert doc.signatories[2].affiliation == "Lletres Vives"
    assert doc.signatories[4].affiliation is None  # a place is no body


def test_german_roles_before_names_and_oder_before_the_last() -> None:
    run = role_named_run(
        "Zu den Erstunterzeichnern gehören unter anderem Tirols Bürgermeisterin Anna Berger "
        "(ÖVP), die Grazer Musik-Uni Professorin Lena Huber, der Olympiasieger Max Gruber "
        "oder der Kabarettist Paul Egger."
    )
    assert run is not None
    assert run.items == ["Anna Berger (ÖVP)", "Lena Huber", "Max Gruber", "Paul Egger"]


def test_polish_two_persons_with_a_dash_role_after_a_statement_verb() -> None:
    text = (
        "12.03.2021\n\n"
        "Apel w sprawie szkół\n\n"
        "Potrzebujemy rozmowy, a nie podziałów – piszą we wspólnym oświadczeniu Anna Nowak "
        "– prezes Fundacji Wolne Słowo oraz Piotr Zięba – przewodniczący Rady Fundacji.\n"
    )
    doc = parse(text)
    assert [s.name for s in doc.signatories] == ["Anna Nowak", "Piotr Zięba"]
    assert doc.signatories[0].affiliation == "Fundacji Wolne Słowo"


def test_spanish_shared_role_with_state_and_a_sentence_cut_by_a_blank_line() -> None:
    text = (
        "DECLARACIÓN CONJUNTA DE LOS PRESIDENTES\n\n"
        "Los Presidentes de la República de Chile, Ana Soto Vera; de la República del\n\n\n"
        "Perú, Luis Paz Ortiz; de la República de Colombia, Marta Ruiz, el Vicepresidente "
        "de la República del Ecuador, Jorge Lema, reunidos en Lima, el día 3 de mayo:\n\n"
        "1. ACORDARON fortalecer la integración regional;\n"
    )
    doc = parse(text)
    assert [s.name for s in doc.signatories] == [
        "Ana Soto Vera",
        "Luis Paz Ortiz",
        "Marta Ruiz",
        "Jorge Lema",
    ]
    assert [s.country for s in doc.signatories] == ["CL", "PE", "CO", "EC"]
    # The role shared with the item before ("; de la República del Perú") leaves the State.
    assert doc.signatories[1].affiliation in (None, "República del Perú")


def test_french_title_with_each_name_after_de() -> None:
    run = role_run(
        "Déclaration commune d’Hélène Martin, Présidente de l’Union des Ports, de Paul "
        "Durand, Directeur général de l’OIM, d’Alain Petit, Secrétaire général du CRM, et de "
        "Rose Blanc, Présidente de la Fédération des Côtes, à l’occasion de leur rencontre à "
        "Brest le 3 mai 2019."
    )
    assert run is not None
    assert [item.split(", ")[0] for item in run.items] == [
        "Hélène Martin",
        "Paul Durand",
        "Alain Petit",
        "Rose Blanc",
    ]
    # The occasion after the last role, with its date, is no role of hers.
    assert run.items[-1] == "Rose Blanc, Présidente de la Fédération des Côtes"


def test_english_roles_before_names() -> None:
    run = role_named_run(
        "The appeal was launched by, among others, the novelist Jane Doe, the mayor of "
        "Riverton, John Roe; the chair of the Harbour Union, Ann Poe, and the poet Tom Loe."
    )
    assert run is not None
    assert run.items == [
        "Jane Doe",
        "John Roe, mayor of Riverton",
        "Ann Poe, chair of the Harbour Union",
        "Tom Loe",
    ]


def test_addressees_after_to_are_no_signers() -> None:
    assert (
        role_named_run(
            "Le associazioni hanno inviato la lettera al presidente del Consiglio Marco "
            "Bianchi, al ministro della Salute Anna Verdi, al ministro della Cultura Luca "
            "Neri e al sindaco di Roma Sara Gialli."
        )
        is None
    )


def test_a_salutation_is_no_list() -> None:
    assert (
        role_named_run(
            "Sehr geehrter Herr Bundeskanzler Max Muster, sehr geehrte Frau Ministerin "
            "Eva Beispiel, sehr geehrter Herr Vizekanzler Jan Probe,"
        )
        is None
    )


def test_a_bodys_alias_after_a_dash_is_no_person() -> None:
    assert (
        role_named_run(
            "Assinam a nota a Central Operária, a Intersindical – Central da Classe Operária "
            "e a Pública – Central do Servidor Municipal."
        )
        is None
    )


def test_two_persons_with_roles_before_names_in_prose_are_no_list() -> None:
    assert (
        role_named_run(
            "Yesterday the novelist Jane Doe and the painter John Roe opened the exhibition."
        )
        is None
    )


def test_a_heading_above_a_paragraph_is_not_joined_to_it() -> None:
    text = (
        "Organising Committee\n\n"
        "Harbour Workers Union, Rail Federation, Teachers Alliance, Nurses Guild, "
        "Farmers League and Miners Union.\n"
    )
    assert "Organising Committee" not in " ".join(_names(text))


def test_italian_lead_clause_ends_at_the_first_role() -> None:
    run = role_named_run(
        "Tra i promotori dell'appello ci sono il sindaco di Bergamo, Anna Rossi; la "
        "presidente di Lega Verde, Carla Neri; lo scrittore Paolo Conte e la regista Giulia Sala."
    )
    assert run is not None
    assert run.items == [
        "Anna Rossi, sindaco di Bergamo",
        "Carla Neri, presidente di Lega Verde",
        "Paolo Conte",
        "Giulia Sala",
    ]


def test_dutch_and_portuguese_roles_before_names() -> None:
    dutch = role_named_run(
        "Het manifest werd ondertekend door de schrijver Jan de Vries, de burgemeester van "
        "Gent, Piet Janssens, en de zangeres Els Peeters."
    )
    assert dutch is not None
    assert dutch.items == ["Jan de Vries", "Piet Janssens, burgemeester van Gent", "Els Peeters"]
    portuguese = role_named_run(
        "Assinam a carta, entre outros, o escritor João Mendes, a ministra Rita Alves, o "
        "presidente da Liga Azul, Pedro Costa, e a cantora Maria Lua."
    )
    assert portuguese is not None
    assert [item.split(", ")[0] for item in portuguese.items] == [
        "João Mendes",
        "Rita Alves",
        "Pedro Costa",
        "Maria Lua",
    ]


def test_persons_with_roles_in_a_news_sentence_without_a_run_are_no_list() -> None:
    assert (
        role_named_run(
            "Ieri il ministro Marco Bianchi, il sindaco Luca Verdi e la presidente Anna Neri "
            "hanno visitato la fabbrica."
        )
        is None
    )
