"""The explorer page in a real browser (headless Chromium through Selenium), on the seed graph.

Each test drives the page the way an analyst does and checks the DOM by element ids and text; each step's
screenshot is saved under the output folder (see harness.py). Run: make browser-test.
"""

import json
import os
import re
import time
import unittest
from urllib.parse import parse_qs, urlparse

import harness
try:
    from selenium.webdriver.support.ui import Select
except ImportError:  # reported by harness.chromium_missing()
    Select = None
from harness import shot, wait_for, wait_ready

SKIP = harness.skip_reason()


def query(driver):
    return {k: v[-1] for k, v in parse_qs(urlparse(driver.current_url).query).items()}


def source_line(source_id, line):
    """Line `line` (1-based) of a seed text, found through the repository's catalogue (read as text)."""
    with open(os.path.join(harness.REPO, "seeds", "sources.yaml"), encoding="utf-8") as file:
        catalogue = file.read()
    match = re.search(r"- id: " + re.escape(source_id) + r"\s*\n\s*file: (\S+)", catalogue)
    with open(os.path.join(harness.SEEDS, match.group(1)), encoding="utf-8") as text:
        return text.read().split("\n")[line - 1]


@unittest.skipIf(SKIP, SKIP or "")
class SeedGraphTests(unittest.TestCase):
    """The seed graph (graphs/) with its source texts (../shared/seeds)."""

    @classmethod
    def setUpClass(cls):
        sources = harness.SEEDS if os.path.isdir(harness.SEEDS) else None
        cls.server = harness.Server("graphs", sources)
        cls.driver = harness.browser()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.stop()

    def open(self, path="/"):
        self.driver.get(self.server.url + path)
        wait_ready(self.driver)

    def nodes(self):
        return set(self.driver.execute_script(
            "return Array.from(document.querySelectorAll('#chart svg g.node')).map(n => n.id)"))

    def edges(self):
        return self.driver.execute_script("return document.querySelectorAll('#chart svg g.edge').length")

    def search(self, text):
        box = self.driver.find_element("css selector", "input#search")
        box.clear()
        box.send_keys(text)
        wait_for(self.driver, "document.querySelector('#search-results li.result')", message="search results")
        return box

    def test_01_page_ready_time(self):
        """Measures (does not assert) the time to a settled page on the seed graph; writes it to timings.json."""
        figures = []
        for _ in range(5):
            self.driver.get("about:blank")
            start = time.monotonic()
            self.driver.get(self.server.url + "/")
            wait_ready(self.driver)
            wall = time.monotonic() - start
            page = self.driver.execute_script("return window.actorgraphReadyAt")
            figures.append({"wall_s": round(wall, 3), "ready_at_ms": page})
        shot(self.driver, "01-whole-graph")
        os.makedirs(harness.OUTPUT, exist_ok=True)
        with open(os.path.join(harness.OUTPUT, "timings.json"), "w") as out:
            json.dump({"page_ready_seed_graph": figures}, out, indent=1)
        print(f"\npage ready on the seed graph (performance.now() at ready, ms): {[f['ready_at_ms'] for f in figures]}")
        self.assertTrue(self.nodes(), "the whole-graph chart has actor nodes")

    # Actor names are held to at least this height on screen when a chart appears (chart.js LEGIBLE_NAME_PX).
    READABLE_NAME_PX = 10

    def name_heights(self):
        """The on-screen height in pixels of every actor name's font: its font-size times the SVG's scale."""
        return self.driver.execute_script("""
            return Array.from(document.querySelectorAll('#chart svg g.node text')).map(
                t => parseFloat(t.getAttribute('font-size')) * t.getScreenCTM().a);""")

    def actors_in_view(self):
        """The actors whose centre lies inside the chart's area on screen."""
        return self.driver.execute_script("""
            const area = document.getElementById('chart').getBoundingClientRect();
            return Array.from(document.querySelectorAll('#chart svg g.node')).filter(n => {
                const r = n.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
                return x >= area.left && x <= area.right && y >= area.top && y <= area.bottom; }).map(n => n.id);""")

    def test_01b_first_view_is_readable(self):
        """The whole seed graph is too large to fit with legible names: it opens at a readable size on its busiest
        part, says how much is in view, and "Fit all" shows every actor; a focus opens on the focus."""
        self.open("/")
        heights = self.name_heights()
        self.assertEqual(len(heights), len(self.nodes()))
        self.assertGreaterEqual(min(heights), self.READABLE_NAME_PX - 0.01, "names on the first view are readable")
        in_view = self.actors_in_view()
        self.assertGreaterEqual(len(in_view), 10, f"the first view shows a busy part of the chart: {in_view}")
        note = self.driver.find_element("id", "chart-partial")
        self.assertTrue(note.is_displayed())
        self.assertIn(f"{len(in_view)} of {len(self.nodes())} actors in view", note.text)
        shot(self.driver, "01b-first-view")
        self.driver.find_element("id", "fit-all").click()
        self.assertEqual(set(self.actors_in_view()), self.nodes(), "Fit all shows every actor")
        self.assertFalse(note.is_displayed())
        shot(self.driver, "01b-fit-all")
        # A focus opens centred on it, names readable.
        self.open("/?focus=russia&depth=2")
        self.assertGreaterEqual(min(self.name_heights()), self.READABLE_NAME_PX - 0.01)
        self.assertIn("actor-russia", self.actors_in_view())
        shot(self.driver, "01b-focus-russia-depth-2")

    def test_02_search_opens_card(self):
        self.open("/")
        box = self.search("zhirnov")
        shot(self.driver, "02-search-typeahead")
        names = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('#search-results li.result .result-name')).map(n => n.textContent)")
        self.assertIn("Dmitry Zhirnov", names)
        box.send_keys("\ue007")  # Enter chooses the highlighted result
        wait_ready(self.driver)
        card = wait_for(self.driver, "document.querySelector('#evidence .actor-card')", message="actor card")
        self.assertEqual(card.get_attribute("data-actor"), "zhirnov")
        self.assertEqual(self.driver.find_element("css selector", "#evidence .actor-name").text, "Dmitry Zhirnov")
        self.assertIn("Dmitry Aleksandrovich Zhirnov", self.driver.find_element("css selector", "#evidence").text)
        self.assertTrue(self.driver.execute_script(
            "return document.querySelector('#chart g.node[id=\"actor-zhirnov\"]').classList.contains('selected')"))
        self.assertEqual(query(self.driver).get("sel"), "actor:zhirnov")
        shot(self.driver, "02-search-card")

    def test_03_keyboard_and_folding(self):
        """Arrow keys move through results; the search folds case and diacritics."""
        self.open("/")
        box = self.search("TALIBAN")
        count = self.driver.execute_script("return document.querySelectorAll('#search-results li.result').length")
        self.assertGreaterEqual(count, 2)
        box.send_keys("\ue015")  # ArrowDown
        active = self.driver.execute_script("return document.querySelector('#search-results li.active').dataset.id")
        second = self.driver.execute_script("return document.querySelectorAll('#search-results li.result')[1].dataset.id")
        self.assertEqual(active, second)
        box.send_keys("\ue007")
        wait_ready(self.driver)
        self.assertEqual(query(self.driver).get("sel"), f"actor:{second}")

    def test_04_expand_adds_neighbours(self):
        self.open("/?focus=zhirnov")
        before = self.nodes()
        self.assertIn("actor-taliban", before)
        self.assertNotIn("actor-al-qaeda", before)
        self.driver.execute_script(
            "document.querySelector('#chart g.node[id=\"actor-taliban\"]').dispatchEvent(new MouseEvent('dblclick', {bubbles: true}))")
        wait_ready(self.driver)
        after = self.nodes()
        self.assertTrue(before < after, f"expanding Taliban adds actors: {sorted(after - before)}")
        self.assertIn("actor-al-qaeda", after)
        self.assertEqual(query(self.driver).get("focus"), "zhirnov,taliban")
        shot(self.driver, "04-expanded")
        # Hide takes an actor off the chart and records it in the URL.
        self.click_node("al-qaeda")
        self.driver.find_element("id", "btn-hide").click()
        wait_ready(self.driver)
        self.assertNotIn("actor-al-qaeda", self.nodes())
        self.assertEqual(query(self.driver).get("hide"), "al-qaeda")
        # Keep only: one picked actor keeps itself and its neighbours on screen.
        self.click_node("zhirnov")
        self.driver.find_element("id", "btn-only").click()
        wait_ready(self.driver)
        kept = self.nodes()
        self.assertIn("actor-zhirnov", kept)
        self.assertLess(len(kept), len(after) - 1)
        shot(self.driver, "04-keep-only")
        self.driver.find_element("id", "show-all").click()
        wait_ready(self.driver)
        self.assertIsNone(query(self.driver).get("only"))
        self.assertEqual(self.nodes(), after - {"actor-al-qaeda"})
        self.driver.find_element("id", "unhide-all").click()
        wait_ready(self.driver)
        self.assertEqual(self.nodes(), after)
        self.driver.find_element("id", "btn-reset").click()
        wait_ready(self.driver)
        self.assertEqual(query(self.driver), {})

    def click_node(self, actor):
        self.driver.execute_script("""
            const node = document.querySelector(`#chart g.node[id="actor-${arguments[0]}"]`);
            const r = node.getBoundingClientRect();
            const opts = {bubbles: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, button: 0, pointerId: 1};
            node.dispatchEvent(new PointerEvent('pointerdown', opts));
            node.dispatchEvent(new PointerEvent('pointerup', opts));""", actor)
        wait_ready(self.driver)

    def test_05_hover_highlights_ties(self):
        self.open("/?focus=zhirnov")
        self.driver.execute_script("""
            const node = document.querySelector('#chart g.node[id="actor-zhirnov"] path, #chart g.node[id="actor-zhirnov"] polygon');
            const r = node.getBoundingClientRect();
            node.dispatchEvent(new PointerEvent('pointermove', {bubbles: true, clientX: r.left + 2, clientY: r.top + 2}));""")
        highlighted = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('#chart .hl')).map(n => n.id)")
        self.assertIn("actor-zhirnov", highlighted)
        self.assertIn("actor-taliban", highlighted)
        self.assertTrue(any(not i.startswith("actor-") for i in highlighted), "the links are highlighted too")
        self.assertTrue(self.driver.execute_script("return document.getElementById('chart').classList.contains('hovering')"))
        shot(self.driver, "05-hover")

    def test_06_time_window_changes_chart(self):
        self.open("/")
        all_edges = self.edges()
        all_nodes = self.nodes()
        bars = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('#timebar .bin')).map(b => b.dataset.key)")
        self.assertIn("2021", bars)
        svg = self.driver.find_element("css selector", "#timebar svg.histogram")
        # Bars sit where the time bar draws them (long empty stretches are folded into one gap): take their centres.
        centre = self.driver.execute_script("""
            const svg = document.querySelector('#timebar svg.histogram').getBoundingClientRect();
            const at = (key) => { const r = document.querySelector(`#timebar .bin[data-key="${key}"]`).getBoundingClientRect();
                                  return r.left + r.width / 2 - svg.left - svg.width / 2; };
            return {a: at('2021'), b: at('2022')};""")
        from selenium.webdriver.common.action_chains import ActionChains
        x_a, x_b = centre["a"], centre["b"]
        # 1951-1978 hold no dated relation: folded into one gap, so 2021's bar is wide enough to aim at.
        gaps = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('#timebar .gap')).map(g => [g.dataset.first, g.dataset.last])")
        self.assertIn(["1951", "1978"], gaps)
        self.assertGreaterEqual(x_b - x_a, 20, "one year's bar is at least 20 px wide")
        ActionChains(self.driver).move_to_element_with_offset(svg, int(x_a), 0).click_and_hold() \
            .move_to_element_with_offset(svg, int(x_b), 0).release().perform()
        wait_ready(self.driver)
        q = query(self.driver)
        self.assertEqual((q.get("from"), q.get("to")), ("2021", "2022"))
        self.assertEqual(self.driver.find_element("id", "time-label").text, "2021 – 2022")
        windowed = self.edges()
        self.assertLess(windowed, all_edges, "a time window drops links outside it")
        self.assertTrue(self.nodes() < all_nodes or windowed < all_edges)
        shot(self.driver, "06-time-window")
        # As of: one year; then possibly-active relations join, dashed.
        self.driver.find_element("css selector", "#timebar .seg[data-mode='at']").click()
        svg = self.driver.find_element("css selector", "#timebar svg.histogram")
        ActionChains(self.driver).move_to_element_with_offset(svg, int(x_a), 0).click().perform()
        wait_ready(self.driver)
        self.assertEqual(query(self.driver).get("at"), "2021")
        self.assertIsNone(query(self.driver).get("from"))
        at_edges = self.edges()
        self.driver.find_element("id", "toggle-possibly").click()
        wait_ready(self.driver)
        self.assertEqual(query(self.driver).get("possibly"), "1")
        self.assertGreaterEqual(self.edges(), at_edges)
        shot(self.driver, "06-as-of-possibly")
        self.driver.find_element("id", "toggle-undated").click()
        wait_ready(self.driver)
        self.assertEqual(query(self.driver).get("undated"), "0")
        self.driver.find_element("id", "time-clear").click()
        wait_ready(self.driver)
        self.assertIsNone(query(self.driver).get("at"))

    def test_07_play_steps_through_time(self):
        self.open("/?focus=taliban")
        self.driver.find_element("id", "time-play").click()
        seen = set()
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline and len(seen) < 3:
            at = query(self.driver).get("at")
            if at:
                seen.add(at)
            time.sleep(0.1)
        self.driver.find_element("id", "time-play").click()  # pause
        wait_ready(self.driver)
        self.assertGreaterEqual(len(seen), 3, f"play moved the as-of handle through several bins: {sorted(seen)}")
        self.assertEqual(sorted(seen), sorted(seen, key=int))

    def test_08_relation_click_shows_cited_line(self):
        self.open("/?focus=zhirnov")
        # Click the link that carries Zhirnov's meeting with the Taliban on 2021-08-17.
        link_id = self.driver.execute_script("""
            return fetch('/api/view?focus=zhirnov').then(r => r.json()).then(v =>
                v.links.find(l => l.relations.includes('zhirnov-meets-taliban-2021-08-17')).id)""")
        self.driver.execute_script("""
            const edge = document.querySelector(`#chart g.edge[id="${arguments[0]}"] path`);
            const len = edge.getTotalLength(), p = edge.getPointAtLength(len / 2);
            const pt = new DOMPoint(p.x, p.y).matrixTransform(edge.getScreenCTM());
            const opts = {bubbles: true, clientX: pt.x, clientY: pt.y, button: 0, pointerId: 1};
            edge.dispatchEvent(new PointerEvent('pointerdown', opts));
            edge.dispatchEvent(new PointerEvent('pointerup', opts));""", link_id)
        wait_ready(self.driver)
        if self.driver.execute_script("return !!document.querySelector('#evidence .bundle-card')"):
            shot(self.driver, "08-bundle")
            self.driver.find_element("css selector", "#evidence button[data-relation='zhirnov-meets-taliban-2021-08-17']").click()
            wait_ready(self.driver)
        card = wait_for(self.driver, "document.querySelector('#evidence .relation-card')", message="relation card")
        self.assertEqual(card.get_attribute("data-relation"), "zhirnov-meets-taliban-2021-08-17")
        text = self.driver.find_element("id", "evidence").text
        self.assertIn("2021-08-17", text)
        citations = self.driver.execute_script("""
            return Array.from(document.querySelectorAll('#evidence .citation')).map(c => [
                c.querySelector('.cite-meta code').textContent,
                Array.from(c.querySelectorAll('.cited-lines li')).map(li =>
                    [Number(li.querySelector('.line-no').textContent), li.querySelector('.line-text').textContent])])""")
        if not os.path.isdir(harness.SEEDS):
            self.assertIn("Text unavailable", text)
            return
        self.assertIn("ips-2023-enemy", [source for source, _ in citations])
        for source, lines in citations:
            self.assertTrue(lines, f"the lines cited from {source} are quoted")
            for number, quoted in lines:
                self.assertEqual(quoted, source_line(source, number), f"{source} line {number}")
        self.assertIn(121, [n for source, lines in citations if source == "ips-2023-enemy" for n, _ in lines])
        shot(self.driver, "08-relation-evidence")

    def test_09_path_draws_numbered_hops(self):
        self.open("/")
        self.driver.find_element("id", "btn-path").click()
        for field, text in (("path-from", "Putin"), ("path-to", "al-Qaeda")):
            box = self.driver.find_element("id", field)
            box.send_keys(text)
            wait_for(self.driver, f"document.getElementById('{field}').nextElementSibling.querySelector('li.result')",
                     message="path typeahead")
            box.send_keys("\ue007")
        self.driver.find_element("css selector", "#path-form button[type=submit]").click()
        wait_ready(self.driver)
        self.assertEqual(query(self.driver).get("path"), "putin,al-qaeda")
        hops = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('#path-result .hop .hop-no')).map(n => n.textContent)")
        self.assertEqual(hops, ["1", "2"])
        badges = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('#chart .hop-badge text')).map(n => n.textContent)")
        self.assertEqual(sorted(badges), ["1", "2"])
        # A badge covers none of its link's label (which starts with the hop number).
        overlaps = self.driver.execute_script("""
            const hit = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
            return Array.from(document.querySelectorAll('#chart .hop-badge')).flatMap(badge => {
                const box = badge.getBBox();
                return Array.from(badge.closest('g.edge').querySelectorAll('text'))
                    .filter(text => !text.closest('.hop-badge') && hit(box, text.getBBox()))
                    .map(text => badge.dataset.hop + ': ' + text.textContent);
            });""")
        self.assertEqual(overlaps, [])
        self.assertEqual(self.nodes(), {"actor-putin", "actor-russia", "actor-al-qaeda"})
        shot(self.driver, "09-path")
        first = self.driver.find_element("css selector", "#path-result .hop[data-hop='2'] button[data-relation]")
        relation = first.get_attribute("data-relation")
        first.click()
        wait_ready(self.driver)
        self.assertEqual(self.driver.find_element("css selector", "#evidence .relation-card").get_attribute("data-relation"), relation)
        shot(self.driver, "09-path-hop-evidence")
        # K shortest.
        Select(self.driver.find_element("id", "path-mode")).select_by_value("k")
        self.driver.find_element("css selector", "#path-form button[type=submit]").click()
        wait_ready(self.driver)
        self.assertEqual(query(self.driver).get("pathMode"), "k")
        self.assertGreaterEqual(len(self.driver.find_elements("css selector", "#path-result .path-block")), 2)

    def test_09b_path_follows_the_time_window_and_status(self):
        """The hop list and the drawn path answer under the view's filters, the time window included."""
        self.open("/?path=putin,al-qaeda&from=2021&to=2023")
        relations = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('#path-result .hop button[data-relation]')).map(b => b.dataset.relation)")
        self.assertEqual(len(relations), 2, relations)
        dates = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('#path-result .hop .row-date')).map(n => n.textContent)")
        self.assertTrue(any("2021" in d for d in dates), dates)
        shot(self.driver, "09b-path-time-window")
        self.open("/?path=putin,al-qaeda&from=2021&to=2023&undated=0")
        message = self.driver.find_element("css selector", "#path-result .error").text
        self.assertIn("time filter", message)
        shot(self.driver, "09b-path-blocked-by-window")
        self.open("/?path=russia,taliban&status=denied")
        relations = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('#path-result .hop button[data-relation]')).map(b => b.dataset.relation)")
        self.assertEqual(sorted(relations), ["russia-arms-taliban-alleged", "russia-bounties-to-taliban-alleged"])
        self.assertEqual(self.driver.execute_script("return document.querySelectorAll('#chart g.edge.status-denied').length"), 1)
        shot(self.driver, "09b-path-denied-only")

    def test_10_url_reproduces_view_in_fresh_tab(self):
        self.open("/?focus=taliban&sel=actor:taliban")
        self.driver.find_element("css selector", "#legend input[data-filter='categories'][value='conflict']").click()
        wait_ready(self.driver)
        self.assertNotIn("conflict", query(self.driver).get("categories", "conflict").split(","))
        self.assertEqual(self.driver.execute_script("return document.querySelectorAll('#chart g.edge.category-conflict').length"), 0)
        self.driver.find_element("css selector", "#timebar .seg[data-mode='at']").click()
        self.driver.execute_script("""
            const bin = document.querySelector('#timebar .bin[data-key="2021"]').getBoundingClientRect();
            const svg = document.querySelector('#timebar svg.histogram');
            const o = {bubbles: true, clientX: bin.left + bin.width / 2, clientY: bin.top + 5, pointerId: 1};
            svg.dispatchEvent(new PointerEvent('pointerdown', o)); svg.dispatchEvent(new PointerEvent('pointerup', o));""")
        wait_ready(self.driver)
        self.driver.find_element("css selector", "#evidence button[data-relation]").click()
        wait_ready(self.driver)
        url = self.driver.current_url
        state = self.snapshot()
        shot(self.driver, "10-original-tab")
        original = self.driver.current_window_handle
        self.driver.switch_to.new_window("tab")
        self.driver.get(url)
        wait_ready(self.driver)
        shot(self.driver, "10-fresh-tab")
        self.assertEqual(self.snapshot(), state)
        self.driver.close()
        self.driver.switch_to.window(original)
        # Back undoes one step at a time; forward redoes it.
        self.driver.back()
        wait_ready(self.driver)
        self.assertEqual(query(self.driver).get("sel"), "actor:taliban")
        self.assertEqual(query(self.driver).get("at"), "2021")
        self.driver.back()
        wait_ready(self.driver)
        self.assertIsNone(query(self.driver).get("at"))
        self.driver.forward()
        wait_ready(self.driver)
        self.assertEqual(query(self.driver).get("at"), "2021")
        self.assertEqual(self.driver.find_element("id", "time-label").text, "As of 2021")

    def snapshot(self):
        return self.driver.execute_script("""
            return {
                nodes: Array.from(document.querySelectorAll('#chart g.node')).map(n => n.id).sort(),
                edges: Array.from(document.querySelectorAll('#chart g.edge')).map(n => n.id).sort(),
                evidence: document.getElementById('evidence').innerText,
                time: document.getElementById('time-label').textContent,
                legend: Array.from(document.querySelectorAll('#legend input')).map(i => i.checked),
            }""")

    def test_11_filters_and_export(self):
        self.open("/?focus=russia")
        self.driver.find_element("css selector", "#legend input[data-filter='kinds'][value='official']").click()
        wait_ready(self.driver)
        self.assertEqual(query(self.driver).get("kinds"), "state,group")
        self.assertEqual(self.driver.execute_script("return document.querySelectorAll('#chart g.node.kind-official, #chart g.node.official').length"), 0)
        Select(self.driver.find_element("id", "min-grade")).select_by_value("B2")
        wait_ready(self.driver)
        self.assertEqual(query(self.driver).get("minGrade"), "B2")
        self.driver.find_element("id", "btn-export").click()
        links = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('#export-menu a[data-format]')).map(a => a.getAttribute('href'))")
        self.assertEqual(len(links), 6)
        for href in links:
            q = parse_qs(urlparse(href).query)
            self.assertEqual(q["focus"], ["russia"])
            self.assertEqual(q["kinds"], ["state,group"])
        command = self.driver.find_element("id", "export-command").get_attribute("value")
        self.assertIn("actorgraph", command)
        shot(self.driver, "11-export-menu")
        status = self.driver.execute_script(
            "return fetch(arguments[0]).then(r => [r.status, r.headers.get('content-disposition') || ''])",
            [h for h in links if "format=csv" in h][0])
        self.assertEqual(status[0], 200)
        self.assertIn("attachment", status[1])

    def test_12_no_console_errors(self):
        self.open("/?focus=taliban&sel=relation:zhirnov-meets-taliban-2021-08-17")
        errors = [e for e in harness.severe_console_errors(self.driver) if "favicon" not in e]
        self.assertEqual(errors, [])


if __name__ == "__main__":
    unittest.main()
