"""The benchmark's report states every path of issue 23 (item 5) with its target."""

from bench.report import FULL_SIZES, paths_section, targets


def test_sign_on_and_desk_are_judged_against_their_targets():
    judged = dict(
        targets(
            {"bare_rps": 1000.0, "signon_rps": 120.0, "signon_p99_ms": 250.0,
             "desk_p99_ms": 150.0}
        )
    )  # fmt: skip
    assert judged["(h) sign-on request ≥ 10% of (a) req/s"] == "PASS (12% of (a))"
    assert judged["(h) sign-on p99 < 200 ms at 8 connections"] == "MISS (250.0 ms)"
    assert judged["(i) desk p99 < 200 ms at 2 connections"] == "PASS (150.0 ms)"
    assert dict(targets({}))["(i) desk p99 < 200 ms at 2 connections"] == "n/a"


def test_every_new_path_has_a_target_and_small_runs_say_so():
    figure = {"median_ms": 10.0, "max_ms": 12.0, "runs": 3}
    paths = {
        "sizes": FULL_SIZES,
        **{key: figure for key in ("log_append", "log_inclusion", "log_consistency", "verify")},
        "pdf": {**figure, "median_ms": 30_000.0, "peak_mb": 600.0},
        "parse": {**figure, "median_ms": 2500.0},
    }
    lines = paths_section("sqlite", paths)
    rows = [line for line in lines if line.startswith("| ") and "median" not in line]
    assert len(rows) == 6 and all("PASS" in row or "MISS" in row for row in rows)
    assert "MISS (< 60 s, peak < 512 MB)" in next(row for row in rows if "PDF" in row)
    assert "MISS (< 2 s)" in rows[-1] and "PASS (< 20 ms)" in rows[0]
    assert "not judged" not in lines[0]
    small = paths_section("sqlite", {**paths, "sizes": {**FULL_SIZES, "log_entries": 5000}})
    assert "targets not judged at size" in small[0]
