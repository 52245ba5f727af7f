"""Personal codes: readable, normalised, and stored only as a keyed hash."""
import re

from app.mein_code import codes as pc


def test_generated_code_is_three_words_and_two_digits():
    for _ in range(50):
        code = pc.generate()
        assert re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+ \d\d", code)
        assert pc.normalise(code) is not None


def test_codes_are_random():
    assert len({pc.generate() for _ in range(200)}) > 190


def test_normalise_ignores_case_spaces_and_hyphens():
    assert pc.normalise("Sonne Hund Tasse 47") == "sonne-hund-tasse-47"
    assert pc.normalise("  sonne-HUND-tasse 4 7 ") == "sonne-hund-tasse-47"


def test_normalise_rejects_wrong_shapes():
    assert pc.normalise("") is None
    assert pc.normalise("Sonne Hund 47") is None
    assert pc.normalise("Sonne Hund Tasse 4") is None
    assert pc.normalise("Sonne Hund Auto 47") is None  # not in the word list


def test_hash_is_keyed_and_not_the_code():
    normalised = pc.normalise("Sonne Hund Tasse 47")
    first = pc.hash_code(normalised, "key-one")
    assert first == pc.hash_code(normalised, "key-one")
    assert first != pc.hash_code(normalised, "key-two")
    assert "sonne" not in first and len(first) == 64


def test_word_list_is_simple():
    assert len(pc.WORDS) == len(set(pc.WORDS)) >= 128
    assert all(re.fullmatch(r"[a-z]{2,8}", w) for w in pc.WORDS)


def test_new_codes_use_only_words_with_a_pictogram_and_old_words_still_work():
    assert set(pc.PICTURE_WORDS) < set(pc.WORDS) and len(pc.PICTURE_WORDS) >= 100
    used = {word.lower() for _ in range(300) for word in pc.generate().split()[:3]}
    assert used <= set(pc.PICTURE_WORDS)
    assert pc.normalise("Dach Ofen Tisch 12") == "dach-ofen-tisch-12", "codes made before keep working"
