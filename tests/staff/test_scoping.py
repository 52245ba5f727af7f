"""Provider-owned rows are read only through scoping: own Anbieter, or all for Leistungsträger and Admin."""
from __future__ import annotations

from sqlalchemy import select

from app.core.db import get_db
from app.staff import operations
from app.staff.models import StaffUser
from app.staff.scoping import scoped, scoped_anbieter, scoped_get
from tests.staff.helpers import make_anbieter, make_user


def _setup(app) -> tuple[int, int]:
    """Two Anbieter with an Assistenz each, a lead for A, and one account of each cross-provider role."""
    a, b = make_anbieter(app, "Anbieter A"), make_anbieter(app, "Anbieter B")
    make_user(app, "assistenz-a", "assistenz", a)
    make_user(app, "leitung-a", "anbieter_leitung", a)
    make_user(app, "assistenz-b", "assistenz", b)
    for role in ("leistungstraeger", "evaluation", "admin"):
        make_user(app, role, role)
    return a, b


def _visible(db, login_name: str) -> set[str]:
    """Login names of the staff accounts (provider-owned rows) this user may see."""
    user = operations.find_user(db, login_name)
    return set(db.scalars(scoped(select(StaffUser.login_name), StaffUser, user)))


def test_staff_of_an_anbieter_see_only_their_own(app):
    _setup(app)
    with app.app_context():
        db = get_db()
        assert _visible(db, "assistenz-a") == {"assistenz-a", "leitung-a"}
        assert _visible(db, "leitung-a") == {"assistenz-a", "leitung-a"}
        assert _visible(db, "assistenz-b") == {"assistenz-b"}


def test_leistungstraeger_and_admin_see_every_anbieter_evaluation_none(app):
    _setup(app)
    with app.app_context():
        db = get_db()
        everyone = {"assistenz-a", "leitung-a", "assistenz-b"}
        assert everyone <= _visible(db, "leistungstraeger")
        assert everyone <= _visible(db, "admin")
        assert _visible(db, "evaluation") == set()


def test_a_foreign_row_by_id_is_none(app):
    _setup(app)
    with app.app_context():
        db = get_db()
        own = operations.find_user(db, "leitung-a")
        foreign = operations.find_user(db, "assistenz-b")
        assert scoped_get(db, StaffUser, own.id, operations.find_user(db, "assistenz-a")) is own
        assert scoped_get(db, StaffUser, foreign.id, operations.find_user(db, "assistenz-a")) is None
        assert scoped_get(db, StaffUser, foreign.id, operations.find_user(db, "admin")) is foreign
        assert scoped_get(db, StaffUser, 999_999, operations.find_user(db, "admin")) is None


def test_an_anbieter_by_id_only_if_the_user_may_see_it(app):
    a, b = _setup(app)
    with app.app_context():
        db = get_db()
        seen = {name: [x is not None for x in (scoped_anbieter(db, a, operations.find_user(db, name)),
                                               scoped_anbieter(db, b, operations.find_user(db, name)),
                                               scoped_anbieter(db, 999999, operations.find_user(db, name)))]
                for name in ("assistenz-a", "leitung-a", "leistungstraeger", "evaluation", "admin")}
    assert seen == {"assistenz-a": [True, False, False], "leitung-a": [True, False, False],
                    "leistungstraeger": [True, True, False], "evaluation": [False, False, False],
                    "admin": [True, True, False]}
