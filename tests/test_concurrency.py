"""Two submissions of the same signature at the same moment give exactly one signature."""

import threading

import pytest
from django.db import connections

from undersigned.core.errors import ActionError
from undersigned.signing.actions import sign_statement
from undersigned.signing.models import Signature


@pytest.mark.django_db(transaction=True)
def test_concurrent_signatures_give_exactly_one(open_statement, dave, mlpd):
    threads, start = 8, threading.Barrier(8)
    outcomes: list[str] = []

    def submit() -> None:
        try:
            start.wait()
            sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
            outcomes.append("signed")
        except ActionError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    workers = [threading.Thread(target=submit) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=30)
    assert sorted(outcomes) == ["refused"] * (threads - 1) + ["signed"]
    assert Signature.objects.filter(statement=open_statement, organization=mlpd).count() == 1
