"""Personal API tokens in the Authorization header, and the rate limits every caller meets."""

from django.conf import settings
from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from undersigned.accounts.models import ApiToken
from undersigned.accounts.tokens import token_for_secret
from undersigned.core.ratelimit import client_ip, over_limit


class TokenAuth(HttpBearer):
    """`Authorization: Bearer us_…`. The request then acts as the token's owner, and every
    write asks the same permission rules as the pages do for that person."""

    def __init__(self, *, optional: bool = False) -> None:
        self.optional = optional
        super().__init__()

    def __call__(self, request: HttpRequest):
        if self.optional and not request.headers.get("Authorization"):
            return True  # reading as the public
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken:
        found = token_for_secret(token)
        if found is None:
            raise AuthenticationError
        request.user = found.user
        return found


class RateLimit(BaseThrottle):
    """Per token when there is one (so a tool with a token is not limited by its neighbours
    behind one address), else per client address."""

    def allow_request(self, request: HttpRequest) -> bool:
        auth = getattr(request, "auth", None)
        if isinstance(auth, ApiToken):
            key = f"api-token:{auth.pk}"
            limit = settings.API_LIMIT_PER_TOKEN
        else:
            key = f"api-ip:{client_ip(request)}"
            limit = settings.API_LIMIT_PER_IP
        return not over_limit(key, limit, 3600)


token = TokenAuth()
token_or_public = TokenAuth(optional=True)
