"""Cells a spreadsheet must not read as formulas (CSV injection): what people typed that starts
with = + - @ tab or return goes out behind a quote. The endorsements' export does it in SQL with
the same characters; the organization lists in Python."""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defused(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value
