"""The home page's controls that only the site's script (assets/site.js) brings to life: the search
box and the "showing events with X" bar of the timeline filter. Both are `hidden` in the HTML, so a
reader without script sees nothing that does not work; the script shows them. Their messages are
written here, in the page's language, as data attributes the script fills in."""
from __future__ import annotations

from kb.site import paths
from kb.site.html import esc, tag
from kb.site.layout import SiteModel


def search_box(model: SiteModel, page: str = paths.INDEX) -> str:
    field = (tag("label", esc(model.t("search")), for_="q")
             + f'<input id="q" name="q" type="search" autocomplete="off" maxlength="100" '
               f'placeholder="{esc(model.t("search_hint"))}" aria-describedby="search-status">')
    form = tag("form", field, role="search", action="#", class_="search-form")
    found = (tag("p", "", id="search-status", class_="meta", role="status")
             + tag("ol", "", id="search-results", class_="results"))
    return tag("div", form + found, id="search", class_="search", hidden=True,
               data_index=paths.href(page, paths.SEARCH), data_found=model.t("search_found"),
               data_none=model.t("search_none"), data_failed=model.t("search_failed"))


def filter_bar(model: SiteModel) -> str:
    text = (tag("span", esc(model.t("filter_showing"))) + " " + tag("strong", "", class_="filter-name")
            + " " + tag("span", "", class_="filter-count meta") + " · " + tag("a", esc(model.t("filter_page")),
                                                                            class_="filter-page"))
    return tag("div", tag("p", text) + tag("button", esc(model.t("filter_clear")), type="button",
                                           class_="filter-clear"),
               id="timeline-filter", class_="filter", hidden=True, tabindex="-1")
