"""LOG_LEVEL holds for Django's own loggers too: at ERROR a 404 writes nothing (Django sets its
loggers to INFO, and each 404 was a "Not Found" line: a scan of the site, a write per request)."""

import os
import subprocess
import sys

# What Django's handler logs for a 404 (django.utils.log.log_response), once settings apply.
SCRIPT = """
import logging
import django
django.setup()
logging.getLogger("django.request").warning("Not Found: %s", "/no-such-page/")
"""


def run(level: str, tmp_path) -> str:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "undersigned.settings",
        "UNDERSIGNED_VAR_DIR": str(tmp_path),
        "LOG_LEVEL": level,
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_a_404_is_logged_at_warning_and_not_at_error(tmp_path):
    assert "Not Found: /no-such-page/" in run("WARNING", tmp_path)
    assert "Not Found" not in run("ERROR", tmp_path)
