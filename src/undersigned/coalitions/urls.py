from django.urls import path

from undersigned.coalitions import domain_views, views

# Under /accounts/ (see urls/__init__.py): links in invitations already sent keep working.
urlpatterns = [
    path("invitation/<str:token>/", views.accept_invitation, name="accept-invitation"),
    path(
        "domain-address/<str:token>/",
        domain_views.confirm_domain_address,
        name="domain-proof-confirm",
    ),
]
