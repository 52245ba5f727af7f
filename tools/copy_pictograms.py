"""Copy the OpenMoji pictograms Mitreden uses from the npm package into static/pictograms/.

Run once after changing the list (needs `npm install openmoji@17` in a scratch folder):
    python tools/copy_pictograms.py /path/to/node_modules/openmoji
Only the pictograms listed here are shipped; the XML comments are dropped to save bytes.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

PICTOGRAMS = {
    "wohnen": "1F3E0", "arbeit": "1F4BC", "freizeit": "1F3A8", "familie": "1F46A",
    "gesundheit": "1FA7A", "lernen": "1F4DA", "unterwegs": "1F68C", "geld": "1F4B6",
    "mitbestimmen": "1F5F3", "gut": "1F600", "geht-so": "1F610", "nicht-gut": "1F641",
    "freunde": "1F9D1-200D-1F91D-200D-1F9D1", "nachbarn": "1F3D8", "assistenz": "1F91D",
    "verein": "1F465", "niemand": "1F464", "allein": "1F9CD", "andere": "270D",
    "ja": "2705", "nein": "274C", "hilfe": "2753", "daten": "1F512", "woerterbuch": "1F4D6",
    "info": "2139", "wille": "1F4AC", "code": "1F511", "vorlesen": "1F50A", "drucken": "1F5A8",
    "aendern": "270F", "loeschen": "1F5D1", "sprache": "1F310", "tablet": "1F4F1",
    "ort": "1F4CD", "uhr": "23F0", "schreiben": "1F4DD", "selbst": "1F4AA",
    "barrierefrei": "267F", "suchen": "1F50D", "wechseln": "1F504", "sport": "26BD",
    "musik": "1F3B5", "natur": "1F333", "herz": "2764", "essen": "1F34E", "gehen": "1F6B6",
    "computer": "1F4BB", "kurs": "1F393", "fahrrad": "1F6B2", "reise": "1F9F3",
    "sparen": "1F4B0", "rechnung": "1F9FE", "sprechen": "1F5E3", "bett": "1F6CF",
    "fertig": "1F3C1", "start": "1F44B",
}


def main(openmoji: Path, target: Path) -> None:
    """Copy and slim each listed SVG."""
    target.mkdir(parents=True, exist_ok=True)
    for name, code in PICTOGRAMS.items():
        svg = (openmoji / "color" / "svg" / f"{code}.svg").read_text(encoding="utf-8")
        svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
        svg = re.sub(r">\s+<", "><", svg).strip()
        (target / f"{name}.svg").write_text(svg + "\n", encoding="utf-8")
    print(f"{len(PICTOGRAMS)} pictograms written to {target}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(__file__).resolve().parent.parent / "static" / "pictograms")
