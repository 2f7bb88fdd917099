from django.contrib import admin

from undersigned.core.admin import ViewOnlyAdmin
from undersigned.signing.models import Reminder, Signature


@admin.register(Signature)
class SignatureAdmin(ViewOnlyAdmin):
    """Signatures change only through the signing actions (sign, record, withdraw), which check
    permission and write the audit trail; the admin shows them."""

    list_display = ["organization", "statement", "method", "signed_at", "withdrawn_at"]
    list_filter = ["method", "statement", ("withdrawn_at", admin.EmptyFieldListFilter)]
    search_fields = ["organization__abbreviation", "organization__name", "statement__slug"]
    autocomplete_fields = ["organization"]
    raw_id_fields = ["statement", "text", "signed_by"]
    date_hierarchy = "signed_at"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organization", "statement")


@admin.register(Reminder)
class ReminderAdmin(ViewOnlyAdmin):
    """Reminders are sent only by signing.reminders.send_reminders; the admin shows them."""

    list_display = ["organization", "statement", "kind", "mails", "sent_at"]
    list_filter = ["kind"]
    raw_id_fields = ["statement", "organization", "sent_by"]
    date_hierarchy = "sent_at"
