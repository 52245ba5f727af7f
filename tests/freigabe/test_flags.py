"""Flagging likely personal data in own words: each kind is found, and plain words are left alone."""
from __future__ import annotations

import pytest

from app.freigabe.flags import ADRESSE, EMAIL, GEBURTSTAG, KINDS, NAME, TELEFON, flags, kinds, segments
from app.freigabe.staff import EXPLANATIONS, LABELS


def found(text: str) -> list[tuple[str, str]]:
    """(kind, flagged text) of every flag in a text."""
    return [(flag.kind, text[flag.start:flag.end]) for flag in flags(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ich war mit Anna im Park.", [(NAME, "Anna")]),
    ("Petra hat mir geholfen.", [(NAME, "Petra")]),  # a first name from the list, also at the start
    ("Danke an Frau Özdemir und an Kowalski.", [(NAME, "Özdemir"), (NAME, "Kowalski")]),
    ("Ruf mich an: 0421 / 123 45 67", [(TELEFON, "0421 / 123 45 67")]),
    ("Oder +49 (421) 1234567 anrufen.", [(TELEFON, "+49 (421) 1234567")]),
    ("Schreib an max.muster@example.org bitte.", [(EMAIL, "max.muster@example.org")]),
    ("ich wohne hauptstraße 12.", [(ADRESSE, "hauptstraße 12")]),
    ("Treffpunkt: Am Deich-Weg 3 b.", [(ADRESSE, "Deich-Weg 3 b")]),
    ("Das Büro ist in der Parkstr. 5 im Hof.", [(ADRESSE, "Parkstr. 5")]),
    ("Ich bin am 12.03.1980 geboren.", [(GEBURTSTAG, "12.03.1980")]),
    ("Mein Tag ist der 3. März 1975.", [(GEBURTSTAG, "3. März 1975")]),
    ("Ich bin Jahrgang 1960.", [(GEBURTSTAG, "Jahrgang 1960")]),
])
def test_each_kind_is_flagged(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "Mir hat das Essen gut gefallen. Die Musik war zu laut.",
    "Das Treffen war schön. Es gab Kuchen und Kaffee. Ich möchte mehr Ausflüge.",
    "Wir waren im Stadtteil Hemelingen und in der Werkstatt.",  # a Sozialraum of the content is no name
    "Ich habe 3 Katzen und 25 Euro. Die Postleitzahl ist 28195.",  # plurals, small numbers, 5 digits
    "Ich will mehr Sport machen. Mit meiner Betreuerin und den Nachbarn.",
    "",
])
def test_plain_words_are_not_flagged(text):
    assert flags(text) == []
    assert [piece.kind for piece in segments(text)] == ([None] if text else [])


def test_segments_keep_the_text_and_mark_the_flags():
    text = "Ruf Anna an: anna@example.org"
    pieces = segments(text)
    assert "".join(piece.text for piece in pieces) == text
    assert [(piece.text, piece.kind) for piece in pieces if piece.kind] == [("Anna", NAME), ("anna@example.org", EMAIL)]
    assert kinds(text) == [NAME, EMAIL]


def test_every_kind_has_a_label_and_an_explanation():
    assert set(LABELS) == set(EXPLANATIONS) == set(KINDS) == {NAME, TELEFON, EMAIL, ADRESSE, GEBURTSTAG}
    assert all(str(text).endswith(".") for text in EXPLANATIONS.values())
