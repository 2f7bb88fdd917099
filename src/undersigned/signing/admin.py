from django.contrib import admin

from undersigned.signing.models import Signature


@admin.register(Signature)
class SignatureAdmin(admin.ModelAdmin):
    list_display = ["organization", "statement", "method", "signed_at", "withdrawn_at"]
    list_filter = ["method", "statement", ("withdrawn_at", admin.EmptyFieldListFilter)]
    search_fields = ["organization__abbreviation", "organization__name", "statement__slug"]
    autocomplete_fields = ["organization"]
    raw_id_fields = ["statement", "text", "signed_by"]
    date_hierarchy = "signed_at"

    # Signatures change only through the signing actions (sign, record, withdraw), which check
    # permission and write the audit trail; the admin shows them.
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organization", "statement")
