from django.contrib import admin

from undersigned.core.admin import ViewOnlyAdmin
from undersigned.endorsements.models import Endorsement


@admin.register(Endorsement)
class EndorsementAdmin(ViewOnlyAdmin):
    """Endorsements change through their actions (confirm, remove, hide, forget)."""

    list_display = [
        "name",
        "statement",
        "country",
        "affiliation",
        "listed",
        "source",
        "confirmed_at",
    ]
    list_filter = ["listed", "source", "country", ("confirmed_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "email", "affiliation"]
    raw_id_fields = ["statement"]
