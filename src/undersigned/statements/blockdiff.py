"""What changed between two versions, as a reader sees the text: block by block.

A version is rendered from Markdown and cut into the blocks a reader sees (title, subtitle,
headings, paragraphs, list items, quotations, code). Blocks are matched between the versions;
a changed block shows the words removed and added, in the words as rendered, never the Markdown
marks (`**`, `##`, `-`) that a line diff of the source would mix with its own `-` and `+`.

The cost is bounded: blocks are matched by their whole text (one comparison per pair of blocks
that difflib considers), and a word diff runs only inside one changed block, and only when the
block is short enough (MAX_WORDS); a longer one is shown as removed and added whole.
"""

import difflib
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from undersigned.core.l10n import local_number
from undersigned.statements.diff import marked_changes
from undersigned.statements.models import Text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# Beyond this many words on either side, a changed block is not diffed word by word.
MAX_WORDS = 2000
# Beyond this many blocks on either side, blocks are matched in order, not searched for.
MAX_BLOCKS = 2000


@cache
def _parser() -> "MarkdownIt":
    # markdown-it and nh3 load on the first diff, not with this module, which the signing
    # actions import in every web process (as core/markdown.py does: ~2.5 MB a process).
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


_INLINE_TAGS = {"strong", "em", "a", "code", "br"}
_WORDS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Block:
    kind: str  # title, subtitle, heading, paragraph, item, quote, code, rule
    text: str  # the words as a reader sees them, without Markdown marks
    html: SafeString  # the same, rendered (bold, links), sanitized
    number: int  # 1 for the first block of its kind in its version


@dataclass
class BlockChange:
    status: str  # same, changed, added, removed
    old: Block | None
    new: Block | None
    html: SafeString = field(default_factory=lambda: mark_safe(""))

    @property
    def block(self) -> Block:
        return self.new or self.old  # type: ignore[return-value]

    @property
    def kind(self) -> str:
        return self.block.kind

    @property
    def tag(self) -> str:
        """The HTML element the block is shown in on the changes page."""
        return {"title": "h2", "subtitle": "p", "heading": "h3", "item": "li"}.get(self.kind, "p")

    @property
    def label(self) -> str:
        """ "Paragraph 3", "Title": which block, in the reader's language (translated when the
        page or mail is rendered, not when the diff is computed)."""
        return block_label(self.kind, self.block.number)

    @property
    def summary(self) -> str:
        """ "Paragraph 3, changed:" for the plain-text mail."""
        return change_summary(self.status, self.kind, self.block.number)

    def as_data(self) -> dict:
        """Plain data for a queued mail, which stores its context as JSON; `html` is escaped
        text with <ins> and <del>, as `html` here."""
        return {
            "status": self.status,
            "kind": self.kind,
            "number": self.block.number,
            "old": self.old.text if self.old else "",
            "new": self.new.text if self.new else "",
            "text": self.block.text,
            "html": str(self.html),
        }


def change_summary(status: str, kind: str, number: int) -> str:
    label = block_label(kind, number)
    if status == "changed":
        return gettext("%(block)s, changed:") % {"block": label}
    if status == "added":
        return gettext("%(block)s, added:") % {"block": label}
    if status == "removed":
        return gettext("%(block)s, removed:") % {"block": label}
    return label


def block_label(kind: str, number: int) -> str:
    """ "Paragraph 3": a block named in the reader's language, with the reader's digits."""
    shown = local_number(number)
    match kind:
        case "title":
            return gettext("Title")
        case "subtitle":
            return gettext("Subtitle")
        case "heading":
            return gettext("Heading %(number)s") % {"number": shown}
        case "item":
            return gettext("List item %(number)s") % {"number": shown}
        case "quote":
            return gettext("Quotation %(number)s") % {"number": shown}
        case "code":
            return gettext("Preformatted text %(number)s") % {"number": shown}
        case "rule":
            return gettext("Separator line %(number)s") % {"number": shown}
        case _:
            return gettext("Paragraph %(number)s") % {"number": shown}


def _inline_text(token: "Token") -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def _inline_html(token: "Token") -> SafeString:
    import nh3

    parser = _parser()
    html = parser.renderer.renderInline(token.children or [], parser.options, {})
    return mark_safe(
        nh3.clean(
            html,
            tags=_INLINE_TAGS,
            attributes={"a": {"href", "title"}},
            url_schemes={"http", "https", "mailto"},
            link_rel="noopener noreferrer nofollow",
        )
    )


@lru_cache(maxsize=64)
def _body_blocks(body: str) -> tuple[tuple[str, str, SafeString], ...]:
    """(kind, text, html) for each block of a Markdown body, in reading order."""
    found: list[tuple[str, str, SafeString]] = []
    context: list[str] = []  # the containers we are in: "item", "quote"
    tokens = _parser().parse(body)
    for i, token in enumerate(tokens):
        if token.type == "list_item_open":
            context.append("item")
        elif token.type == "blockquote_open":
            context.append("quote")
        elif token.type in ("list_item_close", "blockquote_close"):
            context.pop()
        elif token.type == "inline" and i > 0:
            opener = tokens[i - 1].type
            text = _inline_text(token)
            if not text:
                continue
            if opener == "heading_open":
                kind = "heading"
            elif context:
                kind = context[-1]
            else:
                kind = "paragraph"
            found.append((kind, text, _inline_html(token)))
        elif token.type in ("fence", "code_block"):
            text = token.content.rstrip("\n")
            found.append(("code", text, mark_safe(escape(text))))
        elif token.type == "hr":
            found.append(("rule", "———", mark_safe("———")))
    return tuple(found)


def text_blocks(text: Text) -> list[Block]:
    """The blocks of one version, numbered within their kind."""
    raw: list[tuple[str, str, SafeString]] = [("title", text.title, mark_safe(escape(text.title)))]
    if text.subtitle:
        raw.append(("subtitle", text.subtitle, mark_safe(escape(text.subtitle))))
    raw += _body_blocks(text.body)
    counts: dict[str, int] = {}
    blocks = []
    for kind, words, html in raw:
        counts[kind] = counts.get(kind, 0) + 1
        blocks.append(Block(kind, words, html, counts[kind]))
    return blocks


def _words_html(old: str, new: str) -> SafeString:
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    if len(a) > MAX_WORDS or len(b) > MAX_WORDS:
        return mark_safe(f"<del>{escape(old)}</del> <ins>{escape(new)}</ins>")
    return marked_changes(a, b)


def _similar(a: Block, b: Block) -> bool:
    """Worth showing as one changed block rather than one removed and one added."""
    if a.kind != b.kind:
        return False
    words_a, words_b = a.text.split(), b.text.split()
    matcher = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
    if len(words_a) > MAX_WORDS or len(words_b) > MAX_WORDS:
        return matcher.quick_ratio() >= 0.5
    return matcher.ratio() >= 0.4


def block_diff(old: Text, new: Text) -> list[BlockChange]:
    """Every block of both versions in reading order, each marked same, changed, added or
    removed; changed blocks carry their words removed (<del>) and added (<ins>)."""
    a, b = text_blocks(old), text_blocks(new)
    if len(a) > MAX_BLOCKS or len(b) > MAX_BLOCKS:
        opcodes = [("replace", 0, len(a), 0, len(b))]
    else:
        keys_a = [(x.kind, x.text) for x in a]
        keys_b = [(x.kind, x.text) for x in b]
        opcodes = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes()
    changes: list[BlockChange] = []
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            changes += [
                BlockChange("same", x, y, y.html) for x, y in zip(a[i1:i2], b[j1:j2], strict=True)
            ]
            continue
        olds, news = list(a[i1:i2]), list(b[j1:j2])
        # Pair blocks in order when they resemble each other, looking one block ahead on
        # either side for an insertion or a removal; the rest were removed or added.
        while olds and news:
            if _similar(olds[0], news[0]):
                x, y = olds.pop(0), news.pop(0)
                changes.append(BlockChange("changed", x, y, _words_html(x.text, y.text)))
            elif len(news) > 1 and _similar(olds[0], news[1]):
                y = news.pop(0)
                changes.append(BlockChange("added", None, y, _words_html("", y.text)))
            else:
                x = olds.pop(0)
                changes.append(BlockChange("removed", x, None, _words_html(x.text, "")))
        changes += [BlockChange("removed", x, None, _words_html(x.text, "")) for x in olds]
        changes += [BlockChange("added", None, y, _words_html("", y.text)) for y in news]
    return changes


def changed_blocks(old: Text, new: Text) -> list[BlockChange]:
    """Only what changed, for mail."""
    return [change for change in block_diff(old, new) if change.status != "same"]
