"""Issue 10 §1, the site stays up: bounded diffs, a page cache that cannot be flooded, rate
limits that page caching cannot evict, a health check that checks, a busy database that
answers 503."""

import pytest
from django.core.cache import cache, caches
from django.db import OperationalError
from django.urls import reverse

from undersigned.statements import diff
from undersigned.statements.models import Text


def _text(pk: int, body: str, version: int = 1) -> Text:
    return Text(pk=pk, title="T", subtitle="", body=body, version=version, language="en")


def test_a_long_paragraph_is_diffed_by_sentence_and_a_huge_one_whole():
    """Two versions of one 99,000-character paragraph held a worker for 31 s (quadratic)."""
    words = " ".join(["alpha beta gamma delta"] * 400)  # 1,600 words, no sentence end
    sentences = ". ".join(f"Sentence {i} says {words[:40]}" for i in range(300))
    assert len(diff._WORDS.findall(words)) ** 2 > diff.MAX_PAIRS
    changed = diff._words_html(sentences, sentences.replace("Sentence 7 says", "Sentence 7 said"))
    assert "<del>Sentence 7 says" in changed  # a whole sentence, not one word
    whole = diff._words_html(words, words.replace("gamma", "GAMMA", 1))
    assert whole.count("<del>") == 1 and whole.count("<ins>") == 1
    huge = " ".join(["solidarity with the dockers"] * 5000)  # ~140,000 characters
    assert len(diff._words_html(huge, huge + " now")) > 2 * len(huge)


def test_short_paragraphs_are_still_diffed_by_word():
    html = diff._words_html("We call for solidarity.", "We call for unity.")
    assert html == "We call for <del>solidarity.</del><ins>unity.</ins>"


def test_a_diff_is_kept_per_pair_of_versions(db):
    old, new = _text(1, "We call for solidarity."), _text(2, "We call for unity.", 2)
    first = diff.text_diff(old, new)
    assert cache.get(diff._cache_key(old, new)) == first
    # Another text under the same ids (a draft edited) is another entry, never a stale diff.
    edited = _text(2, "We call for peace.", 2)
    assert "peace" in "".join(p.html for p in diff.text_diff(old, edited))


def test_many_paragraphs_are_paired_by_position():
    a = [f"Paragraph {i}." for i in range(3000)]
    b = [*a[:10], "Changed.", *a[11:]]
    ops = diff._paragraph_opcodes(a, b)
    assert ("replace", 10, 11, 10, 11) in ops
