"""Signatories listed inside one parenthesis of a sentence (issue 22): the separators stand
inside the brackets, where the sentence's own split keeps a parenthesis whole.

Invented texts in the shape of a news report quoting an appeal.
"""

from undersigned.textformat import parse
from undersigned.textformat.lines import nonblank_lines
from undersigned.textformat.paren_lists import paren_runs


def names(text: str) -> list[str]:
    return [s.name for s in parse(text).signatories]


def test_names_inside_a_parenthesis_of_a_long_sentence_are_the_list() -> None:
    text = (
        "«Il fiume è in pericolo e chiediamo di fermare il progetto». È l'inizio di un "
        "appello che un gruppo di organizzazioni (Amici del Fiume, Lupa, Terra Viva, "
        "Osservatorio Alpino, Sentieri Aperti, Ranuccio Club) hanno inviato al ministro, "
        "al presidente della regione e al sindaco della città.\n"
    )
    assert names(text) == [
        "Amici del Fiume",
        "Lupa",
        "Terra Viva",
        "Osservatorio Alpino",
        "Sentieri Aperti",
        "Ranuccio Club",
    ]


def test_the_last_piece_is_split_at_and_only_between_two_names() -> None:
    text = (
        "Die Organisationen (Bund Nord, Grüne Hilfe, Verein Wald, Wasser Jetzt und "
        "Netzwerk Süd) unterzeichneten den Brief an die Regierung.\n"
    )
    assert names(text)[-2:] == ["Wasser Jetzt", "Netzwerk Süd"]


def test_a_parenthesis_of_few_pieces_or_of_numbers_is_no_run() -> None:
    assert paren_runs("Sent by X (Berlin, Germany) to all.") == []
    assert paren_runs("The years (1990, 1991, 1992, 1993) were hard.") != []  # a candidate
    text = "The years (1990, 1991, 1992, 1993) were hard for the organisations.\n"
    assert names(text) == []


def test_a_number_glued_to_the_name_is_a_marker_in_a_run_counting_up() -> None:
    lines = nonblank_lines(["১.এশিয়া নেটওয়ার্ক,", "২.বিশ্ব জোট,", "৩.মানবাধিকার ফেডারেশন।"])
    assert [(line.marked, line.number) for line in lines] == [(True, 1), (True, 2), (True, 3)]
    assert lines[0].content == "এশিয়া নেটওয়ার্ক,"
    # Alone, "3.Mai" stays text.
    assert not nonblank_lines(["3.Mai war es kalt"])[0].marked


def test_a_lead_in_ending_with_a_dash_opens_names_with_short_forms() -> None:
    # A news lead-in in Bengali ending "-" instead of a colon, numbers glued to the names,
    # a paragraph after the list longer than the text above it.
    text = (
        "তিন সংগঠনের যৌথ বিবৃতি দিয়েছেন সংগঠনগুলো হলো-\n"
        "১.এশিয়া মানবাধিকার নেটওয়ার্ক (এএমএন),\n"
        "২.বিশ্ব নাগরিক জোট (বিএনজে),\n"
        "৩.গণতন্ত্র ফেডারেশন (জিএফ)।\n"
        "বিবৃতিতে তারা বলেছেন যে নির্বাচন সুষ্ঠু হয়নি এবং জনগণ ভোট দিতে পারেনি, তাই তারা "
        "আবারও একটি নতুন নির্বাচনের আহ্বান জানিয়েছেন এবং সবাইকে সহযোগিতা করতে বলেছেন।\n"
    )
    signatories = parse(text).signatories
    assert [s.number for s in signatories] == [1, 2, 3]
    assert signatories[0].name.startswith("এশিয়া মানবাধিকার নেটওয়ার্ক")


def test_a_numbered_list_of_demands_after_a_dash_stays_body() -> None:
    text = (
        "We demand -\n"
        "1. Stop the logging of the old forests now.\n"
        "2. Protect the rivers from the new dams.\n"
        "3. Give the land back to the people.\n"
        "These demands were made at the meeting in the town hall last week, where many people "
        "spoke about the forests and about the rivers of the valley and their future.\n"
    )
    assert parse(text).signatories == []
