"""A statement's PDF is made by the task worker, never in the request that asks for it.

Issue 19, item 18: a translation body WeasyPrint cannot lay out in 30 s (a translator can plant
one) held every web worker that served `export.pdf`, and a failed render was tried again on
every request. Now the request answers "being prepared" (202) and queues one render; the render
runs in a child process with a time and a memory limit; its PDF, or its failure, is kept.
"""

import io
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from undersigned.circulation.pdf_jobs import render_pdf_task
from undersigned.coalitions.models import CoalitionRole
from undersigned.statements.translations import save_translation

# What was planted on the running site: 24,750 list items, 99 kB.
BOMB = "- x\n" * 24_750


def _pdf_tasks() -> int:
    return DBTaskResult.objects.filter(task_path=render_pdf_task.module_path).count()


@pytest.fixture
def planted(resolution, bob):
    """Bob, a translator into German (the lowest role), saves a German text of the bomb."""
    CoalitionRole.objects.create(
        user=bob, coalition=resolution.coalition, kind="translator", language="de"
    )
    save_translation(
        statement=resolution, user=bob, language="de", title="Nein", subtitle="", body=BOMB
    )
    resolution.refresh_from_db()
    return resolution


def test_a_planted_list_answers_at_once_and_its_refusal_is_kept_and_shown(
    client, planted, run_tasks
):
    url = f"/s/{planted.slug}/export.pdf?language=de"
    response = client.get(url)
    assert response.status_code == 202  # nothing rendered in the request
    assert response["Retry-After"] == "3"
    assert _pdf_tasks() == 1

    (result,) = run_tasks()
    assert result.status == "SUCCESSFUL"  # the refusal is an outcome, not a task that failed

    response = client.get(url)
    assert response.status_code == 422
    assert "This PDF could not be made" in response.content.decode()
    assert "too long" in response.content.decode()
    client.get(url)
    assert _pdf_tasks() == 1  # the refusal is kept: no new render per request
    assert run_tasks() == []


def test_a_render_past_its_time_limit_is_stopped_kept_and_shown(
    client, resolution, run_tasks, settings
):
    settings.PDF_RENDER_SECONDS = 0.01  # less than the child takes to start
    url = f"/s/{resolution.slug}/export.pdf"
    assert client.get(url).status_code == 202
    (result,) = run_tasks()
    assert result.status == "SUCCESSFUL"
    response = client.get(url)
    assert response.status_code == 422
    assert "the text is too long to lay out" in response.content.decode()
    assert client.get(url).status_code == 422
    assert _pdf_tasks() == 1


def test_a_render_past_its_memory_limit_is_stopped_kept_and_shown(
    client, resolution, run_tasks, settings
):
    settings.PDF_RENDER_MEMORY_MB = 40  # less than Python with WeasyPrint needs
    url = f"/s/{resolution.slug}/export.pdf"
    assert client.get(url).status_code == 202
    run_tasks()
    response = client.get(url)
    assert response.status_code == 422
    assert "more memory" in response.content.decode()


def test_the_worker_makes_the_pdf_and_then_it_is_served(client, resolution, run_tasks):
    url = f"/s/{resolution.slug}/export.pdf?size=letter"
    waiting = client.get(url)
    assert waiting.status_code == 202
    page = waiting.content.decode()
    assert '<meta http-equiv="refresh" content="3">' in page
    assert "The PDF is being prepared" in page
    assert client.get(url).status_code == 202
    assert _pdf_tasks() == 1  # one render, however many ask meanwhile

    run_tasks()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.pages[0].mediabox.width == pytest.approx(612, abs=1)  # letter
    assert "No to any imperialist" in reader.pages[0].extract_text()
    assert _pdf_tasks() == 1


def test_the_page_says_it_in_persian_right_to_left(client, resolution):
    response = client.get(f"/fa/s/{resolution.slug}/export.pdf")
    assert response.status_code == 202
    page = response.content.decode()
    assert 'dir="rtl"' in page
    assert "PDF در حال آماده شدن است" in page


@pytest.mark.django_db(transaction=True)
def test_two_requests_at_the_same_moment_queue_one_render(resolution):
    from django.test import Client

    start, statuses = threading.Barrier(2), []

    def ask() -> None:
        try:
            start.wait()
            statuses.append(Client().get(f"/s/{resolution.slug}/export.pdf").status_code)
        finally:
            connections.close_all()

    askers = [threading.Thread(target=ask) for _ in range(2)]
    for asker in askers:
        asker.start()
    for asker in askers:
        asker.join(timeout=30)
    assert statuses == [202, 202]
    assert _pdf_tasks() == 1


def test_the_command_renders_under_the_same_limits(planted, tmp_path, settings):
    path = tmp_path / "de.pdf"
    with pytest.raises(CommandError, match="too long"):
        call_command("export", planted.slug, fmt="pdf", language="de", output=str(path))
    assert not path.exists()
    settings.PDF_RENDER_SECONDS = 0.01
    with pytest.raises(CommandError, match="too long to lay out"):
        call_command("export", planted.slug, fmt="pdf", output=str(path))
    assert not path.exists()


def _test_database_url() -> str:
    """The test database, as another process reaches it."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_the_worker_command_renders_from_the_pdf_queue(client, resolution, settings):
    """`undersigned worker` as `serve` starts it: it takes the PDF queue as well as the mail's."""
    url = f"/s/{resolution.slug}/export.pdf"
    assert client.get(url).status_code == 202
    env = {
        **os.environ,
        "UNDERSIGNED_VAR_DIR": str(settings.VAR_DIR),  # the same cache
        "DATABASE_URL": _test_database_url(),
    }
    worker = Path(sys.executable).with_name("undersigned")
    done = subprocess.run(
        [worker, "worker", "--batch", "--no-startup-delay", "--no-reload"],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_a_list_longer_than_a_pdf_may_hold_is_refused_with_a_message(
    client, resolution, run_tasks, settings
):
    settings.PDF_MAX_SIGNATORIES = 33  # the resolution has 34
    url = f"/s/{resolution.slug}/export.pdf"
    client.get(url)
    run_tasks()
    response = client.get(url)
    assert response.status_code == 422
    assert "the list of signatories is longer than a PDF may hold" in response.content.decode()


def test_the_statement_page_opens_the_pdf_address_rather_than_saving_it(client, resolution):
    """The address may answer "being prepared": a `download` link would save that page."""
    page = client.get(resolution.get_absolute_url()).content.decode()
    (link,) = re.findall(r"<a [^>]*export\.pdf[^>]*>", page)
    assert "download" not in link
