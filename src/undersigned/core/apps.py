from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "undersigned.core"
    verbose_name = "Core"
