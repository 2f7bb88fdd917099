"""What the Django admin may do with domain rows: look, and call the domain actions."""

from django.contrib import admin


class ViewOnlyMixin:
    """Rows that change only through the domain actions (which check permission and write the
    audit trail): the admin shows them and offers the actions, never a form that writes."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ViewOnlyAdmin(ViewOnlyMixin, admin.ModelAdmin):
    pass


class ViewOnlyTabularInline(ViewOnlyMixin, admin.TabularInline):
    extra = 0
