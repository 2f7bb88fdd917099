"""The page cache answers revalidations with 304 from an ETag, tells shared caches how long
they may keep a page, and never stores or shares a page that holds a form token. A cached page
costs no database query: the version of what it shows lives in the cache too."""

import gzip
import secrets

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory

from undersigned.core.pagecache import cache_public_page
from undersigned.statements.models import Statement

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


def test_a_gzip_client_gets_the_stored_gzip_and_others_the_page_itself():
    path = f"/s/{secrets.token_hex(4)}/"
    plain = get(path)
    zipped = get(path, Accept_Encoding="gzip, deflate, br")
    assert zipped["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain
    assert gzip.decompress(zipped.content) == plain.content == b"<p>the statement</p>"
    assert "Accept-Encoding" in zipped["Vary"]
    # Two bodies, two tags; each revalidates on its own.
    assert zipped["ETag"] != plain["ETag"]
    assert get(path, Accept_Encoding="gzip", If_None_Match=zipped["ETag"]).status_code == 304
    assert get(path, If_None_Match=zipped["ETag"]).status_code == 200
    assert get(path, If_None_Match=plain["ETag"]).status_code == 304


def test_a_cached_statement_page_costs_no_query(client, resolution, django_assert_num_queries):
    url = resolution.get_absolute_url()
    assert client.get(url).status_code == 200
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.status_code == 200 and b"Afghanistan" in again.content


def test_a_change_shows_at_once_on_the_cached_page(client, resolution):
    url = resolution.get_absolute_url()
    client.get(url)
    resolution.issuer = "A new issuer of this resolution"
    resolution.save()
    assert "A new issuer of this resolution" in client.get(url).content.decode()


def test_the_version_is_replaced_when_the_change_commits(
    resolution, django_capture_on_commit_callbacks
):
    name = Statement.page_version_name(resolution.slug)
    before = Statement.page_version(resolution.slug)
    with django_capture_on_commit_callbacks(execute=True):
        resolution.touch()
        # Within the writer's transaction the old version is gone: readers load it afresh.
        assert cache.get(f"version:{name}") is None
    assert cache.get(f"version:{name}") == resolution.updated_at.isoformat() != before


# The front entry (FrontPageCache): the same answer, sooner, and never where it would differ.

_PER_REQUEST = {"Date", "Content-Length", "Content-Encoding", "ETag"}


def from_front(response) -> bool:
    """Answered above the session middleware, which gives every request it sees a session."""
    return not hasattr(response.wsgi_request, "session")


def _headers(response) -> dict[str, str]:
    return {name: value for name, value in response.items() if name not in _PER_REQUEST}


def test_the_front_entry_answers_as_the_whole_stack_does(client, resolution):
    url = resolution.get_absolute_url()
    made = client.get(url)  # the view renders and both entries are stored
    assert not from_front(made)
    again = client.get(url)
    assert from_front(again)
    assert again.status_code == 200 and again.content == made.content
    assert _headers(again) == _headers(made)
    assert "Content-Security-Policy" in again and again["Content-Language"] == "en"
    assert again["Content-Length"] == str(len(again.content))
    zipped = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == made.content
    revalidated = client.get(url, headers={"If-None-Match": again["ETag"]})
    assert revalidated.status_code == 304 and not revalidated.content
    assert revalidated["ETag"] == again["ETag"] and "Content-Security-Policy" in revalidated


def test_a_change_passes_the_front_entry_by(client, resolution):
    url = resolution.get_absolute_url()
    client.get(url), client.get(url)
    resolution.issuer = "A newer issuer of this resolution"
    resolution.save()
    fresh = client.get(url)
    assert not from_front(fresh) and b"A newer issuer" in fresh.content


def test_who_differs_takes_the_whole_way(client, resolution, alice):
    url = resolution.get_absolute_url()
    client.get(url), client.get(url)
    assert not from_front(client.get(url + "?order=name"))  # a query
    assert not from_front(client.head(url))
    # A visitor who wants Persian is sent to the Persian page, as before the entry existed.
    persian = client.get(url, headers={"Accept-Language": "fa"})
    assert persian.status_code == 302 and persian["Location"].startswith("/fa/")
    client.force_login(alice)  # a session: a page of one's own
    assert not from_front(client.get(url))


def test_while_one_worker_makes_a_page_the_others_hand_out_the_last_one():
    path = f"/s/{secrets.token_hex(4)}/"
    first = get(path)
    cache.delete(f"page:en:{path}?")  # expired (or its version changed)
    cache.add(f"making:page:en:{path}?", 1)  # another worker is making it now
    rendered.clear()
    meanwhile = get(path)
    assert rendered == [] and meanwhile.content == first.content
    cache.delete(f"making:page:en:{path}?")  # it is done or gone: this one makes it
    get(path)
    assert rendered == [path] and cache.get(f"making:page:en:{path}?") is None


# The 404 of an address no URL can start with (core.never_found): the whole stack's answer, given
# out again before the middleware; any address some URL could match still takes the whole way.


def test_an_address_no_url_starts_with_gets_the_stacks_404_from_the_front(client):
    made = client.get("/wp-login.php")
    assert made.status_code == 404 and not from_front(made)
    for path in ("/.env", "/xmlrpc.php", "/wp-admin/setup-config.php"):
        again = client.get(path)
        assert again.status_code == 404 and from_front(again), path
        assert again.content == made.content and _headers(again) == _headers(made)
    persian = client.get("/fa/wp-login.php")  # its own language's page, made once
    assert persian.status_code == 404 and not from_front(persian)
    assert persian["Content-Language"] == "fa" and persian.content != made.content
    assert from_front(client.get("/fa/.env"))


def test_an_address_some_url_could_match_takes_the_whole_way(client, alice):
    client.get("/wp-login.php")
    for path in ("/s/no-such-statement/", "/c/nobody/", "/static/nothing.css", "/api/v1/nowhere"):
        assert not from_front(client.get(path)), path
    assert not from_front(client.get("/wp-login.php?x=1"))  # a query
    client.force_login(alice)  # a session: the page may say who is logged in
    assert not from_front(client.get("/wp-login.php"))
