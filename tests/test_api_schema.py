"""Schemathesis against our OpenAPI document: no server error, no answer unlike the schema.

Runs in-process through the WSGI application, a bounded number of examples per operation, as
the public and with a coordinator's token, on whichever database the suite runs on.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from undersigned.accounts.tokens import create_api_token


@pytest.fixture
def api_schema(db):
    # Django closes the database connection after each request, which ends the test's
    # transaction (and an in-memory SQLite database); its own test client avoids this the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(carol, resolution, open_statement) -> str:
    return create_api_token(user=carol, name="schemathesis")[1]


def test_the_api_keeps_to_its_schema(api_schema, token, settings):
    settings.API_LIMIT_PER_IP = settings.API_LIMIT_PER_TOKEN = 10**9
    headers = {"Authorization": f"Bearer {token}"}
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:

        @hypothesis_settings(
            max_examples=12,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def keeps_to_the_schema(case):
            case.call_and_validate(
                headers=headers, checks=[not_a_server_error, response_schema_conformance]
            )

        keeps_to_the_schema()
