"""Personal codes: easy to read aloud and type, stored only as a keyed hash.

A code is 3 simple German words and a 2-digit number, e.g. „Sonne Hund Tasse 47“. New codes use
only the words with a clear pictogram for the code card: 107³ × 100 ≈ 1.2·10⁸ codes; entering
codes is rate-limited, so guessing is impractical. Every word of WORDS is still accepted, so codes
made before the card had pictograms keep working.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import unicodedata

WORDS = tuple(
    """
    adler anker apfel ball bank baum berg besen biene birne blatt blume bohne boot brille brot
    buch burg butter dach dose eimer ente erde esel eule farbe feder feld fisch flasche fluss
    frosch gabel gans garten glas glocke gras hafen hand haus hemd herz himmel holz honig hose
    hund hut igel insel jacke kaffee kamm kanne karte katze kerze kirsche kiste kiwi klee knopf
    koffer korb kuchen kuh lampe laterne leiter licht lied mantel maus meer melone mond muschel
    nagel nest nudel ofen palme papier pfanne pferd pflaume pilz pinsel pizza rabe rad rakete
    regen ring rose sack salat sand schaf schiff schuh see seil sofa sonne stern stuhl suppe
    tasse teller tiger tisch tomate topf traube tulpe turm uhr vogel wagen wal wald wasser wind
    wolke zebra zelt ziege zitrone zug zwiebel
    """.split()
)
# Words without an OpenMoji pictogram that clearly shows them: accepted when typed, never in a new code.
WITHOUT_PICTURE = frozenset(
    """
    dach feld fluss garten gras hafen himmel kaffee kamm kiste knopf lampe mantel nagel ofen pflaume
    rabe sack sand see seil tisch topf turm wagen wald
    """.split()
)
# Words of new codes; each has a symbol of that name in static/pictograms/code-words.svg.
PICTURE_WORDS = tuple(word for word in WORDS if word not in WITHOUT_PICTURE)


def generate() -> str:
    """A new random code, words capitalised for reading: „Sonne Hund Tasse 47“."""
    words = [secrets.choice(PICTURE_WORDS).capitalize() for _ in range(3)]
    return " ".join(words) + f" {secrets.randbelow(100):02d}"


def normalise(raw: str) -> str | None:
    """Canonical form of a typed code, or None if it cannot be one.

    Case, spaces, hyphens and dots are ignored, so „sonne-hund-tasse-47“ works too.
    """
    text = unicodedata.normalize("NFKC", raw or "").lower()
    words = re.findall(r"[a-z]+", text)
    digits = "".join(re.findall(r"\d", text))
    if len(words) != 3 or len(digits) != 2 or any(w not in WORDS for w in words):
        return None
    return "-".join(words) + "-" + digits


def hash_code(normalised: str, key: str) -> str:
    """Keyed hash (HMAC-SHA256) of a normalised code; the code itself is never stored."""
    return hmac.new(key.encode(), normalised.encode(), hashlib.sha256).hexdigest()
