"""Issue 10 §2: one log-in with one throttle, per client and per account, that an attacker
cannot turn against the owner; password reset that cannot be used to flood a mailbox."""

import re

import pytest
from django.contrib.auth import get_user_model

from undersigned.accounts.forms import DEVICE_COOKIE, FREE_ACCOUNT_FAILURES

RIGHT = {"username": "alice", "password": "correct horse battery"}
WRONG = {"username": "alice", "password": "wrong"}


def test_the_admin_log_in_is_throttled_with_the_sites(client, alice):
    """30 wrong passwords at /admin/login/, then the right one logged in."""
    for _ in range(30):
        client.post("/admin/login/", WRONG)
    response = client.post("/admin/login/", RIGHT)
    assert "_auth_user_id" not in client.session
    assert "Too many failed log-ins" in response.content.decode()
    # The site's own log-in counts the same failures.
    assert "Too many failed log-ins" in client.post("/accounts/login/", RIGHT).content.decode()


def test_failures_count_per_client_behind_a_proxy(client, alice, bob, settings):
    """Behind a proxy, every client shared the proxy's address: one attacker locked out all."""
    settings.TRUSTED_PROXY_COUNT = 1
    attacker = {"HTTP_X_FORWARDED_FOR": "203.0.113.7", "REMOTE_ADDR": "10.0.0.1"}
    for name in ("u1", "u2", "u3", "u4", "u5") * 5:  # many names, few tries each
        client.post("/accounts/login/", {"username": name, "password": "x"}, **attacker)
    assert "Too many failed" in client.post("/accounts/login/", RIGHT, **attacker).content.decode()
    other = {"HTTP_X_FORWARDED_FOR": "198.51.100.9", "REMOTE_ADDR": "10.0.0.1"}
    response = client.post(
        "/accounts/login/", {"username": "bob", "password": "correct horse battery"}, **other
    )
    assert response.status_code == 302


def test_an_attacker_cannot_lock_the_owner_out(client, alice):
    """Five wrong passwords from anywhere locked a user name for 15 minutes."""
    owner = client.__class__()
    assert owner.post("/accounts/login/", RIGHT).status_code == 302
    assert DEVICE_COOKIE in owner.cookies
    owner.post("/accounts/logout/")
    for _ in range(FREE_ACCOUNT_FAILURES + 3):
        client.post("/accounts/login/", WRONG, REMOTE_ADDR="203.0.113.8")
    # Strangers wait, longer with every failure …
    html = client.post("/accounts/login/", RIGHT, REMOTE_ADDR="203.0.113.9").content.decode()
    assert re.search(r"Try again in \d+ seconds", html)
    # … the owner, on a browser that logged in before, does not.
    assert owner.post("/accounts/login/", RIGHT).status_code == 302


def test_password_reset_is_limited_and_tells_nothing(client, alice, smtp_server, run_tasks):
    """25 requests sent 25 mails."""
    answers = [
        client.post(
            "/accounts/password-reset/", {"email": "alice@example.org"}, REMOTE_ADDR=f"10.1.0.{i}"
        )
        for i in range(25)
    ]
    run_tasks()
    assert len(smtp_server.messages) == 3
    assert answers[-1].status_code == 200
    assert "Too many password reset" in answers[-1].content.decode()
    # Per client too: many addresses from one client.
    for i in range(12):
        last = client.post("/accounts/password-reset/", {"email": f"x{i}@example.org"})
    assert "Too many password reset" in last.content.decode()


def test_password_reset_answers_the_same_for_an_unknown_address(client, alice):
    known = client.post("/accounts/password-reset/", {"email": "alice@example.org"})
    unknown = client.post("/accounts/password-reset/", {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])


def test_the_log_in_page_names_the_site_not_the_host(client, settings):
    settings.ALLOWED_HOSTS = ["*"]
    settings.SITE_NAME = "Joint Statements"
    html = client.get("/accounts/login/", HTTP_HOST="evil.example").content.decode()
    # The name shown (title, header), not the links to this page in other languages.
    shown = re.sub(r"<link [^>]*>", "", html)
    assert "evil.example" not in shown and "Joint Statements" in shown


@pytest.mark.parametrize("password", ["kol@example.org", "KOL@example.org"])
def test_an_invited_password_is_not_the_address(db, password):
    from undersigned.coalitions.forms import InvitedAccountForm

    data = {"username": "kol", "password1": password, "password2": password}
    form = InvitedAccountForm(data, email="kol@example.org")
    assert not form.is_valid() and "password1" in form.errors


def test_an_invitation_to_an_existing_user_name_is_no_500(db):
    from undersigned.coalitions.forms import InvitedAccountForm

    get_user_model().objects.create_user("kol", "other@example.org", "x")
    password = "a long unusual passphrase"
    data = {"username": "KOL", "password1": password, "password2": password}
    form = InvitedAccountForm(data, email="kol@example.org")
    assert not form.is_valid() and "username" in form.errors
