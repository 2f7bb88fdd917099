from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from undersigned.coalitions.models import Coalition, Membership, Organization


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organization"]


@admin.register(Coalition)
class CoalitionAdmin(admin.ModelAdmin):
    list_display = ["abbreviation", "name", "member_count", "created_at"]
    search_fields = ["abbreviation", "name"]
    prepopulated_fields = {"slug": ["abbreviation"]}
    inlines = [MembershipInline]

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

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(signature_count=Count("signatures"))

    @admin.display(ordering="signature_count", description=_("signatures"))
    def signature_count(self, obj: Organization) -> int:
        return obj.signature_count
