#!/usr/bin/env python3
"""The dashboard in headless Chromium, driven by Selenium (tests/e2e/dashboard.sh runs it).

Signs in with a viewer's token through the login form, then compares the
product page of the example plan with the API's CheckRoadmap answer (heatmap
cells and table rows, timeline, ranked tasks, findings and their filter with
and without JS), checks the German page, runs axe-core on the pages, takes
screenshots (heatmap and timeline at 1280x800, the whole page at 390x844),
and compares the static page of `glocal check --html` with the live one.

Selenium gets the browser and the driver by path, so its selenium-manager
never runs (dashboard.sh also sets SE_OFFLINE). Prints one PASS/FAIL line per
check and ends with "N passed, M failed" (counting the checks dashboard.sh
made before, given with --passed-before/--failed-before).
"""

import argparse
import base64
import json
import os
import signal
import sys
import time
import traceback
import urllib.parse
import urllib.request
from collections import Counter

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

PRODUCT = "products/kettle"
ROADMAP = "products/kettle/roadmaps/launch-2027"
CELL_ATTRS = [
    "launch", "market", "locale", "verdict", "optional", "required-messages",
    "effective-messages", "own-messages", "effective-percent", "own-percent",
]
WIDE = (1280, 800)
PHONE = (390, 844)


class Checks:
    def __init__(self, driver_box, artifacts, passed, failed):
        self.driver_box = driver_box
        self.artifacts = artifacts
        self.passed = passed
        self.failed = failed
        self.n = 0

    def run(self, what, fn, *args):
        """Runs fn(*args); it passes unless it raises. Returns fn's result or None."""
        self.n += 1
        try:
            result = fn(*args)
        except Exception as e:  # noqa: BLE001 - every failure is a failed check
            self.fail(what, e)
            return None
        self.passed += 1
        print(f"PASS  {what}", flush=True)
        return result

    def fail(self, what, e):
        self.failed += 1
        print(f"FAIL  {what}", flush=True)
        text = str(e) if isinstance(e, AssertionError) else "".join(
            traceback.format_exception_only(type(e), e))
        for line in text.rstrip().splitlines()[:60]:
            print(f"      | {line}", flush=True)
        self.save_failure(what)

    def save_failure(self, what):
        driver = self.driver_box.get("driver")
        if driver is None:
            return
        stem = os.path.join(self.artifacts, f"failed-{self.n:02d}")
        try:
            with open(stem + ".html", "w", encoding="utf-8") as f:
                f.write(f"<!-- {what} ; {driver.current_url} -->\n")
                f.write(driver.page_source)
            driver.save_screenshot(stem + ".png")
            print(f"      | page source and screenshot: {stem}.html, {stem}.png", flush=True)
        except WebDriverException as e:
            print(f"      | (could not save the page: {e.msg})", flush=True)


def iso(date):
    return f"{date['year']:04d}-{date['month']:02d}-{date['day']:02d}"


def short(enum_value, prefix):
    return enum_value[len(prefix):] if enum_value.startswith(prefix) else enum_value


def expect(cond, message):
    if not cond:
        raise AssertionError(message)


def canon(item):
    """A text for an item that does not depend on the order of a dict's keys."""
    if isinstance(item, dict):
        return "{" + ", ".join(f"{k}={item[k]!r}" for k in sorted(item)) + "}"
    return repr(item)


def diff_lists(want, got, label, ordered=True):
    """Fails with the items missing and extra (multisets), or (when ordered) the first difference of order."""
    w, g = Counter(map(canon, want)), Counter(map(canon, got))
    if w == g and (not ordered or want == got):
        return
    lines = [f"{label}: expected {len(want)}, got {len(got)}"]
    for item in sorted((w - g).elements()):
        lines.append(f"  missing: {item}")
    for item in sorted((g - w).elements()):
        lines.append(f"  extra:   {item}")
    if w == g:
        for i, (a, b) in enumerate(zip(want, got)):
            if a != b:
                lines.append(f"  same items, other order; first difference at {i}: expected {canon(a)}, got {canon(b)}")
                break
    raise AssertionError("\n".join(lines))


# --- The API's answer, as the page should show it -------------------------------

def percent(value, required):
    return "100.0" if required == 0 else f"{(value or 0):.1f}"


def expected_cells(check):
    cells = []
    for launch in check["launches"]:
        verdict = short(launch["verdict"], "VERDICT_")
        for loc in launch.get("locales", []):
            cov = loc.get("coverage", {})
            required = cov.get("requiredMessages", 0)
            cells.append({
                "launch": launch["launch"],
                "market": launch["market"],
                "locale": loc["locale"],
                "verdict": verdict,
                "optional": "true" if loc.get("optional") else "false",
                "required-messages": str(required),
                "effective-messages": str(cov.get("effectiveMessages", 0)),
                "own-messages": str(cov.get("ownMessages", 0)),
                "effective-percent": percent(cov.get("effectivePercent"), required),
                "own-percent": percent(cov.get("ownPercent"), required),
            })
    return cells


def all_findings(check):
    found = [f for launch in check["launches"] for f in launch.get("findings", [])]
    return found + list(check.get("findings", []))


def finding_key(f):
    return (f.get("market", ""), f.get("locale", ""), f["rule"], short(f["severity"], "SEVERITY_"))


# --- The page, read in one script call each -------------------------------------

JS_ATTRS = """
const [selector, names] = arguments;
return Array.from(document.querySelectorAll(selector)).map(e => {
  const o = {};
  for (const n of names) { o[n] = e.getAttribute('data-' + n); }
  return o;
});
"""

JS_FINDINGS = """
return Array.from(document.querySelectorAll('tr.finding')).map(r => ({
  market: r.getAttribute('data-market'), locale: r.getAttribute('data-locale'),
  rule: r.getAttribute('data-rule'), severity: r.getAttribute('data-severity'),
  hidden: r.hasAttribute('hidden'), rendered: r.getClientRects().length > 0,
}));
"""


def attrs(driver, selector, names):
    return driver.execute_script(JS_ATTRS, selector, names)


def page_cells(driver, selector):
    return attrs(driver, selector, CELL_ATTRS)


def page_tasks(driver):
    return attrs(driver, "tr.task", ["locale", "score", "words", "messages"])


def task_key(t):
    return (t["locale"], t["messages"], t["words"])


def api_tasks(check):
    return [{"locale": t["locale"], "messages": str(t.get("messageCount", 0)),
             "words": str(t.get("wordCount", 0)), "score": t.get("score", 0.0)} for t in check.get("tasks", [])]


def close(a, b):
    return abs(a - b) <= 1e-6 + 1e-5 * abs(b)


# --- axe-core ------------------------------------------------------------------

JS_AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']})
  .then(r => done({violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target, impact: n.impact, summary: n.failureSummary}))}))}))
  .catch(e => done({error: String(e)}));
"""


def run_axe(driver, axe_source, label):
    driver.execute_script(axe_source)
    expect(driver.execute_script("return typeof window.axe") == "object",
           "axe-core did not load into the page")
    result = driver.execute_async_script(JS_AXE_RUN)
    expect("error" not in result, f"axe.run failed: {result.get('error')}")
    violations = result["violations"]
    bad = [v for v in violations if v["impact"] in ("serious", "critical")]
    lines = []
    for v in violations:
        lines.append(f"{v['impact']}: {v['id']} ({v['help']})")
        for n in v["nodes"][:15]:
            lines.append(f"    {n['target']}")
    text = "\n".join(lines)
    if lines:
        print(f"      axe on {label}: {len(violations)} violation(s), {len(bad)} serious or critical")
        for line in lines:
            print(f"      . {line}")
    expect(not bad, f"{len(bad)} serious or critical violation(s):\n{text}")
    return len(violations)


# --- The checks ------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True, help="the dashboard, http://ADDR/")
    ap.add_argument("--token", required=True, help="a viewer's token")
    ap.add_argument("--as-of", required=True)
    ap.add_argument("--check-json", required=True)
    ap.add_argument("--launches-json", required=True)
    ap.add_argument("--bundle-json", required=True)
    ap.add_argument("--static-html", required=True)
    ap.add_argument("--history-html", required=True, help="the static page made with --history")
    ap.add_argument("--history-json", required=True, help="the JSON report of the same run")
    ap.add_argument("--chromium", required=True)
    ap.add_argument("--chromedriver", required=True)
    ap.add_argument("--axe", required=True)
    ap.add_argument("--artifacts", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--passed-before", type=int, default=0)
    ap.add_argument("--failed-before", type=int, default=0)
    a = ap.parse_args()

    os.makedirs(a.artifacts, exist_ok=True)
    for name in os.listdir(a.artifacts):  # what an earlier run left
        if name.endswith((".png", ".html")):
            os.remove(os.path.join(a.artifacts, name))
    with open(a.check_json) as f:
        check = json.load(f)
    with open(a.launches_json) as f:
        launches = {l["name"]: l for l in json.load(f).get("launches", [])}
    with open(a.bundle_json) as f:
        bundle = json.load(f)
    with open(a.axe, encoding="utf-8") as f:
        axe_source = f.read()

    base = a.url.rstrip("/")
    product_path = f"/{PRODUCT}?as_of={a.as_of}"
    product_url = base + product_path

    box = {}
    c = Checks(box, a.artifacts, a.passed_before, a.failed_before)

    def on_term(signum, frame):
        raise SystemExit(f"stopped by signal {signum}")
    signal.signal(signal.SIGTERM, on_term)

    t0 = time.monotonic()
    try:
        driver = c.run("headless Chromium starts under chromedriver", start_browser, a, box)
        if driver is None:
            return
        run_checks(c, driver, a, check, launches, bundle, axe_source, base, product_path, product_url)
    except SystemExit as e:
        c.fail("the browser checks ran to the end", e)
    except Exception as e:  # noqa: BLE001
        c.fail("the browser checks ran to the end", e)
    finally:
        driver = box.pop("driver", None)
        if driver is not None:
            try:
                driver.quit()
            except Exception:  # noqa: BLE001
                pass
        print(f"      (browser part took {time.monotonic() - t0:.1f} s; artifacts in {a.artifacts})")
        print()
        print(f"{c.passed} passed, {c.failed} failed", flush=True)
        sys.exit(1 if c.failed else 0)


def start_browser(a, box):
    opts = webdriver.ChromeOptions()
    opts.binary_location = a.chromium
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--window-size={WIDE[0]},{WIDE[1]}", "--lang=en-US", "--no-first-run",
                "--disable-extensions", "--disable-background-networking", "--disable-sync",
                "--disable-component-update", "--disable-default-apps", "--hide-scrollbars",
                "--force-device-scale-factor=1", "--disable-crash-reporter", "--disable-breakpad",
                f"--user-data-dir={os.path.join(a.work, 'chromium-profile')}"]:
        opts.add_argument(arg)
    opts.add_experimental_option("prefs", {"intl.accept_languages": "en-US,en"})
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=a.chromedriver,
                      log_output=os.path.join(a.work, "chromedriver.log"))
    driver = webdriver.Chrome(service=service, options=opts)
    box["driver"] = driver
    with open(os.path.join(a.work, "chromedriver.pid"), "w") as f:
        f.write(str(service.process.pid))
    driver.set_page_load_timeout(20)
    driver.set_script_timeout(30)
    driver.implicitly_wait(0)
    print(f"      browser {driver.capabilities.get('browserVersion')}, "
          f"chromedriver {driver.capabilities.get('chrome', {}).get('chromedriverVersion', '?').split()[0]}")
    return driver


def set_viewport(driver, width, height):
    """Sets the window so that the page's viewport is width x height."""
    driver.set_window_size(width, height)
    inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    if inner != [width, height]:
        driver.set_window_size(2 * width - inner[0], 2 * height - inner[1])
        inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    return inner


def wait_for(driver, fn, seconds=5):
    return WebDriverWait(driver, seconds, poll_frequency=0.05).until(lambda d: fn(d))


def console_errors(driver):
    try:
        return [e["message"] for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    except WebDriverException:
        return []


def run_checks(c, driver, a, check, launches, bundle, axe_source, base, product_path, product_url):
    path_of = lambda: urllib.parse.urlsplit(driver.current_url)  # noqa: E731

    # --- Sign in -----------------------------------------------------------------
    def redirected_to_login():
        driver.get(product_url)
        u = path_of()
        q = urllib.parse.parse_qs(u.query)
        expect(u.path == "/login", f"expected /login, at {driver.current_url}")
        expect(q.get("next") == [product_path], f"next should be {product_path!r}, got {q.get('next')}")
        driver.find_element(By.CSS_SELECTOR, "form#login")
        field = driver.find_element(By.CSS_SELECTOR, "form#login input[name=token]")
        expect(field.get_attribute("type") == "password",
               f"input[name=token] has type {field.get_attribute('type')!r}, not password")
    c.run("without a cookie the product page redirects to /login?next=…", redirected_to_login)
    c.run("axe-core: no serious or critical violation on the login page",
          run_axe, driver, axe_source, "the login page")

    def sign_in():
        if path_of().path != "/login":
            driver.get(base + "/login?next=" + urllib.parse.quote(product_path, safe=""))
        driver.find_element(By.CSS_SELECTOR, "form#login input[name=token]").send_keys(a.token)
        driver.find_element(By.CSS_SELECTOR, "form#login button[type=submit]").click()
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "main#product"), 10)
        u = path_of()
        expect(u.path == f"/{PRODUCT}", f"landed on {driver.current_url}")
        cookie = driver.get_cookie("glocal_token")
        expect(cookie is not None, "no glocal_token cookie")
        expect(cookie.get("httpOnly") is True, f"the cookie is not HttpOnly: {cookie}")
        expect(cookie.get("sameSite") == "Strict", f"the cookie is not SameSite=Strict: {cookie}")
        expect(cookie.get("path") == "/", f"the cookie's path is not /: {cookie}")
        return True
    c.run("typing the viewer's token into the login form signs in and lands on the product page "
          "(HttpOnly, SameSite=Strict cookie)", sign_in)
    if not driver.get_cookie("glocal_token"):
        return
    cookie_value = driver.get_cookie("glocal_token")["value"]

    def http_get(path):
        req = urllib.request.Request(base + path, headers={"Cookie": f"glocal_token={cookie_value}"})
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.status, dict(r.headers), r.read()

    # --- The product page (English, wide) ------------------------------------------
    def load(url):
        driver.get(url)
        expect(driver.find_elements(By.CSS_SELECTOR, "main#product"), f"no main#product at {driver.current_url}")
    set_viewport(driver, *WIDE)
    driver.get_log("browser")  # start the console log afresh
    c.run(f"the product page loads ({product_path})", load, product_url)

    def main_attrs():
        m = driver.find_element(By.CSS_SELECTOR, "main#product")
        got = {k: m.get_attribute(f"data-{k}") for k in ("product", "roadmap", "as-of")}
        want = {"product": PRODUCT, "roadmap": check["roadmap"], "as-of": a.as_of}
        expect(got == want, f"main#product: expected {want}, got {got}")
        v = driver.find_element(By.CSS_SELECTOR, "#verdict").get_attribute("data-verdict")
        want_v = short(check["verdict"], "VERDICT_")
        expect(v == want_v, f"#verdict[data-verdict]: expected {want_v}, got {v}")
    c.run(f"main#product names the product, roadmap and day; #verdict is {short(check['verdict'], 'VERDICT_')}",
          main_attrs)

    def no_console_errors():
        errors = console_errors(driver)
        expect(not errors, "console errors:\n" + "\n".join(errors))
    c.run("the product page logs no console error (no script blocked by its CSP)", no_console_errors)

    def csp():
        for path in ("/login", product_path, f"/{PRODUCT}/bundles/fr"):
            status, headers, _ = http_get(path)
            policy = {k.lower(): v for k, v in headers.items()}.get("content-security-policy", "")
            expect(status == 200, f"{path}: status {status}")
            expect(policy, f"{path}: no Content-Security-Policy")
            expect("unsafe-eval" not in policy, f"{path}: CSP allows unsafe-eval: {policy}")
            expect("http:" not in policy and "https:" not in policy and "*" not in policy,
                   f"{path}: CSP names an external origin: {policy}")
    c.run("the login, product and bundle pages send a CSP without unsafe-eval or external origins", csp)

    want_cells = expected_cells(check)
    live_cells = []

    def heatmap_cells():
        got = page_cells(driver, "svg#heatmap-chart g.cell")
        live_cells[:] = got
        diff_lists(want_cells, got, "svg#heatmap-chart g.cell", ordered=False)
    c.run(f"heatmap: one g.cell per launch and locale of CheckRoadmap ({len(want_cells)}), with its verdict, "
          "message counts and percents, no extra cell", heatmap_cells)

    live_rows = []

    def heatmap_rows():
        got = page_cells(driver, "table#heatmap-table tr.cell-row")
        live_rows[:] = got
        diff_lists(want_cells, got, "table#heatmap-table tr.cell-row", ordered=False)
    c.run(f"heatmap table: the same {len(want_cells)} tr.cell-row", heatmap_rows)

    def cells_have_text_and_title():
        bad = driver.execute_script("""
            return Array.from(document.querySelectorAll('svg#heatmap-chart g.cell')).filter(g => {
              const title = g.querySelector('title');
              const texts = Array.from(g.querySelectorAll('text')).map(t => t.textContent.trim()).join('');
              return !title || !title.textContent.trim() || !texts;
            }).map(g => g.getAttribute('data-launch') + ' ' + g.getAttribute('data-locale'));""")
        expect(not bad, f"cells without visible text or <title>: {bad}")
    c.run("every heatmap cell shows text and has a <title>", cells_have_text_and_title)

    # --- Timeline ----------------------------------------------------------------------
    def timeline():
        problems = []
        groups = driver.find_elements(By.CSS_SELECTOR, "svg#timeline-chart g.timeline-launch")
        by_launch = {}
        for g in groups:
            by_launch.setdefault(g.get_attribute("data-launch"), []).append(g)
        want_names = [l["launch"] for l in check["launches"]]
        if sorted(by_launch) != sorted(want_names) or len(groups) != len(want_names):
            problems.append(f"g.timeline-launch: expected one each of {want_names}, got "
                            f"{[g.get_attribute('data-launch') for g in groups]}")
        for l in check["launches"]:
            gs = by_launch.get(l["launch"], [])
            if len(gs) != 1:
                continue
            g = gs[0]
            name = l["launch"]
            got = {k: g.get_attribute(f"data-{k}") for k in ("market", "verdict", "date")}
            want = {"market": l["market"], "verdict": short(l["verdict"], "VERDICT_"), "date": iso(l["date"])}
            if got != want:
                problems.append(f"{name}: expected {want}, got {got}")
            phases = launches.get(name, {}).get("phases", [])
            want_phases = [(short(p["phase"], "LAUNCH_PHASE_"), iso(p["date"])) for p in phases]
            got_phases = [(r.get_attribute("data-phase"), r.get_attribute("data-start"))
                          for r in g.find_elements(By.CSS_SELECTOR, "rect.phase")]
            if got_phases != want_phases:
                problems.append(f"{name}: rect.phase (data-phase, data-start): expected {want_phases}, got {got_phases}")
            eta = l.get("forecast", {}).get("eta")
            got_eta = [e.get_attribute("data-date") for e in g.find_elements(By.CSS_SELECTOR, "g.eta")]
            want_eta = [iso(eta)] if eta else []
            if got_eta != want_eta:
                problems.append(f"{name}: g.eta: expected {want_eta} (forecast {l.get('forecast')}), got {got_eta}")
            if not g.find_elements(By.CSS_SELECTOR, "text.verdict-label"):
                problems.append(f"{name}: no text.verdict-label")
        today = driver.find_elements(By.CSS_SELECTOR, "svg#timeline-chart line#today")
        got_today = [t.get_attribute("data-date") for t in today]
        if got_today != [a.as_of]:
            problems.append(f"line#today: expected data-date {a.as_of}, got {got_today}")
        expect(not problems, "\n".join(problems))
    c.run(f"timeline: one g.timeline-launch per launch ({len(check['launches'])}) with verdict and date, a rect.phase "
          "per phase, g.eta exactly when the forecast has an eta, line#today on the as-of day", timeline)

    def due_dates():
        problems = []
        for l in check["launches"]:
            gs = driver.find_elements(By.CSS_SELECTOR, f"g.timeline-launch[data-launch='{l['launch']}']")
            if len(gs) != 1:
                problems.append(f"{l['launch']}: {len(gs)} g.timeline-launch")
                continue
            want_due = sorted({iso(x["dueDate"]) for x in l.get("locales", []) if x.get("dueDate")})
            got_due = sorted(e.get_attribute("data-date") for e in gs[0].find_elements(By.CSS_SELECTOR, "g.due"))
            if got_due != want_due:
                problems.append(f"{l['launch']}: g.due dates: expected {want_due}, got {got_due}")
            want_win = sorted({(iso(x["dueDate"]), iso(x["needDate"])) for x in l.get("locales", [])
                               if x.get("dueDate") and x.get("needDate")})
            got_win = sorted({(e.get_attribute("data-start"), e.get_attribute("data-end"))
                              for e in gs[0].find_elements(By.CSS_SELECTOR, "rect.need-window")})
            if got_win != want_win:
                problems.append(f"{l['launch']}: rect.need-window (start, end): expected {want_win}, got {got_win}")
        expect(not problems, "\n".join(problems))
    c.run("timeline: g.due on each distinct due date, rect.need-window from due date to need date", due_dates)

    # --- To-do --------------------------------------------------------------------------
    want_tasks = api_tasks(check)
    live_tasks = []

    def tasks():
        got = page_tasks(driver)
        live_tasks[:] = got
        diff_lists([task_key(t) for t in want_tasks], [task_key(t) for t in got],
                   "tr.task (locale, messages, words) in rank order")
        for w, g in zip(want_tasks, got):
            expect(g["score"] is not None and close(float(g["score"]), w["score"]),
                   f"{w['locale']}: data-score {g['score']}, the API's score {w['score']}")
    c.run(f"to-do: tr.task rows are the API's tasks in rank order ({[t['locale'] for t in want_tasks]}), "
          "with messages, words and score", tasks)

    def handoff_links():
        problems = []
        rows = driver.find_elements(By.CSS_SELECTOR, "table#tasks tr.task")
        for row in rows:
            loc = row.get_attribute("data-locale")
            formats = Counter(x.get_attribute("data-format") for x in row.find_elements(By.CSS_SELECTOR, "a.handoff"))
            if formats["xliff"] != 1 or formats["csv"] != 1 or formats["ftl"] < 1:
                problems.append(f"{loc}: a.handoff formats {dict(formats)} (want 1 xliff, 1 csv, 1+ ftl)")
        expect(rows, "no tr.task in table#tasks")
        expect(not problems, "\n".join(problems))
        # The first task's XLIFF with the browser's cookie.
        href = rows[0].find_element(By.CSS_SELECTOR, "a.handoff[data-format=xliff]").get_attribute("href")
        u = urllib.parse.urlsplit(href)
        status, headers, body = http_get(u.path + ("?" + u.query if u.query else ""))
        expect(status == 200, f"{href}: status {status}")
        expect(b"urn:oasis:names:tc:xliff:document:2.0" in body, f"{href}: not XLIFF 2.0: {body[:200]!r}")
    c.run("to-do: each task row has XLIFF, CSV and FTL hand-off links; the first XLIFF downloads", handoff_links)

    # --- Findings and their filter ------------------------------------------------------
    findings = all_findings(check)
    want_all = sorted(finding_key(f) for f in findings)

    def read_findings():
        return driver.execute_script(JS_FINDINGS)

    def shown_text():
        return driver.find_element(By.CSS_SELECTOR, "#findings-shown").text.strip()

    page_total = {}

    def findings_all():
        rows = read_findings()
        page_total["rows"] = len(rows)
        diff_lists(want_all, sorted((r["market"], r["locale"], r["rule"], r["severity"]) for r in rows), "tr.finding")
        expect(all(not r["hidden"] and r["rendered"] for r in rows), "some rows are hidden before any filter")
        expect(shown_text() == str(len(want_all)), f"#findings-shown says {shown_text()!r}, want {len(want_all)}")
    c.run(f"findings: one tr.finding per finding of the launches and the roadmap ({len(want_all)}); "
          "#findings-shown counts them", findings_all)

    by_locale = Counter(f.get("locale", "") for f in findings if f.get("locale"))
    locale = sorted(by_locale.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if by_locale else ""
    want_loc = sorted(finding_key(f) for f in findings if f.get("locale") == locale)
    sev_counts = Counter(short(f["severity"], "SEVERITY_") for f in findings if f.get("locale") == locale)
    # A severity that leaves some of the locale's rows, not all (else the most frequent).
    partial = [s for s, n in sev_counts.items() if 0 < n < len(want_loc)]
    severity = sorted(partial or sev_counts, key=lambda s: (-sev_counts[s], s))[0] if sev_counts else "ERROR"
    want_loc_sev = [k for k in want_loc if k[3] == severity]

    def visible_match(want, label):
        def ok(_):
            return shown_text() == str(len(want))
        try:
            wait_for(driver, ok, 5)
        except TimeoutException:
            pass
        rows = read_findings()
        unhidden = [r for r in rows if not r["hidden"]]
        rendered = [r for r in rows if r["rendered"]]
        got = sorted((r["market"], r["locale"], r["rule"], r["severity"]) for r in unhidden)
        diff_lists(want, got, f"{label}: rows without the hidden attribute")
        expect(len(rendered) == len(unhidden),
               f"{label}: {len(unhidden)} rows are not hidden but {len(rendered)} are rendered")
        expect(len(rows) == page_total.get("rows", len(rows)),
               f"{label}: the filter changed the rows in the page ({len(rows)}, before {page_total.get('rows')}): "
               "did it reload the page instead of hiding rows?")
        expect(shown_text() == str(len(want)), f"{label}: #findings-shown says {shown_text()!r}, want {len(want)}")

    def filter_locale():
        Select(driver.find_element(By.CSS_SELECTOR, "form#findings-filter select[name=locale]")).select_by_value(locale)
        visible_match(want_loc, f"locale={locale}")
    c.run(f"findings filter (JS): choosing locale {locale} shows its {len(want_loc)} findings at once, "
          "hides the others, #findings-shown follows", filter_locale)

    def filter_severity():
        Select(driver.find_element(By.CSS_SELECTOR, "form#findings-filter select[name=severity]")).select_by_value(severity)
        visible_match(want_loc_sev, f"locale={locale}, severity={severity}")
    c.run(f"findings filter (JS): then severity {severity} leaves {len(want_loc_sev)}", filter_severity)

    def filter_reset():
        Select(driver.find_element(By.CSS_SELECTOR, "form#findings-filter select[name=locale]")).select_by_value("")
        Select(driver.find_element(By.CSS_SELECTOR, "form#findings-filter select[name=severity]")).select_by_value("")
        visible_match(want_all, "all")
    c.run(f"findings filter (JS): back to all shows the {len(want_all)} again", filter_reset)

    def server_filter(query, want, label):
        driver.get(product_url + "&" + query)
        rows = read_findings()
        got = sorted((r["market"], r["locale"], r["rule"], r["severity"]) for r in rows)
        diff_lists(want, got, f"{label}: tr.finding in the page the server answers")
        expect(shown_text() == str(len(want)), f"{label}: #findings-shown says {shown_text()!r}, want {len(want)}")
        sel = Select(driver.find_element(By.CSS_SELECTOR, "form#findings-filter select[name=locale]"))
        expect(sel.first_selected_option.get_attribute("value") == locale,
               f"{label}: select[name=locale] shows {sel.first_selected_option.get_attribute('value')!r}")
    c.run(f"findings filter (no JS): ?locale={locale} answers only its {len(want_loc)} rows",
          server_filter, f"locale={urllib.parse.quote(locale)}", want_loc, f"?locale={locale}")
    c.run(f"findings filter (no JS): ?locale={locale}&severity={severity} answers {len(want_loc_sev)} rows",
          server_filter, f"locale={urllib.parse.quote(locale)}&severity={severity}", want_loc_sev,
          f"?locale={locale}&severity={severity}")

    # --- Screenshots, English and wide; then the phone --------------------------------
    english_heading = {}

    def screenshots():
        load(product_url)
        set_viewport(driver, *WIDE)
        english_heading["text"] = driver.find_element(By.CSS_SELECTOR, "section#heatmap h2").text.strip()
        for sec in ("heatmap", "timeline"):
            path = os.path.join(a.artifacts, f"{sec}-1280x800.png")
            rect = capture(driver, path, f"section#{sec}")
            expect(rect["width"] > 0 and rect["height"] > 0, f"section#{sec} has no size: {rect}")
            expect(os.path.getsize(path) > 1000, f"{path} is (nearly) empty")
    c.run(f"screenshots of section#heatmap and section#timeline at 1280x800 in {a.artifacts}", screenshots)

    c.run("axe-core: no serious or critical violation on the English product page",
          run_axe, driver, axe_source, "the English product page")

    def phone():
        inner = set_viewport(driver, *PHONE)
        load(product_url)
        size = driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth, document.documentElement.scrollHeight]")
        scroll_width, inner_width, height = size
        capture(driver, os.path.join(a.artifacts, f"product-{PHONE[0]}x{PHONE[1]}-full.png"))
        expect(inner[0] == PHONE[0], f"the viewport is {inner}, not {PHONE}")
        expect(scroll_width <= inner_width + 1,
               f"the page scrolls sideways at {PHONE[0]} px: documentElement.scrollWidth {scroll_width}, "
               f"innerWidth {inner_width}; widest elements: {widest(driver, inner_width)}")
    c.run(f"phone width {PHONE[0]}x{PHONE[1]}: full-page screenshot, no horizontal scroll of the page", phone)
    set_viewport(driver, *WIDE)

    # --- German -------------------------------------------------------------------------
    def german():
        load(product_url + "&lang=de")
        lang = driver.find_element(By.CSS_SELECTOR, "html").get_attribute("lang") or ""
        expect(lang.lower().startswith("de"), f"html[lang] is {lang!r}")
        de = driver.find_element(By.CSS_SELECTOR, "section#heatmap h2").text.strip()
        en = english_heading.get("text", "")
        expect(en, "the English heading was not read")
        expect(de and de != en, f"German heatmap heading {de!r}, English {en!r}")
        print(f"      heatmap heading: en {en!r}, de {de!r}")
    c.run("?lang=de: html[lang] is German and the heatmap heading is translated", german)
    c.run("axe-core: no serious or critical violation on the German product page",
          run_axe, driver, axe_source, "the German product page")

    # --- The bundle page ----------------------------------------------------------------
    bundle_path = f"/{PRODUCT}/bundles/fr"

    def bundle_page():
        driver.get(base + bundle_path)
        expect(path_of().path == bundle_path, f"at {driver.current_url}")
        want_files = [{"path": f["path"], "messages": str(f.get("stats", {}).get("messages", 0)),
                       "diagnostics": str(f.get("diagnosticCount", 0))} for f in bundle.get("files", [])]
        diff_lists(want_files, attrs(driver, "table#bundle-files tr.bundle-file", ["path", "messages", "diagnostics"]),
                   "table#bundle-files tr.bundle-file (GetBundle's files)", ordered=False)
        shown = Counter((d["file"], d["line"]) for d in attrs(driver, "table#bundle-diagnostics tr.diagnostic",
                                                               ["file", "line"]))
        want_diags = Counter((d["file"], str(d.get("line", 0))) for d in bundle.get("diagnostics", []))
        expect(not (want_diags - shown), f"GetBundle's diagnostics missing from table#bundle-diagnostics: "
               f"{sorted((want_diags - shown).elements())} (shown: {sorted(shown.elements())})")
        cov = driver.find_element(By.CSS_SELECTOR, "#bundle-coverage")
        t, n = cov.get_attribute("data-translated"), cov.get_attribute("data-total")
        expect(t is not None and n is not None and t.isdigit() and n.isdigit() and int(t) <= int(n),
               f"#bundle-coverage data-translated={t!r} data-total={n!r}")
    c.run(f"bundle page {bundle_path}: its files are GetBundle's, with its diagnostics among the rows; "
          "#bundle-coverage has counts",
          bundle_page)
    c.run("axe-core: no serious or critical violation on the bundle page",
          run_axe, driver, axe_source, f"the bundle page {bundle_path}")

    # --- The static page ----------------------------------------------------------------
    def static_page():
        driver.get("file://" + os.path.abspath(a.static_html))
        m = driver.find_element(By.CSS_SELECTOR, "main#product")
        got = {k: m.get_attribute(f"data-{k}") for k in ("product", "roadmap", "as-of")}
        want = {"product": PRODUCT, "roadmap": check["roadmap"], "as-of": a.as_of}
        expect(got == want, f"main#product: expected {want}, got {got}")
        expect(live_cells, "the live cells were not read")
        diff_lists(live_cells, page_cells(driver, "svg#heatmap-chart g.cell"), "static g.cell vs live g.cell")
        diff_lists(live_rows, page_cells(driver, "table#heatmap-table tr.cell-row"),
                   "static tr.cell-row vs live tr.cell-row")
    c.run("static page (glocal check --html): its cells are the live page's, one for one", static_page)

    def static_tasks():
        expect(live_tasks, "the live tasks were not read")
        diff_lists(live_tasks, page_tasks(driver), "static tr.task vs live tr.task")
        links = driver.find_elements(By.CSS_SELECTOR, "a.handoff")
        expect(not links, f"the static page has {len(links)} a.handoff links")
        external = driver.execute_script("""
            return Array.from(document.querySelectorAll('[src], link[href], a[href]'))
              .map(e => e.getAttribute('src') || e.getAttribute('href'))
              .filter(u => /^(https?:)?\\/\\//.test(u) || u.startsWith('/'));""")
        expect(not external, f"the static page refers to a server: {external[:10]}")
    c.run("static page: its task rows are the live ones, without hand-off links or links to a server", static_tasks)
    c.run("axe-core: no serious or critical violation on the static page",
          run_axe, driver, axe_source, "the static page")

    def static_forecasts():
        with open(a.history_json) as f:
            report = json.load(f)
        driver.get("file://" + os.path.abspath(a.history_html))
        want, got = [], []
        for l in report["launches"]:
            eta = (l.get("forecast") or {}).get("eta")
            want.append((l["launch"], [eta] if eta else []))
            gs = driver.find_elements(By.CSS_SELECTOR, f"g.timeline-launch[data-launch='{l['launch']}']")
            got.append((l["launch"], [e.get_attribute("data-date") for g in gs
                                      for e in g.find_elements(By.CSS_SELECTOR, "g.eta")]))
        expect(any(e for _, e in want), f"the history gave no launch a forecast day: {report['launches']}")
        diff_lists(want, got, "(launch, g.eta days) against the JSON report's forecast.eta")
    c.run("static page with --history: g.eta exactly on the launches whose forecast has an eta, on that day",
          static_forecasts)


def capture(driver, path, selector=None):
    """A PNG of the element (whole, also where it reaches beyond the viewport), or of the whole page."""
    rect = driver.execute_script("""
        const e = arguments[0] ? document.querySelector(arguments[0]) : document.documentElement;
        const r = e.getBoundingClientRect();
        return {x: r.left + window.scrollX, y: r.top + window.scrollY,
                width: arguments[0] ? r.width : e.scrollWidth, height: arguments[0] ? r.height : e.scrollHeight};""",
                                 selector)
    clip = {"x": rect["x"], "y": rect["y"], "width": max(1, rect["width"]),
            "height": max(1, min(rect["height"], 16000)), "scale": 1}
    shot = driver.execute_cdp_cmd("Page.captureScreenshot",
                                  {"format": "png", "captureBeyondViewport": True, "clip": clip})
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    return rect


def widest(driver, limit):
    return driver.execute_script("""
        const limit = arguments[0];
        return Array.from(document.querySelectorAll('body *'))
          .map(e => [e, e.getBoundingClientRect()])
          .filter(([e, r]) => r.right > limit + 1)
          .slice(0, 8)
          .map(([e, r]) => (e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') +
                ' right=' + Math.round(r.right)));""", limit)


if __name__ == "__main__":
    main()
