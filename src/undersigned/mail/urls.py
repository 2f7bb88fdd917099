from django.urls import path

from . import views

app_name = "mail"
urlpatterns = [
    path("", views.outbox, name="outbox"),
    path("<int:pk>/", views.outbox_message, name="message"),
    path("test/", views.send_test_message, name="send-test"),
]
