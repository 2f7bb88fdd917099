from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from undersigned.core.admin import ViewOnlyAdmin, ViewOnlyMixin
from undersigned.core.errors import ActionError
from undersigned.statements.actions import change_state
from undersigned.statements.models import State, Statement, Text


class TextInline(ViewOnlyMixin, admin.StackedInline):
    """Texts are versioned through the editor, never rewritten."""

    model = Text
    extra = 0
    fields = ["language", "version", "title", "subtitle", "body", "translation_of"]
    show_change_link = True


@admin.register(Statement)
class StatementAdmin(ViewOnlyAdmin):
    """Statements change through the statement actions, which audit them: the admin lists them
    and offers opening and closing, which go through the same action."""

    list_display = ["__str__", "kind", "coalition", "state", "issued_on", "updated_at"]
    list_filter = ["state", "kind", "coalition", "original_language"]
    search_fields = ["slug", "texts__title", "issuer"]
    date_hierarchy = "created_at"
    inlines = [TextInline]
    actions = ["open_for_signatures", "close_for_signatures"]

    @admin.action(description=_("Open the selected statements for signatures"))
    def open_for_signatures(self, request, queryset) -> None:
        self._change_state(request, queryset, State.OPEN)

    @admin.action(description=_("Close the selected statements for signatures"))
    def close_for_signatures(self, request, queryset) -> None:
        self._change_state(request, queryset, State.CLOSED)

    def _change_state(self, request, queryset, state: State) -> None:
        for statement in queryset:
            try:
                change_state(statement=statement, user=request.user, state=state)
            except ActionError as error:
                self.message_user(request, f"{statement}: {error.message}", messages.WARNING)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("texts").select_related("coalition")


@admin.register(Text)
class TextAdmin(ViewOnlyAdmin):
    list_display = ["title", "statement", "language", "version", "created_at"]
    list_filter = ["language"]
    search_fields = ["title", "body", "statement__slug"]
    raw_id_fields = ["statement", "translation_of"]
