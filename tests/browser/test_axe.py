"""axe-core 4.x: zero violations on every Nutzer:in page and state, tablet and phone, German and English."""
import pytest

from .conftest import PHONE, TABLET, make_driver
from .pages import assert_accessible, assert_layout, axe_violations, tablet_cookie
from .walk import code_shape, walk_everything

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", [TABLET, PHONE], ids=["tablet", "phone"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_page_and_state_has_zero_axe_violations(live_server, lang, size):
    base, _app = live_server
    driver = make_driver(size=size)
    try:
        driver.get(base + "/")
        driver.add_cookie({"name": "mitreden_sprache", "value": lang, "path": "/"})
        checked = []

        def check(state):
            assert driver.find_element("css selector", "html").get_attribute("lang") == lang
            assert_accessible(driver, f"{lang} {size} {state}")
            checked.append(state)

        code = walk_everything(driver, base, check)
        assert code_shape(code)
        assert len(checked) >= 28
    finally:
        driver.quit()


def test_tablet_dialog_state_has_zero_violations(live_server, driver):
    base, app = live_server
    driver.get(base + "/")
    driver.add_cookie({"name": "mitreden_tablet", "value": tablet_cookie(app, 5), "path": "/"})
    driver.get(base + "/will/bereiche")
    driver.execute_script("document.getElementById('noch-da').showModal()")
    assert_accessible(driver, "tablet dialog open")


def test_axe_and_layout_checks_can_fail(live_server, driver):
    """The checks are real: a page broken on purpose is reported."""
    base, _app = live_server
    driver.get(base + "/")
    driver.execute_script(
        "const i = document.createElement('img'); i.src = '/static/pictograms/sprite.svg'; document.querySelector('main').append(i);"
        "document.body.style.color = '#6b6b6b';"
    )
    ids = {v["id"] for v in axe_violations(driver)}
    assert {"image-alt", "color-contrast-enhanced"} <= ids
    driver.execute_script("document.body.style.fontSize = '14px'")
    with pytest.raises(AssertionError):
        assert_layout(driver, "broken on purpose")
