"""The endorse form's country field: choices built once per language, checked by a set."""

import copy
import sys

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
    # each endorsement. Count the calls of copy.deepcopy while one form is made (a profile hook,
    # which sees every Python call, also those within copy itself).
    copied = 0

    def count(frame, event: str, _arg) -> None:
        nonlocal copied
        if event == "call" and frame.f_code is copy.deepcopy.__code__:
            copied += 1

    sys.setprofile(count)
    try:
        EndorseForm({**DATA, "country": "BR"})
    finally:
        sys.setprofile(None)
    assert copied < 100
