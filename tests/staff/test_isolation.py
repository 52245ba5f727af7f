"""The walk the issue demands: every staff route × every role × own, foreign and nobody's object.

Anbieter A's staff asking for anything of Anbieter B get 403 or 404, never B's data; roles without
the permission get 403; an id that belongs to no one gives 404; POSTs against B's things change nothing.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.core.db import get_db
from app.freigabe.models import Entscheidung
from app.sozialraum.models import Sozialraum
from app.staff import operations
from app.staff.models import AuditEntry, RecoveryCode, SignupLink, StaffUser
from app.staff.permissions import PUBLIC, may
from app.workshops import codes
from app.workshops import operations as workshops
from app.workshops.models import Workshop
from tests.freigabe.helpers import make_wille, make_workshop
from tests.results import helpers as results_helpers
from tests.staff.helpers import is_staff_view, make_anbieter, make_user, sign_in, totp_now, user_id

A_NAME, B_NAME = "Anbieter Alpha", "Anbieter Beta"
# Strings only B's objects carry: none may appear on a page that A's staff open.
B_WORKSHOP = "Workshop Beta"
B_MARKS = (B_NAME, "assistenz-b", "leitung-b", B_WORKSHOP, "worte-von-b", "wunsch-von-b", "Treffen Beta")
NOBODY = 999999
# Odd values no row can have: an id beyond any INTEGER column (SQLite cannot even bind it) and quarters of no date.
HUGE, ODD_QUARTER = 2**63, "9999-4"
ID_ARGS = {"anbieter_id", "user_id", "sozialraum_id", "workshop_id", "eintrag_id"}
# An ended quarter with Willen of both Anbieter, for the results pages.
QUARTER, QUARTER_MONTH = "2026-3", "2026-08"
ACCOUNTS = {  # login name: (role, Anbieter key or None)
    "assistenz-a": ("assistenz", "A"), "leitung-a": ("anbieter_leitung", "A"),
    "assistenz-b": ("assistenz", "B"), "leitung-b": ("anbieter_leitung", "B"),
    "traeger": ("leistungstraeger", None), "forschung": ("evaluation", None), "chef": ("admin", None),
}
A_STAFF = ("assistenz-a", "leitung-a")
WALKERS = ("assistenz-a", "leitung-a", "traeger", "forschung", "chef")


@pytest.fixture
def world(app):
    """Two Anbieter with a lead and an Assistenz each, plus the cross-provider roles; ids and TOTP secrets."""
    anbieter = {"A": make_anbieter(app, A_NAME), "B": make_anbieter(app, B_NAME)}
    with app.app_context():
        db = get_db()
        raum, raum_a = db.scalars(select(Sozialraum.id).order_by(Sozialraum.id)).all()[:2]
        operations.set_sozialraeume(db, db.get(operations.Anbieter, anbieter["B"]), [raum])
        operations.set_sozialraeume(db, db.get(operations.Anbieter, anbieter["A"]), [raum_a])
        # A workshop each (open today, so every form on its page is offered); B's title and code are B's marks.
        today = date.today()
        workshop = {key: workshops.create_workshop(
            db, anbieter_id=anbieter[key], sozialraum_id=raum if key == "B" else raum_a, titel=title,
            fragen="kurz", erster_tag=today - timedelta(days=1), letzter_tag=today + timedelta(days=1),
            now=datetime(2026, 1, 1)) for key, title in (("A", "Workshop Alpha"), ("B", B_WORKSHOP))}
        db.commit()
        workshop_ids = {key: w.id for key, w in workshop.items()}
        b_code = workshop["B"].code
    # A workshop of each Anbieter, over, with enough answers that its results show; Willen on each one's tablets.
    over = {key: results_helpers.workshop(app, anbieter[key], raum, results_helpers.answers(5),
                                          titel=f"Workshop {name.split()[1]}")
            for key, name in (("A", A_NAME), ("B", B_NAME))}
    for key in ("A", "B"):
        results_helpers.willen(app, 5, anbieter=anbieter[key], raum=raum, month=QUARTER_MONTH)
    # B's Assistenz has a second factor, so a reset of it by A's staff would show in the snapshot.
    secrets = {name: make_user(app, name, role, anbieter.get(key), second_factor=key is None or name == "assistenz-b")
               for name, (role, key) in ACCOUNTS.items()}
    users = {name: user_id(app, name) for name in ACCOUNTS}
    with app.app_context():
        operations.new_recovery_codes(get_db(), get_db().get(StaffUser, users["assistenz-b"]), app.config["CODE_KEY"])
        get_db().commit()
    # Own words for the review queue: a workshop answer and a Wille saved on each Anbieter's tablet.
    # The words are lower case, so no flag cuts them apart on the page (B_MARKS must find them whole).
    worte = {key: make_workshop(app, anbieter[key], f"Treffen {name}", [f"worte-von-{key.lower()}"])["answers"][0]
             for key, name in (("A", "Alpha"), ("B", "Beta"))}
    for key in ("A", "B"):
        make_wille(app, anbieter[key], f"wunsch-von-{key.lower()}")
    return {"anbieter": anbieter, "users": users, "secrets": secrets, "sozialraum": raum, "workshop": workshop_ids,
            "marks": (*B_MARKS, b_code, codes.shown(b_code)), "worte": worte, "workshops": over}


def become(client, world, name: str) -> None:
    """Sign out whoever is signed in, then sign in as this account (with its second factor where it has one)."""
    client.post("/staff/abmelden")
    sign_in(client, name)
    if world["secrets"][name]:
        client.submit("/staff/zweiter-faktor", {"code": totp_now(world["secrets"][name])})
    assert client.get("/staff/").status_code == 200, name


def ids_for(world, owner: str) -> dict[str, object]:
    """URL parameters pointing at A's or B's objects, or at nobody's."""
    if owner == "nobody":  # a quarter that has not ended is nobody's yet
        return {"anbieter_id": NOBODY, "user_id": NOBODY, "sozialraum_id": NOBODY, "token": "unbekannt",
                "workshop_id": NOBODY, "quelle": "workshop", "eintrag_id": NOBODY, "quartal": "2999-1"}
    if owner == "odd":
        return {**dict.fromkeys(ID_ARGS, HUGE), "token": "unbekannt", "quelle": "workshop", "quartal": ODD_QUARTER}
    return {"anbieter_id": world["anbieter"][owner], "user_id": world["users"][f"assistenz-{owner.lower()}"],
            "sozialraum_id": world["sozialraum"], "token": "unbekannt", "workshop_id": world["workshop"][owner],
            "quelle": "workshop", "eintrag_id": world["worte"][owner], "quartal": QUARTER}


def build(app, rule, owner: str, world) -> str:
    """The URL of a rule with its id parameters pointing at an owner's objects."""
    with app.test_request_context():
        return app.url_for(rule.endpoint, **{arg: ids_for(world, owner)[arg] for arg in rule.arguments})


def staff_rules(app, method: str):
    """Every staff rule that answers this method: the staff blueprint and every domain's staff door (/tablet/)."""
    return [rule for rule in app.url_map.iter_rules() if is_staff_view(app, rule.endpoint) and method in rule.methods]


def accepted(app, rule) -> tuple[str, ...]:
    """The permissions a rule's view accepts (any of them)."""
    found = app.view_functions[rule.endpoint].required_permission
    return found if isinstance(found, tuple) else (found,)


def expected(app, rule, walker: str, owner: str) -> int | None:
    """The status a walker must get, or None for public pages (only checked for B's data)."""
    permissions = accepted(app, rule)
    if permissions == (PUBLIC,):
        return 404 if "token" in rule.arguments else None
    role, home = ACCOUNTS[walker]
    if owner == "odd" and ID_ARGS & set(rule.arguments):
        return 404  # no page has such an id, whoever asks
    if not any(may(role, name) for name in permissions):
        return 403
    if not rule.arguments:
        return 200
    if owner in ("nobody", "odd") or (home is not None and owner != home):
        return 404
    return 200


def test_every_get_route_as_every_role(app, client, world):
    rules = staff_rules(app, "GET")
    unknown = {arg for rule in rules for arg in rule.arguments} - set(ids_for(world, "A"))
    assert not unknown, f"the walk does not know how to fill {unknown}: add them to ids_for"
    assert {"staff.anbieter_bearbeiten", "staff.anbieter_loeschen", "staff.konto", "staff.protokoll",
            "tablet.einstellung", "staff.mein_konto", "staff.mein_passwort", "staff.mein_faktor",
            "staff.mein_faktor_aus", "staff.meine_codes", "workshops_staff.liste", "workshops_staff.neu",
            "workshops_staff.detail", "workshops_staff.plakat", "workshops_staff.beenden",
            "workshops_staff.pruefen", "freigabe.liste", "results.workshop", "results.anbieter_willen",
            "results.sozialraum_willen", "results.sozialraum_workshops"} <= {rule.endpoint for rule in rules}
    seen = 0
    for walker in WALKERS:
        become(client, world, walker)
        for rule in rules:
            for owner in ("A", "B", "nobody", "odd") if rule.arguments else ("A",):
                url = build(app, rule, owner, world)
                response = client.get(url)
                want, body = expected(app, rule, walker, owner), response.get_data(as_text=True)
                if want is not None:
                    assert response.status_code == want, (walker, url, response.status_code)
                if walker in A_STAFF:
                    assert not any(mark in body for mark in world["marks"]), (walker, url)
                seen += 1
    assert seen > 40


def test_a_lead_of_a_sees_its_lists_without_b(app, client, world):
    become(client, world, "leitung-a")
    listing = client.get("/staff/konten").get_data(as_text=True)
    assert "assistenz-a" in listing
    form = client.get("/staff/konten/neu").get_data(as_text=True)
    assert A_NAME in form and B_NAME not in form
    results = client.get("/staff/ergebnisse/").get_data(as_text=True)
    assert "Workshop Alpha" in results and "Workshop Beta" not in results
    own = client.get(f"/staff/ergebnisse/workshop/{world['workshops']['A']}").get_data(as_text=True)
    assert "5 Menschen haben geantwortet." in own  # the walk opened results pages that show numbers
    become(client, world, "leitung-b")  # and B's workshop is on B's pages, so its absence above means something
    assert "Workshop Beta" in client.get("/staff/ergebnisse/").get_data(as_text=True)
    become(client, world, "chef")  # the walk above is not vacuous: B's data is on the admin's pages
    assert B_NAME in client.get("/staff/anbieter").get_data(as_text=True)
    assert "assistenz-b" in client.get("/staff/konten").get_data(as_text=True)
    become(client, world, "leitung-b")  # and B's own words are in B's review queue
    queue = client.get("/staff/freigabe/").get_data(as_text=True)
    assert "worte-von-b" in queue and "wunsch-von-b" in queue and "Alpha" not in queue and "-von-a" not in queue


def snapshot(app, world) -> tuple:
    """Everything of B a POST might change, and the size of the audit log."""
    with app.app_context():
        db = get_db()
        b = db.get(operations.Anbieter, world["anbieter"]["B"])
        accounts = tuple(db.execute(select(StaffUser.login_name, StaffUser.active, StaffUser.role, StaffUser.anbieter_id,
                                           StaffUser.password_hash, StaffUser.totp_secret, StaffUser.totp_confirmed)
                                    .order_by(StaffUser.id)).all())
        workshops_now = tuple(db.execute(select(Workshop.id, Workshop.anbieter_id, Workshop.titel, Workshop.geschlossen_am)
                                         .order_by(Workshop.id)).all())
        return (b.name, tuple(operations.sozialraeume_of(db, b.id)), accounts, workshops_now,
                db.scalar(select(func.count(operations.Anbieter.id))), db.scalar(select(func.count(RecoveryCode.id))),
                db.scalar(select(func.count(SignupLink.id))), db.scalar(select(func.count(AuditEntry.id))),
                tuple(db.scalars(select(Sozialraum.aktiv).order_by(Sozialraum.id))),
                tuple(db.execute(select(Entscheidung.workshop_antwort_id, Entscheidung.wille_bereich_id,
                                        Entscheidung.status)).all()))


def test_posts_against_b_by_a_staff_change_nothing(app, client, world):
    rules = [rule for rule in staff_rules(app, "POST") if accepted(app, rule) != (PUBLIC,)]
    assert {"staff.konto_aktiv", "staff.konto_link", "staff.anbieter_bearbeiten", "staff.konto_rolle",
            "staff.konto_faktor", "staff.anbieter_loeschen", "staff.mein_passwort", "workshops_staff.neu",
            "workshops_staff.beenden", "workshops_staff.tablet_modus", "freigabe.entscheiden"} <= {r.endpoint for r in rules}
    for walker in A_STAFF:
        become(client, world, walker)
        token = client.token("/staff/")
        before = snapshot(app, world)
        for rule in rules:
            url = build(app, rule, "B", world)
            data = {"csrf_token": token, "name": "Übernommen", "sozialraeume": [], "login_name": "eindringling",
                    "display_name": "X", "role": "assistenz", "anbieter": str(world["anbieter"]["B"]),
                    "titel": "Übernommen", "erster_tag": "2026-01-01", "letzter_tag": "2099-01-01", "fragen": "kurz",
                    "sozialraum": str(world["sozialraum"]), "entscheidung": "freigegeben"}
            response = client.post(url, data=data)
            if rule.arguments:
                assert response.status_code in (403, 404), (walker, url, response.status_code)
            elif rule.endpoint == "staff.noch_da":  # „Angemeldet bleiben“: no form fields, nothing to change
                assert response.status_code == 204, (walker, url, response.status_code)
            elif accepted(app, rule) == ("manage_own_account",):  # acts on the walker alone, and only with its password
                assert response.status_code in (200, 403), (walker, url, response.status_code)
                assert "Bitte geben Sie Ihr aktuelles Passwort ein." in response.get_data(as_text=True) \
                    or response.status_code == 403
            else:  # a form field names B: refused as a choice that is not offered, or 403
                assert response.status_code in (200, 403), (walker, url, response.status_code)
                assert "Bitte wählen Sie" in response.get_data(as_text=True) or response.status_code == 403
            assert snapshot(app, world) == before, (walker, url)
            assert client.client.get_cookie("mitreden_tablet") is None, (walker, url)


def test_posts_without_the_permission_are_refused_for_every_role(app, client, world):
    rules = [rule for rule in staff_rules(app, "POST") if accepted(app, rule) != (PUBLIC,)]
    refused = 0
    for walker in WALKERS:
        become(client, world, walker)
        token = client.token("/staff/")
        for rule in rules:
            if any(may(ACCOUNTS[walker][0], name) for name in accepted(app, rule)):
                continue
            for owner in ("A", "B"):
                before = snapshot(app, world)
                data = {"csrf_token": token, "role": "admin", "anbieter": "keiner", "name": "Übernommen",
                        "entscheidung": "freigegeben"}
                response = client.post(build(app, rule, owner, world), data=data)
                assert response.status_code == 403, (walker, rule.rule, owner, response.status_code)
                assert snapshot(app, world) == before, (walker, rule.rule, owner)
                refused += 1
    assert refused > 20
