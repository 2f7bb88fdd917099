"""Accounts in the admin: Django's user admin, except that the staff, superuser and active flags
change through the audited action (superusers only), and accounts are deactivated, never
deleted (their roles and delegations would go with them, unrecorded)."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest

from undersigned.accounts.actions import FLAGS, change_account_flags
from undersigned.coalitions.permissions import can_change_account_flags

User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    def get_readonly_fields(self, request: HttpRequest, obj=None) -> tuple[str, ...]:
        readonly = tuple(super().get_readonly_fields(request, obj))
        if can_change_account_flags(request.user):
            return readonly
        return (*readonly, *FLAGS, "groups", "user_permissions")

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        wanted = {flag: getattr(obj, flag) for flag in FLAGS}
        # The form saves everything else; the flags keep their stored values until the action
        # (which checks who asks and records each change) sets them.
        stored = User.objects.get(pk=obj.pk) if change else User()
        for flag in FLAGS:
            setattr(obj, flag, getattr(stored, flag))
        super().save_model(request, obj, form, change)
        change_account_flags(target=obj, user=request.user, **wanted)
