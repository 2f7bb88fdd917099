from django.contrib import admin

from undersigned.collection.models import InboundMessage, SignOnRequest
from undersigned.core.admin import ViewOnlyAdmin


@admin.register(SignOnRequest)
class SignOnRequestAdmin(ViewOnlyAdmin):
    """Requests are decided on the coordinators' desk, through collection's actions; the admin
    shows them."""

    list_display = ["person_name", "org_name", "organization", "statement", "state", "created_at"]
    list_filter = ["state"]
    search_fields = ["person_name", "org_name", "org_abbreviation", "statement__slug"]
    raw_id_fields = ["statement", "text", "organization", "decided_by"]
    exclude = ["secret"]


@admin.register(InboundMessage)
class InboundMessageAdmin(ViewOnlyAdmin):
    """Replies to a statement's address, kept as evidence; recorded or dismissed on the desk."""

    list_display = ["sender", "statement", "dkim", "aligned_domain", "state", "reason"]
    list_filter = ["state", "dkim", "reason"]
    search_fields = ["sender", "subject", "statement__slug"]
    raw_id_fields = ["statement", "organization"]
    exclude = ["raw"]
