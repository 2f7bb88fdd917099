"""How search engines find statements: sitemap.xml (django.contrib.sitemaps) and robots.txt."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation

from undersigned.coalitions.models import Coalition
from undersigned.statements.models import Statement


def statement_path(statement: Statement, language: str) -> str:
    with translation.override(language):
        return reverse("statement", args=[statement.slug])


@dataclass
class _Page:
    statement: Statement
    language: str
    languages: list[str]


class StatementSitemap(Sitemap):
    """Every public statement once in every language it has a text in."""

    changefreq = "daily"
    limit = 5000

    def items(self) -> list[_Page]:
        statements = Statement.objects.public().prefetch_related("texts").order_by("pk")
        interface = {code for code, _name in settings.LANGUAGES}
        pages = []
        for statement in statements:
            languages = sorted({t.language for t in statement.texts.all()} & interface)
            pages += [_Page(statement, language, languages) for language in languages]
        return pages

    def location(self, page: _Page) -> str:
        return statement_path(page.statement, page.language)

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        """Each address with its hreflang alternates, absolute like the address itself."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            item = url["item"]
            url["hreflang"] = [
                (code, base + statement_path(item.statement, code)) for code in item.languages
            ]
        return urls

    def lastmod(self, page: _Page):
        return page.statement.updated_at


class CoalitionSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Coalition.objects.order_by("pk")


SITEMAPS = {"statements": StatementSitemap, "coalitions": CoalitionSitemap}


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Statements, coalitions and organizations are for everyone; accounts, the admin, the
    outbox, exports of people and embedded forms are not for search engines."""
    lines = [
        "User-agent: *",
        "Disallow: /accounts/",
        "Disallow: /admin/",
        "Disallow: /outbox/",
        "Disallow: /e/",
        "Disallow: /*/people/",
        "Disallow: /*/embed/",
        "Allow: /",
        f"Sitemap: {settings.SITE_URL.rstrip('/')}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
