"""Walk every Nutzer:in page and state in a real browser, calling check(state) on each."""
from __future__ import annotations

import random
import re

from selenium.webdriver.common.by import By

from app.mein_code.codes import WORDS

from .pages import click_label, press_weiter, submit_and_wait, wait_for_path

GARTEN = "Ich will einen Garten."


def walk_everything(driver, base: str, check) -> str:
    """Content pages, the whole Wille flow with error states, done page, code card, Mein Code."""
    for path in ("/", "/hilfe", "/daten", "/ueber", "/woerterbuch", "/barrierefreiheit", "/barrierefreiheit/standard",
                 "/impressum", "/impressum/standard", "/tablet/", "/gibt-es-nicht"):
        driver.get(base + path)
        check(f"page {path}")
    driver.get(base + "/will/")
    check("wille start")
    driver.find_element(By.CSS_SELECTOR, "main a[href='/will/bereiche']").click()
    wait_for_path(driver, "/will/bereiche")
    check("bereiche empty")
    press_weiter(driver)
    check("bereiche with error")
    click_label(driver, "wohnen")
    click_label(driver, "arbeit")
    press_weiter(driver)
    answer_area(driver, "wohnen", "geht-so", "ruhe", "familie", check)
    answer_area(driver, "arbeit", "gut", "arbeit-finden", "assistenz", None)
    for frage, value in JA_JA:
        wait_for_path(driver, f"/will/{frage}")
        check(f"frage {frage}")
        click_label(driver, value)
        press_weiter(driver)
    wait_for_path(driver, "/will/pruefen")
    check("check answers")
    submit_and_wait(driver, driver.find_element(By.ID, "speichern"))
    wait_for_path(driver, "/will/fertig")
    check("done with code")
    code = driver.find_element(By.CSS_SELECTOR, "p.code").text
    driver.get(base + "/mein-code/karte")
    check("code card")
    walk_mein_code(driver, base, code, check)
    walk_two_nein(driver, base, check)
    return code


NEIN_NEIN = (("wohnort", "unbekannt"), ("wer", "andere"), ("erlaubnis", "nein"), ("code", "nein"))
JA_JA = (("wohnort", "bremen-hemelingen"), ("wer", "allein"), ("erlaubnis", "ja"), ("code", "ja"))


def short_flow(driver, base: str, bereich: str, final=JA_JA, save: bool = True) -> None:
    """One life area with fixed answers, then the final questions; optionally save."""
    driver.get(base + "/will/bereiche")
    click_label(driver, bereich)
    press_weiter(driver)
    answer_area(driver, bereich, "nicht-gut", {"geld": "sparen", "wohnen": "ruhe"}[bereich], "familie", None)
    answer_final(driver, final)
    if save:
        submit_and_wait(driver, driver.find_element(By.ID, "speichern"))


def answer_final(driver, final) -> None:
    """Answer the questions after the life areas and arrive at the check page."""
    for frage, value in final:
        wait_for_path(driver, f"/will/{frage}")
        click_label(driver, value)
        press_weiter(driver)
    wait_for_path(driver, "/will/pruefen")


def walk_two_nein(driver, base: str, check) -> None:
    """A short flow with two „Nein“: the done page without code and without storing anything."""
    short_flow(driver, base, "geld", NEIN_NEIN)
    assert not driver.find_elements(By.CSS_SELECTOR, "p.code")
    check("done without storing")


def answer_area(driver, bereich: str, jetzt: str, wunsch: str, helfer: str, check) -> None:
    """Answer the 4 questions of one area; with check, also visit the error state of the text."""
    check = check or (lambda state: None)
    wait_for_path(driver, f"/will/{bereich}/jetzt")
    check(f"{bereich} jetzt")
    click_label(driver, jetzt)
    press_weiter(driver)
    wait_for_path(driver, f"/will/{bereich}/wunsch")
    check(f"{bereich} wunsch")
    text = driver.find_element(By.ID, "eigener_wunsch")
    text.send_keys("Garten " * 50)
    press_weiter(driver)
    check(f"{bereich} wunsch with error")
    text = driver.find_element(By.ID, "eigener_wunsch")
    text.clear()
    text.send_keys(GARTEN)
    click_label(driver, wunsch)
    press_weiter(driver)
    wait_for_path(driver, f"/will/{bereich}/selbst")
    check(f"{bereich} selbst")
    driver.find_element(By.ID, "selbst").send_keys("Ich kann fragen.")
    press_weiter(driver)
    wait_for_path(driver, f"/will/{bereich}/hilfe")
    check(f"{bereich} hilfe")
    click_label(driver, helfer)
    press_weiter(driver)


def walk_mein_code(driver, base: str, code: str, check) -> None:
    """Enter a wrong code, the right code, look at the answers, delete everything."""
    driver.delete_cookie("mitreden")
    driver.get(base + "/mein-code/")
    check("mein code empty")
    driver.find_element(By.ID, "code").send_keys("Sonne Hund Tasse 47")
    press_weiter(driver)
    check("mein code wrong")
    field = driver.find_element(By.ID, "code")
    field.clear()
    field.send_keys(code)
    press_weiter(driver)
    wait_for_path(driver, "/mein-code/antworten")
    check("my answers")
    assert GARTEN in driver.page_source
    submit_and_wait(driver, driver.find_element(By.ID, "abmelden"))
    wait_for_path(driver, "/mein-code/")
    check("signed out")
    driver.back()
    assert GARTEN not in driver.page_source, "after Abmelden the back button shows no answers"
    walk_locked_code(driver, base, check)
    driver.get(base + "/mein-code/")
    driver.find_element(By.ID, "code").send_keys(code)
    press_weiter(driver)
    wait_for_path(driver, "/mein-code/antworten")
    driver.get(base + "/mein-code/loeschen")
    check("delete confirm")
    submit_and_wait(driver, driver.find_element(By.ID, "ja-loeschen"))
    wait_for_path(driver, "/mein-code/geloescht")
    check("deleted")


def walk_locked_code(driver, base: str, check) -> None:
    """The same wrong code again and again: the lock says how long to wait (other words each walk)."""
    words = random.sample(WORDS, 3)
    wrong = " ".join(word.capitalize() for word in words) + " 00"
    driver.get(base + "/mein-code/")
    for _ in range(6):
        field = driver.find_element(By.ID, "code")
        field.clear()
        field.send_keys(wrong)
        press_weiter(driver)
    assert "Bitte warten Sie" in driver.page_source or "Please wait" in driver.page_source
    check("mein code locked")


def code_shape(code: str) -> bool:
    """A code as shown: 3 words and 2 digits."""
    return re.fullmatch(r"(\w+ ){3}\d\d", code) is not None
