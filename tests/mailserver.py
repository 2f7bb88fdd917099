"""A real SMTP server (aiosmtpd) for mail tests, and a way to run queued tasks in-process.

def test_it_mails_carol(smtp_server, run_tasks):
    do_something_that_sends_mail()
    run_tasks()
    assert smtp_server.messages[0]["To"] == "carol@example.org"
"""

import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from undersigned.core.worker import drain


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class SMTPServer:
    host: str
    port: int
    messages: list[EmailMessage] = field(default_factory=list)
    peers: list[tuple] = field(default_factory=list)  # the client address of each message
    # Set to e.g. "550 5.1.1 No such user" or "451 4.3.0 Try again later" to refuse recipients.
    rcpt_reply: str | None = None

    async def handle_RCPT(self, server, session, envelope, address: str, rcpt_options: list):
        if self.rcpt_reply:
            return self.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        self.peers.append(session.peer)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(settings) -> Iterator[SMTPServer]:
    """An SMTP server on 127.0.0.1 that Django sends to; `.messages` holds what it received."""
    server = SMTPServer(host="127.0.0.1", port=free_port())
    controller = Controller(server, hostname=server.host, port=server.port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = server.host, server.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    controller.stop()


@pytest.fixture
def run_tasks(db) -> Callable[[], list[DBTaskResult]]:
    """A function that runs every task that is due, as `undersigned worker` would; it returns
    the results. It first runs the test's pending on_commit callbacks, as if the request's
    transaction had committed (the test's own transaction never does)."""

    def run() -> list[DBTaskResult]:
        results = []
        for _ in range(100):  # a task that keeps queueing tasks due now would loop forever
            _run_pending_on_commit_callbacks()
            done = drain(worker_id="tests")
            if not done:
                return results
            results += done
        raise AssertionError("Tasks keep queueing tasks that are due at once.")

    return run


def _run_pending_on_commit_callbacks() -> None:
    connection = transaction.get_connection()
    callbacks, connection.run_on_commit = connection.run_on_commit, []
    for _savepoint_ids, callback, _robust in callbacks:
        callback()
