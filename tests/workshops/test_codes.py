"""Join codes: 6 digits, typed forgivingly, unique, and valid only on the workshop's days."""
from __future__ import annotations

from datetime import date, datetime

from app.core.db import get_db
from app.sozialraum.operations import every
from app.workshops import codes, operations
from tests.staff.helpers import make_anbieter
from tests.workshops.helpers import make_workshop


def test_codes_are_six_digits_and_typed_forgivingly():
    code = codes.new_code()
    assert len(code) == 6 and code.isdigit() and code[0] != "0"
    assert codes.normalise(" 482 915 ") == codes.normalise("482-915") == "482915"
    for wrong in (None, "", "48291", "4829150", "abc def", "482 91x", "４８２９１５６", "482 9¹5"):
        assert codes.normalise(wrong) is None, wrong
    assert codes.shown("482915") == "482 915"


def test_digits_of_other_scripts_are_the_same_code():
    for typed in ("٤٨٢٩١٥", "４８２９１５", "۴۸۲ ۹۱۵", "४८२-९१५", "482 ９１５"):
        assert codes.normalise(typed) == "482915", typed


def test_a_code_in_arabic_digits_opens_its_workshop(client, app):
    workshop = make_workshop(app)
    arabic = "".join(chr(0x0660 + int(digit)) for digit in workshop["code"])
    assert client.submit("/treffen/", {"code": arabic}).headers["Location"].endswith("/treffen/frage/treffen")


def test_a_code_opens_its_workshop_only_on_its_days(app):
    anbieter = make_anbieter(app, "A")
    with app.app_context():
        db = get_db()
        sozialraum = every(db)[0].id
        workshop = operations.create_workshop(
            db, anbieter_id=anbieter, sozialraum_id=sozialraum, titel=" Leben, wie ich will! ",
            fragen="leben-wie-ich-will", erster_tag=date(2026, 11, 24), letzter_tag=date(2026, 11, 25),
            now=datetime(2026, 11, 20))
        db.commit()
        typed = codes.shown(workshop.code)
        assert workshop.titel == "Leben, wie ich will!"
        assert operations.find_by_code(db, typed, date(2026, 11, 23)).reason == operations.NOT_YET
        assert operations.find_by_code(db, typed, date(2026, 11, 24)).workshop.id == workshop.id
        assert operations.find_by_code(db, typed, date(2026, 11, 25)).workshop.id == workshop.id
        assert operations.find_by_code(db, typed, date(2026, 11, 26)).reason == operations.OVER
        assert operations.find_by_code(db, "000000", date(2026, 11, 24)).reason == operations.UNKNOWN
        workshop.geschlossen_am = datetime(2026, 11, 24, 15)
        assert operations.find_by_code(db, typed, date(2026, 11, 24)).reason == operations.OVER
