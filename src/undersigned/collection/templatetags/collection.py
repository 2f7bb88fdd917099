from django import template

from undersigned.coalitions.permissions import coordinated_coalitions
from undersigned.collection.forms import SignOnForm, known_organizations

register = template.Library()


@register.inclusion_tag("collection/_form.html")
def sign_on_form(statement, original) -> dict:
    """The request form for the statement page, for the version shown (no CSRF token: the page
    is cached for everyone; the view checks the origin)."""
    return {
        "statement": statement,
        "sign_on_form": SignOnForm(initial={"version": original.version if original else 1}),
        "known_organizations": known_organizations(unsigned=statement),
    }


@register.simple_tag
def desks(user) -> list:
    """The coalitions whose desk this person sees (the header's and My account's links)."""
    if not user.is_authenticated:
        return []
    return list(coordinated_coalitions(user).only("slug", "abbreviation")[:10])
