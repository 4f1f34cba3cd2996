"""Dossier pages in a real headless browser: Debian's chromium driven by playwright.

Each page is opened from disk with every request routed through the test: anything but the
page itself fails the test, as does any console error or script dialog. The four views must
be drawn with the counts their data asks for, and clicks must bring up the evidence.
Screenshots go to tests/artifacts/ (ignored by git). `make browser` installs chromium;
where neither chromium nor playwright is present the tests are skipped, saying why.
"""
from __future__ import annotations

import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from horn_export import horn_export
from synthetic import load_benchmark

from newsgraph.dossier import page_name, render_dossier, write_dossiers

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CORPUS = Path(__file__).resolve().parents[2] / "demo" / "corpus"
DATA_BLOCK = re.compile(r'<script type="application/json" id="dossier-data">(.*?)</script>', re.S)
COUNTRIES = 176  # Natural Earth 1:110m without Antarctica


def chromium_path() -> str | None:
    return os.environ.get("NEWSGRAPH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
    executable = chromium_path()
    if not executable:
        pytest.skip("no chromium on this machine: run `make browser` (as root on Debian) to install it")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


class Visit:
    """A page opened offline, with the console errors, dialogs and requests it caused."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1440, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.url = path.resolve().as_uri()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.route("**/*", self._route)
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")
        self.data = json.loads(DATA_BLOCK.search(path.read_text()).group(1))

    def _route(self, route):
        if route.request.url == self.url:
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def count(self, selector: str) -> int:
        return self.page.locator(selector).count()

    def visible(self, selector: str) -> int:
        """How many match and take up room on the page (display: none leaves an empty box)."""
        return self.page.locator(selector).evaluate_all(
            "els => els.filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 || r.height > 0; }).length")

    def evidence(self) -> str:
        return self.page.locator("#evidence-body").inner_text()

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.requests == []
        assert self.dialogs == []

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        self.page.evaluate("window.scrollTo(0, 0)")  # the evidence panel sticks to the top of the view
        self.page.screenshot(path=str(path), full_page=True)
        print(f"screenshot: {path}")
        return path


def node_id(data: dict, name: str) -> str:
    return next(k for k, v in data["entities"].items() if v["name"] == name)


@pytest.fixture(scope="module")
def fixture_pages(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dossiers")
    write_dossiers(horn_export(), out)
    return out


def test_the_fixture_dossier_draws_four_views_and_shows_evidence_on_click(browser, fixture_pages):
    warsame = next(fixture_pages.glob("abdirahman-yusuf-warsame-*.html"))
    visit = Visit(browser, warsame)
    data = visit.data
    # Link chart: every node, every edge drawn; a click on a node opens the sentences linking it.
    assert visit.count("#chart-svg [data-node]") == len(data["chart"]["nodes"]) == 15
    assert visit.visible("#chart-svg line.edge") == len(data["chart"]["edges"])
    visit.page.click(f'[data-node="{node_id(data, "Salem Awad bin Humaid")}"] circle')
    shown = visit.evidence()
    assert "met Salem Awad bin Humaid in Mukalla in June 2022." in shown
    assert "joined the meeting by video link from Bosaso." in shown and "REMOTE" in shown
    # Map: the basemap and one marker per place, with a popup listing the events there.
    assert visit.count("#map-svg .countries path") == COUNTRIES
    assert visit.count("#map-points circle") == len(data["places"])
    visit.page.click(f'[data-place="{node_id(data, "Kismayo")}"]')
    assert visit.page.locator("#map-popup").is_visible()
    assert "rally, 14 Oct 2023" in visit.page.locator("#map-popup").inner_text()
    assert "Lower Juba, SO · city" in visit.page.locator("#map-popup").inner_text()  # where, how precisely
    assert "Warsame addressed a rally in Kismayo on 14 October 2023" in visit.evidence()
    # Timeline: four events placed in time, the one without any date in its own lane.
    assert visit.count("#timeline-svg [data-fact]") == 4
    assert visit.count("#undated [data-fact]") == 1
    widths = {which: visit.page.locator(f'#timeline-svg [data-fact="{fact_id(data, which)}"] rect').bounding_box()["width"]
              for which in ("meeting-mukalla", "rally", "training")}
    assert widths["meeting-mukalla"] > 2.5 * widths["rally"], "a month is drawn as its whole span"
    assert widths["training"] > 10 * widths["meeting-mukalla"], "2019..2021 spans three years"
    planned = visit.page.locator(f'#timeline-svg [data-fact="{fact_id(data, "planned")}"]')
    assert "planned" in planned.get_attribute("class")
    assert "range" in visit.page.locator(f'#timeline-svg [data-fact="{fact_id(data, "training")}"]').get_attribute("class")
    # Citations: every fact with its sentence and source, the uncertain ones marked.
    assert visit.count("#citation-list > li") == len(data["order"]) == 6
    citations = visit.page.locator("#citation-list").inner_text()
    assert citations.count("REPORTED") == 2 and citations.count("HEDGED") == 1 and citations.count("PLANNED") == 1
    assert "Rally in Kismayo · 20 Oct 2023 · articles/kismayo.txt" in citations
    visit.page.locator("#timeline-svg").scroll_into_view_if_needed()
    visit.page.click(f'#timeline-svg [data-fact="{fact_id(data, "meeting-mukalla")}"] rect')
    assert "Jun 2022 (month)" in visit.evidence()
    visit.page.locator("#chart-svg").scroll_into_view_if_needed()
    visit.page.click(f'[data-node="{node_id(data, "Salem Awad bin Humaid")}"] circle')
    visit.screenshot("dossier-fixture.png")
    visit.assert_clean()


def fact_id(data: dict, which: str) -> str:
    """Facts of the fixture's Warsame page picked by what they are, not by their hash."""
    facts = [data["facts"][i] for i in data["order"]]
    pick = {
        "meeting-mukalla": lambda f: f["type"] == "meeting" and (f["time"] or {}).get("granularity") == "month",
        "rally": lambda f: f["type"] == "rally",
        "training": lambda f: f["type"] == "training",
        "planned": lambda f: f.get("modality") == "planned",
    }[which]
    return next(f["id"] for f in facts if pick(f))


def test_filters_hide_links_by_certainty(browser, fixture_pages):
    esb = next(fixture_pages.glob("eastern-shield-brigades-*.html"))
    visit = Visit(browser, esb)
    data = visit.data
    hra = node_id(data, "Horn Renewal Alliance")
    edge = f'#chart-svg line.edge-hit[data-edge*="{hra}"]'
    assert visit.visible(edge) == 1
    hra_edge = visit.page.locator("#chart-svg line.edge").nth(
        [i for i, e in enumerate(data["chart"]["edges"]) if hra in (e["source"], e["target"])][0])
    assert "hedged" in hra_edge.get_attribute("class")  # wing_of (hedged) outranks the denied meeting
    visit.page.get_by_label("hedged", exact=True).uncheck()
    assert "denied" in hra_edge.get_attribute("class")
    visit.page.get_by_label("denied", exact=True).uncheck()
    assert visit.visible(edge) == 0
    assert visit.visible(f'[data-node="{hra}"]') == 0
    visit.page.get_by_label("hedged", exact=True).check()
    assert visit.visible(edge) == 1
    visit.assert_clean()


def test_the_busiest_page_of_a_large_export_loads_fast_and_clean(browser, tmp_path):
    export = load_benchmark().synthetic_export(400, seed=11)
    written = write_dossiers(export, tmp_path)
    hub = max(written.pages, key=lambda p: p.stat().st_size)
    visit = Visit(browser, hub)
    took = visit.page.evaluate("performance.now()")
    assert took < 5000, f"{hub.name} took {took:.0f} ms to load and draw"
    assert visit.count("#chart-svg [data-node]") == len(visit.data["chart"]["nodes"]) > 40
    assert visit.count("#citation-list > li[data-fact]") == len(visit.data["order"]) > 100
    visit.assert_clean()


def test_hostile_article_text_stays_text(browser, tmp_path):
    export = horn_export()
    attack = '</script><img src="https://tracker.invalid/x.png" onerror="alert(1)"><script>alert(2)</script>'
    export["entities"][0]["name"] = "Warsame " + attack
    export["relations"][0]["evidence"][0]["sentence"] = "He said " + attack
    export["documents"][0]["url"] = "javascript:alert(3)"
    page = tmp_path / "hostile.html"
    page.write_text(render_dossier(export, export["entities"][0]["id"]))
    visit = Visit(browser, page)
    assert visit.page.locator("h1").inner_text() == "Warsame " + attack
    assert visit.count("img") == 0
    assert visit.count('a[href^="javascript"]') == 0
    assert "He said " + attack in visit.page.locator("#citation-list").inner_text()
    visit.assert_clean()


@pytest.fixture(scope="module")
def demo_pages(tmp_path_factory) -> tuple[dict, Path]:
    """The demo corpus through the real pipeline into a SQLite store, exported, and rendered."""
    from newsgraph import Graph

    out = tmp_path_factory.mktemp("demo-dossiers")
    with Graph(out / "demo.db") as graph:
        report = graph.ingest([CORPUS])
        assert (report.added, report.failed) == (11, 0)
        buffer = io.StringIO()
        graph.export(buffer)
    export = json.loads(buffer.getvalue())
    write_dossiers(export, out / "html")
    return export, out / "html"


def test_the_demo_corpus_dossier_renders_in_the_browser(browser, demo_pages):
    export, pages = demo_pages
    index = Visit(browser, pages / "index.html")
    rows = index.data["actors"]
    assert index.count("#actor-rows tr") == len(rows) > 5
    assert {"Eastern Shield Brigades", "Abdirahman Yusuf Warsame"} <= {r["name"] for r in rows}
    index.page.fill("#filter", "shield")
    assert index.visible("#actor-rows tr") == sum("shield" in " ".join([r["name"], *r["aliases"]]).lower() for r in rows)
    index.assert_clean()

    esb = next(e for e in export["entities"] if e["name"] == "Eastern Shield Brigades")
    visit = Visit(browser, pages / page_name(esb))
    data = visit.data
    assert visit.page.locator("h1").inner_text() == "Eastern Shield Brigades"
    assert visit.count("#chart-svg [data-node]") == len(data["chart"]["nodes"]) > 1
    assert visit.count("#map-svg .countries path") == COUNTRIES
    assert visit.count("#map-points circle") == len(data["places"]) > 0
    events = [data["facts"][i] for i in data["order"] if data["facts"][i]["kind"] == "event"]
    assert visit.count("#timeline-svg [data-fact]") + visit.count("#undated [data-fact]") == len(events)
    assert visit.count("#citation-list > li[data-fact]") == len(data["order"])
    # A click on the most linked neighbour shows a sentence of the corpus that names it.
    neighbour = data["chart"]["nodes"][1]["id"]
    visit.page.click(f'[data-node="{neighbour}"] circle')
    quotes = visit.page.locator("#evidence-body blockquote").all_inner_texts()
    said = {m["text"] for e in export["entities"] if e["id"] == neighbour for m in e["mentions"]}
    assert quotes and any(name in quote for quote in quotes for name in said)
    visit.screenshot("dossier-demo.png")
    visit.assert_clean()
