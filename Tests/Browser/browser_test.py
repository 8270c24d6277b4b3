#!/usr/bin/env python3
"""Podium's web pages in real headless Chromium, against `podium serve`.

Builds two indexes with the `podium` binary: one of Corpus/, one of the hostile corpus beside this script
(statements whose text, title, speaker, id and URL hold markup and script). Starts `podium serve` on a
free loopback port for each and drives Chromium through Selenium, pointed at Debian's /usr/bin/chromedriver
so that nothing is downloaded.

On Corpus/: types a query and sees hits, clicks a facet and sees the total change, pages, opens a
statement, downloads the CSV export and parses it, opens a topic and sees its chart load, and checks the
keyboard path (skip link first, "/" to the search box) and that the browser logged no policy violation.
On the hostile index: on every page, no script of the data ran (no `window.__pwned`, no alert), no
element the data spelled exists, no link leads to a `javascript:` or `data:` URL, and the hostile strings
are visible as text.

Screenshots of each page at desktop (1280 px) and phone (390 px) width go to Tests/Browser/screenshots/
(ignored by git). Exits 0 when every check passed, 1 otherwise.

Needs: chromium, chromium-driver and fonts-noto-cjk (Debian), selenium (pip), and a built `podium`.
"""

import argparse
import base64
import csv
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
HOSTILE = os.path.join(HERE, "hostile")
SHOTS = os.path.join(HERE, "screenshots")

failures = []
passed = 0


def check(condition, what):
    """Records one check; a failure is reported at the end and fails the run."""
    global passed
    if condition:
        passed += 1
        print(f"  ok    {what}")
    else:
        failures.append(what)
        print(f"  FAIL  {what}")


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_index(podium, corpus, index):
    subprocess.run(
        [podium, "index", "build", "--corpus", corpus, "--index", index],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


class Server:
    """`podium serve` on a free loopback port, stopped with SIGINT as Ctrl-C would."""

    def __init__(self, podium, index, log):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(log, "w")
        self.process = subprocess.Popen(
            [podium, "serve", "--index", index, "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"podium serve exited with {self.process.returncode}; see {log}")
            try:
                with urllib.request.urlopen(self.base + "/", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.2)
        raise RuntimeError(f"podium serve did not answer on {self.base}; see {log}")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def chromium(downloads):
    options = webdriver.ChromeOptions()
    for path in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if os.path.exists(path):
            options.binary_location = path
            break
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,900", "--lang=en-US", "--font-render-hinting=none"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": downloads,
        "download.prompt_for_download": False,
        "safebrowsing.enabled": False,
    })
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    driver.set_page_load_timeout(60)
    return driver


def wait(driver, condition, seconds=20):
    return WebDriverWait(driver, seconds).until(condition)


def screenshot(driver, name):
    """The whole page at desktop width (1280) and at a phone's (390, as an iPhone 12–15 shows it)."""
    os.makedirs(SHOTS, exist_ok=True)
    for suffix, width, mobile in (("", 1280, False), ("-phone", 390, True)):
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": 900 if not mobile else 844, "deviceScaleFactor": 1 if not mobile else 2,
            "mobile": mobile,
        })
        time.sleep(0.3)
        height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
        overflow = driver.execute_script(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth")
        check(not overflow, f"{name}{suffix}: nothing wider than the {width} px screen")
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 6000), "scale": 1},
        })

        with open(os.path.join(SHOTS, f"{name}{suffix}.png"), "wb") as f:
            f.write(base64.b64decode(shot["data"]))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def total_of(driver):
    """The total of the results heading: `1–10 of 22 statements` → 22."""
    text = driver.find_element(By.ID, "results-heading").text
    match = re.search(r"of (?:at least )?([\d,]+) statement", text) or re.search(r"^([\d,]+) statement", text)
    return int(match.group(1).replace(",", "")) if match else None


def policy_violations(driver):
    """Content-policy violations and script errors; an error page's own 4xx status is logged too, and is
    what it should be."""
    entries = driver.get_log("browser")
    return [e["message"] for e in entries
            if "Content Security Policy" in e["message"]
            or (e["level"] == "SEVERE" and "Failed to load resource" not in e["message"])]


# MARK: - Corpus/


def corpus_tour(driver, base, downloads):
    print("Corpus/: search, facet, paging, statement, CSV, topic")
    driver.get(base + "/")
    screenshot(driver, "serve-home")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    active = driver.switch_to.active_element
    check(active.get_attribute("class") == "skip-link", "the first Tab reaches the skip link")
    driver.execute_script("document.activeElement.blur()")
    ActionChains(driver).send_keys("/").perform()
    check(driver.switch_to.active_element.get_attribute("id") == "q", "\"/\" moves to the search box")

    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys("tariffs")
    box.send_keys(Keys.ENTER)
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "ol.hits li.hit"))
    hits = driver.find_elements(By.CSS_SELECTOR, "ol.hits li.hit")
    check(len(hits) == 10, f"typing 'tariffs' shows a page of 10 hits (saw {len(hits)})")
    check("q=tariffs" in driver.current_url, "the search is a link (q in the URL)")
    marks = driver.find_elements(By.CSS_SELECTOR, "ol.hits mark")
    check(any(m.text.lower().startswith("tariff") for m in marks), "the excerpts highlight the query's word")
    before = total_of(driver)
    check(before is not None and before > 10, f"the total is shown ({before})")
    screenshot(driver, "serve-search")

    facet = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby='facet-speaker'] ul a")
    speaker = facet.text.split(",")[0].strip()
    facet.click()
    wait(driver, lambda d: "speaker=" in d.current_url)
    after = total_of(driver)
    check(after is not None and after < before, f"clicking the speaker facet '{speaker}' narrows {before} → {after}")
    chips = [c.text for c in driver.find_elements(By.CSS_SELECTOR, "ul.chips a")]
    check(any(speaker in c for c in chips), "the facet shows as a removable filter")
    speakers = {e.text for e in driver.find_elements(By.CSS_SELECTOR, "ol.hits .speaker")}
    check(speakers == {speaker}, f"every hit is by {speaker} ({sorted(speakers)})")
    driver.find_element(By.CSS_SELECTOR, "ul.chips a").click()
    wait(driver, lambda d: "speaker=" not in d.current_url)
    check(total_of(driver) == before, "removing the filter gives the first total back")

    driver.find_element(By.CSS_SELECTOR, "nav.pager a[rel='next']").click()
    wait(driver, lambda d: "page=2" in d.current_url)
    heading = driver.find_element(By.ID, "results-heading").text
    check(heading.startswith("11–"), f"the next page starts at 11 ({heading})")
    driver.back()
    wait(driver, lambda d: "page=2" not in d.current_url)

    csv_link = driver.find_element(By.XPATH, "//p[@class='exports']/a[text()='CSV']")
    href = csv_link.get_attribute("href")
    check("/api/export" in href and "format=csv" in href, "the CSV link asks the export API")
    csv_link.click()
    rows = None
    deadline = time.time() + 30
    while time.time() < deadline:
        done = [f for f in os.listdir(downloads) if not f.endswith(".crdownload")]
        if done:
            time.sleep(0.3)
            with open(os.path.join(downloads, done[0]), newline="", encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
            break
        time.sleep(0.2)
    check(rows is not None, "the CSV downloads")
    if rows is not None:
        check(len(rows) == before, f"the CSV parses into {before} rows, the total ({len(rows)})")
        check(rows and "id" in rows[0], "the CSV has an id column")

    first = driver.find_element(By.CSS_SELECTOR, "ol.hits li.hit h3 a")
    title = first.text
    first.click()
    wait(driver, lambda d: "/statement/" in d.current_url)
    check(driver.find_element(By.TAG_NAME, "h1").text == title, "the statement page opens under the hit's title")
    answer = driver.find_element(By.CSS_SELECTOR, ".turn.answer .turn-text").text
    check(len(answer) > 40, "the statement page shows the whole answer")
    check(driver.find_elements(By.CSS_SELECTOR, "ul.sources li"), "the statement page lists its sources")
    screenshot(driver, "serve-statement")

    zh = base + "/?q=" + urllib.request.quote("关税") + "&lang=zh"
    driver.get(zh)
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "ol.hits li.hit, .empty"))
    check(driver.find_elements(By.CSS_SELECTOR, "ol.hits li.hit[lang='zh']"), "a Chinese query finds Chinese hits")
    screenshot(driver, "serve-search-zh")
    driver.find_element(By.CSS_SELECTOR, "ol.hits li.hit h3 a").click()
    wait(driver, lambda d: "/statement/" in d.current_url)
    screenshot(driver, "serve-statement-zh")

    driver.get(base + "/topics")
    cards = driver.find_elements(By.CSS_SELECTOR, ".topic-card h2 a")
    check(len(cards) > 0, f"the topics page lists the topics ({len(cards)})")
    screenshot(driver, "serve-topics")
    cards[0].click()
    wait(driver, lambda d: "/topics/" in d.current_url)
    try:
        wait(driver, lambda d: d.execute_script(
            "const i = document.getElementById('trend-chart'); return i && i.complete && i.naturalWidth > 0"))
        loaded = True
    except TimeoutException:
        loaded = False
    check(loaded, "the topic's trend chart loads")
    check(driver.find_elements(By.CSS_SELECTOR, "ol.hits li.hit"), "the topic page lists its top statements")
    screenshot(driver, "serve-topic")

    driver.get(base + "/?q=" + urllib.request.quote("spekaer:geng"))
    error = driver.find_elements(By.CSS_SELECTOR, ".error-box")
    check(error and "unknown field" in error[0].text, "a bad query shows the command line's message")
    screenshot(driver, "serve-error")
    violations = policy_violations(driver)
    check(not violations, f"no content-policy violation or error in the console ({violations[:3]})")


# MARK: - The hostile corpus


PWNED = "return typeof window.__pwned === 'undefined' ? null : String(window.__pwned)"

SAFE_DOM = """
const bad = [];
for (const e of document.querySelectorAll('*')) {
  for (const a of e.attributes) {
    if (/^on/i.test(a.name)) bad.push(e.tagName + ' ' + a.name);
  }
}
for (const s of document.scripts) {
  if (!s.src || new URL(s.src).pathname !== '/assets/podium.js') bad.push('script ' + (s.src || s.text.slice(0, 40)));
}
for (const e of document.querySelectorAll('[href], [src], [action]')) {
  const url = e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action');
  if (!/^(https?:\\/\\/|\\/|#)/i.test(url.trim())) bad.push(e.tagName + ' ' + url);
}
for (const e of document.querySelectorAll('svg, iframe, object, embed, textarea, b, i')) bad.push(e.tagName);
return bad;
"""


def hostile_checks(driver, page):
    try:
        alert = driver.switch_to.alert
        check(False, f"{page}: no alert (one said {alert.text!r})")
        alert.dismiss()
    except NoAlertPresentException:
        check(True, f"{page}: no alert")
    check(driver.execute_script(PWNED) is None, f"{page}: no script of the data ran (window.__pwned unset)")
    bad = driver.execute_script(SAFE_DOM)
    check(not bad, f"{page}: no handler, script, unsafe link or element spelled by the data ({bad[:4]})")


def hostile_tour(driver, base):
    print("Hostile corpus: every page shows the markup as text")
    driver.get(base + "/?q=tariffs")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "ol.hits li.hit"))
    hostile_checks(driver, "search")
    text = driver.find_element(By.TAG_NAME, "body").text
    for shown in ("<script>window.__pwned='title'</script> Tariffs briefing",
                  "<img src=x onerror=\"window.__pwned='speaker'\">Mallory",
                  "javascript:window.__pwned='href'",
                  "data:text/html,<script>window.__pwned='data'</script>"):
        check(shown in text, f"search: shows {shown!r} as text")
    screenshot(driver, "hostile-search")

    ids = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "ol.hits li.hit h3 a")]
    check(len(ids) >= 4, f"search: the hostile statements are found ({len(ids)})")
    for n, href in enumerate(ids):
        driver.get(href)
        wait(driver, lambda d: d.find_elements(By.TAG_NAME, "h1"))
        hostile_checks(driver, f"statement {n + 1}")
        if n == 0:
            body = driver.find_element(By.TAG_NAME, "body").text
            check("</textarea><script>window.__pwned='question'</script>" in body,
                  "statement: the question's markup shows as text")
            check("\"><svg onload=window.__pwned='outlet'>" in body, "statement: the outlet's markup shows as text")
            screenshot(driver, "hostile-statement")

    driver.get(base + "/statement/" + urllib.request.quote("\"><img src=x onerror=window.__pwned='id'>", safe=""))
    hostile_checks(driver, "statement with a hostile id")
    check("onerror=window.__pwned='id'" in driver.find_element(By.TAG_NAME, "body").text,
          "statement with a hostile id: the id shows as text")

    driver.get(base + "/?q=tariffs")
    kind = [a for a in driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby='facet-kind'] a")
            if "<b>" in a.text]
    check(bool(kind), "search: the hostile kind is a facet value, as text")
    if kind:
        kind[0].click()
        wait(driver, lambda d: "kind=" in d.current_url)
        hostile_checks(driver, "search narrowed by a hostile kind")

    driver.get(base + "/topics")
    hostile_checks(driver, "topics")
    driver.get(base + "/topics/xss")
    hostile_checks(driver, "topic")
    body = driver.find_element(By.TAG_NAME, "body").text
    check("<script>window.__pwned='topic-label'</script>Tariffs" in body, "topic: the label shows as text")
    screenshot(driver, "hostile-topic")

    for query in ("<script>window.__pwned='q'</script>", "\"><img src=x onerror=window.__pwned='q2'>",
                  "speaker:\"<svg onload=window.__pwned='q3'>"):
        driver.get(base + "/?q=" + urllib.request.quote(query, safe=""))
        hostile_checks(driver, f"search for {query!r}")
        check(driver.find_element(By.ID, "q").get_attribute("value") == query,
              "the query box holds the query as typed")
    driver.get(base + "/statement/" + urllib.request.quote("<script>window.__pwned='404'</script>", safe=""))
    hostile_checks(driver, "unknown statement")
    check("<script>window.__pwned='404'</script>" in driver.find_element(By.TAG_NAME, "body").text,
          "unknown statement: the id shows as text in the message")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--podium", default=os.path.join(ROOT, ".build", "debug", "podium"))
    arguments = parser.parse_args()
    podium = os.path.abspath(arguments.podium)
    if not os.path.exists(podium):
        sys.exit(f"no podium binary at {podium}: run 'swift build --product podium' first")
    if not os.path.exists("/usr/bin/chromedriver"):
        sys.exit("no /usr/bin/chromedriver: apt-get install -y chromium chromium-driver fonts-noto-cjk")

    work = tempfile.mkdtemp(prefix="podium-browser-")
    servers = []
    driver = None
    try:
        corpus_index = os.path.join(work, "corpus-index")
        hostile_index = os.path.join(work, "hostile-index")
        build_index(podium, os.path.join(ROOT, "Corpus"), corpus_index)
        build_index(podium, HOSTILE, hostile_index)
        downloads = os.path.join(work, "downloads")
        os.makedirs(downloads)
        corpus = Server(podium, corpus_index, os.path.join(work, "serve-corpus.log"))
        servers.append(corpus)
        hostile = Server(podium, hostile_index, os.path.join(work, "serve-hostile.log"))
        servers.append(hostile)
        driver = chromium(downloads)
        corpus_tour(driver, corpus.base, downloads)
        hostile_tour(driver, hostile.base)
    finally:
        if driver is not None:
            driver.quit()
        for server in servers:
            server.stop()
        if not failures:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"logs kept in {work}")
    print(f"\n{passed} checks passed, {len(failures)} failed; screenshots in {os.path.relpath(SHOTS, ROOT)}/")
    for failure in failures:
        print(f"  failed: {failure}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
