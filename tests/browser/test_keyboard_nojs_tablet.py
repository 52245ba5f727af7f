"""The whole Wille flow by keyboard only, without JavaScript, and on a shared tablet."""
import re
import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from .pages import click_label, press_weiter, submit_and_wait, tablet_cookie, wait_for_path, wait_replaced
from .walk import GARTEN, NEIN_NEIN, answer_area, answer_final, short_flow

pytestmark = pytest.mark.browser

FOCUS_VISIBLE = """
const el = document.activeElement;
const target = (el.matches('input[type=radio], input[type=checkbox]') && el.labels.length) ? el.labels[0] : el;
const s = getComputedStyle(target);
return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
"""


def press(driver, *keys) -> None:
    """Press keys on whatever has focus."""
    ActionChains(driver).send_keys(*keys).perform()


def tab_to(driver, selector: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches the selector; focus must always be visible."""
    for _ in range(limit):
        press(driver, Keys.TAB)
        if driver.execute_script("return document.activeElement !== document.body"):
            assert driver.execute_script(FOCUS_VISIBLE), driver.execute_script("return document.activeElement.outerHTML")
        if driver.execute_script("return document.activeElement.matches(arguments[0])", selector):
            return
    raise AssertionError(f"Tab never reached {selector} on {driver.current_url}")


def enter_and_wait(driver, path: str) -> None:
    """Press Enter on the focused control and wait for the page."""
    old = driver.find_element(By.TAG_NAME, "html")
    press(driver, Keys.ENTER)
    wait_replaced(driver, old)
    wait_for_path(driver, path)


def choose_and_continue(driver, selector: str, next_path: str) -> None:
    """Tab to an option, tick it with Space, Tab to „Weiter“, press Enter."""
    tab_to(driver, selector)
    press(driver, Keys.SPACE)
    assert driver.execute_script("return document.activeElement.checked")
    tab_to(driver, "main button.haupt")
    enter_and_wait(driver, next_path)


def test_whole_wille_flow_with_keyboard_only(live_server, driver):
    base, _app = live_server
    driver.get(base + "/")
    press(driver, Keys.TAB)
    assert driver.execute_script("return document.activeElement.classList.contains('skip-link')"), "skip link first"
    tab_to(driver, "main a[href='/will/']")
    enter_and_wait(driver, "/will/")
    tab_to(driver, "main a[href='/will/bereiche']")
    enter_and_wait(driver, "/will/bereiche")
    choose_and_continue(driver, "input[value=wohnen]", "/will/wohnen/jetzt")
    choose_and_continue(driver, "input[name=jetzt]", "/will/wohnen/wunsch")
    tab_to(driver, "input[value=ruhe]")
    press(driver, Keys.SPACE)
    tab_to(driver, "textarea#eigener_wunsch")
    press(driver, GARTEN)
    tab_to(driver, "main button.haupt")
    enter_and_wait(driver, "/will/wohnen/selbst")
    tab_to(driver, "textarea#selbst")
    press(driver, "Ich kann fragen.")
    tab_to(driver, "main button.haupt")
    enter_and_wait(driver, "/will/wohnen/hilfe")
    choose_and_continue(driver, "input[value=familie]", "/will/wohnort")
    choose_and_continue(driver, "input[name=antwort]", "/will/wer")
    choose_and_continue(driver, "input[name=antwort]", "/will/erlaubnis")
    choose_and_continue(driver, "input[name=antwort]", "/will/code")
    choose_and_continue(driver, "input[name=antwort]", "/will/pruefen")
    assert GARTEN in driver.page_source
    tab_to(driver, "#speichern")
    enter_and_wait(driver, "/will/fertig")
    assert driver.find_element(By.CSS_SELECTOR, "p.code").text
    tab_to(driver, "#fertig")
    enter_and_wait(driver, "/")


def test_whole_wille_flow_without_javascript(live_server, nojs_driver):
    base, app = live_server
    driver = nojs_driver
    driver.get(base + "/will/bereiche")
    assert not driver.find_element(By.CSS_SELECTOR, "[data-vorlesen]").is_displayed(), "Vorlesen needs JS: hidden"
    press_weiter(driver)
    assert "Bitte wählen Sie mindestens 1 Bereich." in driver.page_source
    click_label(driver, "geld")
    press_weiter(driver)
    answer_area(driver, "geld", "nicht-gut", "sparen", "verein", None)
    answer_final(driver, NEIN_NEIN)
    driver.find_element(By.CSS_SELECTOR, "a[href='/will/geld/jetzt?zurueck=pruefen']").click()
    wait_for_path(driver, "/will/geld/jetzt")
    click_label(driver, "gut")
    press_weiter(driver)
    wait_for_path(driver, "/will/pruefen")
    submit_and_wait(driver, driver.find_element(By.ID, "speichern"))
    # Two „Nein“: the sheet comes with the answer to „Antworten speichern“, nothing stays on the server.
    assert driver.find_element(By.TAG_NAME, "h1").text == "Danke für Ihre Antworten"
    assert "Ich will Geld sparen." in driver.page_source and GARTEN in driver.page_source
    assert not driver.find_elements(By.CSS_SELECTOR, "p.code"), "no code chosen"
    submit_and_wait(driver, driver.find_element(By.ID, "fertig"))
    wait_for_path(driver, "/")


def test_tablet_mode_next_person_sees_nothing_of_the_previous(live_server, driver):
    import secrets

    from tests.staff.helpers import make_anbieter, make_user

    from .test_staff import sign_in_by_keyboard

    base, app = live_server
    assistenz = f"assistenz{secrets.token_hex(3)}"
    make_user(app, assistenz, "assistenz", make_anbieter(app, f"Anbieter {assistenz}"))
    sign_in_by_keyboard(driver, base, assistenz, None)
    driver.get(base + "/tablet/")
    click_label(driver, "10")
    press_weiter(driver)
    driver.get(base + "/staff/")
    assert "/staff/anmelden" in driver.current_url, "switching tablet mode on signs the staff member out here"
    short_flow(driver, base, "wohnen")
    wait_for_path(driver, "/will/fertig")
    code = driver.find_element(By.CSS_SELECTOR, "p.code").text
    submit_and_wait(driver, driver.find_element(By.ID, "fertig"))
    wait_for_path(driver, "/")
    # The next person presses the browser's back button again and again.
    for _ in range(6):
        driver.back()
        time.sleep(0.3)
        source = driver.page_source
        assert GARTEN not in source and code not in source and "Ich kann fragen." not in source
    driver.get(base + "/will/bereiche")
    assert not driver.find_elements(By.CSS_SELECTOR, "input:checked")
    assert driver.execute_script("return Object.keys(sessionStorage).length") == 0


def test_tablet_inactivity_warns_first_then_starts_over(live_server, driver):
    base, app = live_server
    driver.get(base + "/")
    driver.add_cookie({"name": "mitreden_tablet", "value": tablet_cookie(app, 5), "path": "/"})  # 5 s in tests
    driver.get(base + "/will/bereiche")
    click_label(driver, "wohnen")
    press_weiter(driver)
    dialog = driver.find_element(By.ID, "noch-da")
    WebDriverWait(driver, 10).until(lambda d: dialog.is_displayed())
    # The seconds left are shown and counted down; „Ich brauche mehr Zeit“ is the main button.
    rest = driver.find_element(By.CSS_SELECTOR, "[role=timer]")
    first = int(re.search(r"in (\d+) Sekunden", rest.text).group(1))
    WebDriverWait(driver, 3).until(lambda _d: int(re.search(r"in (\d+) Sekunden", rest.text).group(1)) < first)
    assert "haupt" in driver.find_element(By.CSS_SELECTOR, "[data-mehr-zeit]").get_attribute("class")
    driver.find_element(By.CSS_SELECTOR, "[data-mehr-zeit]").click()
    assert not dialog.is_displayed(), "„Ich brauche mehr Zeit“ closes the warning"
    assert "/will/wohnen/jetzt" in driver.current_url
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "noch-da").is_displayed())
    WebDriverWait(driver, 10).until(lambda d: "neu=1" in d.current_url)
    driver.get(base + "/will/bereiche")
    assert not driver.find_elements(By.CSS_SELECTOR, "input:checked"), "the draft is gone"


def test_draft_in_browser_restores_typed_text_after_failed_submit(live_server, driver):
    base, _app = live_server
    driver.get(base + "/will/bereiche")
    click_label(driver, "lernen")
    press_weiter(driver)
    wait_for_path(driver, "/will/lernen/jetzt")
    click_label(driver, "gut")
    press_weiter(driver)
    wait_for_path(driver, "/will/lernen/wunsch")
    driver.find_element(By.ID, "eigener_wunsch").send_keys("Ich will schwimmen lernen.")
    click_label(driver, "kurs")
    # The connection breaks: the page is reloaded from the server without the typed text.
    driver.refresh()
    assert driver.find_element(By.ID, "eigener_wunsch").get_attribute("value") == "Ich will schwimmen lernen."
    assert driver.find_element(By.CSS_SELECTOR, "input[value=kurs]").is_selected()


def with_voices(driver, voices: str) -> None:
    """Give the browser these speech voices before any page script runs (headless Chromium has none)."""
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": (
        f"speechSynthesis.getVoices = () => {voices};"
        "window.SpeechSynthesisUtterance = function (text) { this.text = text; };"
        "speechSynthesis.speak = (u) => { window.spoken = u; };")})


def test_vorlesen_without_a_german_voice_shows_a_note_instead_of_a_button(live_server, driver):
    base, _app = live_server
    with_voices(driver, "[{lang: 'en-US', name: 'English'}]")
    driver.get(base + "/hilfe")
    note = driver.find_element(By.CSS_SELECTOR, ".vorlesen-hinweis")
    WebDriverWait(driver, 5).until(lambda _d: note.is_displayed())
    assert "Dieses Gerät kann nicht auf Deutsch vorlesen." in note.text and "Fragen Sie Ihre Assistenz." in note.text
    assert not driver.find_element(By.CSS_SELECTOR, "[data-vorlesen]").is_displayed()


def test_vorlesen_reads_main_content_with_a_german_voice(live_server, driver):
    base, _app = live_server
    with_voices(driver, "[{lang: 'en-US', name: 'E'}, {lang: 'de-DE', name: 'Anna'}]")
    driver.get(base + "/hilfe")
    button = driver.find_element(By.CSS_SELECTOR, "[data-vorlesen]")
    assert button.is_displayed()
    assert not driver.find_element(By.CSS_SELECTOR, ".vorlesen-hinweis").is_displayed()
    button.click()
    spoken = driver.execute_script("return window.spoken")
    assert spoken["lang"] == "de-DE" and spoken["voice"]["name"] == "Anna"
    assert "So antworten Sie" in spoken["text"] and "Zum Inhalt springen" not in spoken["text"]


def test_reflow_at_320_px_without_sideways_scrolling(live_server):
    """320 CSS px is a 1280 px screen at 400 % zoom (WCAG 1.4.10); 200 % zoom is wider still."""
    from .conftest import make_driver

    base, _app = live_server
    driver = make_driver(size=(320, 640))
    try:
        for path in ("/", "/hilfe", "/daten", "/woerterbuch", "/will/", "/will/bereiche", "/mein-code/", "/tablet/"):
            driver.get(base + path)
            overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, (path, overflow)
    finally:
        driver.quit()


def test_mein_wille_sheet_prints_cleanly_on_a4(live_server, driver):
    import base64

    from selenium.webdriver.common.print_page_options import PrintOptions

    base, _app = live_server
    short_flow(driver, base, "wohnen")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    hidden = driver.execute_script(
        "return ['.kopf', '.fuss', '.nicht-drucken', 'form'].map(s => getComputedStyle(document.querySelector(s)).display)"
    )
    assert hidden == ["none"] * 4, hidden
    assert driver.find_element(By.CSS_SELECTOR, ".blatt").is_displayed()
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    pdf = base64.b64decode(driver.print_page(options))
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pdf.startswith(b"%PDF") and 1 <= pages <= 2, pages


def test_browser_draft_is_dropped_after_a_successful_submit(live_server, driver):
    base, _app = live_server
    driver.get(base + "/will/bereiche")
    click_label(driver, "freizeit")
    press_weiter(driver)
    wait_for_path(driver, "/will/freizeit/jetzt")
    assert driver.execute_script("return sessionStorage.getItem('mitreden-entwurf:/will/bereiche')") is None
