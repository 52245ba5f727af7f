"""The review queue: only the Anbieter-Leitung, only its own Anbieter's words, decisions audited and changeable."""
from __future__ import annotations

import re

from sqlalchemy import select

from app.core.db import get_db
from app.freigabe.models import Entscheidung
from app.staff.models import AuditEntry
from tests.freigabe.helpers import make_wille, make_workshop
from tests.staff.test_admin_pages import signed_in
from tests.staff.helpers import make_anbieter

FLAGGED = "Danke an Anna, ruf an: 0421 1234567"


def world(app) -> dict:
    """Anbieter A and B, each with a workshop with own words and a Wille saved on its tablet."""
    a, b = make_anbieter(app, "Anbieter Alpha"), make_anbieter(app, "Anbieter Beta")
    return {"a": a, "b": b,
            "a_workshop": make_workshop(app, a, "Treffen Alpha", [FLAGGED, "Der Kuchen war gut."]),
            "b_workshop": make_workshop(app, b, "Treffen Beta", ["Worte von Beta"]),
            "a_wille": make_wille(app, a, "Ich will ein eigenes Zimmer."),
            "b_wille": make_wille(app, b, "Wunsch von Beta"),
            "not_allowed": make_wille(app, a, "Nicht erlaubt zu nutzen", use_allowed=False),
            "no_tablet": make_wille(app, None, "Ohne Tablet gespeichert")}


def decisions(app) -> list[tuple]:
    """Every stored decision: (workshop answer, Wille area, status, who)."""
    with app.app_context():
        return list(get_db().execute(select(Entscheidung.workshop_antwort_id, Entscheidung.wille_bereich_id,
                                            Entscheidung.status, Entscheidung.decided_by).order_by(Entscheidung.id)))


def audit_of(app, action_prefix: str = "words_") -> list[tuple[str, str, str]]:
    """The queue's audit entries: (action, target, detail)."""
    with app.app_context():
        return [tuple(row) for row in get_db().execute(
            select(AuditEntry.action, AuditEntry.target, AuditEntry.detail)
            .where(AuditEntry.action.startswith(action_prefix)).order_by(AuditEntry.id))]


def test_the_lead_sees_its_own_words_flagged_and_never_b_s(app, client):
    w = world(app)
    signed_in(app, client, "leitung-a", "anbieter_leitung", w["a"])
    page = client.get("/staff/freigabe/").get_data(as_text=True)
    assert "Treffen Alpha" in page and "Der Kuchen war gut." in page and "Ich will ein eigenes Zimmer." in page
    assert "Beta" not in page  # neither B's workshop nor B's words
    assert "Nicht erlaubt zu nutzen" not in page and "Ohne Tablet gespeichert" not in page
    assert 'href="/staff/freigabe/"' in page  # the navigation entry
    # The flags: highlighted, named in words (not colour only) and explained.
    assert '<mark class="flagge">Anna <span class="flagge-art">[Name?]</span></mark>' in page
    assert "0421 1234567 <span class=\"flagge-art\">[Telefonnummer?]</span>" in page
    assert "Vielleicht eine Telefonnummer" in page and "Vielleicht ein Name." in page
    assert "Offen (3)" in page and "Lebensbereich Wohnen" in page


def test_only_the_lead_may_review(app, client):
    w = world(app)
    signed_in(app, client, "assistenz-a", "assistenz", w["a"])
    assert client.get("/staff/freigabe/").status_code == 403
    assert 'href="/staff/freigabe/"' not in client.get("/staff/").get_data(as_text=True)


def test_release_withhold_and_change_are_audited(app, client):
    w = world(app)
    signed_in(app, client, "leitung-a", "anbieter_leitung", w["a"])
    first = w["a_workshop"]["answers"][0]
    url = f"/staff/freigabe/workshop/{first}"
    response = client.submit(url, {"entscheidung": "freigegeben"}, token_from="/staff/freigabe/")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/staff/freigabe/#workshop-{first}")
    assert [row[:3] for row in decisions(app)] == [(first, None, "freigegeben")]
    client.submit(url, {"entscheidung": "zurueckgehalten"}, token_from="/staff/freigabe/")
    area = w["a_wille"]["bereich"]
    client.submit(f"/staff/freigabe/wille/{area}", {"entscheidung": "zurueckgehalten"}, token_from="/staff/freigabe/")
    assert [row[:3] for row in decisions(app)] == [(first, None, "zurueckgehalten"), (None, area, "zurueckgehalten")]
    assert audit_of(app) == [("words_released", f"freigabe:workshop:{first}", "offen → freigegeben"),
                             ("words_withheld", f"freigabe:workshop:{first}", "freigegeben → zurueckgehalten"),
                             ("words_withheld", f"freigabe:wille:{area}", "offen → zurueckgehalten")]
    assert not any(FLAGGED in detail for _action, _target, detail in audit_of(app))  # the words never in the log
    page = client.get("/staff/freigabe/").get_data(as_text=True)
    assert "Offen (1)" in page and "Schon entschieden (2)" in page and "Zurückgehalten am" in page
    # A decided item offers only the other decision.
    decided = page[page.index(f'id="workshop-{first}"'):]
    decided = decided[:decided.index("</form>")]
    assert 'value="freigegeben"' in decided and 'value="zurueckgehalten"' not in decided
    client.post("/staff/abmelden", data={"csrf_token": client.token("/staff/")})
    signed_in(app, client, "chef", "admin")  # the Admin reads the decisions in the audit log, in words
    log = client.get("/staff/protokoll").get_data(as_text=True)
    assert "Eigene Worte freigegeben" in log and "Eigene Worte zurückgehalten" in log
    assert f"Eigene Worte einer Workshop-Antwort (Nr. {first})" in log and f"„Was ich will“ (Nr. {area})" in log
    assert "Anna" not in log


def test_b_s_words_and_unknown_ids_are_404_and_nothing_changes(app, client):
    w = world(app)
    signed_in(app, client, "leitung-a", "anbieter_leitung", w["a"])
    token = client.token("/staff/freigabe/")
    targets = [f"workshop/{w['b_workshop']['answers'][0]}", f"wille/{w['b_wille']['bereich']}",
               f"wille/{w['not_allowed']['bereich']}", f"wille/{w['no_tablet']['bereich']}", "workshop/999999",
               f"workshop/{2**40}"]
    for target in targets:
        response = client.post(f"/staff/freigabe/{target}", data={"csrf_token": token, "entscheidung": "freigegeben"})
        assert response.status_code == 404, target
    assert client.post("/staff/freigabe/andere/1", data={"csrf_token": token}).status_code == 404
    assert decisions(app) == [] and audit_of(app) == []


def test_a_decision_needs_the_csrf_token_and_a_known_value(app, client):
    w = world(app)
    signed_in(app, client, "leitung-a", "anbieter_leitung", w["a"])
    url = f"/staff/freigabe/workshop/{w['a_workshop']['answers'][0]}"
    assert client.post(url, data={"entscheidung": "freigegeben"}).status_code == 400
    token = client.token("/staff/freigabe/")
    assert client.post(url, data={"csrf_token": token, "entscheidung": "offen"}).status_code == 400
    assert client.post(url, data={"csrf_token": token}).status_code == 400
    assert decisions(app) == [] and audit_of(app) == []
    assert client.post(url, data={"csrf_token": token, "entscheidung": "freigegeben"}).status_code == 302
    assert len(decisions(app)) == 1


def test_the_page_form_posts_each_decision_with_its_token(app, client):
    w = world(app)
    signed_in(app, client, "leitung-a", "anbieter_leitung", w["a"])
    page = client.get("/staff/freigabe/").get_data(as_text=True)
    forms = re.findall(r'<form method="post" action="(/staff/freigabe/[^"]+)"', page)
    assert len(forms) == 3 and page.count('name="entscheidung" value="freigegeben"') == 3
