"""Whether a reply clearly says "we sign": what the sender wrote (without the quoted statement
and the mail signature) is short, holds one of a few fixed phrases, and has no negation and no
question in it. Conservative on purpose: anything else goes to the coordinators, who read it.

Plain Python (no Django), like textformat, so that it can be tested on its own.
"""

import re
import unicodedata

# The phrases the statement page suggests, by language: "we sign" in each language of the site.
PHRASES: dict[str, tuple[str, ...]] = {
    "en": ("we sign", "we hereby sign", "we co sign", "we cosign"),
    "de": ("wir unterzeichnen", "wir unterschreiben", "hiermit unterzeichnen wir"),
    "fr": ("nous signons",),
    "es": ("firmamos",),
    "tr": ("imzalıyoruz",),
    "fa": ("امضا می کنیم", "امضا میکنیم"),
}

# Words that may turn "we sign" into its opposite, or make it conditional.
NEGATIONS = frozenset(
    {
        "not",
        "no",
        "never",
        "cannot",
        "t",
        "unless",
        "if",
        "but",  # t: don't, can't, won't
        "nicht",
        "kein",
        "keine",
        "keinen",
        "nie",
        "niemals",
        "aber",
        "wenn",
        "falls",
        "ne",
        "n",
        "pas",
        "jamais",
        "non",
        "mais",
        "si",
        "nunca",
        "tampoco",
        "pero",
        "değil",
        "hayır",
        "ama",
        "eğer",
        "imzalamıyoruz",
        "نه",
        "نمی",
        "نمیکنیم",
        "اما",
        "اگر",
    }
)

# Longest reply (in words) that still counts as a plain "we sign" with a greeting and a name.
MAX_WORDS = 60

# Lines that start what the mail program quotes below a reply.
_QUOTE_HEADER = re.compile(
    r"^\s*("
    r"(on|am|le|el|il|op)\b.*\b(wrote|schrieb|écrit|escribió|scrisse|schreef)\s*:?"
    r"|-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original)"
    r"\s*-*"
    r"|(from|von|de|da|van|kimden|از)\s*:.*"
    r")\s*$",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"^(-- ?|__+)\s*$")
_WORD = re.compile(r"\w+", re.UNICODE)


def reply_of(body: str) -> str:
    """What the sender wrote above the quoted message and the signature separator."""
    kept = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if _SIGNATURE.match(line) or _QUOTE_HEADER.match(line):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line.rstrip())
    return "\n".join(kept).strip()


def words(text: str) -> list[str]:
    # The zero-width non-joiner joins Persian "می‌کنیم"; as a space, either spelling matches.
    # Turkish dotted and dotless i fold to one letter ("İmzalıyoruz", "IMZALIYORUZ").
    text = unicodedata.normalize("NFKC", text).replace("\u200c", " ").casefold()
    text = text.replace("\u0307", "").replace("ı", "i")
    return _WORD.findall(text.replace("_", " "))


def _find(tokens: list[str]) -> str | None:
    """The language of the first phrase found as consecutive words, or None."""
    for language, phrases in PHRASES.items():
        for phrase in phrases:
            wanted = words(phrase)
            for start in range(len(tokens) - len(wanted) + 1):
                if tokens[start : start + len(wanted)] == wanted:
                    return language
    return None


def _doubtful(text: str, tokens: list[str]) -> bool:
    negations = {word for negation in NEGATIONS for word in words(negation)}
    return "?" in text or "؟" in text or any(token in negations for token in tokens)


def strip_reply_prefixes(subject: str) -> str:
    return re.sub(r"^\s*((re|aw|sv|ynt|rv|antw|wg|fwd?|tr)\s*:\s*)+", "", subject, flags=re.I)


def says_we_sign(subject: str, reply: str) -> str | None:
    """The language in which the reply clearly says "we sign", or None when it does not.

    The reply (quotes and signature removed) must hold the phrase, or be short with the phrase
    in the subject; neither may hold a negation, a condition or a question."""
    body = words(reply)
    if len(body) > MAX_WORDS or _doubtful(reply, body):
        return None
    language = _find(body)
    if language is not None:
        return language
    subject = strip_reply_prefixes(subject)
    head = words(subject)
    language = _find(head)
    if language is None or _doubtful(subject, head):
        return None
    return language
