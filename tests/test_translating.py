"""Saving a translation keeps the coordinator's interface language (issue 19, item 14)."""


def test_saving_a_translation_keeps_the_interface_language(client, carol, open_statement):
    client.force_login(carol)
    words = {"title": "Solidarität mit den Hafenarbeitern", "body": "Wörter."}
    response = client.post(f"/s/{open_statement.slug}/translate/de/", words)
    assert response["Location"] == f"/s/{open_statement.slug}/"
    page = client.get(response["Location"]).content.decode()
    assert '<html lang="en"' in page and "Translation into German saved." in page
    assert open_statement.current_text("de").title == words["title"]


def test_a_french_interface_stays_french(client, carol, open_statement):
    client.force_login(carol)
    words = {"title": "Solidarität", "body": "Wörter."}
    response = client.post(f"/fr/s/{open_statement.slug}/translate/de/", words)
    assert response["Location"] == f"/fr/s/{open_statement.slug}/"
