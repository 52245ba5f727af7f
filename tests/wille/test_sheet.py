"""The check page asks with the words of the question pages; the „Mein Wille“ sheet is the person's own."""
import html as htmllib
import re

from app.wille import summary
from tests.helpers import walk_flow

AREA = {"jetzt": {"jetzt": "gut"}, "wunsch": {"wuensche": ["ruhe"]}, "selbst": {"selbst": ""},
        "hilfe": {"helfer": ["familie"]}}
FINAL = (("wohnort", "unbekannt"), ("wer", "allein"), ("erlaubnis", "ja"), ("code", "ja"))


def text(fragment: str) -> str:
    """Visible text of an HTML fragment, one line per <br>, spaces collapsed."""
    fragment = re.sub(r"<br\s*/?>", "\n", fragment)
    lines = htmllib.unescape(re.sub(r"<[^>]+>", "", fragment)).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines).strip()


def h1(page: str) -> str:
    """The text of the page's only h1."""
    return text(re.search(r"<h1>(.*?)</h1>", page, re.S).group(1))


def test_check_page_asks_with_the_words_of_the_question_pages(client):
    titles = [h1(client.get("/will/bereiche").get_data(as_text=True))]  # the areas, with their own „Ändern“
    client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    for frage, data in AREA.items():
        titles.append(h1(client.get(f"/will/wohnen/{frage}").get_data(as_text=True)).removeprefix("Wohnen: "))
        client.submit(f"/will/wohnen/{frage}", data)
    for frage, value in FINAL:
        titles.append(h1(client.get(f"/will/{frage}").get_data(as_text=True)))
        client.submit(f"/will/{frage}", {"antwort": value})
    page = client.get("/will/pruefen").get_data(as_text=True)
    labels = [text(dt) for dt in re.findall(r"<dt>(.*?)</dt>", page, re.S)]
    assert labels == titles


def test_sheet_speaks_in_the_first_person_with_a_date_and_lines_to_write_on(client):
    client.submit("/will/bereiche", {"bereiche": ["wohnen"]})
    for frage, data in AREA.items():
        client.submit(f"/will/wohnen/{frage}", data)
    for frage, value in FINAL:
        client.submit(f"/will/{frage}", {"antwort": value})
    client.submit("/will/pruefen")
    page = client.get("/will/fertig").get_data(as_text=True)
    sheet = page[page.index('<article class="blatt"'):page.index("</article>")]
    assert [text(dt) for dt in re.findall(r"<dt>(.*?)</dt>", sheet, re.S)] == [
        "So ist es jetzt", "Das will ich", "Das mache ich selbst", "Diese Menschen helfen mir"]
    assert "Mitreden · Mein Wille" in text(sheet)
    assert re.search(r'<p class="blatt-datum">\d{1,2}\. [A-ZÄÖÜ][a-zä]+ \d{4}</p>', sheet), "a date written out"
    assert "nichts geschrieben" not in sheet and sheet.count('class="schreib-linie"') == 2
    assert " Sie " not in text(sheet) and "Ihr" not in text(sheet)


def test_sheet_date_is_written_out_in_the_language_of_the_page(app):
    from datetime import date

    with app.test_request_context(headers={"Accept-Language": "de"}):
        assert summary.sheet_date(date(2026, 11, 22)) == "22. November 2026"
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert summary.sheet_date(date(2026, 11, 22)) == "November 22, 2026"


def test_two_times_no_says_nothing_is_stored_and_to_print_now(client):
    page = walk_flow(client, erlaubnis="nein", code="nein")
    assert "Darum speichern wir Ihre Antworten nicht." in page
    assert "Drucken Sie das Blatt jetzt aus." in page and "Nach „Fertig“ ist das Blatt weg." in page
    assert "gelöscht" not in page
