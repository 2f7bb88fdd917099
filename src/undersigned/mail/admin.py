from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import OutboxMessage
from .views import redact


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Read-only: the outbox is a record of what was sent."""

    list_display = ["subject", "to", "created_at"]
    search_fields = ["subject", "to"]
    date_hierarchy = "created_at"
    fields = readonly_fields = ["to", "subject", "text", "message_id", "created_at"]

    @admin.display(description=_("text"))
    def text(self, obj: OutboxMessage) -> str:
        return redact(obj.body_text)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_view_permission(self, request: HttpRequest, obj: OutboxMessage | None = None) -> bool:
        return request.user.is_superuser

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: OutboxMessage | None = None) -> bool:
        return False
