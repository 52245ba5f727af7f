"""What a person sees on a landscape tablet and on a phone: whole words, a small header, the way on in view.

One walk over every Nutzer:in page and state per screen size; each page gets all the checks at once.
"""
import pytest
from selenium.webdriver.common.by import By

from .conftest import PHONE, TABLET, make_driver
from .pages import broken_words, tablet_cookie
from .walk import walk_everything

pytestmark = pytest.mark.browser

# The first page of each way in, whose primary button must be in view without scrolling on a phone.
INTRO_STATES = {"page /": "main a.knopf.haupt[href='/will/']", "wille start": "main a.knopf.haupt",
                "mein code empty": "main button.knopf.haupt"}
MEASURE = """
const header = document.querySelector('header.kopf').getBoundingClientRect();
const button = arguments[0] && document.querySelector(arguments[0]);
const faces = [...document.querySelectorAll('.skala .option')].map(o => o.getBoundingClientRect());
return {viewport: innerHeight, header: header.height, button: button ? button.getBoundingClientRect().bottom : null,
        faceTops: faces.map(r => Math.round(r.top)), faceBottom: Math.max(0, ...faces.map(r => r.bottom))};
"""


def header_fits(measured: dict) -> bool:
    """The header takes at most a quarter of the screen's height."""
    return measured["header"] <= measured["viewport"] / 4


@pytest.mark.parametrize("size", [TABLET, PHONE], ids=["tablet", "phone"])
def test_every_page_keeps_words_whole_and_the_way_on_in_view(live_server, size):
    base, _app = live_server
    driver = make_driver(size=size)
    problems, checked = [], []

    def check(state):
        checked.append(state)
        words = broken_words(driver)
        if words:
            problems.append(f"{state}: words broken across lines {words}")
        measured = driver.execute_script(MEASURE, INTRO_STATES.get(state))
        if size == PHONE and not header_fits(measured):
            problems.append(f"{state}: header {measured['header']} px of {measured['viewport']} px")
        if size == PHONE and state in INTRO_STATES and not measured["button"] <= measured["viewport"]:
            problems.append(f"{state}: primary button ends at {measured['button']} px, below the fold")
        if measured["faceTops"] and len(set(measured["faceTops"])) != 1:
            problems.append(f"{state}: the 3 faces are not side by side {measured['faceTops']}")
        if size == PHONE and measured["faceTops"] and measured["faceBottom"] > measured["viewport"]:
            problems.append(f"{state}: the faces end at {measured['faceBottom']} px, below the fold")

    try:
        walk_everything(driver, base, check)
    finally:
        driver.quit()
    assert len(checked) >= 28 and "wohnen jetzt" in checked
    assert not problems, "\n".join(problems)


def test_phone_header_in_tablet_mode_takes_at_most_a_quarter_of_the_screen(live_server):
    base, app = live_server
    driver = make_driver(size=PHONE)
    try:
        driver.get(base + "/")
        driver.add_cookie({"name": "mitreden_tablet", "value": tablet_cookie(app, 20), "path": "/"})  # 20 s in tests
        for path in ("/", "/will/", "/mein-code/"):
            driver.get(base + path)
            assert driver.find_element(By.CSS_SELECTOR, ".tablet-hinweis").is_displayed()
            measured = driver.execute_script(MEASURE, None)
            assert header_fits(measured), (path, measured)
            # Every menu item stays a target of 48 px that needs no JavaScript to reach.
            for link in driver.find_elements(By.CSS_SELECTOR, ".menue a"):
                assert link.is_displayed() and link.size["height"] >= 48 and link.size["width"] >= 48, link.text
    finally:
        driver.quit()


def test_layout_checks_can_fail(live_server):
    """The checks are real: the tile grid of issue 7 and a tall header are reported."""
    base, _app = live_server
    driver = make_driver(size=TABLET)
    try:
        driver.get(base + "/will/bereiche")
        assert broken_words(driver) == []
        # The CSS before the fix: words could break anywhere, 3 columns of tiles at 1024 px.
        driver.execute_script(
            "document.body.style.overflowWrap = 'anywhere';"
            "document.querySelector('.kacheln .optionen').style.gridTemplateColumns = 'repeat(3, 1fr)';"
        )
        assert "Gesundheit" in broken_words(driver)
        driver.set_window_size(*PHONE)
        driver.execute_script("document.querySelector('.kopf').style.paddingBottom = '120px'")
        assert not header_fits(driver.execute_script(MEASURE, None))
    finally:
        driver.quit()
