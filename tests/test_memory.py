"""What a web worker loads (issue 23: serve with 4 workers under 360 MiB resident). Each module
below holds megabytes in every process that imports it and serves only rare requests, so it is
imported where it is used; bench/memory.py measures the whole serve tree."""

import json
import os
import subprocess
import sys

# cryptography: ~11 MB resident (its Rust library) for the log's signatures, which are kept;
# dnspython, dkimpy and the public suffix list: domain proofs and received mail.
RARE = ("cryptography", "dns", "dkim", "publicsuffixlist", "weasyprint", "PIL", "ninja")

SITE = """
import json, sys
import undersigned.wsgi
from django.urls import get_resolver
get_resolver().url_patterns  # the site's URLs, which import every view module
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def test_a_web_worker_loading_the_site_imports_no_rare_heavy_library(tmp_path):
    env = {
        **os.environ,
        "UNDERSIGNED_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "undersigned.settings",
    }
    done = subprocess.run(
        [sys.executable, "-c", SITE], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout.splitlines()[-1]))
    assert "django" in loaded and "undersigned" in loaded
    assert not loaded & set(RARE), f"imported at start: {sorted(loaded & set(RARE))}"


def test_the_signatory_list_leaves_the_words_of_each_signed_version_unread(
    open_statement, dave, mlpd
):
    """Each signature's text version comes with the list for its number only: 500 signatures
    of a 10 KB statement would otherwise hold 500 copies of the words while the page renders."""
    from undersigned.signing.actions import sign_statement
    from undersigned.signing.selectors import signatory_list

    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    (entry,) = signatory_list(open_statement).entries
    assert entry.signature.text.version == 1
    assert {"body", "change_note"} <= entry.signature.text.get_deferred_fields()
