"""Coalitions and organizations in the admin: saved through the directory actions, which audit
them; memberships change through invitations and requests to join."""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from undersigned.accounts.actions import save_coalition, save_organization
from undersigned.coalitions.models import Coalition, Membership, Organization
from undersigned.core.admin import ViewOnlyTabularInline


class MembershipInline(ViewOnlyTabularInline):
    model = Membership


@admin.register(Coalition)
class CoalitionAdmin(admin.ModelAdmin):
    list_display = ["abbreviation", "name", "member_count", "created_at"]
    search_fields = ["abbreviation", "name"]
    prepopulated_fields = {"slug": ["abbreviation"]}
    inlines = [MembershipInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change) -> None:
        save_coalition(coalition=obj, user=request.user)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("members"))

    @admin.display(ordering="member_count", description=_("members"))
    def member_count(self, obj: Coalition) -> int:
        return obj.member_count


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["abbreviation", "name", "name_en", "country", "signature_count"]
    list_display_links = ["abbreviation", "name"]
    list_filter = ["country", "coalitions"]
    search_fields = ["abbreviation", "name", "name_en"]
    prepopulated_fields = {"slug": ["abbreviation", "name"]}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # signatures keep their organization

    def save_model(self, request, obj, form, change) -> None:
        save_organization(organization=obj, user=request.user)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(signature_count=Count("signatures"))

    @admin.display(ordering="signature_count", description=_("signatures"))
    def signature_count(self, obj: Organization) -> int:
        return obj.signature_count
