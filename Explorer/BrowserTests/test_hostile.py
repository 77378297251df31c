"""Hostile names, notes and source lines (fixtures/hostile) are shown as text and run no script.

Every hostile string sets `window.__agPwned` if it ever runs. The page's CSP would block most inline script
anyway, so the tests also check the DOM itself: no element, attribute or script the data could have injected.
"""

import os
import unittest

import harness
from harness import shot, wait_for, wait_ready

SKIP = harness.skip_reason()

INJECTED = """
    const ours = new Set(['/assets/app.js']);
    const scripts = Array.from(document.scripts).map(s => new URL(s.src || 'inline:', location.href).pathname)
        .filter(p => !ours.has(p));
    const handlers = Array.from(document.querySelectorAll('*')).flatMap(e =>
        Array.from(e.attributes).filter(a => a.name.toLowerCase().startsWith('on')).map(a => `${e.tagName}[${a.name}]`));
    const hrefs = Array.from(document.querySelectorAll('[href], [*|href]')).map(e =>
        e.getAttribute('href') || e.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || '')
        .filter(h => /^\\s*javascript:/i.test(h));
    return {
        pwned: window.__agPwned === undefined ? null : String(window.__agPwned),
        scripts, handlers, hrefs,
        imgs: document.querySelectorAll('img').length,
        bold: document.querySelectorAll('#evidence b, #chart b, #search-results b').length,
        svgs: document.querySelectorAll('#chart svg').length,
        nestedSvg: document.querySelectorAll('#chart svg svg').length,
    };
"""

CLEAN = {"pwned": None, "scripts": [], "handlers": [], "hrefs": [], "imgs": 0, "bold": 0, "svgs": 1, "nestedSvg": 0}


@unittest.skipIf(SKIP, SKIP or "")
class HostileNamesTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.Server(os.path.join(harness.HOSTILE, "graphs"), os.path.join(harness.HOSTILE, "texts"))
        cls.driver = harness.browser()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.stop()

    def assertClean(self, step):
        self.assertEqual(self.driver.execute_script(INJECTED), CLEAN, f"after {step}")

    def test_hostile_strings_stay_text(self):
        d = self.driver
        d.get(self.server.url + "/")
        wait_ready(d)
        self.assertClean("loading the whole graph")
        shot(d, "hostile-01-chart")
        # Hover every actor (runs the highlight code over every hostile node).
        d.execute_script("""
            for (const node of document.querySelectorAll('#chart g.node')) {
                const r = node.getBoundingClientRect();
                node.dispatchEvent(new PointerEvent('pointermove', {bubbles: true, clientX: r.left + 3, clientY: r.top + 3}));
                node.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
            }""")
        self.assertClean("hovering every actor")

        box = d.find_element("css selector", "input#search")
        box.send_keys("scriptland")
        wait_for(d, "document.querySelector('#search-results li.result')", message="search results")
        shot(d, "hostile-02-search")
        self.assertIn("<script>", d.find_element("id", "search-results").text)
        self.assertClean("listing hostile search results")
        box.send_keys("\ue007")
        wait_ready(d)
        name = d.find_element("css selector", "#evidence .actor-name").text
        self.assertEqual(name, "<script>window.__agPwned = 'name'</script>Scriptland")
        self.assertIn("</svg><svg onload=", d.find_element("id", "evidence").text)
        shot(d, "hostile-03-card")
        self.assertClean("opening a hostile actor's card")

        d.get(self.server.url + "/?focus=quote-group&sel=actor:quote-group")
        wait_ready(d)
        self.assertIn("<img src=x onerror=", d.find_element("id", "evidence").text)
        self.assertClean("opening an actor whose description is an <img>")

        d.get(self.server.url + "/?sel=relation:hostile-meets")
        wait_ready(d)
        evidence = d.find_element("id", "evidence").text
        self.assertIn("<script>window.__agPwned = 'note'</script>", evidence)
        lines = d.execute_script(
            "return Array.from(document.querySelectorAll('#evidence .line-text')).map(n => n.textContent)")
        self.assertEqual(len(lines), 2)
        self.assertTrue(lines[0].startswith("<script>window.__agPwned = 'source line'</script>"))
        self.assertIn("\u202egnirts desrever\u202c", lines[1])
        title = d.find_element("css selector", "#evidence .cite-title").text
        self.assertTrue(title.startswith("<script>"))
        shot(d, "hostile-04-relation")
        self.assertClean("opening a relation with hostile note, title, outlet and source lines")

        d.get(self.server.url + "/?sel=relation:rtl-fights")
        wait_ready(d)
        self.assertIn("<b>bold</b>", d.find_element("id", "evidence").text)
        shot(d, "hostile-05-rtl")
        self.assertClean("opening a relation between RTL-marked actors")

        # The chart's labels carry the names as text, and the path panel lists them as text too.
        labels = d.execute_script("return Array.from(document.querySelectorAll('#chart g.node text')).map(t => t.textContent).join(' | ')")
        self.assertIn("Plain Actor", labels)
        d.get(self.server.url + "/?path=svg-close,plain")
        wait_ready(d)
        shot(d, "hostile-06-path")
        self.assertIn("</svg><img", d.find_element("id", "path-result").text)
        self.assertClean("drawing a path through hostile actors")


    def test_sanitizer_strips_active_content(self):
        """The SVG sanitizer on hand-made hostile SVG (Graphviz escapes names, so the chart alone cannot reach it)."""
        d = self.driver
        d.get(self.server.url + "/")
        wait_ready(d)
        result = d.execute_async_script("""
            const done = arguments[arguments.length - 1];
            import('/assets/dom.js').then(({ sanitizeSVG }) => {
                const svg = sanitizeSVG(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
                    viewBox="0 0 10 10" onload="window.__agPwned='svg onload'">
                  <script>window.__agPwned='script'</script>
                  <g id="actor-x" class="node" onmouseover="window.__agPwned='g'" style="fill:red">
                    <title>n0</title>
                    <a xlink:href=" java&#x09;script:window.__agPwned='href'" href="javascript:1"><text>kept</text></a>
                    <a xlink:href="#ok"><text>anchor</text></a>
                    <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">html</div></foreignObject>
                    <set attributeName="onclick" to="window.__agPwned='set'"/>
                    <animate attributeName="href" to="javascript:1"/>
                    <image href="data:text/html,x"/><image href="data:image/png;base64,AAAA"/>
                  </g>
                </svg>`);
                const all = [svg, ...svg.querySelectorAll('*')];
                done({
                    names: all.map(e => e.localName),
                    attributes: all.flatMap(e => Array.from(e.attributes).map(a => `${e.localName}@${a.name}=${a.value}`)),
                    text: svg.textContent.replace(/\\s+/g, ' ').trim(),
                });
            }, (error) => done({ error: String(error) }));""")
        self.assertNotIn("error", result)
        self.assertEqual(result["names"], ["svg", "g", "a", "text", "a", "text", "image", "image"])
        attributes = result["attributes"]
        self.assertFalse([a for a in attributes if "@on" in a or "@style" in a or "javascript" in a or "data:text" in a], attributes)
        self.assertIn("a@xlink:href=#ok", attributes)
        self.assertIn("image@href=data:image/png;base64,AAAA", attributes)
        self.assertEqual(result["text"], "kept anchor")
        self.assertIsNone(d.execute_script("return window.__agPwned === undefined ? null : window.__agPwned"))

    def test_malformed_chart_is_an_error_not_a_page(self):
        d = self.driver
        d.get(self.server.url + "/")
        wait_ready(d)
        message = d.execute_async_script("""
            const done = arguments[arguments.length - 1];
            import('/assets/dom.js').then(({ sanitizeSVG }) => {
                try { sanitizeSVG('<html><body><script>window.__agPwned=1</script></body></html>'); done('accepted'); }
                catch (error) { done(error.message); }
            });""")
        self.assertIn("not well-formed SVG", message)


if __name__ == "__main__":
    unittest.main()
