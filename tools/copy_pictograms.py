"""Copy the OpenMoji pictograms Mitreden uses from the npm package into static/pictograms/.

Writes two sprites, so a page needs a single request for all its pictograms:
- sprite.svg: the pictograms of the pages (PICTOGRAMS), one <symbol id="NAME" viewBox="0 0 72 72"> each;
- code-words.svg: one pictogram per word of new personal codes (CODE_WORDS, symbol id = the word),
  loaded only by the code card, so ordinary pages do not download them.
Each drawing is optimised with svgo (multipass, precision 1 decimal in the 72-unit viewBox,
invisible at 48-64 px; svgo's curve-to-arc rewrite is off, see SVGO_CONFIG).
Used as <svg class="picto" ...><use href="/static/pictograms/sprite.svg?v=HASH#NAME"></use></svg>.

Run once after changing a list (needs the two npm packages in a scratch folder), from the project root:
    mkdir -p /tmp/openmoji && cd /tmp/openmoji && npm i openmoji@17 svgo@4
    python -m tools.copy_pictograms /tmp/openmoji/node_modules/openmoji
svgo is taken from node_modules/.bin/svgo next to the openmoji package.
Only the pictograms listed here are shipped.
"""
from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

PICTOGRAMS = {
    "wohnen": "1F3E0", "arbeit": "1F4BC", "freizeit": "1F3A8", "familie": "1F46A",
    "gesundheit": "1FA7A", "lernen": "1F4DA", "unterwegs": "1F68C", "geld": "1F4B6",
    "mitbestimmen": "1F5F3", "gut": "1F600", "geht-so": "1F610", "nicht-gut": "1F641",
    "freunde": "1F9D1-200D-1F91D-200D-1F9D1", "nachbarn": "1F3D8", "assistenz": "1F91D",
    "verein": "1F465", "niemand": "1F6B7", "allein": "1F9CD", "andere": "270D",
    "ja": "2705", "nein": "274C", "hilfe": "2753", "daten": "1F512", "woerterbuch": "1F4D6",
    "info": "2139", "wille": "1F4AC", "code": "1F511", "vorlesen": "1F50A", "drucken": "1F5A8",
    "aendern": "270F", "loeschen": "1F5D1", "sprache": "1F310", "tablet": "1F4F1",
    "ort": "1F4CD", "uhr": "23F0", "schreiben": "1F4DD", "selbst": "1F4AA",
    "barrierefrei": "267F", "suchen": "1F50D", "wechseln": "1F504", "sport": "26BD",
    "musik": "1F3B5", "natur": "1F333", "herz": "2764", "essen": "1F34E", "gehen": "1F6B6",
    "computer": "1F4BB", "kurs": "1F393", "fahrrad": "1F6B2", "reise": "1F9F3",
    "sparen": "1F4B0", "rechnung": "1F9FE", "sprechen": "1F5E3", "bett": "1F6CF",
    "fertig": "1F3C1", "start": "1F44B", "tuer": "1F6AA", "bleiben": "1F44D",
    # Workshops: the middle of ja / etwas / nein (a pinch: „ein bisschen“) and what bothered people at a
    # meeting. The way in to a meeting's questions uses "mitbestimmen": one drawing less in every page's sprite.
    "etwas": "1F90F", "zu-lang": "23F3", "zu-laut": "1F4E2", "schwere-woerter": "1F524", "zu-viele": "E081",
}

# The picture of each word of new codes (app/mein_code/codes.py PICTURE_WORDS): the thing itself,
# so the card helps to remember the word. Words with no clear OpenMoji are in codes.WITHOUT_PICTURE.
CODE_WORDS = {
    "adler": "1F985", "anker": "2693", "apfel": "1F34E", "ball": "26BD", "bank": "1F3E6", "baum": "1F333",
    "berg": "26F0", "besen": "1F9F9", "biene": "1F41D", "birne": "1F350", "blatt": "1F341", "blume": "1F33C",
    "bohne": "1FAD8", "boot": "26F5", "brille": "1F453", "brot": "1F35E", "buch": "1F4D5", "burg": "1F3F0",
    "butter": "1F9C8", "dose": "1F96B", "eimer": "1FAA3", "ente": "1F986", "erde": "1F30D", "esel": "1FACF",
    "eule": "1F989", "farbe": "1F3A8", "feder": "1FAB6", "fisch": "1F41F", "flasche": "E0CB", "frosch": "1F438",
    "gabel": "1F374", "gans": "1FABF", "glas": "1F943", "glocke": "1F514", "hand": "270B", "haus": "1F3E0",
    "hemd": "1F454", "herz": "2764", "holz": "1FAB5", "honig": "1F36F", "hose": "1F456", "hund": "1F415",
    "hut": "1F3A9", "igel": "1F994", "insel": "1F3DD", "jacke": "1F9E5", "kanne": "1FAD6", "karte": "1F5FA",
    "katze": "1F408", "kerze": "1F56F", "kirsche": "1F352", "kiwi": "1F95D", "klee": "1F340", "koffer": "1F9F3",
    "korb": "1F9FA", "kuchen": "1F370", "kuh": "1F404", "laterne": "1F3EE", "leiter": "1FA9C", "licht": "1F4A1",
    "lied": "1F3B5", "maus": "1F401", "meer": "1F30A", "melone": "1F349", "mond": "1F319", "muschel": "1F41A",
    "nest": "1FABA", "nudel": "1F35D", "palme": "1F334", "papier": "1F4C4", "pfanne": "1F373", "pferd": "1F40E",
    "pilz": "1F344", "pinsel": "1F58C", "pizza": "1F355", "rad": "1F6B2", "rakete": "1F680", "regen": "1F327",
    "ring": "1F48D", "rose": "1F339", "salat": "1F957", "schaf": "1F411", "schiff": "1F6A2", "schuh": "1F45F",
    "sofa": "1F6CB", "sonne": "2600", "stern": "2B50", "stuhl": "1FA91", "suppe": "1F372", "tasse": "2615",
    "teller": "1F37D", "tiger": "1F405", "tomate": "1F345", "traube": "1F347", "tulpe": "1F337", "uhr": "23F0",
    "vogel": "1F426", "wal": "1F40B", "wasser": "1F4A7", "wind": "1F32C", "wolke": "2601", "zebra": "1F993",
    "zelt": "26FA", "ziege": "1F410", "zitrone": "1F34B", "zug": "1F686", "zwiebel": "1F9C5",
}

# svgo's default preset, coordinates to 1 decimal. makeArcs is off: it turns curves into arcs and
# then rounds the radius, and near a half circle 0.05 on the radius moves the arc a lot (the hole
# of "freizeit" grew by 0.6 units, "start" and "wechseln" bulged); without it the changes stay at
# rounding size (anti-aliased edges at 200 px), for about 0.7 KB more brotli on the whole sprite.
SVGO_CONFIG = """export default {
  multipass: true,
  floatPrecision: 1,
  plugins: [{name: "preset-default", params: {overrides: {convertPathData: {makeArcs: false}}}}],
};
"""
SVG_NS = "http://www.w3.org/2000/svg"
ROOT = re.compile(r'\A<svg xmlns="http://www\.w3\.org/2000/svg" viewBox="([^"]+)">(.*)</svg>\Z', re.S)
ID = re.compile(r'\sid="([^"]*)"')
# Every way an SVG drawing can point at an id: url(#x) in attributes or styles, href="#x".
REF = re.compile(r'url\(\s*[\'"]?#([^)\'"\s]+)[\'"]?\s*\)|href="#([^"]*)"')


def slim(svg: str) -> str:
    """Drop XML comments and whitespace between tags; the drawing stays as it is."""
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    return re.sub(r">\s+<", "><", svg).strip()


def optimise(svgo: Path, drawings: dict[str, str]) -> dict[str, str]:
    """Run svgo over all drawings at once; returns NAME -> optimised SVG text."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp, "in"), Path(tmp, "out")
        src.mkdir()
        config = Path(tmp, "svgo.config.mjs")
        config.write_text(SVGO_CONFIG, encoding="utf-8")
        for name, svg in drawings.items():
            (src / f"{name}.svg").write_text(svg, encoding="utf-8")
        subprocess.run([str(svgo), "--config", str(config), "--quiet", "-f", str(src), "-o", str(out)],
                       check=True)
        return {name: (out / f"{name}.svg").read_text(encoding="utf-8").strip() for name in drawings}


def symbol(name: str, svg: str) -> str:
    """Turn one optimised <svg> into <symbol id="NAME">, with any inner ids made unique."""
    match = ROOT.match(svg)
    if not match:  # e.g. svgo left width/height or a style on the root: decide by hand
        raise SystemExit(f"{name}: unexpected root element after svgo: {svg[:120]}")
    view_box, body = match.groups()
    # OpenMoji's id="emoji"/"color"/"line" groups are unreferenced and svgo drops them; anything
    # still referenced (gradients, masks, clip paths) gets the pictogram name as prefix.
    inner = set(ID.findall(body))
    for ref in REF.finditer(body):
        if (ref.group(1) or ref.group(2)) not in inner:
            raise SystemExit(f"{name}: reference {ref.group(0)} points at no id in the drawing")
    body = ID.sub(lambda m: f' id="{name}-{m.group(1)}"', body)
    body = REF.sub(lambda m: (f"url(#{name}-{m.group(1)})" if m.group(1)
                              else f'href="#{name}-{m.group(2)}"'), body)
    return f'<symbol id="{name}" viewBox="{view_box}">{body}</symbol>'


def check_sprite(sprite: str, names: list[str]) -> None:
    """Well-formed XML, one symbol per pictogram, no id twice."""
    root = ET.fromstring(sprite)
    ids = [el.get("id") for el in root.iter() if el.get("id") is not None]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise SystemExit(f"duplicate ids in sprite: {sorted(duplicates)}")
    symbols = [el.get("id") for el in root if el.tag == f"{{{SVG_NS}}}symbol"]
    if symbols != names:
        raise SystemExit("sprite symbols do not match the list of pictograms")


def write_sprite(openmoji: Path, svgo: Path, pictograms: dict[str, str], target: Path) -> None:
    """Slim and optimise each listed OpenMoji SVG and write them as one sprite file."""
    drawings = {name: slim((openmoji / "color" / "svg" / f"{code}.svg").read_text(encoding="utf-8"))
                for name, code in pictograms.items()}
    optimised = optimise(svgo, drawings)
    sprite = "\n".join([f'<svg xmlns="{SVG_NS}">',
                        *(symbol(name, optimised[name]) for name in pictograms),
                        "</svg>"]) + "\n"
    check_sprite(sprite, list(pictograms))
    target.write_text(sprite, encoding="utf-8")
    print(f"{target.name} written: {len(pictograms)} symbols, {len(sprite.encode())} bytes")


def main(openmoji: Path, target: Path) -> None:
    """Build the sprite of the pages and the sprite of the code words."""
    from app.mein_code.codes import PICTURE_WORDS

    if sorted(CODE_WORDS) != sorted(PICTURE_WORDS):
        raise SystemExit(f"CODE_WORDS and codes.PICTURE_WORDS differ: {set(CODE_WORDS) ^ set(PICTURE_WORDS)}")
    svgo = openmoji.parent / ".bin" / "svgo"
    if not svgo.exists():
        raise SystemExit(f"{svgo} not found: run `npm i openmoji@17 svgo@4` in the scratch folder")
    target.mkdir(parents=True, exist_ok=True)
    write_sprite(openmoji, svgo, PICTOGRAMS, target / "sprite.svg")
    write_sprite(openmoji, svgo, CODE_WORDS, target / "code-words.svg")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(__file__).resolve().parent.parent / "static" / "pictograms")
