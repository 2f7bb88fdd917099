"""Six interface languages, right-to-left Persian, and statements translated version by version."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management import CommandError, call_command

from undersigned.statements.actions import edit_text
from undersigned.statements.translations import save_translation, text_for_reader

LOCALE = Path(settings.LOCALE_PATHS[0])
SHIPPED = [code for code, _name in settings.LANGUAGES if code != "en"]


@pytest.mark.parametrize("language", SHIPPED)
def test_every_message_is_translated(language):
    with (LOCALE / language / "LC_MESSAGES" / "django.po").open("rb") as po:
        catalog = read_po(po, locale=language)
    untranslated = [
        m.id
        for m in catalog
        if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert untranslated == [], (
        f"{language}: {len(untranslated)} untranslated, e.g. {untranslated[:3]}"
    )
    assert fuzzy == [], f"{language}: fuzzy: {fuzzy[:3]}"


def test_the_catalogs_hold_every_message_of_the_code(tmp_path):
    """Extract the messages afresh; a string added to the code but not to the catalogs fails."""
    if not shutil.which("xgettext"):
        pytest.skip("needs GNU gettext (apt-get install gettext); CI installs it")
    package = Path(settings.PACKAGE_DIR)
    copy = tmp_path / "undersigned"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("*.mo", "__pycache__", "static"))
    # Without a settings module makemessages writes into the copy's locale/, not the real one.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    subprocess.run(
        [
            str(Path(sys.executable).with_name("django-admin")),
            "makemessages",
            "-l",
            "de",
            "--no-location",
            "--ignore",
            "demo/*",
            "--no-obsolete",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
        env=env,
    )
    with (copy / "locale/de/LC_MESSAGES/django.po").open("rb") as po:
        fresh = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(po) if m.id}
    with (LOCALE / "de/LC_MESSAGES/django.po").open("rb") as po:
        shipped = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(po) if m.id}
    assert sorted(fresh - shipped) == []


def test_the_language_comes_from_the_url_prefix(client, resolution):
    html = client.get(f"/de/s/{resolution.slug}/").content.decode()
    assert '<html lang="de" dir="ltr">' in html
    assert "Unterzeichnende" in html
    assert "Deutschland" in html  # country names in the reader's language
    assert "15. September 2021" in html


def test_persian_is_right_to_left_with_persian_digits(client, resolution):
    html = client.get(f"/fa/s/{resolution.slug}/").content.decode()
    assert '<html lang="fa" dir="rtl">' in html
    assert "۱۵ سپتامبر ۲۰۲۱" in html
    assert "آلمان" in html  # Germany


def test_a_first_visit_follows_accept_language(client, resolution):
    url = f"/s/{resolution.slug}/"
    response = client.get(url, headers={"Accept-Language": "tr,en;q=0.5"})
    assert response.status_code == 302
    assert response["Location"] == f"/tr{url}"
    assert client.get("/healthz", headers={"Accept-Language": "tr"}).status_code == 200


def test_the_switcher_keeps_the_page(client, resolution):
    url = f"/s/{resolution.slug}/"
    response = client.post("/i18n/setlang/", {"language": "es", "next": url})
    assert response["Location"] == f"/es{url}"
    assert client.get(url).status_code == 302  # the chosen language is remembered
    back = client.post("/i18n/setlang/", {"language": "en", "next": url})
    assert back["Location"] == url
    assert client.get(url).status_code == 200


def translate(statement, user, language="de", title="Solidarität mit den Hafenarbeitern"):
    return save_translation(
        statement=statement,
        user=user,
        language=language,
        title=title,
        subtitle="",
        body="Der Streik verdient unsere Unterstützung.",
    )


def test_a_current_translation_is_shown_and_marked(client, open_statement, carol):
    translate(open_statement, carol)
    url = f"/s/{open_statement.slug}/"
    html = client.get(f"/de{url}").content.decode()
    assert "Solidarität mit den Hafenarbeitern" in html
    assert 'class="translation-note"' in html
    assert f'hreflang="de" href="http://testserver/de{url}"' in html
    english = client.get(url).content.decode()
    assert "Solidarity with the dockers" in english and 'hreflang="de"' in english


def test_a_new_original_version_makes_translations_stale(client, open_statement, carol):
    translate(open_statement, carol)
    edit_text(
        statement=open_statement,
        user=carol,
        title="Solidarity with the dockers",
        subtitle="",
        body="The strike deserves all our support.",
    )
    reading = text_for_reader(open_statement, "de")
    assert not reading.is_translation and reading.stale.translated_version == 1
    html = client.get(f"/de/s/{open_statement.slug}/").content.decode()
    assert 'class="notice notice--warning stale-translation"' in html
    client.force_login(carol)
    editor = client.get(f"/s/{open_statement.slug}/translate/de/").content.decode()
    assert "This translation is of version 1; the original is now at version 2." in editor
    assert "<ins>The strike deserves all our support.</ins>" in editor


def test_translators_translate_only_their_language(client, open_statement, bob, icor):
    from undersigned.coalitions.models import CoalitionRole

    CoalitionRole.objects.create(user=bob, coalition=icor, kind="translator", language="fa")
    client.force_login(bob)
    assert client.get(f"/s/{open_statement.slug}/translate/de/").status_code == 403
    response = client.post(
        f"/s/{open_statement.slug}/translate/fa/",
        {"title": "همبستگی با کارگران بندر", "body": "اعتصاب سزاوار حمایت ماست."},
    )
    assert response.status_code == 302
    assert open_statement.current_text("fa").translation_of.version == 1


def test_exports_exist_per_language(client, open_statement, carol):
    translate(open_statement, carol)
    text = client.get(f"/s/{open_statement.slug}/export.txt?language=de").content.decode()
    assert "Solidarität mit den Hafenarbeitern" in text
    assert client.get(f"/s/{open_statement.slug}/export.txt?language=tr").status_code == 404


def test_import_adds_a_translation_in_another_script(resolution, tmp_path, capsys):
    path = tmp_path / "fa.txt"
    path.write_text("قطعنامه\n\nنه به هرگونه مداخلهٔ امپریالیستی!\n\nمتن قطعنامه.\n", "utf-8")
    call_command("import", str(path), translation_of=resolution.slug, language="fa")
    assert "Added version 1 of the fa translation" in capsys.readouterr().out
    assert resolution.current_text("fa").title == "نه به هرگونه مداخلهٔ امپریالیستی!"
    call_command("import", str(path), translation_of=resolution.slug, language="fa")
    assert "up to date" in capsys.readouterr().out
    cyrillic = tmp_path / "ru.txt"
    cyrillic.write_text("Резолюция\n\nНет империалистической интервенции!\n\nТекст.\n", "utf-8")
    call_command("import", str(cyrillic), translation_of=resolution.slug, language="ru")
    assert resolution.current_text("ru").title == "Нет империалистической интервенции!"
    with pytest.raises(CommandError, match="original language"):
        call_command("import", str(path), translation_of=resolution.slug, language="en")


def test_lists_show_titles_in_the_readers_language(client, open_statement, carol):
    translate(open_statement, carol)
    assert "Solidarität mit den Hafenarbeitern" in client.get("/de/").content.decode()
    assert "Solidarity with the dockers" in client.get("/fr/").content.decode()
