"""How fast the plain-text parser reads a 5 MB signatory list, and that it refuses a
200,000-character name with a message rather than a traceback.

Run: .venv/bin/python -m bench.parse_speed [--megabytes 5]
Not a unit test: the figure depends on the machine. The target is under 2 s for 5 MB.
"""

from __future__ import annotations

import argparse
import random
import time

from undersigned.textformat import FormatError, decode_source, parse

_WORD_TEXT = (
    "Communist Workers Party Union Front Movement League Organisation Association Network "
    "Foundation Institute Centre Alliance Federation Council Committee Digital Rights Free "
    "Software Solidarity Youth Women Farmers Teachers Democratic Popular Revolutionary "
    "Partido Comunista Parti Ouvrier Bewegung Verein Sindicato Unione Sendikası"
)
WORDS = _WORD_TEXT.split()
COUNTRIES = ["Germany", "France", "Peru", "Nepal", "India", "Brazil", "Kenya", "Türkiye"]


def _entry(number: int, rng: random.Random) -> str:
    name = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6)))
    name += f" {number}"  # every entry is distinct
    abbreviation = "".join(word[0] for word in name.split()[:-1]).upper() + str(number)
    shape = number % 5
    if shape == 0:
        return f"{abbreviation} {name} ({rng.choice(COUNTRIES)})"
    if shape == 1:
        return f"{name} ({abbreviation}), {rng.choice(COUNTRIES)}"
    if shape == 2:
        return f"{name} – {abbreviation}"
    if shape == 3:
        return f"Jane Doe{number}, Professor of Law, University of {rng.choice(COUNTRIES)}"
    return name


def statement(megabytes: float, seed: int = 1) -> str:
    rng = random.Random(seed)
    lines = ["Joint Statement", "", "We demand the release of all prisoners.", "", "Signatories:"]
    size, number = 0, 0
    while size < megabytes * 1024 * 1024:
        number += 1
        line = f"{number}. {_entry(number, rng)}"
        lines.append(line)
        size += len(line.encode()) + 1
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    args = parser.parse_args()
    text = statement(args.megabytes)
    parse("Warm-up\n\nSignatories:\n- A Party\n")  # loads the country tables once
    cpu, wall = time.process_time(), time.perf_counter()
    document = parse(text)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    size = len(text.encode()) / 1024 / 1024
    print(
        f"parse: {size:.1f} MB, {len(document.signatories):,} signatories "
        f"in {wall:.2f} s ({cpu:.2f} s CPU)"
    )
    huge = "Statement\n\nSignatories:\n- " + "A" * 200_000 + "\n"
    try:
        decode_source(huge.encode())
        print("200,000-character name: accepted (expected a refusal)")
    except FormatError as error:
        print(f"200,000-character name: refused: {error.message}")
    wall = time.perf_counter()
    parse(huge)  # parse() itself never raises; it must stay quick on such a line
    print(f"parse() of it anyway: {time.perf_counter() - wall:.2f} s")


if __name__ == "__main__":
    main()
