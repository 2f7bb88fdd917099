"""Nicknames written after a person's name: "Paulo Pereira da Silva (Paulinho)", "Edson
Carneiro (Índio)", "Juan Pérez (El Chino)". In Brazil, Portugal, Latin America or Poland a
signer is often known by such a name, and it stays in the name as written.

After a person's name a parenthesis usually holds their organization ("Jane Doe (Attac)"),
so a nickname is read only when the organization is written elsewhere in the entry: a role
follows ("…(Paulinho), Presidente da Força Sindical"). One or two capitalized words, no
acronym, no organization's word.
"""

from __future__ import annotations

import re

from .persons import is_person_name
from .vocabulary import has_organization_word

_NICKNAME = re.compile(
    r"^(?P<name>[^()]+?)\s*\((?P<nick>[^\W\d_][^\W\d_'’.\-]+(?:\s[^\W\d_][^\W\d_'’.\-]+)?)\)$"
)


def without_nickname(text: str) -> tuple[str, str | None]:
    """("Paulo Pereira da Silva", "Paulinho") for "Paulo Pereira da Silva (Paulinho)"; the
    text and None when the parenthesis cannot be a nickname."""
    found = _NICKNAME.match(text)
    if found is None:
        return text, None
    nick = found["nick"]
    words = nick.split()
    if (
        not all(word[:1].isupper() and not word.isupper() for word in words)
        or has_organization_word(nick)
        or not is_person_name(found["name"])
    ):
        return text, None
    return found["name"], nick
