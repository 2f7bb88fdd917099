"""Mail: templates, the task queue, retries, the outbox, EMAIL_URL."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from undersigned.config import email_settings
from undersigned.mail.models import OutboxMessage
from undersigned.mail.services import send_templated_mail
from undersigned.mail.tasks import send_mail_task

from .mailserver import free_port

OUTBOX = "undersigned.mail.backends.OutboxBackend"


def send_test_mail(to: str = "carol@example.org", name: str = "Carol", **kwargs) -> None:
    send_templated_mail(template="test", to=[to], context={"name": name}, **kwargs)


def test_it_delivers_templated_mail_with_text_and_html(smtp_server, run_tasks):
    send_test_mail(name="Carol & <Co>")
    assert not smtp_server.messages, "nothing leaves before the task runs"
    [result] = run_tasks()
    assert result.status == "SUCCESSFUL"
    [message] = smtp_server.messages
    assert message["Subject"] == "A test message from undersigned"
    assert message["To"] == "carol@example.org"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Hello Carol & <Co>," in text, "text is not HTML-escaped"
    assert "Hello Carol &amp; &lt;Co&gt;," in html
    assert '<html lang="en" dir="ltr">' in html


def test_it_renders_in_the_language_asked_for(smtp_server, run_tasks):
    send_test_mail(language="fr")
    run_tasks()
    assert '<html lang="fr"' in smtp_server.messages[0].get_body(("html",)).get_content()


def test_it_sends_nothing_when_the_transaction_rolls_back(smtp_server, run_tasks):
    with pytest.raises(RuntimeError), transaction.atomic():
        send_test_mail()
        raise RuntimeError("the write failed")
    assert run_tasks() == []
    assert not DBTaskResult.objects.exists()
    assert not smtp_server.messages


def test_it_retries_later_when_the_server_is_unreachable(settings, run_tasks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens
    send_test_mail()
    [first] = run_tasks()
    assert first.status == "SUCCESSFUL" and first.return_value == "retrying"
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.task_result.kwargs["attempt"] == 2
    assert retry.run_after > timezone.now() + timedelta(seconds=50)
    assert run_tasks() == [], "the retry waits for its time"


def test_it_retries_a_temporary_refusal(smtp_server, run_tasks):
    smtp_server.rcpt_reply = "451 4.3.0 Try again later"
    send_test_mail()
    [first] = run_tasks()
    assert first.return_value == "retrying"
    assert DBTaskResult.objects.get(status="READY").task_result.kwargs["attempt"] == 2


def test_it_gives_up_on_a_permanent_refusal(smtp_server, run_tasks):
    smtp_server.rcpt_reply = "550 5.1.1 No such user"
    send_test_mail()
    [result] = run_tasks()
    assert result.status == "FAILED"
    assert result.exception_class_path == "smtplib.SMTPRecipientsRefused"
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert not smtp_server.messages


def test_it_gives_up_after_five_attempts(smtp_server, run_tasks):
    smtp_server.rcpt_reply = "451 4.3.0 Try again later"
    send_mail_task.enqueue(subject="S", body_text="T", body_html="", to=["a@x.org"], attempt=5)
    [result] = run_tasks()
    assert result.status == "FAILED"
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_the_outbox_backend_stores_both_parts(settings, run_tasks):
    settings.EMAIL_BACKEND = OUTBOX
    send_test_mail()
    run_tasks()
    [message] = OutboxMessage.objects.all()
    assert message.to == "carol@example.org"
    assert message.subject == "A test message from undersigned"
    assert "Hello Carol," in message.body_text
    assert "<html" in message.body_html
    assert message.message_id.startswith("<")


@pytest.fixture
def root(db):
    """Root administers the site: a superuser."""
    return get_user_model().objects.create_superuser("root", "root@example.org", "correct horse")


def test_the_outbox_is_for_superusers_only(client, alice, bob, root):
    # Staff without admin rights once read the superuser's reset link here.
    message = OutboxMessage.objects.create(to="x@example.org", subject="Secret", body_text="t")
    for url in (reverse("mail:outbox"), reverse("mail:message", args=[message.pk])):
        response = client.get(url)
        # Anonymous visitors get the site's own log-in page, not the admin's.
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    for user in (bob, alice):
        client.force_login(user)
        for url in (reverse("mail:outbox"), reverse("mail:message", args=[message.pk])):
            assert client.get(url).status_code == 403
        assert client.post(reverse("mail:send-test")).status_code == 403
    client.force_login(root)
    assert b"Secret" in client.get(reverse("mail:outbox")).content


def test_the_outbox_never_shows_reset_or_invitation_links_in_full(client, root):
    reset = "http://127.0.0.1:8000/accounts/reset/MQ/cq1b2c-0123456789abcdef/"
    invite = "http://127.0.0.1:8000/de/accounts/invitation/AbCdEf123.secret/"
    message = OutboxMessage.objects.create(
        to="x@example.org",
        subject="Reset",
        body_text=f"Open {reset}\nor {invite}",
        body_html=f'<a href="{reset}">reset</a> <a href="{invite}">join</a>',
    )
    client.force_login(root)
    content = client.get(reverse("mail:message", args=[message.pk])).content.decode()
    assert "/accounts/reset/" in content and "/accounts/invitation/" in content
    for secret in ("cq1b2c-0123456789abcdef", "AbCdEf123.secret", "/MQ/"):
        assert secret not in content
    admin_page = client.get(reverse("admin:mail_outboxmessage_change", args=[message.pk]))
    assert admin_page.status_code == 200 and "cq1b2c" not in admin_page.content.decode()


def test_the_outbox_escapes_mail_and_sandboxes_its_html(client, root):
    message = OutboxMessage.objects.create(
        to="x@example.org",
        subject="<script>alert(1)</script>",
        body_text="<b>not bold</b>",
        body_html='<p title="q">Hi</p><script>alert(2)</script>',
    )
    client.force_login(root)
    for url in (reverse("mail:outbox"), reverse("mail:message", args=[message.pk])):
        content = client.get(url).content.decode()
        assert "<script>alert" not in content and "&lt;script&gt;alert(1)" in content
    content = client.get(reverse("mail:message", args=[message.pk])).content.decode()
    # An origin (so that our own script can measure the mail), but no scripts, forms or popups.
    assert "allow-scripts" not in content and "allow-forms" not in content
    assert '<pre class="mail-text">&lt;b&gt;not bold&lt;/b&gt;</pre>' in content
    assert (
        '<iframe class="mail-html" sandbox="allow-same-origin" '
        'srcdoc="&lt;p title=&quot;q&quot;&gt;Hi&lt;/p&gt;'
        '&lt;script&gt;alert(2)&lt;/script&gt;"' in content
    )


def test_the_outbox_pages_through_messages_newest_first(client, root):
    OutboxMessage.objects.bulk_create(
        OutboxMessage(to="x@example.org", subject=f"Message {i}") for i in range(51)
    )
    client.force_login(root)
    first = client.get(reverse("mail:outbox")).content.decode()
    assert "Message 50" in first and "Message 0<" not in first
    assert "Message 0<" in client.get(reverse("mail:outbox") + "?page=2").content.decode()


def test_root_sends_herself_a_test_message(client, root, bob, smtp_server, run_tasks):
    client.force_login(bob)
    assert client.post(reverse("mail:send-test")).status_code == 403
    assert run_tasks() == []
    client.force_login(root)
    assert client.get(reverse("mail:send-test")).status_code == 405
    response = client.post(reverse("mail:send-test"), follow=True)
    assert "A test message to root@example.org is queued" in response.content.decode()
    run_tasks()
    [message] = smtp_server.messages
    assert message["To"] == "root@example.org"
    assert "Hello root," in message.get_body(("plain",)).get_content()


def test_the_outbox_page_offers_a_test_message_only_by_post(client, root):
    client.force_login(root)
    content = client.get(reverse("mail:outbox")).content.decode()
    assert 'method="post"' in content and "csrfmiddlewaretoken" in content


SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (None, {"EMAIL_BACKEND": OUTBOX}),
        ("", {"EMAIL_BACKEND": OUTBOX}),
        ("outbox:", {"EMAIL_BACKEND": OUTBOX}),
        ("console:", {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}),
        ("file:///srv/mail", {"EMAIL_FILE_PATH": Path("/srv/mail")}),
        ("file:", {"EMAIL_FILE_PATH": Path("/var/x/mail")}),
        (
            "smtp://mailer:p%40ss%2Fw0rd@mail.example.org:587?tls=1",
            {
                "EMAIL_BACKEND": SMTP,
                "EMAIL_HOST": "mail.example.org",
                "EMAIL_PORT": 587,
                "EMAIL_HOST_USER": "mailer",
                "EMAIL_HOST_PASSWORD": "p@ss/w0rd",
                "EMAIL_USE_TLS": True,
                "EMAIL_USE_SSL": False,
                "EMAIL_TIMEOUT": 10,
            },
        ),
        ("smtp://localhost", {"EMAIL_PORT": 25, "EMAIL_USE_TLS": False, "EMAIL_HOST_USER": ""}),
        ("smtp+tls://h", {"EMAIL_PORT": 587, "EMAIL_USE_TLS": True, "EMAIL_USE_SSL": False}),
        ("smtps://h", {"EMAIL_PORT": 465, "EMAIL_USE_TLS": False, "EMAIL_USE_SSL": True}),
        ("smtp+ssl://u:p@h:2465", {"EMAIL_PORT": 2465, "EMAIL_USE_SSL": True}),
        ("smtp://h?timeout=30", {"EMAIL_TIMEOUT": 30}),
    ],
)
def test_email_settings_reads_each_url_form(url, expected):
    settings = email_settings(url, Path("/var/x"))
    assert settings.items() >= expected.items()


@pytest.mark.parametrize(
    ("url", "complaint"),
    [
        ("smpt://h", "unknown scheme 'smpt'"),
        ("http://h", "unknown scheme"),
        ("smtp://", "names no host"),
        ("smtp://h?tsl=1", "unknown parameters: tsl"),
        ("smtps://h?tls=1", "both STARTTLS and implicit TLS"),
        ("smtp://h:port", "bad port"),
    ],
)
def test_email_settings_rejects_a_bad_url(url, complaint):
    with pytest.raises(ValueError, match=complaint):
        email_settings(url, Path("/var/x"))
