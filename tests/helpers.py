"""Walking the Wille flow in request tests."""
from __future__ import annotations

import re
import threading

AREA_ANSWERS = {
    "jetzt": {"jetzt": "geht-so"},
    "wunsch": {"wuensche": ["ruhe"], "eigener_wunsch": "Ich will einen Garten."},
    "selbst": {"selbst": "Ich kann Blumen gießen."},
    "hilfe": {"helfer": ["familie", "assistenz"]},
}


def walk_flow(client, bereiche=("wohnen",), erlaubnis="ja", code="ja") -> str:
    """Answer every page and save; returns the done page HTML."""
    answer_everything(client, bereiche, erlaubnis, code)
    response = client.submit("/will/pruefen")
    assert response.headers["Location"].endswith("/will/fertig")
    return client.get("/will/fertig").get_data(as_text=True)


def answer_everything(client, bereiche=("wohnen",), erlaubnis="ja", code="ja") -> None:
    """Answer every page up to the check page."""
    response = client.submit("/will/bereiche", {"bereiche": list(bereiche)})
    assert response.status_code == 302
    for bereich in bereiche:
        for frage, data in AREA_ANSWERS.items():
            if bereich != "wohnen" and frage == "wunsch":
                data = {"eigener_wunsch": "Mehr davon."}
            response = client.submit(f"/will/{bereich}/{frage}", data)
            assert response.status_code == 302, response.get_data(as_text=True)
    for frage, value in (("wohnort", "bremen-hemelingen"), ("wer", "mit-hilfe"), ("erlaubnis", erlaubnis), ("code", code)):
        assert client.submit(f"/will/{frage}", {"antwort": value}).status_code == 302


def shown_code(html: str) -> str | None:
    """The personal code on the done page."""
    match = re.search(r'<p class="code" lang="de">(.*?)</p>', html)
    return match.group(1) if match else None


def simultaneous_taps(app, cookie: str, path: str, data: dict, taps: int) -> list:
    """`taps` POSTs of the same browser's cookie and form, released at the same moment; their responses."""
    start, results = threading.Barrier(taps), []

    def tap() -> None:
        """One tap."""
        tapper = app.test_client()
        tapper.set_cookie("mitreden", cookie)
        start.wait()
        results.append(tapper.post(path, data=data))

    threads = [threading.Thread(target=tap) for _ in range(taps)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
