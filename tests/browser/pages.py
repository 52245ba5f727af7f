"""Helpers for browser tests: axe, the Leichte Sprache layout checks, and walking the flow."""
from __future__ import annotations

import base64
import json
import re

from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

from .conftest import AXE_SCRIPT

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    # Nutzer:innen pages promise 7:1 contrast (WCAG AAA 1.4.6).
    "rules": {"color-contrast-enhanced": {"enabled": True}},
}


def axe_violations(driver) -> list[dict]:
    """Run axe-core on the current page and return its violations."""
    axe = Axe(driver, script_url=str(AXE_SCRIPT))
    axe.inject()
    version = driver.execute_script("return axe.version")
    assert version.startswith("4."), version
    results = axe.run(options=json.dumps(AXE_OPTIONS))
    return results["violations"]


def assert_accessible(driver, state: str) -> None:
    """Zero axe violations, and the layout rules of Leichte Sprache hold."""
    violations = axe_violations(driver)
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:4]}" for v in violations
    )
    assert not violations, f"{state} at {driver.current_url}:\n{report}"
    assert_layout(driver, state)


LAYOUT_SCRIPT = """
const body = getComputedStyle(document.body);
const main = document.querySelector('main');
const p = main.querySelector('p, li, label') || main;
const ps = getComputedStyle(p);
const fonts = new Set();
for (const el of document.querySelectorAll('body *')) {
  if (el.getClientRects().length === 0) continue;  // not drawn (hidden inputs, closed dialogs): no font seen
  fonts.add(getComputedStyle(el).fontFamily.split(',')[0].trim());
}
const small = [];
for (const el of document.querySelectorAll('main button, main .knopf, .option label, .menue a, .zurueck, .aendern a, .link-liste a, .skip-link')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  if (r.height < 47.5 || r.width < 47.5) small.push(el.outerHTML.slice(0, 80) + ' ' + r.width + 'x' + r.height);
}
return {fontSize: parseFloat(body.fontSize), lineHeight: parseFloat(ps.lineHeight) / parseFloat(ps.fontSize),
        hyphens: ps.hyphens, textAlign: ps.textAlign, fonts: [...fonts], small: small,
        overflow: document.documentElement.scrollWidth > window.innerWidth + 1};
"""


def assert_layout(driver, state: str) -> None:
    """Text ≥ 20 px, line height ≥ 1.5, left-aligned, no hyphenation, ≤ 2 fonts, targets ≥ 48 px, reflow."""
    layout = driver.execute_script(LAYOUT_SCRIPT)
    assert layout["fontSize"] >= 20, (state, layout["fontSize"])
    assert layout["lineHeight"] >= 1.5, (state, layout["lineHeight"])
    assert layout["hyphens"] == "none" and layout["textAlign"] in ("left", "start"), (state, layout)
    assert len(layout["fonts"]) <= 2, (state, layout["fonts"])
    assert not layout["small"], (state, layout["small"])
    assert not layout["overflow"], f"{state}: page scrolls sideways"


def wait_for_path(driver, path: str, timeout: float = 10) -> None:
    """Wait until the browser shows a page whose path starts with path."""
    WebDriverWait(driver, timeout).until(lambda d: d.current_url.split("//", 1)[1].split("/", 1)[1].startswith(path.lstrip("/")))


def click_label(driver, value: str) -> None:
    """Tick the option with this value by clicking its label (as a finger would)."""
    field = driver.find_element(By.CSS_SELECTOR, f"input[value='{value}']")
    driver.find_element(By.CSS_SELECTOR, f"label[for='{field.get_attribute('id')}']").click()


def submit_and_wait(driver, button) -> None:
    """Click a submit button and wait until the next page has replaced this one."""
    old = driver.find_element(By.TAG_NAME, "html")
    button.click()
    wait_replaced(driver, old)


def wait_replaced(driver, old) -> None:
    """Wait until the page that held the element old is gone and the next one has loaded."""

    def replaced(_driver) -> bool:
        # Chromium reports a node of an unloaded page as stale or, in a race, as an inspector error.
        try:
            old.is_enabled()
            return False
        except WebDriverException:
            return True

    WebDriverWait(driver, 10).until(replaced)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def press_weiter(driver) -> None:
    """Click the primary button and wait for the next page."""
    submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main button[type=submit].haupt"))


# Every word of the visible text of header, main and footer, measured where the browser laid it out:
# a word whose pieces lie on 2 lines is broken. A line may end after a hyphen or slash.
BROKEN_WORDS_SCRIPT = """
const broken = [];
const range = document.createRange();
for (const root of document.querySelectorAll('header, main, footer')) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement || node.parentElement.closest('textarea, script, style, .sr-only, [hidden]')) continue;
    for (const m of node.data.matchAll(/[^\\s\\/-]+[\\/-]?/g)) {
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
      if (rects.some(r => Math.abs(r.top - rects[0].top) > rects[0].height / 2)) broken.push(m[0]);
    }
  }
}
return broken;
"""


def broken_words(driver) -> list[str]:
    """Words of the page that the browser broke across 2 lines."""
    return driver.execute_script(BROKEN_WORDS_SCRIPT)


def print_pdf(driver) -> bytes:
    """The page printed by Chromium as the person's printer would get it (A4 from the page's CSS)."""
    data = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True})
    return base64.b64decode(data["data"])


def pdf_pages(pdf: bytes) -> int:
    """Number of pages of a PDF that Chromium wrote (its page objects are not compressed)."""
    assert pdf.startswith(b"%PDF")
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def tablet_cookie(app, minutes: int) -> str:
    """The signed value of the tablet cookie, as staff switching tablet mode on would set it (bound to an
    Anbieter made for it, for an hour)."""
    import secrets
    import time

    from app.tablet.operations import Binding, encode
    from tests.staff.helpers import make_anbieter

    anbieter = make_anbieter(app, f"Tablet-Anbieter {secrets.token_hex(3)}")
    return encode(Binding(anbieter, minutes, time.time() + 3600), app.config["SECRET_KEY"])


def sign_in_staff(driver, base: str, login_name: str, secret: str | None = None, lands_on: str | None = None) -> None:
    """Sign in through the staff form (and the second factor where the account has one); the keyboard sign-in
    itself is tested in test_staff.py. Opens the sign-in page unless the browser is already on it."""
    from tests.staff.helpers import PASSWORD, totp_now

    if "/staff/anmelden" not in driver.current_url:
        driver.get(base + "/staff/anmelden")
    driver.find_element(By.ID, "login_name").send_keys(login_name)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
    if secret:
        driver.find_element(By.ID, "code").send_keys(totp_now(secret))
        submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main button[type=submit]"))
    if lands_on:
        wait_for_path(driver, lands_on)
