from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from undersigned.audit.models import Event


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    """Read-only: events are appended by the domain actions and never edited by hand."""

    # The copied slug and name, not the foreign keys: no query per row, and they still show
    # after the statement or organization has been deleted.
    list_display = [
        "id",
        "kind",
        "actor_name",
        "statement_slug",
        "organization_label",
        "created_at",
        "hash_",
    ]
    list_filter = ["kind"]
    search_fields = ["actor_name", "details", "statement_slug", "organization_label"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Event | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Event | None = None) -> bool:
        return False

    @admin.display(description=_("hash"))
    def hash_(self, event: Event) -> str:
        return event.short_hash
