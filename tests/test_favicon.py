"""Browsers ask for /favicon.ico where a page names no icon (the embed, Django's error pages)."""


def test_the_icon_is_found_where_browsers_look_for_it(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/undersigned/favicon.svg"
