"""A few organizations closing a call, one per paragraph, with no heading (issue 22).

Invented texts in several languages and scripts; none is from the corpus.
"""

from undersigned.textformat import parse
from undersigned.textformat.named_bodies import names_bodies

_GREEK_BODY = (
    "Καλούμε όλους τους εργαζόμενους της πόλης να πάρουν μέρος στη συγκέντρωση της Τρίτης, "
    "για να συζητήσουμε τα επόμενα βήματα του αγώνα μας για ασφαλείς συνθήκες δουλειάς.\n\n"
    "Όλοι στον δρόμο!\n\n"
)


def names(text: str) -> list[str]:
    return [s.name for s in parse(text).signatories]


def test_greek_unions_one_per_paragraph_with_abbreviated_words() -> None:
    text = (
        "Κάλεσμα σωματείων\n\n" + _GREEK_BODY + "Σωματείο Εργαζομένων Λιμανιού Ν. Πειραιά\n\n"
        "Ένωση Ιδιωτικών Υπαλλήλων Ν. Αχαΐας\n\n"
        "Συνδικάτο Μετάλλου Κ. Ελλάδας\n"
    )
    assert names(text) == [
        "Σωματείο Εργαζομένων Λιμανιού Ν. Πειραιά",
        "Ένωση Ιδιωτικών Υπαλλήλων Ν. Αχαΐας",
        "Συνδικάτο Μετάλλου Κ. Ελλάδας",
    ]


def test_english_and_spanish_shapes() -> None:
    assert names_bodies(
        ["Dock Workers Union of Hull", "Teachers Association of Leeds", "Builders Union York"]
    )
    assert names_bodies(
        ["Sindicato de Estibadores de Vigo", "Asociación Vecinal El Puerto", "Colectivo Mar"]
    )


def test_near_misses() -> None:
    # Two bodies, a sentence among them, one body repeated: not three bodies of their own.
    assert not names_bodies(["Dock Workers Union", "Teachers Association"])
    assert not names_bodies(["Dock Workers Union", "We thank the Teachers Association.", "X Union"])
    assert not names_bodies(["Dock Workers Union", "Dock Workers Union", "Dock Workers Union"])
    # An issuer and its address: the address names no body.
    assert not names_bodies(["Dock Workers Union", "12 Harbour Road", "Hull HU1 2AB"])


def test_an_issuer_block_is_not_a_list() -> None:
    text = (
        "Statement on the port closure\n\n"
        "The closure of the port will cost hundreds of jobs, and we call on the council to "
        "reconsider its decision before the end of the month.\n\n"
        "Dock Workers Union\n\n"
        "12 Harbour Road, Hull\n"
    )
    assert names(text) == []
