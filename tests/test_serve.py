"""`zl serve` seen as a person sees it: the suite starts `zl serve` on a free port and drives the
system's Chromium (Debian's /usr/bin/chromium, through Playwright's Python package; no browser
is ever downloaded).  Every page is screenshotted into the test's temporary folder, and any
console error fails the test.  One server per database and one browser serve the whole module
(each test opens pages of its own), in one xdist worker (tests/conftest.py).

Where Chromium, Playwright or Datasette is missing the browser tests are skipped with the reason,
except under CI (CI=true), where they must run."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from zhiliang_cli import dbbuild
from zhiliang_cli.source import BUNDLED_PLAN

from .conftest import ROOT, Result, one_error_line

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


def _missing() -> str | None:
    if not os.path.exists(CHROMIUM):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    try:
        import datasette  # noqa: F401
        import playwright  # noqa: F401
    except ImportError as error:
        return f"{error.name} is not installed (pip install -e '.[test]')"
    return None


def _require_browser() -> None:
    reason = _missing()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"the browser tests must run in CI: {reason}")
        pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    url: str
    database: Path
    process: subprocess.Popen[bytes]

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        conn = sqlite3.connect(self.database)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()


def _serve(database: Path, env: dict[str, str]) -> Iterator[Server]:
    port = _free_port()
    command = [sys.executable, "-m", "zhiliang_cli", "serve", "--db", str(database), "--port", str(port)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "/-/versions.json", timeout=2):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(  # noqa: B904
                    f"zl serve did not start: {process.stderr.read().decode() if process.stderr else ''}"
                )
            time.sleep(0.2)
    try:
        yield Server(url, database, process)
    finally:
        process.terminate()
        process.wait(10)


def _build(database: Path, paths: list[str], cache: Path) -> Path:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("ZL_CACHE_DIR", str(cache))
        dbbuild.build(str(database), paths, jobs=2)
    return database


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The bundled plan, with two quarters of progress recorded for its targets."""
    _require_browser()
    root = tmp_path_factory.mktemp("bundled")
    database = _build(root / "plan.db", [str(BUNDLED_PLAN)], root / "cache")
    _record_progress(database, root)
    yield from _serve(database, {**os.environ, "ZL_CACHE_DIR": str(root / "cache")})


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    _require_browser()
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"no corpus at {SHARED_CORPUS}")
    root = tmp_path_factory.mktemp("corpus")
    database = _build(root / "corpus.db", [str(SHARED_CORPUS)], root / "cache")
    yield from _serve(database, {**os.environ, "ZL_CACHE_DIR": str(root / "cache")})


def _record_progress(database: Path, folder: Path) -> None:
    """Two quarters of progress recorded by `zl progress --db` from ledgers filled as a clerk
    would: some targets met, some not, some not a number, the rest left empty."""
    from zhiliang_cli import cli
    from zhiliang_cli.cache import load_plan
    from zhiliang_cli.ledger import target_entries

    from .workbooks import fill

    ledger = folder / "台账.xlsx"
    ids = [entry.id for entry in target_entries(load_plan(str(BUNDLED_PLAN)).plan)]
    typed = {"2023-Q2": ["0", "很多", "10000000"], "2023-Q3": ["10000000", "0", ""]}
    with pytest.MonkeyPatch.context() as env:
        env.setattr(sys, "stdout", open(os.devnull, "w"))  # noqa: SIM115
        env.setattr(sys, "stderr", sys.stdout)
        assert cli.run(["ledger", "-o", str(ledger)]) == 0
        for quarter, values in typed.items():
            chosen = {key: values[n % 3] for n, key in enumerate(ids) if n % 4}
            filled = fill(ledger, chosen, out=folder / f"{quarter}.xlsx")
            assert cli.run(["progress", str(filled), "--db", str(database), "--quarter", quarter]) == 0
        sys.stdout.close()


@dataclass
class Browser:
    page: Any
    shots: Path
    errors: list[str] = field(default_factory=list)

    def open(self, url: str, name: str) -> Any:
        self.page.goto(url)
        self.page.wait_for_load_state("networkidle")
        self.page.screenshot(path=str(self.shots / f"{name}.png"))
        return self.page


@pytest.fixture(scope="module")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One Chromium, with a profile of its own, for the module's tests."""
    _require_browser()
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS[1:]
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def browser(chromium: Any, tmp_path: Path) -> Iterator[Browser]:
    """A page of its own for each test: its console errors fail the test, its screenshots go to
    the test's temporary folder."""
    page = chromium.new_page()
    seen = Browser(page, tmp_path)
    page.on("console", lambda message: seen.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    try:
        yield seen
    finally:
        page.close()
    assert seen.errors == [], seen.errors
    assert list(tmp_path.glob("*.png"))


# --- what a person sees ----------------------------------------------------------------------------


def test_searching_a_two_character_word_lists_every_item_that_holds_it(bundled: Server, browser: Browser) -> None:
    page = browser.open(bundled.url + "/zl/items", "items")
    page.fill("input[name=_search]", "标准")
    page.press("input[name=_search]", "Enter")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(browser.shots / "search.png"))
    expected = [n for (n,) in bundled.rows("SELECT number FROM items WHERE instr(text, '标准') ORDER BY id")]
    assert len(expected) == 15
    shown = page.locator("table.rows-and-columns tbody tr td.col-number").all_inner_texts()
    assert [int(n) for n in shown] == expected
    headers = page.locator("table.rows-and-columns th").all_inner_texts()
    assert not [h for h in headers if "span" in h]  # span columns hidden


@pytest.mark.parametrize("word", ["标准化", "质量安全", "计量"])
def test_the_search_box_finds_words_of_any_length(bundled: Server, browser: Browser, word: str) -> None:
    """Datasette's own escape_fts would look for one token of three characters, which the bigram
    index does not hold: zl's replaces it (each word a phrase of its pairs)."""
    page = browser.open(bundled.url + "/zl/items_full", f"search-{word}")
    page.fill("input[name=_search]", word)
    page.press("input[name=_search]", "Enter")
    page.wait_for_load_state("networkidle")
    expected = [n for (n,) in bundled.rows("SELECT number FROM items WHERE instr(text, ?) ORDER BY id", word)]
    assert expected
    shown = page.locator("table.rows-and-columns tbody tr td.col-number").all_inner_texts()
    assert sorted(int(n) for n in shown) == sorted(expected)


def test_the_ranked_search_query_finds_longer_words(bundled: Server, browser: Browser) -> None:
    page = browser.open(bundled.url + "/zl/search?q=标准化", "ranked")
    expected = bundled.rows("SELECT count(*) FROM items WHERE instr(text, '标准化')")[0][0]
    assert expected and page.locator("table.rows-and-columns tbody tr").count() == expected


def test_the_lead_unit_facet_shows_names_qualified_by_place(corpus: Server, browser: Browser) -> None:
    page = browser.open(corpus.url + "/zl/item_units?role=lead", "facets")
    facet = page.locator(".facet-info[data-column=qualified_unit]").inner_text()
    qualified = corpus.rows(
        "SELECT qualified_unit, unit, count(*) AS n FROM item_units WHERE role = 'lead' AND qualified_unit != unit"
        " GROUP BY qualified_unit ORDER BY n DESC LIMIT 3"
    )
    assert qualified, "no unit of the corpus is named by level only"
    for full, printed, _ in qualified:
        assert full in facet and full != printed


def test_a_plan_page_shows_every_section_and_item_in_order(bundled: Server, browser: Browser) -> None:
    page = browser.open(bundled.url + "/-/zl/plan/1", "plan")
    sections = [
        f"{numeral}、{title}" for numeral, title in bundled.rows("SELECT numeral, title FROM sections ORDER BY number")
    ]
    assert page.locator(".zl-section h2").all_inner_texts() == sections
    items = bundled.rows("SELECT id, numeral, title FROM items ORDER BY section, number")
    assert page.locator(".zl-item h3").all_inner_texts() == [f"{numeral} {title}" for _, numeral, title in items]
    leads = page.locator(".zl-item .zl-lead").all_inner_texts()
    for (item_id, _, _), shown in zip(items, leads, strict=True):
        units = [
            u
            for (u,) in bundled.rows(
                "SELECT qualified_unit FROM item_units WHERE item_id = ? AND role = 'lead'", item_id
            )
        ]
        assert shown == ("、".join(units) or "—")
    clauses = bundled.rows("SELECT DISTINCT item_id, span_start FROM targets WHERE item_id IS NOT NULL")
    marked = page.locator("mark.zl-target")
    assert marked.count() == len(clauses)
    first, number = bundled.rows("SELECT text, number_text FROM targets WHERE item_id IS NOT NULL ORDER BY id")[0]
    assert marked.first.inner_text() == first
    assert marked.first.locator("a").first.inner_text() == number
    linked = page.locator("mark.zl-target a").count()
    assert linked == bundled.rows("SELECT count(*) FROM targets WHERE item_id IS NOT NULL")[0][0]


def _bars(page: Any) -> list[int]:
    return [chart.locator("g.bar").count() for chart in page.locator("figure.zl-chart svg").all()]


def test_the_charts_draw_one_bar_for_each_quarter_and_lead_unit(bundled: Server, browser: Browser) -> None:
    quarters = bundled.rows("SELECT count(DISTINCT coalesce(due_quarter, '-')) FROM targets_full")[0][0]
    units = bundled.rows("SELECT count(DISTINCT qualified_unit) FROM item_units WHERE role = 'lead'")[0][0]
    expected = [quarters, min(units, 15)]
    assert _bars(browser.open(bundled.url + "/", "index")) == expected
    assert _bars(browser.open(bundled.url + "/-/zl/plan/1", "plan-charts")) == expected
    progress = browser.open(bundled.url + "/zl/progress_by_unit_and_quarter", "progress")
    rows = progress.locator("table.rows-and-columns tbody tr").count()
    assert rows > 1 and _bars(progress) == [rows]


# --- the command -----------------------------------------------------------------------------------


Run = Callable[..., Result]


def test_a_database_that_is_not_zls_is_refused_in_one_line(zl: Run, tmp_path: Path) -> None:
    pytest.importorskip("datasette")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    one_error_line(zl("serve", "--db", str(other)), 3, "zl did not write")


def test_without_datasette_it_says_how_to_install_it(zl: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "datasette", None)  # import datasette raises ImportError
    one_error_line(zl("serve"), 2, "pip install 'zhiliang-cli[web]'")


def test_serve_binds_the_loopback_address_unless_told(zl: Run) -> None:
    help_text = zl("serve", "--help").out
    assert "--host" in help_text and "127.0.0.1" in help_text


def test_the_query_path_does_not_import_datasette(tmp_path: Path) -> None:
    probe = "import sys; from zhiliang_cli import cli; cli.run(['items', '--format', 'json'])"
    probe += "; print('datasette' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "ZL_CACHE_DIR": str(tmp_path)},
    )
    assert out.stdout.strip().endswith("False")


def test_screenshots_need_no_network() -> None:
    """The pages load nothing from another host: no CDN (every script and style is Datasette's own)."""
    templates = Path(dbbuild.__file__).parent / "data" / "web"
    for template in templates.glob("*.html"):
        assert "http://" not in template.read_text(encoding="utf-8").replace("http://www.w3.org", "")
        assert "https://" not in template.read_text(encoding="utf-8")
