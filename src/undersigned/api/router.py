"""The API's one router: django-ninja serves the methods of one path (GET and POST
/statements) from one router, so reading and writing register their operations on it."""

from ninja import Router

router = Router()
