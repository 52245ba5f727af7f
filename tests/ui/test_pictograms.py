"""Pictograms: one sprite holds every pictogram a page names, and the licence ships with it."""
import re
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "static" / "pictograms"
SVG = "{http://www.w3.org/2000/svg}"


def sprite_symbols() -> dict[str, ElementTree.Element]:
    """The symbols of the sprite by id."""
    tree = ElementTree.parse(FOLDER / "sprite.svg")
    return {symbol.get("id"): symbol for symbol in tree.getroot().iter(f"{SVG}symbol")}


def names_in_use() -> set[str]:
    """Every pictogram name in content files, templates and Python code."""
    names = set()
    for path in (ROOT / "content").rglob("*.yml"):
        names.update(re.findall(r"bild: ([\w-]+)", path.read_text()))
    for path in (ROOT / "templates").rglob("*.html"):
        names.update(re.findall(r"picto\('([\w-]+)'", path.read_text()))
        names.update(re.findall(r"\"bild\": \"([\w-]+)\"", path.read_text()))
    for path in (ROOT / "app").rglob("*.py"):
        names.update(re.findall(r"\"bild\": \"([\w-]+)\"", path.read_text()))
    return names


def test_every_pictogram_in_use_is_in_the_sprite():
    names = names_in_use()
    assert len(names) > 40, "the search for names in use finds them"
    missing = names - set(sprite_symbols())
    assert not missing, missing


def test_sprite_symbols_are_self_contained():
    symbols = sprite_symbols()
    for name, symbol in symbols.items():
        assert symbol.get("viewBox") == "0 0 72 72", name
    # An id inside a drawing would be shared by every page's sprite: only the symbols have ids.
    text = (FOLDER / "sprite.svg").read_text()
    assert text.count(' id="') == len(symbols)
    assert "url(#" not in text


def test_picto_is_a_decorative_use_of_the_versioned_sprite(app):
    with app.test_request_context():
        html = str(app.jinja_env.globals["picto"]("gut", 64))
    assert re.fullmatch(r'<svg class="picto" width="64" height="64" aria-hidden="true" focusable="false">'
                        r'<use href="/static/pictograms/sprite.svg\?v=[0-9a-f]{10}#gut"></use></svg>', html), html


def test_pictogram_licence_ships_with_the_sprite():
    assert (FOLDER / "LICENSE-OpenMoji.txt").exists() and (FOLDER / "README.md").exists()
    assert "CC BY-SA 4.0" in (FOLDER / "README.md").read_text()


def test_every_word_of_new_codes_has_its_pictogram_in_the_code_word_sprite():
    from app.mein_code.codes import PICTURE_WORDS

    tree = ElementTree.parse(FOLDER / "code-words.svg")
    symbols = {symbol.get("id"): symbol for symbol in tree.getroot().iter(f"{SVG}symbol")}
    assert sorted(symbols) == sorted(PICTURE_WORDS)
    assert all(symbol.get("viewBox") == "0 0 72 72" for symbol in symbols.values())
    text = (FOLDER / "code-words.svg").read_text()
    assert text.count(' id="') == len(symbols) and "url(#" not in text


def test_only_the_code_card_loads_the_code_word_sprite():
    users = [path.relative_to(ROOT).as_posix() for path in (ROOT / "templates").rglob("*.html")
             if "code-words.svg" in path.read_text()]
    assert users == ["templates/mein_code/karte.html"]
