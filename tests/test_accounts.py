"""Log in, log out, reset a password by mail; failed log-ins are throttled."""

import re


def test_alice_logs_in_and_out(client, alice):
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    assert "My account" in client.get("/").content.decode()
    client.post("/accounts/logout/")
    assert "Log in" in client.get("/").content.decode()


def test_failed_log_ins_are_throttled(client, alice):
    for _ in range(5):
        html = client.post(
            "/accounts/login/", {"username": "alice", "password": "wrong"}
        ).content.decode()
        assert "Please enter a correct username and password" in html
    html = client.post(
        "/accounts/login/", {"username": "alice", "password": "correct horse battery"}
    ).content.decode()
    assert "Too many failed log-ins" in html
    assert "_auth_user_id" not in client.session


def test_passwords_are_hashed_with_argon2(settings, client, db):
    """The one test with the site's own hashers (the others use a fast one: tests/conftest.py)."""
    from django.contrib.auth import get_user_model

    from undersigned import settings as site_settings

    settings.PASSWORD_HASHERS = site_settings.PASSWORD_HASHERS
    user = get_user_model().objects.create_user("ana", "ana@example.org", "correct horse battery")
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$")
    assert client.login(username="ana", password="correct horse battery")


def test_a_password_is_reset_through_the_mailed_link(client, alice, smtp_server, run_tasks):
    client.post("/accounts/password-reset/", {"email": "alice@example.org"})
    run_tasks()
    [mail] = smtp_server.messages
    assert mail["To"] == "alice@example.org"
    assert mail.get_body(("html",)) is not None
    link = re.search(
        r"https?://[^/\s]+(/accounts/reset/\S+/)", mail.get_body(("plain",)).get_content()
    ).group(1)
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0]
    client.post(
        form_url, {"new_password1": "a new horse battery", "new_password2": "a new horse battery"}
    )
    alice.refresh_from_db()
    assert alice.check_password("a new horse battery")
