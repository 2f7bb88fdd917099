"""The page cache answers revalidations with 304 from an ETag, tells shared caches how long
they may keep a page, and never stores or shares a page that holds a form token."""

import secrets

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory

from undersigned.core.pagecache import cache_public_page

pytestmark = pytest.mark.django_db

rendered = []


@cache_public_page(5)
def page(request):
    rendered.append(request.path)
    return HttpResponse("<p>the statement</p>")


@cache_public_page(5)
def page_with_form_token(request):
    rendered.append(request.path)
    return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')


def get(path: str, view=page, **headers):
    request = RequestFactory().get(path, headers=headers)
    request.LANGUAGE_CODE = "en"
    return view(request)


def test_a_page_carries_an_etag_and_shared_cache_headers():
    response = get(f"/s/{secrets.token_hex(4)}/")
    assert response.status_code == 200 and response["ETag"].startswith('"')
    directives = sorted(response["Cache-Control"].split(", "))
    assert directives == ["max-age=0", "public", "s-maxage=5", "stale-while-revalidate=30"]


def test_a_revalidation_with_the_current_etag_gets_304_without_rendering():
    path = f"/s/{secrets.token_hex(4)}/"
    etag = get(path)["ETag"]
    rendered.clear()
    again = get(path, If_None_Match=etag)
    assert again.status_code == 304 and again["ETag"] == etag and not again.content
    assert rendered == []
    assert get(path, If_None_Match='"something-older"').status_code == 200


def test_the_first_request_can_be_answered_304_too():
    path = f"/s/{secrets.token_hex(4)}/"
    etag = get(path)["ETag"]
    other = f"/s/{secrets.token_hex(4)}/"  # same content: same tag, not yet in the cache
    assert get(other, If_None_Match=etag).status_code == 304


def test_a_page_with_a_form_token_is_neither_stored_nor_shared():
    path = f"/s/{secrets.token_hex(4)}/"
    first = get(path, page_with_form_token)
    assert "public" not in first.get("Cache-Control", "")
    assert "ETag" not in first
    rendered.clear()
    get(path, page_with_form_token)
    assert rendered == [path], "rendered again, not served from the cache"
