"""Signers above a parenthesized note that they sign in a personal capacity, even when the
copied text breaks off after the first of them (issue 22).

Invented texts in several languages; none is from the corpus.
"""

from undersigned.textformat import parse
from undersigned.textformat.capacity_notes import capacity_note

_BODY_PT = (
    "Pedimos aos partidos que publiquem os seus compromissos para a legislatura e os meios "
    "de controlo da sua execução, para que a democracia não seja apenas um jogo eleitoral.\n"
    "A democracia somos nós, e só assim vencemos o medo.\n"
)


def names(text: str) -> list[str]:
    return [s.name for s in parse(text).signatories]


def test_portuguese_first_signer_above_the_note() -> None:
    text = (
        f"{_BODY_PT}Rita Moura, diretora do Instituto Atlântico\n"
        "(a título pessoal, como todas as pessoas que assinam)\n"
    )
    found = parse(text).signatories
    assert [s.name for s in found] == ["Rita Moura"]
    assert found[0].affiliation == "Instituto Atlântico"


def test_english_two_signers_above_the_note() -> None:
    text = (
        "We call on the city to publish every contract it signs with private builders, and "
        "to let the public read them before the council votes.\n"
        "Jane Doe, Professor of Law, Northfield University\n"
        "Tom Smith, editor, The Harbour Gazette\n"
        "(all signing in a personal capacity)\n"
    )
    assert names(text) == ["Jane Doe", "Tom Smith"]


def test_note_shapes() -> None:
    assert capacity_note("(à titre personnel)")
    assert capacity_note("(in persönlicher Eigenschaft, alle Unterzeichnenden)")
    assert capacity_note("(a título personal)")
    # Near misses: not in parentheses, or a parenthesis about something else.
    assert not capacity_note("Signed in a personal capacity by the following:")
    assert not capacity_note("(photo: press office)")


def test_a_note_below_a_body_sentence_gives_no_signer() -> None:
    text = (
        f"{_BODY_PT}Agradecemos a todos os que nos apoiaram nesta campanha difícil.\n"
        "(a título pessoal)\n"
    )
    assert names(text) == []
