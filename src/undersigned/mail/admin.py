from django.contrib import admin
from django.http import HttpRequest

from .models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Read-only: the outbox is a record of what was sent."""

    list_display = ["subject", "to", "created_at"]
    search_fields = ["subject", "to"]
    date_hierarchy = "created_at"
    readonly_fields = ["to", "subject", "body_text", "body_html", "message_id", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: OutboxMessage | None = None) -> bool:
        return False
