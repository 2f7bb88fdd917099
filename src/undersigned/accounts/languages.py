"""Each person's mail language and notice choice (accounts.models.Profile).

Mail goes out in its reader's language: whoever triggers it does not decide. The language is
first taken from the page on which the person accepted their invitation, then changed on
"My account".
"""

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction

from undersigned.accounts.models import Notices, Profile
from undersigned.audit.models import Event
from undersigned.audit.services import record_event
from undersigned.coalitions.permissions import Actor, can_change_preferences, require


def languages_of(user_ids: Iterable[int]) -> dict[int, str]:
    """The mail language of each of these people, by id; the site's default where unknown."""
    ids = list(user_ids)
    chosen = dict(
        Profile.objects.filter(user_id__in=ids)
        .exclude(language="")
        .values_list("user_id", "language")
    )
    return {pk: chosen.get(pk) or settings.LANGUAGE_CODE for pk in ids}


def language_of(user) -> str:
    return languages_of([user.pk])[user.pk]


def remember_first_language(user_id: int, language: str) -> None:
    """The first language seen for a person becomes their mail language; a chosen one stays."""
    if language not in dict(settings.LANGUAGES):
        return
    profile, created = Profile.objects.get_or_create(
        user_id=user_id, defaults={"language": language}
    )
    if not created and not profile.language:
        Profile.objects.filter(pk=profile.pk, language="").update(language=language)


def profile_of(user) -> Profile:
    """The person's profile as stored, or the defaults (nothing is written by reading)."""
    return Profile.objects.filter(user=user).first() or Profile(user=user)


def change_preferences(*, target, user: Actor, language: str, notices: str) -> Profile:
    """A person sets their own mail language and how they hear of their coalitions' news."""
    require(can_change_preferences(user, target))
    if language not in dict(settings.LANGUAGES) or notices not in Notices.values:
        raise ValueError("unknown language or notice choice")
    with transaction.atomic():
        profile, __ = Profile.objects.select_for_update().get_or_create(user=target)
        if (profile.language, profile.notices) != (language, notices):
            profile.language, profile.notices = language, notices
            profile.save(update_fields=["language", "notices"])
            record_event(
                kind=Event.Kind.PREFERENCES_CHANGED,
                actor=user,
                details={"language": language, "notices": notices},
            )
    return profile
