"""Persons named in a sentence with the body they come from said once for a run of them
(issue 22): "Signers were A, B, C and D from XYZ, as well as E and F." The short form after
"from" is the affiliation of the person it follows and of the bare names before it in the
same run (a run ends at a name that has its own "from").

Only a short form in capitals after "from" counts ("from the city" is prose, and "de", "da",
"di" are particles of names: "Maria da Silva"). Written for shapes, not for a text.
"""

from __future__ import annotations

import re

from .persons import is_person_name

# "as well as" opening a second run inside the list ("samt": Norwegian, Swedish, Danish).
_OPENING_CONTINUATION = re.compile(
    r"^(?:ainsi que|as well as|а также|sowie|así como|assim como|samt)\s+(?=[^\W\d_])"
)

_FROM = re.compile(
    r"^(?P<name>.+?)\s+(?:from|fra|från|von|aus|van|z|ze|iz|из|от|з|ze strony)\s+"
    r"(?P<org>[A-ZÆØÅÄÖÜ][A-ZÆØÅÄÖÜ0-9&-]{1,9})$"
)


def _without_continuation(item: str) -> str:
    """ "samt Helge Lund" -> "Helge Lund"; "sowie weitere" stays (no name follows)."""
    found = _OPENING_CONTINUATION.match(item)
    if found is None or not item[found.end()].isupper():
        return item
    return item[found.end() :]


def runs_from(items: list[str]) -> list[str]:
    """The cased items of a sentence's list without an "as well as" opening a second run,
    and with the body a run comes from given to each of its names."""
    return distributed_from([_without_continuation(item) for item in items])


def _bare_person(item: str) -> bool:
    return not any(ch in item for ch in ",()") and is_person_name(item)


def distributed_from(items: list[str]) -> list[str]:
    """The items with "Name from ORG" written "Name, ORG", and ", ORG" added to the bare
    names before it in its run."""
    if not any(" " in item and item[-1:].isupper() for item in items):
        return items  # no item ends with a short form (the common case, asked of every list)
    out = list(items)
    given: set[int] = set()
    for index, item in enumerate(items):
        found = _FROM.match(item)
        if found is None or not is_person_name(found["name"]):
            continue
        org = found["org"]
        out[index] = f"{found['name']}, {org}"
        given.add(index)
        for before in range(index - 1, -1, -1):
            if before in given or not _bare_person(items[before]):
                break
            out[before] = f"{items[before]}, {org}"
            given.add(before)
    return out


__all__ = ["distributed_from", "runs_from"]
