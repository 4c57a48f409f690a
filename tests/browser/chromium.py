"""The browser tests' shared set-up for Python (selenium): the same chromium and flags as the
shell tests (chromium.sh, chromium-flags). skip_unless_ready() exits 77 (CTest: skipped) when
selenium, chromium or chromedriver is missing; headless() opens one browser, logging its
console, closed by close_all()."""
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_browsers = []


def skip_unless_ready():
    try:
        import selenium  # noqa: F401
    except ImportError:
        print("SKIPPED: python3-selenium is not installed (scripts/install-deps.sh installs it)")
        sys.exit(77)
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        print("SKIPPED: chromium or chromium-driver is not installed "
              "(scripts/install-deps.sh installs them)")
        sys.exit(77)
    return chromium, driver


def flags():
    with open(os.path.join(HERE, "chromium-flags")) as f:
        return [line.strip() for line in f if line.strip()]


def headless(width=1250, height=1500):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    chromium, driver = skip_unless_ready()
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in flags() + ["--headless=new", f"--window-size={width},{height}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    b = webdriver.Chrome(service=Service(driver), options=options)
    _browsers.append(b)
    return b


def close_all():
    for b in _browsers:
        try:
            b.quit()
        except Exception:
            pass
    _browsers.clear()
