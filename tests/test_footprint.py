"""What every process loads: a web or task worker that never answers an API request or draws a
share card does not carry the libraries for them (django-ninja and pydantic ~16 MB, Pillow
~4 MB, in each of them)."""

import subprocess
import sys

from django.test import Client

LOAD_THE_SITE = """
import sys
import django
django.setup()
from django.urls import get_resolver, reverse
get_resolver().url_patterns
reverse("home")
print(" ".join(m for m in ("ninja", "pydantic", "PIL") if m in sys.modules))
"""


def test_the_site_alone_does_not_load_the_api_or_pillow(tmp_path):
    loaded = subprocess.run(
        [sys.executable, "-c", LOAD_THE_SITE],
        capture_output=True,
        text=True,
        check=True,
        env={
            "DJANGO_SETTINGS_MODULE": "undersigned.settings",
            "UNDERSIGNED_VAR_DIR": str(tmp_path),
        },
    ).stdout.split()
    assert loaded == []


def test_api_requests_resolve_with_the_api_and_link_to_the_site(db, resolution):
    response = Client().get("/api/v1/statements")
    assert response.status_code == 200
    assert resolution.get_absolute_url() in response.content.decode()


def test_a_missing_api_address_is_a_404(db):
    assert Client().get("/api/v1/no-such-thing").status_code == 404
