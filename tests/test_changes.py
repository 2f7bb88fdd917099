"""Delegates read what changed: block by block on the rendered text, in the mail and on the page,
with the coordinator's note."""

from undersigned.signing.actions import sign_statement
from undersigned.statements.actions import edit_text, save_statement
from undersigned.statements.blockdiff import block_diff, changed_blocks
from undersigned.statements.models import Text

BEFORE = """## Our demands

We call for **solidarity** with the
dockers of Antwerp, whose strike
is now in its third week.

- free the prisoners
- stop the war

Signed in Antwerp."""

AFTER = """## Our three demands

We call for **international solidarity** with the
dockers of Antwerp, whose strike
is now in its third week.

- free the prisoners
- stop the war now
- open the borders

Signed in Antwerp."""


def _text(body: str, title: str = "Solidarity") -> Text:
    return Text(title=title, body=body)


def test_changes_are_blocks_of_the_rendered_text():
    changes = block_diff(_text(BEFORE), _text(AFTER))
    summary = [(c.status, c.kind, c.block.number) for c in changes]
    assert summary == [
        ("same", "title", 1),
        ("changed", "heading", 1),
        ("changed", "paragraph", 1),
        ("same", "item", 1),
        ("changed", "item", 2),
        ("added", "item", 3),
        ("same", "paragraph", 2),
    ]
    heading, paragraph = changes[1], changes[2]
    assert str(heading.html) == "Our <ins>three </ins>demands"
    # The wrapped paragraph is one block; no Markdown marks, no line-diff prefixes.
    assert str(paragraph.html) == (
        "We call for<ins> international</ins> solidarity with the dockers of Antwerp, whose "
        "strike is now in its third week."
    )
    for change in changes:
        assert "**" not in change.html and "##" not in change.html
    # Unchanged blocks keep their rendering.
    assert "<strong>" not in str(changes[3].html)


def test_a_removed_and_an_unrelated_new_paragraph_are_shown_apart():
    changes = changed_blocks(_text("One.\n\nTwo words here.\n\nThree."), _text("One.\n\nThree."))
    assert [(c.status, c.summary) for c in changes] == [
        ("removed", "Paragraph 2, removed:"),
    ]


def test_a_very_long_block_is_not_diffed_word_by_word():
    long_a = " ".join(f"w{i}" for i in range(3000))
    long_b = long_a + " more"
    [change] = changed_blocks(_text(long_a), _text(long_b))
    assert str(change.html).startswith("<del>") and "<ins>" in str(change.html)


def test_the_reconfirm_mail_says_in_words_what_changed(
    open_statement, carol, dave, mlpd, smtp_server, run_tasks
):
    edit_text(
        statement=open_statement,
        user=carol,
        title="Solidarity with the dockers",
        subtitle="",
        body=BEFORE,
    )
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=2)
    save_statement(
        statement=open_statement,
        user=carol,
        kind=open_statement.kind,
        issuer=open_statement.issuer,
        deadline=None,
        title="Solidarity with the dockers",
        subtitle="",
        body=AFTER,
        change_note="We added a third demand, as the Paris meeting asked.",
    )
    run_tasks()
    mail = smtp_server.messages[-1]
    plain = mail.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "We added a third demand, as the Paris meeting asked." in plain
    assert "Heading 1, changed:\nBefore: Our demands\nNow: Our three demands" in plain
    assert "List item 3, added:\nopen the borders" in plain
    assert "Paragraph 1, changed:" in plain
    assert "**" not in plain and "\n+" not in plain and "\n-" not in plain
    assert "Paragraph 2" not in plain  # unchanged blocks are not repeated
    html = mail.get_body(("html",)).get_content()
    assert "the Paris meeting asked" in html
    assert "three </ins>demands" in html and "<ins style=" in html
    assert "**" not in html


def test_the_changes_page_and_the_history_show_the_note(client, open_statement, carol):
    edit_text(
        statement=open_statement,
        user=carol,
        title="Solidarity with the dockers",
        subtitle="",
        body=BEFORE,
    )
    edit_text(
        statement=open_statement,
        user=carol,
        title="Solidarity with the dockers",
        subtitle="",
        body=AFTER,
        change_note="A third demand.",
    )
    html = client.get(f"/s/{open_statement.slug}/changes/").content.decode()
    assert "A third demand." in html
    assert "Heading 1, changed:" in html and "List item 3, added:" in html
    assert "**" not in html and "## " not in html
    assert "Our <ins>three </ins>demands" in html
    page = client.get(open_statement.get_absolute_url()).content.decode()
    assert "What changed: \u2068A third demand.\u2069" in page


def test_the_editor_offers_the_note_only_when_editing(client, open_statement, carol):
    client.force_login(carol)
    assert 'name="change_note"' in client.get(f"/s/{open_statement.slug}/edit/").content.decode()
    assert 'name="change_note"' not in client.get("/new/").content.decode()
    response = client.post(
        f"/s/{open_statement.slug}/edit/",
        {
            "kind": open_statement.kind,
            "issuer": open_statement.issuer,
            "title": "Solidarity with the dockers",
            "subtitle": "",
            "body": "Other words entirely.",
            "change_note": "Shorter.",
            "action": "save",
        },
    )
    assert response.status_code == 302
    assert open_statement.current_text().change_note == "Shorter."


def test_persian_history_sentences_use_persian_digits(client, open_statement, carol):
    edit_text(statement=open_statement, user=carol, title="T", subtitle="", body="New words.")
    html = client.get(f"/fa{open_statement.get_absolute_url()}").content.decode()
    assert "نسخهٔ ۲" in html
