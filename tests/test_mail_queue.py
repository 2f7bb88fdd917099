"""A queued mail is one row written in the caller's transaction; the worker renders it."""

import pytest
from django.db import transaction
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from undersigned.mail.services import send_templated_mail

pytestmark = pytest.mark.django_db


def test_the_task_row_is_written_in_the_callers_transaction():
    # No on_commit callback runs in a test's transaction: the row must be there without one, so
    # it commits with the write that caused it (one commit, no window without the mail).
    with transaction.atomic():
        send_templated_mail(template="test", to=["carol@example.org"], context={"name": "C"})
        assert DBTaskResult.objects.count() == 1


def test_nothing_is_rendered_before_the_worker_runs(run_tasks, smtp_server):
    with CaptureQueriesContext(transaction.get_connection()) as queries:
        send_templated_mail(
            template="test", to=["carol@example.org"], context={"name": "C"}, language="de"
        )
    assert len(queries) == 1  # the INSERT of the task, nothing else
    kwargs = DBTaskResult.objects.get().args_kwargs["kwargs"]
    # The Message-ID is chosen when the mail is queued, so that a retry sends the same one.
    message_id = kwargs.pop("message_id")
    assert kwargs == {
        "template": "test",
        "to": ["carol@example.org"],
        "context": {"name": "C"},
        "language": "de",
    }
    run_tasks()
    [message] = smtp_server.messages
    assert message["Message-ID"] == message_id
    assert '<html lang="de"' in message.get_body(("html",)).get_content()
