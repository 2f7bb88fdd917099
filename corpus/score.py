"""Field accuracy of the textformat parser on the corpus, per file and averaged, per part.

Usage (from the repository root, with src on the path):
    python corpus/score.py [--texts DIR] [--part dev|val|all] [--threshold 0.8] [-v] [--only NN …]
The texts live outside the repository (default ~/.cache/undersigned-devset; corpus/SOURCES.md
says how to rebuild each). The ground truth is corpus/expected/*.expected.json; corpus/split.json
names the validation third, which is scored only with --part val (look at it once, at the end).

The field scoring is that of shared/parse-devset/score.py (signatories matched by number or by
likeness of name; a field counts where the expected value is known), run in-process. It also
reports how the confidence behaves: a guessed field is "unsure" when its own confidence (the
signatory's field_confidence, else the entry's) is below --threshold (the preview's
LOW_CONFIDENCE); recall = wrong fields marked unsure / wrong fields, precision = wrong unsure
fields / unsure fields, over all fields and per field kind. A spurious signatory counts as one
wrong guessed field (kind "entry"), marked when the entry's own confidence is low.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

import pycountry

from undersigned.textformat import parse

HERE = Path(__file__).resolve().parent


def iso(c: str | None) -> str | None:
    if c is None:
        return None
    c = c.strip()
    if len(c) == 2 and c.isalpha():
        return c.upper()
    try:
        return pycountry.countries.lookup(c).alpha_2
    except LookupError:
        try:
            return pycountry.countries.search_fuzzy(c)[0].alpha_2
        except LookupError:
            return "?"


def norm(s: object) -> str | None:
    if s is None or s == "":
        return None
    s = unicodedata.normalize("NFC", str(s))
    for a, b in (("–", "-"), ("—", "-"), ("’", "'"), ("“", '"'), ("”", '"')):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()


def sim(a: object, b: object) -> float:
    return difflib.SequenceMatcher(None, (norm(a) or "").lower(), (norm(b) or "").lower()).ratio()


def fields(e: dict) -> list[str]:
    out = ["number", "abbreviation", "name", "name_en"]
    if e.get("country") and iso(e["country"]) != "?":
        out.append("country")
    if e.get("affiliation"):
        out.append("affiliation")
    return out


def whole(s: dict) -> str:
    abbr, name = s.get("abbreviation") or "", s.get("name") or ""
    return name if abbr and name.startswith(abbr) else f"{abbr} {name}".strip()


def likeness(e: dict, g: dict) -> float:
    if e.get("number") is not None and e.get("number") == g.get("number"):
        return 1.0
    return max(sim(e.get("name"), g.get("name")), sim(whole(e), whole(g)))


def field_confidence(g: dict, f: str) -> float:
    per_field = g.get("field_confidence") or {}
    return per_field.get(f, g.get("confidence", 1.0))


CONFIDENCE_KEYS = ("wrong", "unsure", "wrong_unsure")


def score(got: dict, exp: dict, threshold: float) -> dict:
    ok = total = 0
    wrong = unsure = wrong_unsure = 0
    # field kind -> [wrong, unsure, wrong and unsure]
    per_kind: dict[str, list[int]] = {}
    for k in ("title", "subtitle", "signatories_as_of", "further_signatories_possible"):
        if exp.get(k) is not None:
            total += 1
            ok += norm(got.get(k)) == norm(exp.get(k))
    es, gs = exp.get("signatories", []), list(got.get("signatories") or [])
    free = list(range(len(gs)))
    for e in es:
        best = max(free, key=lambda j: likeness(e, gs[j]), default=None)
        if best is not None and likeness(e, gs[best]) < 0.6:
            best = None
        if best is not None:
            free.remove(best)
        for f in fields(e):
            total += 1
            if best is None:
                continue
            g = gs[best]
            if f == "country":
                right = iso(e[f]) == iso(g.get(f))
            elif f == "number":
                right = e.get(f) == g.get(f)
            else:
                right = norm(e.get(f)) == norm(g.get(f))
            ok += right
            low = field_confidence(g, f) < threshold
            wrong += not right
            unsure += low
            wrong_unsure += low and not right
            counts = per_kind.setdefault(f, [0, 0, 0])
            counts[0] += not right
            counts[1] += low
            counts[2] += low and not right
    for j in free:  # spurious signatories: a wrong guess each
        total += 1
        wrong += 1
        low = gs[j].get("confidence", 1.0) < threshold
        unsure += low
        wrong_unsure += low
        counts = per_kind.setdefault("entry", [0, 0, 0])
        counts[0] += 1
        counts[1] += low
        counts[2] += low
    return {
        "ok": ok,
        "total": total,
        "found": len(gs),
        "expected": len(es),
        "spurious": len(free),
        "wrong": wrong,
        "unsure": unsure,
        "wrong_unsure": wrong_unsure,
        "per_kind": per_kind,
    }


def in_validation(stem: str) -> bool:
    """The rule of split.json, fixed before any parser change: a file added later falls where the
    rule puts it, never where a score would like it."""
    return int(hashlib.sha256(stem.encode()).hexdigest(), 16) % 3 == 0


def all_stems() -> list[str]:
    return sorted(
        p.name.removesuffix(".expected.json") for p in (HERE / "expected").glob("*.expected.json")
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", type=Path, default=Path.home() / ".cache/undersigned-devset")
    ap.add_argument(
        "--part",
        choices=("dev", "val", "all"),
        default="dev",
        help="all: both parts, for files nobody has tuned on yet (with --only)",
    )
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("-v", action="store_true", help="print each file's line")
    ap.add_argument(
        "--only", nargs="+", default=(), metavar="NN", help="only the files of these numbers"
    )
    args = ap.parse_args()
    names = [
        stem
        for stem in all_stems()
        if (args.part == "all" or in_validation(stem) == (args.part == "val"))
        and (not args.only or stem.split("_", 1)[0] in args.only)
    ]
    per_file, sums, missing = (
        [],
        dict.fromkeys(("ok", "total", "wrong", "unsure", "wrong_unsure"), 0),
        [],
    )
    per_kind: dict[str, list[int]] = {}
    elapsed = 0.0
    for stem in names:
        exp = json.loads((HERE / "expected" / f"{stem}.expected.json").read_text())
        txt = args.texts / f"{stem}.txt"
        if not txt.exists():
            missing.append(stem)
            continue
        text = txt.read_text(encoding="utf-8")
        start = time.perf_counter()
        got = parse(text).to_dict(confidence=True)
        elapsed += time.perf_counter() - start
        r = score(got, exp, args.threshold)
        for k in sums:
            sums[k] += r[k]
        for kind, counts in r["per_kind"].items():
            into = per_kind.setdefault(kind, [0, 0, 0])
            for i, n in enumerate(counts):
                into[i] += n
        per_file.append(r["ok"] / r["total"] if r["total"] else 0.0)
        if args.v:
            print(
                f"{per_file[-1]:.3f}  {r['ok']}/{r['total']}  {r['found']} found, "
                f"{r['expected']} expected, {r['spurious']} spurious  {stem}"
            )
    macro = sum(per_file) / len(per_file) if per_file else 0.0
    micro = sums["ok"] / sums["total"] if sums["total"] else 0.0
    print(
        f"{args.part}: accuracy per file {macro:.3f}, over all fields {micro:.3f} "
        f"({sums['ok']}/{sums['total']}, {len(per_file)} files, parse {elapsed:.2f} s)"
    )
    if missing:
        print(f"  texts missing (not scored): {', '.join(missing)}")
    w, u, wu = sums["wrong"], sums["unsure"], sums["wrong_unsure"]
    print(
        f"  confidence < {args.threshold}: {wu}/{w} wrong fields marked unsure (recall "
        f"{wu / w if w else 1:.2f}), {wu}/{u} unsure fields wrong (precision "
        f"{wu / u if u else 0:.2f})"
    )
    for kind in sorted(per_kind):
        w, u, wu = per_kind[kind]
        print(
            f"    {kind:<13} recall {wu}/{w} = {wu / w if w else 1:.2f}, "
            f"precision {wu}/{u} = {wu / u if u else 0:.2f}"
        )
    sys.exit(0)


if __name__ == "__main__":
    main()
