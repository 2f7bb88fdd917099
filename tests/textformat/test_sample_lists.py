"""A sample of the signers named in one sentence, "such as A, B, C, among others, are
signatories" (issue 22): invented texts in several languages, and near-misses."""

from undersigned.textformat.sample_lists import sample_entries


def test_spanish_organizations_among_the_signers() -> None:
    text = (
        "Colectivos como Red Verde, Fundación Luz del Alba, Comité de Vecinos de la Ribera "
        "Norte y del Sur Unidos, Amigos del Río (ADR), entre otros, son parte de los firmantes."
    )
    assert sample_entries(text) == [
        "Red Verde",
        "Fundación Luz del Alba",
        "Comité de Vecinos de la Ribera Norte y del Sur Unidos",
        "Amigos del Río (ADR)",
    ]


def test_english_with_and_before_the_last() -> None:
    text = (
        "Groups such as Open Lanes, River Trust and Quiet Streets, among others, are signatories."
    )
    assert sample_entries(text) == ["Open Lanes", "River Trust", "Quiet Streets"]


def test_french_signer_noun_before_the_sample() -> None:
    text = (
        "Parmi les signataires figurent des associations comme Terre Claire, Vents du Nord "
        "et Maison des Jeunes de Lorient."
    )
    assert sample_entries(text) == ["Terre Claire", "Vents du Nord", "Maison des Jeunes de Lorient"]


def test_german_and_portuguese() -> None:
    text = "Verbände wie Grüne Stadt, Fahrradbund Nord, Mieterrat Süd u. a. sind Unterzeichner."
    assert sample_entries(text) == ["Grüne Stadt", "Fahrradbund Nord", "Mieterrat Süd"]
    text = "Entidades como Casa Aberta, Rede Sol e Instituto Mar, entre outras, são signatárias."
    assert sample_entries(text) == ["Casa Aberta", "Rede Sol", "Instituto Mar"]


def test_italian_and_dutch() -> None:
    text = "Associazioni come Terra Viva, Lega Verde e Casa Comune, tra le altre, sono firmatarie."
    assert sample_entries(text) == ["Terra Viva", "Lega Verde", "Casa Comune"]
    text = (
        "Organisaties zoals Groen Dorp, Stil Water en Open Huis, onder andere, zijn ondertekenaars."
    )
    assert sample_entries(text) == ["Groen Dorp", "Stil Water", "Open Huis"]


def test_no_signing_word_gives_nothing() -> None:
    text = (
        "Organizaciones como Red Verde, Fundación Luz, Amigos del Río, entre otras, "
        "criticaron la ley."
    )
    assert sample_entries(text) == []


def test_too_few_names_or_lower_case_gives_nothing() -> None:
    assert sample_entries("Groups such as Open Lanes, among others, are signatories.") == []
    text = "Topics such as housing, transport, schools, among others, concern the signatories."
    assert sample_entries(text) == []


def test_addressees_are_not_signers() -> None:
    text = "The signatories call on bodies such as the Council, the Assembly and the Court to act."
    assert sample_entries(text) == []
