"""Coalitions, organizations, roles and delegates in the admin.

Coalitions and organizations are saved through the directory actions, roles and delegates
granted and revoked through the membership actions, so that each change is audited;
memberships change through invitations and requests to join.
"""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from undersigned.coalitions import actions
from undersigned.coalitions.models import (
    Coalition,
    CoalitionRole,
    Delegate,
    Membership,
    Organization,
)
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
        actions.save_coalition(coalition=obj, user=request.user)

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
        actions.save_organization(organization=obj, user=request.user)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(signature_count=Count("signatures"))

    @admin.display(ordering="signature_count", description=_("signatures"))
    def signature_count(self, obj: Organization) -> int:
        return obj.signature_count


@admin.register(CoalitionRole)
class CoalitionRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "coalition", "kind", "language", "created_at"]
    list_filter = ["kind", "coalition", "language"]
    search_fields = ["user__username", "user__email", "coalition__abbreviation"]
    autocomplete_fields = ["user", "coalition"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # revoke and grant instead, so that the trail shows both

    def save_model(self, request, obj, form, change) -> None:
        role = actions.grant_role(
            coalition=obj.coalition,
            target=obj.user,
            kind=obj.kind,
            language=obj.language,
            user=request.user,
        )
        obj.pk = role.pk

    def delete_model(self, request, obj) -> None:
        actions.revoke_role(role=obj, user=request.user)

    def delete_queryset(self, request, queryset) -> None:
        for role in queryset:
            actions.revoke_role(role=role, user=request.user)


@admin.register(Delegate)
class DelegateAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "created_at"]
    search_fields = [
        "user__username",
        "user__email",
        "organization__abbreviation",
        "organization__name",
    ]
    autocomplete_fields = ["user", "organization"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change) -> None:
        delegate = actions.add_delegate(
            organization=obj.organization, target=obj.user, user=request.user
        )
        obj.pk = delegate.pk

    def delete_model(self, request, obj) -> None:
        actions.remove_delegate(delegate=obj, user=request.user)

    def delete_queryset(self, request, queryset) -> None:
        for delegate in queryset:
            actions.remove_delegate(delegate=delegate, user=request.user)
