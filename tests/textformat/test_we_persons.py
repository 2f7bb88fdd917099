"""Persons opening a statement after "We, <group>," (issue 22): invented texts."""

from undersigned.textformat.we_persons import we_persons


def test_hebrew_with_and_glued_to_the_last() -> None:
    text = "אנו תלמידי תיכון הגליל בעפולה, דנה כהן, יוסי לוי ונועה בר, קוראים לממשלה לפעול."
    assert we_persons(text) == ["דנה כהן", "יוסי לוי", "נועה בר"]


def test_english_and_spanish() -> None:
    text = "We, students of Lakeside High School, Ann Tor, Ben Ode and Cy Lum, call on the mayor."
    assert we_persons(text) == [
        "Ann Tor, Lakeside High School",
        "Ben Ode, Lakeside High School",
        "Cy Lum, Lakeside High School",
    ]
    text = "Nosotros, alumnos del Colegio San Luis, Ana Gil y Luis Mora, pedimos respeto."
    assert we_persons(text) == ["Ana Gil, Colegio San Luis", "Luis Mora, Colegio San Luis"]


def test_we_the_undersigned_gives_nothing() -> None:
    text = "We, the undersigned, call on the government, the parliament and the courts to act."
    assert we_persons(text) == []


def test_a_body_paragraph_gives_nothing() -> None:
    text = "We, the people, demand justice, peace and bread for all."
    assert we_persons(text) == []
    text = "אנו, תושבי העיר, דורשים צדק, שלום ולחם לכולם."
    assert we_persons(text) == []
