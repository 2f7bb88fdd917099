"""The Pytition yardstick's pure parts (bench/pytition.py, bench/report.py): what it installs,
how it takes medians, and how the report judges the ratios. Setting Pytition up needs its
source, PyPI and minutes: that is the benchmark's job (make bench BENCH_ARGS="--pytition …")."""

import subprocess
from pathlib import Path

from bench import pytition
from bench.report import pytition_section

PYPROJECT = """
[project]
name = "Pytition"
dependencies = ["Django~=5.2.0", "mysqlclient==2.0.1", "lxml[html_clean]", "uwsgi"]
"""
LOCK = """
[[package]]
name = "django"
version = "5.2.7"

[[package]]
name = "mysqlclient"
version = "2.0.1"
"""


def test_requirements_leave_out_mysql_and_keep_the_lock_pins(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    (tmp_path / "pdm.lock").write_text(LOCK)
    wanted, pins = pytition.requirements(tmp_path)
    assert "mysqlclient==2.0.1" not in wanted
    assert "Django~=5.2.0" in wanted and "uwsgi" in wanted
    assert any(w.startswith("psycopg") for w in wanted)
    assert pins == ["django==5.2.7"]


def test_source_tree_from_a_git_directory(tmp_path: Path):
    work = tmp_path / "work"
    (work / "pytition").mkdir(parents=True)
    (work / "pytition" / "manage.py").write_text("# manage\n")
    git = ["git", "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "one"], check=True)
    described = pytition.source_tree(work / ".git", tmp_path / "copy")
    assert (tmp_path / "copy" / "pytition" / "manage.py").read_text() == "# manage\n"
    assert described.startswith("git ")


def _run(ok: int, seconds: float = 2.0, other: int = 0) -> dict:
    return {"statuses": {200: ok, 500: other}, "seconds": seconds, "p50_ms": 1.0, "p99_ms": 2.0}


def test_medians_count_only_expected_answers():
    found = pytition._medians({"page": [_run(100), _run(300, other=1000), _run(200)]})
    assert found["page_rps"] == 100.0  # 50, 150, 100 req/s of 200s; the 500s do not count


def test_report_judges_each_ratio_against_its_target():
    figures = {
        "pytition": {"page_rps": 100.0, "count_rps": 200.0, "notfound_rps": 1000.0},
        "gunicorn": {"page_rps": 1000.0, "count_rps": 1500.0, "notfound_rps": 1000.0},
        "server": "uwsgi",
    }
    text = "\n".join(pytition_section(figures, {"signatures": 10_000, "rounds": 4}))
    assert "PASS (10.0× ≥ 10×)" in text  # the page
    assert "MISS (7.5× ≥ 10×)" in text  # the count
    assert "PASS (1.0× ≥ 1×)" in text  # the 404
