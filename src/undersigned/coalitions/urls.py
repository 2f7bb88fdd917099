from django.urls import path

from undersigned.coalitions import views

# Under /accounts/ (see urls/__init__.py): links in invitations already sent keep working.
urlpatterns = [
    path("invitation/<str:token>/", views.accept_invitation, name="accept-invitation"),
]
