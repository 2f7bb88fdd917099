"""The endorse form's country field: choices built once per language, checked by a set."""

import copy

from django.utils import translation

from undersigned.endorsements.forms import EndorseForm

DATA = {"name": "Ana Silva", "email": "ana@example.org", "affiliation": "", "listed": "on"}


def test_a_country_code_is_checked_and_an_empty_one_allowed():
    assert EndorseForm({**DATA, "country": "BR"}).is_valid()
    assert EndorseForm({**DATA, "country": ""}).is_valid()
    form = EndorseForm({**DATA, "country": "XX"})
    assert not form.is_valid() and "country" in form.errors


def test_the_choices_follow_the_language():
    with translation.override("de"):
        assert ("DE", "Deutschland") in list(EndorseForm().fields["country"].choices)
    with translation.override("fr"):
        assert ("DE", "Allemagne") in list(EndorseForm().fields["country"].choices)


def test_a_form_does_not_copy_the_country_list():
    # Every form instance deep-copies its fields; a 250-entry list of choices made that ~2 ms of
    # each endorsement. Count the tuples deep-copied while one form is made.
    copied = 0
    original = copy._deepcopy_dispatch[tuple]

    def counting(x, memo, deepcopy=copy.deepcopy):
        nonlocal copied
        copied += 1
        return original(x, memo, deepcopy)

    copy._deepcopy_dispatch[tuple] = counting
    try:
        EndorseForm({**DATA, "country": "BR"})
    finally:
        copy._deepcopy_dispatch[tuple] = original
    assert copied < 50
