"""Roles are granted and revoked through the coalition actions, so each change is audited."""

from django.contrib import admin

from undersigned.accounts import actions
from undersigned.accounts.models import CoalitionRole, Delegate


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
