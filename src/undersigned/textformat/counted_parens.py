"""Bodies a sentence counts and then names in parentheses (issue 22): "Fourteen local
associations (A, B and C, together with D, E, … and F) ask the government to act",
"Doce colectivos (A, B, …) firman el manifiesto".

The count is the guard: the parentheses must name exactly as many bodies as the number
before them says, so an aside "(A and B, the largest ones)" or a parenthesis in a body
paragraph gives nothing. Words that join two runs inside the parentheses ("together with",
"al fianco di … ci sono") are lower-case and fall away: a name opens with a capital.
"""

from __future__ import annotations

import re

from .vocabulary import AND_WORDS

# Cardinal numbers three to twenty in the languages of most news items (lower case).
_NUMBERS = {
    word: value
    for value, words in {
        3: "three tre tres trois drei três",
        4: "four quattro cuatro quatre vier quatro",
        5: "five cinque cinco cinq fünf",
        6: "six sei seis sechs",
        7: "seven sette siete sept sieben sete",
        8: "eight otto ocho huit acht oito",
        9: "nine nove nueve neuf neun",
        10: "ten dieci diez dix zehn dez",
        11: "eleven undici once onze elf",
        12: "twelve dodici doce douze zwölf doze",
        13: "thirteen tredici trece treize dreizehn treze",
        14: "fourteen quattordici catorce quatorze vierzehn",
        15: "fifteen quindici quince quinze fünfzehn",
        16: "sixteen sedici dieciséis seize sechzehn dezesseis",
        17: "seventeen diciassette diecisiete dix-sept siebzehn dezessete",
        18: "eighteen diciotto dieciocho dix-huit achtzehn dezoito",
        19: "nineteen diciannove diecinueve dix-neuf neunzehn dezenove",
        20: "twenty venti veinte vingt zwanzig vinte",
    }.items()
    for word in words.split()
}
# "<number> <a few words> (<the run>)", the parenthesis holding no other.
_COUNTED = re.compile(
    r"(?<!\w)(?P<number>\d{1,2}|[^\W\d_]+(?:-[^\W\d_]+)?)\s+(?:[^\W\d_]+\s+){1,4}\((?P<run>[^()]+)\)"
)
_COMMA = re.compile(r"\s*[,;]\s+")
_AND = re.compile(rf"\s+(?:{'|'.join(AND_WORDS)})\s+")
_MAX_WORDS = 8


def counted_entries(paragraph: str) -> list[str]:
    """The bodies a parenthesis names after their count, when it names that many, else []."""
    if "(" not in paragraph:
        return []
    for match in _COUNTED.finditer(paragraph):
        word = match.group("number")
        count = int(word) if word.isdigit() else _NUMBERS.get(word.lower())
        if count is None or count < 3:
            continue
        names = _names(match.group("run"))
        if len(names) == count:
            return names
    return []


def _names(run: str) -> list[str]:
    """The names of the run: its pieces between commas and "and", the lower-case words that
    join two runs left out (a name opens and ends with a capitalized word or a short form)."""
    names: list[str] = []
    for piece in _COMMA.split(run.strip()):
        for part in _capitalized_runs(piece.split()):
            names.extend(_split_and(part))
    if any(len(name.split()) > _MAX_WORDS for name in names):
        return []
    return names


def _capitalized_runs(words: list[str]) -> list[str]:
    """The runs of words that open with a capital, parted at two or more lower-case words
    in a row and stripped of lower-case words at either end."""
    runs: list[list[str]] = [[]]
    lower: list[str] = []
    for word in words:
        if word[0].isupper() or word[0].isdigit():
            if len(lower) >= 2 and runs[-1]:
                runs.append([])
            elif runs[-1]:
                runs[-1].extend(lower)
            runs[-1].append(word)
            lower = []
        else:
            lower.append(word)
    return [" ".join(run) for run in runs if run]


def _split_and(part: str) -> list[str]:
    """A piece "A and B" as two names where a capitalized word follows the "and"."""
    for joint in _AND.finditer(part):
        after = part[joint.end() :]
        if after[:1].isupper():
            return [part[: joint.start()], *_split_and(after)]
    return [part]


__all__ = ["counted_entries"]
