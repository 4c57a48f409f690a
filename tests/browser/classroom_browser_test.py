#!/usr/bin/env python3
"""The classroom in a real browser: Debian's chromium, headless, driven by selenium.

An instructor and two students, each in their own browser: the instructor starts the table,
the students join by their links, exchange offers (one picks options in the form, the other
types issue=value), one accepts; then both students' pages and the instructor's must show the
agreement, the browsers must have logged no error, and the game's trace must be in the class
folder. Screenshots of the three pages are kept in OUT_DIR.

Usage: classroom_browser_test.py PARLEY_BINARY SOURCE_DIR OUT_DIR. Exit 77 (CTest: skipped)
when chromium, chromedriver or python3-selenium is missing.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

parley, src, out = sys.argv[1:4]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import chromium  # noqa: E402  (the shared browser set-up, tests/browser/chromium.py)

chromium.skip_unless_ready()
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

os.makedirs(out, exist_ok=True)
work = tempfile.mkdtemp(prefix="parley-classroom-browser-")
class_dir = os.path.join(work, "class")
server = subprocess.Popen(
    [parley, "classroom", os.path.join(src, "scenarios/istanbul-2022.json"), "--tables", "1",
     "--class-dir", class_dir, "--port", "0"],
    stdout=subprocess.PIPE, text=True)
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def browser():
    return chromium.headless()


def wait(b, condition, what, timeout=20):
    try:
        # The pages redraw as they poll: an element read a moment ago may be gone.
        WebDriverWait(b, timeout, ignored_exceptions=(StaleElementReferenceException,
                                                       NoSuchElementException)).until(condition)
        return True
    except Exception:
        check(False, what)
        return False


def start_server(scenario, folder):
    """A classroom of one table; returns the server, its address and the instructor's token."""
    s = subprocess.Popen([parley, "classroom", scenario, "--tables", "1", "--class-dir", folder,
                          "--port", "0"], stdout=subprocess.PIPE, text=True)
    banner = ""
    while "Ctrl-C" not in banner:
        line = s.stdout.readline()
        if not line:
            break
        banner += line
    m = re.search(r"(http://[^\s]+)/instructor#([0-9a-f]{40})", banner)
    return s, (m.group(1) if m else None), (m.group(2) if m else None)


def call(base, method, path, token, body=None):
    req = urllib.request.Request(base + path, method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + token,
                                          "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req, timeout=20))


def changed_weights_phase():
    """News that changes the COM's priorities (change_weights), pushed by the instructor: from
    that round on the COM student's page counts the new points (the offer, the timeline, "Your
    points now"); the offers before keep theirs."""
    scenario = json.load(open(os.path.join(src, "scenarios/korea-1951-53.json")))
    scenario["events"].append({"id": "com-priorities", "kind": "change_weights",
                               "date": "1954-06-01", "label": "The COM cares less about repatriation",
                               "params": {"party": "COM", "issue": "repatriation", "weight": 0.1},
                               "source": "test"})
    path = os.path.join(work, "korea-weights.json")
    json.dump(scenario, open(path, "w"))
    server2, base, token = start_server(path, os.path.join(work, "weights-class"))
    try:
        check(base is not None, "the second server printed the instructor's link")
        if base is None:
            return
        seats = call(base, "GET", "/api/instructor/class", token)["tables"][0]["seats"]
        tokens = {s["party"]: s["token"] for s in seats}
        call(base, "POST", "/api/instructor/tables/t1/clock", token, {"running": True})
        terms = {"repatriation": 1, "line": 0}  # for the COM: 0.6 and 1.0
        call(base, "POST", "/api/seat/move", tokens["UNC"], {"action": "propose", "terms": terms})
        com = chromium.headless(1250, 2200)
        com.get(f"{base}/seat#{tokens['COM']}")
        wait(com, lambda d: d.find_elements(By.ID, "offer-points"), "the COM is asked to answer")
        check("68.0" in com.find_element(By.ID, "offer-points").text,
              "before the news the offer is worth 68.0 points to the COM (starting weights)")
        check(com.find_element(By.ID, "schedule-now").get_attribute("hidden") is not None,
              "no 'Your points now' before the news")
        call(base, "POST", "/api/seat/move", tokens["COM"], {"action": "reject"})
        call(base, "POST", "/api/instructor/tables/t1/inject", token, {"event": "com-priorities"})
        call(base, "POST", "/api/seat/move", tokens["COM"], {"action": "propose", "terms": terms})
        call(base, "POST", "/api/seat/move", tokens["UNC"], {"action": "reject"})
        call(base, "POST", "/api/seat/move", tokens["UNC"], {"action": "propose", "terms": terms})
        wait(com, lambda d: "86.7" in d.find_element(By.ID, "offer-points").text,
             "after the news the same offer is worth 86.7 points to the COM (new weights)")
        wait(com, lambda d: "Your points now" in d.find_element(By.ID, "schedule-now").text,
             "the COM's page shows 'Your points now'")
        rows = [r.text for r in com.find_elements(By.CSS_SELECTOR, "#timeline tr")]
        check(any("86.7 pts" in r for r in rows) and any("68.0 pts" in r for r in rows),
              "the timeline keeps the old points before the news and the new ones after")
        com.save_screenshot(os.path.join(out, "classroom-changed-weights.png"))
        errors = [e for e in com.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
        check(not errors, f"no console errors on the COM's page {errors if errors else ''}")
    finally:
        server2.terminate()
        server2.wait(timeout=10)


try:
    banner = ""
    while "Ctrl-C" not in banner:
        line = server.stdout.readline()
        if not line:
            break
        banner += line
    match = re.search(r"(http://[^\s]+)/instructor#([0-9a-f]{40})", banner)
    check(match is not None, "the server printed the instructor's link")
    if not match:
        raise SystemExit(1)
    base, token = match.group(1), match.group(2)

    teacher = browser()
    teacher.get(f"{base}/instructor#{token}")
    wait(teacher, lambda d: d.find_elements(By.ID, "table-t1"), "the instructor page lists table t1")
    links = [e.text for e in teacher.find_elements(By.CSS_SELECTOR, "#table-t1 code.join")]
    check(len(links) == 2, "two join links, one per seat")
    teacher.find_element(By.XPATH, "//div[@id='table-t1']//button[text()='Start']").click()
    wait(teacher, lambda d: "running" in d.find_element(By.ID, "table-t1").text,
         "the instructor started the table")

    students = [browser(), browser()]
    for b, link in zip(students, links):
        b.get(link)
    for b in students:
        wait(b, lambda d: d.find_elements(By.ID, "status") and
             d.find_element(By.ID, "status").text == "running", "a student's page shows the table running")
    # Whose turn: the page with a card marked "yours".
    def mover():
        for _ in range(100):
            for i, b in enumerate(students):
                if b.find_elements(By.CSS_SELECTOR, "#turn.yours"):
                    return i
            time.sleep(0.2)
        return None

    first = mover()
    check(first is not None, "one student has the first move")
    a, b = students[first], students[1 - first]
    check("Waiting for" in b.find_element(By.ID, "turn").text, "the other student waits")
    brief = a.find_element(By.ID, "brief").text
    check("Confidential brief" in brief and "Your point schedule" in brief and
          brief.count("Confidential brief") == 1, "the first student sees their own brief, and only theirs")

    # Russia's type is drawn at the start: its student is told it, Ukraine's student is not.
    for page in (a, b):
        russia = "Russia" in page.find_element(By.ID, "title").text
        told = "Your type, drawn in secret" in page.find_element(By.ID, "your-type").text
        check(told == russia, ("Russia's" if russia else "Ukraine's") + " student " +
              ("is told Russia's drawn type" if russia else "sees no type"))

    # A picks the last option of every issue and proposes.
    for s in a.find_elements(By.CSS_SELECTOR, "#offer select"):
        sel = Select(s)
        sel.select_by_index(len(sel.options) - 1)
    a.find_element(By.CSS_SELECTOR, "#offer button[type=submit]").click()
    wait(b, lambda d: d.find_elements(By.ID, "reject"), "the second student is asked to answer")
    check("Your points for this offer" in b.find_element(By.ID, "turn").text,
          "the offer shows the second student's own points")
    b.find_element(By.ID, "reject").click()
    # B counters by typing issue=value: the first option of every issue.
    wait(b, lambda d: d.find_elements(By.ID, "offer-text"), "the second student may counter")
    issues = json.load(open(os.path.join(src, "scenarios/istanbul-2022.json")))["issues"]
    typed = " ".join(f"{i['id']}=0" for i in issues)
    b.find_element(By.ID, "offer-text").send_keys(typed)
    b.find_element(By.CSS_SELECTOR, "#offer-typed button").click()
    wait(a, lambda d: d.find_elements(By.ID, "accept"), "the first student gets the counter-offer")
    a.find_element(By.ID, "accept").click()

    for name, page in (("first student", a), ("second student", b)):
        wait(page, lambda d: d.find_element(By.ID, "status").text == "over", f"the {name}'s page shows the game over")
        wait(page, lambda d: "agreed" in d.find_element(By.ID, "result").text, f"the {name}'s page shows the agreement")
        rows = page.find_elements(By.CSS_SELECTOR, "#timeline tr")
        check(len(rows) >= 5, f"the {name}'s timeline lists the four moves")
    wait(teacher, lambda d: "over" in d.find_element(By.ID, "table-t1").text and
         "agreed" in d.find_element(By.ID, "table-t1").text, "the instructor sees the agreement")
    time.sleep(2.5)  # one more refresh of every page before the pictures
    for name, page in (("instructor", teacher), ("student-first", a), ("student-second", b)):
        height = page.execute_script("return document.body.scrollHeight")
        page.set_window_size(1250, max(900, min(height + 120, 6000)))
        path = os.path.join(out, f"classroom-{name}.png")
        page.save_screenshot(path)
        check(os.path.getsize(path) > 10000, f"screenshot {path}")
        errors = [e for e in page.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
        check(not errors, f"no console errors on the {name}'s page {errors if errors else ''}")
    trace = os.path.join(class_dir, "tables", "t1.trace.json")
    check(os.path.exists(trace) and '"action":"accept"' in open(trace).read(),
          "the game is saved as a trace in the class folder")
    changed_weights_phase()
finally:
    chromium.close_all()
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)

if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("the classroom played a whole table in chromium")
