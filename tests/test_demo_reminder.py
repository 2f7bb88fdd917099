"""The demo shows a reminder round: ICOR's coordinator sees the reminder that went out, on the
desk and on the coalition's page."""

from django.contrib.auth import get_user_model
from django.core.management import call_command

from undersigned.signing.models import Reminder


def test_the_demo_coalition_page_shows_a_sent_reminder(db, client, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("demo")
    call_command("demo")  # again: still one reminder
    (reminder,) = Reminder.objects.all()
    assert reminder.organization.abbreviation == "DEMO"
    client.force_login(get_user_model().objects.get(username="coordinator"))
    for url in ("/c/icor/desk/", "/c/icor/"):
        page = client.get(url).content.decode()
        assert 'id="reminders-sent"' in page and "DEMO" in page, url
    desk = client.get("/c/icor/desk/").content.decode()
    assert 'href="/c/icor/reminders/"' in desk and 'href="/c/icor/invite/list/"' in desk
    assert "Not signed yet" in client.get("/c/icor/reminders/").content.decode()
