"""World regions derived from ISO 3166 country codes.

Based on the UN M49 continents, with two changes that follow how international coalitions group
their signatories: the Americas are split into Latin America and North America, and the members of
the Council of Europe in the Caucasus and on the Eastern Mediterranean (Turkey, Cyprus, Georgia,
Armenia, Azerbaijan) count as Europe. No library we could find ships this grouping.
"""

from django.utils.translation import gettext_lazy as _

AFRICA = "africa"
ASIA = "asia"
EUROPE = "europe"
LATIN_AMERICA = "latin-america"
NORTH_AMERICA = "north-america"
OCEANIA = "oceania"

REGION_NAMES = {
    AFRICA: _("Africa"),
    ASIA: _("Asia"),
    EUROPE: _("Europe"),
    LATIN_AMERICA: _("Latin America and the Caribbean"),
    NORTH_AMERICA: _("North America"),
    OCEANIA: _("Oceania"),
}

_COUNTRIES = {
    AFRICA: (
        "DZ EG LY MA SD TN EH IO BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW TF "
        "AO CM CF TD CG CD GQ GA ST BW SZ LS NA ZA BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN "
        "SL TG"
    ),
    ASIA: (
        "KZ KG TJ TM UZ CN HK MO KP JP MN KR TW BN KH ID LA MY MM PH SG TH TL VN AF BD BT IN IR "
        "MV NP PK LK BH IQ IL JO KW LB OM QA SA PS SY AE YE"
    ),
    EUROPE: (
        "BY BG CZ HU PL MD RO RU SK UA AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB AL AD BA "
        "HR GI GR VA IT MT ME MK PT SM RS SI ES XK AT BE FR DE LI LU MC NL CH TR CY GE AM AZ"
    ),
    LATIN_AMERICA: (
        "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI BZ "
        "CR SV GT HN MX NI PA AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE"
    ),
    NORTH_AMERICA: "BM CA GL PM US",
    OCEANIA: (
        "AU NZ NF HM CX CC FJ NC PG SB VU GU KI MH FM NR MP PW UM AS CK PF NU PN WS TK TO TV WF"
    ),
}

REGION_OF_COUNTRY = {code: region for region, codes in _COUNTRIES.items() for code in codes.split()}


def region_of(country_code: str | None) -> str | None:
    """The region key of an ISO 3166-1 alpha-2 code, or None when unknown or not given."""
    return REGION_OF_COUNTRY.get((country_code or "").upper())


def region_name(region: str | None) -> str:
    return str(REGION_NAMES[region]) if region in REGION_NAMES else str(_("Other"))
