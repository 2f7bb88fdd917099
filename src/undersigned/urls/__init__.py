"""The site's addresses. The JSON API's are in undersigned.urls.api, which requests under /api/
use (settings.URLCONF_BY_PATH_PREFIX): a process that never answers one never loads the API's
libraries (django-ninja and pydantic, ~16 MB in each web and task worker).
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from undersigned.accounts.forms import ThrottledAdminAuthenticationForm
from undersigned.circulation import embed_views as embed
from undersigned.circulation import feeds, log_views
from undersigned.circulation import views as circulate
from undersigned.circulation.discovery import SITEMAPS, favicon, robots_txt
from undersigned.coalitions import domain_views
from undersigned.collection import inbound_views
from undersigned.collection import views as collection
from undersigned.endorsements import picture_views
from undersigned.endorsements import views as endorsements
from undersigned.search import views as search
from undersigned.signing import views as signing
from undersigned.statements import manage_views as manage
from undersigned.transfer import views as transfer
from undersigned.web import account_views, token_views
from undersigned.web import coalition_views as coalitions
from undersigned.web import outreach_views as outreach
from undersigned.web import statement_views as statements
from undersigned.web import views as core

# A database busy past its timeout is a 503 to retry, not a 500 (core.views.server_error).
handler500 = "undersigned.core.views.server_error"
# One 404 page per language for anonymous visitors, rendered once (core.views.page_not_found).
handler404 = "undersigned.core.views.page_not_found"
# A body too large to read is a page that says what to do (core.views.bad_request).
handler400 = "undersigned.core.views.bad_request"

# The admin logs in with the site's throttle: one log-in, one count of failures.
admin.site.login_form = ThrottledAdminAuthenticationForm

urlpatterns = [
    path("healthz", core.healthz, name="healthz"),
    # Choosing a language is no action to forge; without a token every page can be cached.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("robots.txt", robots_txt, name="robots"),
    path("favicon.ico", favicon, name="favicon"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": SITEMAPS, "template_name": "circulation/sitemap.xml"},
        name="sitemap",
    ),
    path("oembed/", embed.oembed, name="oembed"),
    path(".well-known/undersigned-log-key", log_views.log_key, name="log-key"),
    path("verify_undersigned.py", log_views.verifier_script, name="verifier-script"),
]

# Addresses under one statement, coalition or organization, each family behind its prefix: a
# request is matched against a handful of prefixes, not every address of the site (a 404 tried
# all seventy).
statement_patterns = [
    path("", statements.statement_detail, name="statement"),
    path("edit/", manage.statement_edit, name="statement-edit"),
    path("state/", manage.statement_state, name="statement-state"),
    path("changes/", manage.statement_diff, name="statement-diff"),
    path("translate/<str:language>/", manage.statement_translate, name="statement-translate"),
    path("sign/", signing.sign, name="sign"),
    path("withdraw/", signing.withdraw, name="withdraw"),
    path("reconfirm/", signing.reconfirm, name="reconfirm"),
    path("record/", signing.record, name="record-signature"),
    path("export.pdf", circulate.statement_pdf_view, name="statement-pdf"),
    path("card.png", circulate.statement_card, name="statement-card"),
    path("log/checkpoint", log_views.log_checkpoint, name="log-checkpoint"),
    path("log/proof", log_views.log_inclusion, name="log-inclusion"),
    path("log/consistency", log_views.log_consistency, name="log-consistency"),
    path("embed/", embed.statement_embed, name="statement-embed"),
    path("feed.atom", feeds.StatementFeed(), name="feed-statement"),
    path("export.<str:fmt>", transfer.statement_export, name="statement-export"),
    path(
        "organizations.<str:fmt>",
        transfer.statement_organizations,
        name="statement-organizations",
    ),
    path("endorse/", endorsements.endorse, name="endorse"),
    path("people/", endorsements.people, name="endorsement-people"),
    path("map.svg", picture_views.map_svg, name="endorsement-map"),
    path("chart.svg", picture_views.chart_svg, name="endorsement-chart"),
    path("stats.json", picture_views.stats_json, name="endorsement-stats"),
    path("people/hide/", endorsements.hide, name="endorsement-hide"),
    path("people/<str:audience>.<str:fmt>", endorsements.export, name="endorsement-export"),
    path("sign-on/", collection.sign_on, name="sign-on"),
]

coalition_patterns = [
    path("", coalitions.coalition_detail, name="coalition"),
    path("feed.atom", feeds.CoalitionFeed(), name="feed-coalition"),
    path("members.<str:fmt>", transfer.coalition_members, name="coalition-members"),
    path("desk/", collection.desk, name="desk"),
    path("desk/requests/<int:pk>/", collection.decide, name="desk-decide"),
    path("desk/statements/<slug:statement>/", collection.desk_statement, name="desk-statement"),
    path("desk/mail/<int:pk>/", inbound_views.decide, name="desk-inbound"),
    path("desk/mail/<int:pk>.eml", inbound_views.raw, name="desk-inbound-raw"),
    path("invite/", coalitions.invite, name="invite"),
    path("invite/list/", outreach.bulk_invite, name="bulk-invite"),
    path("reminders/", outreach.reminders, name="reminders"),
    path("reminders/<slug:statement_slug>/", outreach.send_reminder_round, name="send-reminders"),
    path("join/", coalitions.ask_to_join, name="ask-to-join"),
    path("requests/<int:pk>/", coalitions.decide, name="decide-join-request"),
]

organization_patterns = [
    path("", coalitions.organization_detail, name="organization"),
    path("feed.atom", feeds.OrganizationFeed(), name="feed-organization"),
    path("domain/", domain_views.organization_domain, name="organization-domain"),
    path("domain/<int:pk>/check/", domain_views.check_domain, name="check-domain"),
    path("delegates/", domain_views.organization_delegates, name="organization-delegates"),
]

endorsement_token_patterns = [
    path("confirm/<str:token>/", endorsements.confirm, name="endorsement-confirm"),
    path("remove/<str:token>/", endorsements.remove, name="endorsement-remove"),
]

urlpatterns += i18n_patterns(
    path("", core.home, name="home"),
    path("s/<slug:slug>/", include(statement_patterns)),
    path("c/<slug:slug>/", include(coalition_patterns)),
    path("o/<slug:slug>/", include(organization_patterns)),
    path("e/", include(endorsement_token_patterns)),
    path("search/", search.search, name="search"),
    path("archive/", core.archive, name="archive"),
    path("import/", transfer.import_statement, name="import"),
    path("new/", manage.statement_create, name="statement-create"),
    path("how-to-check/", log_views.how_to_check, name="how-to-check"),
    path("feeds/statements.atom", feeds.NewStatementsFeed(), name="feed-statements"),
    path("sign-on/confirm/<str:token>/", collection.confirm, name="sign-on-confirm"),
    path("logos/<str:name>", collection.logo, name="organization-logo"),
    path("organizations/", coalitions.organization_list, name="organizations"),
    path("accounts/", account_views.dashboard, name="dashboard"),
    path("accounts/tokens/", token_views.api_tokens, name="api-tokens"),
    path("accounts/preferences/", outreach.preferences, name="preferences"),
    path("accounts/", include("undersigned.accounts.urls")),
    path("accounts/", include("undersigned.coalitions.urls")),
    path("outbox/", include("undersigned.mail.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
