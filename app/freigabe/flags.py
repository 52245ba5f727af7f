"""Flag likely personal data in own words, so the reviewer looks twice before releasing them.

A flag is a hint, not a verdict: the reviewer decides. The rules are simple on purpose, and their limits are:
- Names: a word from a short list of common first names (anywhere), a word after „Frau“ or „Herr“, or a
  capitalised word that is not at the start of a sentence and not a noun we know. German writes every noun
  with a capital letter, so „a noun we know“ means: a capitalised word of Mitreden's own Leichte Sprache texts
  (content/de), of the short list below, or ending like a noun (-ung, -heit, -keit …). A rare noun is flagged
  (a false alarm the reviewer clears), and a name at the start of a sentence or written in small letters is
  found only if it is on the list of first names. Family names are found only by the position rule.
- Phone numbers: 6 or more digits in a row, with spaces, „/“, „-“ or brackets between them.
- E-mail addresses: something@something.something.
- Addresses: a word ending in „straße“, „strasse“ or „str.“, or a word ending in „weg“, „allee“, „platz“,
  „gasse“, „ring“ or „damm“ followed by a house number.
- Dates of birth: a full date with a year (12.03.1980, 12. März 1980), or a year after „geboren“ or „Jahrgang“.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..core.config import ROOT

NAME, TELEFON, EMAIL, ADRESSE, GEBURTSTAG = "name", "telefon", "email", "adresse", "geburtstag"
KINDS = (NAME, TELEFON, EMAIL, ADRESSE, GEBURTSTAG)  # their names and explanations: staff.py (staff page texts)

# Common first names (lower case), found anywhere in a text, also at the start of a sentence.
FIRST_NAMES = frozenset("""
anna maria emma mia sophie sofia lena lea hannah hanna marie laura julia sarah sara lisa katharina johanna
lara leonie clara klara lina ella emilia amelie nina jana jessica vanessa melanie sandra nicole stefanie
claudia andrea petra sabine susanne birgit monika ursula renate karin helga gabriele ingrid elke heike
christina christine martina kerstin silke anja tanja katja svenja merve elif fatma ayse zeynep olga natalia
ben paul leon luca lukas jonas finn noah elias felix max maximilian tim tom jan niklas julian moritz david
alexander daniel michael thomas andreas peter stefan christian markus martin frank klaus jürgen juergen
wolfgang hans uwe dieter bernd ralf jens torsten dirk holger sven kai oliver sebastian florian tobias
philipp simon jakob johannes matthias patrick dennis kevin marcel mehmet ali mustafa ahmet murat hasan
ibrahim yusuf omar mohammed mohamed ivan igor sergej dimitri erik lorenz arthur
""".split())

# Capitalised words that are not names, beyond those of Mitreden's own texts (content/de).
COMMON_NOUNS = frozenset("""
Ich Sie Ihr Ihnen Du Frau Herr Herrn Mann Euro Cent Mama Papa Mutter Vater Eltern Bruder Schwester Oma Opa Kind Kinder Sohn Tochter Freund
Freundin Freunde Freundinnen Kollege Kollegin Nachbar Nachbarin Betreuer Betreuerin Betreuung Assistenz Chef
Chefin Arzt Ärztin Arbeit Werkstatt Job Geld Wohnung Haus Zimmer Küche Bad Garten Hund Katze Tier Tiere Bus
Bahn Zug Auto Fahrrad Rad Straße Weg Park Kino Café Cafe Essen Trinken Kaffee Kuchen Musik Sport Fußball
Schwimmbad Urlaub Reise Ausflug Stadt Stadtteil Dorf Markt Laden Supermarkt Schule Kurs Handy Computer
Internet Fernseher Film Spiel Spiele Spaß Zeit Tag Tage Woche Wochenende Monat Jahr Jahre Abend Morgen Mittag
Nacht Leute Menschen Mensch Gruppe Treffen Workshop Hilfe Liebe Ruhe Angst Lust Mut Zukunft Wunsch Wünsche
Leben Gesundheit Sonntag Montag Dienstag Mittwoch Donnerstag Freitag Samstag Januar Februar März April Mai
Juni Juli August September Oktober November Dezember Ostern Weihnachten Geburtstag Deutsch Englisch Büro Hof
Raum Räume Platz Ort Termin Telefon Nummer Brief Post Karte Bild Buch Lied Tanz Party Fest Feier Pause Regen Sonne
Balkon Disco Konzert Verein Kirche Moschee Bibliothek Museum Zoo Theater Strand See Meer Wald Fluss Insel Pizza Eis
Tee Wasser Saft Brot Obst Gemüse Wetter Schnee Spielplatz Jugendhaus Bücherei Nähe Farbe Farben Kleidung Schuhe
""".split())
NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "tät", "ion", "chen", "lein", "nis", "tum", "ment", "ismus", "ei",
                "ur", "ik", "enz", "anz")
PLURAL_ENDINGS = ("en", "n", "e", "s", "er", "nen")
# Family names often end in these words, so they never count as the end of a compound noun.
NAME_ENDINGS = frozenset({"mann", "berg", "feld", "stein", "bach", "dorf", "hof", "haus", "brink", "kamp"})
MONTHS = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"

EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_PATTERN = re.compile(r"(?<![\w.])\+?\(?\d[\d \t/()-]{4,}\d(?![\w]|\.\d)")
ADDRESS_PATTERN = re.compile(
    r"\b[\wÄÖÜäöüß-]*(?:stra(?:ß|ss)e\b|str\.)(?:\s*\d{1,4}(?:\s?[a-zA-Z]\b)?)?"
    r"|\b[\wÄÖÜäöüß-]*(?:weg|allee|platz|gasse|ring|damm)\s+\d{1,4}(?:\s?[a-zA-Z]\b)?", re.IGNORECASE)
DATE_PATTERN = re.compile(
    rf"\b\d{{1,2}}\.\s?(?:\d{{1,2}}\.|(?:{MONTHS}))\s?(?:19|20)?\d{{2}}\b"
    r"|\b(?:geboren|geb\.|Jahrgang)\s+(?:am\s+|im\s+Jahr\s+)?(?:\d{1,2}\.\s?\d{1,2}\.\s?)?(?:19|20)\d{2}\b",
    re.IGNORECASE)
WORD_PATTERN = re.compile(r"[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß-]*")
SENTENCE_END = re.compile(r"(?:^|[.!?:;\n]\s*|[„\"'(–-]\s*)$")


@dataclass(frozen=True)
class Flag:
    """One place in a text that may be personal data."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    """A piece of a text for the page: plain, or flagged with a kind."""

    text: str
    kind: str | None = None


@lru_cache(maxsize=1)
def known_nouns() -> frozenset[str]:
    """Capitalised words of Mitreden's own German texts and of COMMON_NOUNS: words that are not names."""
    words = set(COMMON_NOUNS)
    for path in [*(ROOT / "content" / "de").rglob("*.yml"), *(ROOT / "content").glob("*.yml")]:
        words.update(re.findall(r"\b[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*\b", path.read_text(encoding="utf-8")))
    return frozenset(word for word in words if word.lower() not in FIRST_NAMES)


def _looks_like_noun(word: str) -> bool:
    """A word we know as a noun, its plural, a compound ending in one (Heim-weg), or ending like a noun (-ung)."""
    nouns, lower = known_nouns(), word.lower()
    if word in nouns or lower.endswith(NOUN_ENDINGS) or any(word[:-len(end)] in nouns for end in PLURAL_ENDINGS
                                                           if word.endswith(end)):
        return True
    return any(lower.endswith(ending) for ending in compound_endings())


@lru_cache(maxsize=1)
def compound_endings() -> tuple[str, ...]:
    """Known nouns of 4 letters or more that end compound nouns; never the endings of family names (-mann, -berg)."""
    return tuple(noun.lower() for noun in known_nouns() if len(noun) >= 4 and noun.lower() not in NAME_ENDINGS)


def _names(text: str) -> list[Flag]:
    """Words that may be names (see the module docstring for the rules and their limits)."""
    found, previous = [], ""
    for match in WORD_PATTERN.finditer(text):
        word = match.group()
        capital = word[0].isupper()
        if word.lower() in FIRST_NAMES or (capital and previous in ("Frau", "Herr", "Herrn")):
            found.append(Flag(NAME, match.start(), match.end()))
        elif capital and not SENTENCE_END.search(text[:match.start()]) and not _looks_like_noun(word):
            found.append(Flag(NAME, match.start(), match.end()))
        previous = word
    return found


def _phones(text: str) -> list[Flag]:
    """Runs of 6 or more digits, perhaps with spaces, slashes, dashes or brackets."""
    return [Flag(TELEFON, m.start(), m.end()) for m in PHONE_PATTERN.finditer(text)
            if sum(character.isdigit() for character in m.group()) >= 6]


def flags(text: str) -> list[Flag]:
    """Every likely piece of personal data in a text, in order, without overlaps (the first rule wins)."""
    candidates = [Flag(EMAIL, m.start(), m.end()) for m in EMAIL_PATTERN.finditer(text)]
    candidates += [Flag(GEBURTSTAG, m.start(), m.end()) for m in DATE_PATTERN.finditer(text)]
    candidates += [Flag(ADRESSE, m.start(), m.end()) for m in ADDRESS_PATTERN.finditer(text)]
    candidates += _phones(text) + _names(text)
    chosen: list[Flag] = []
    for flag in candidates:
        if not any(flag.start < other.end and other.start < flag.end for other in chosen):
            chosen.append(flag)
    return sorted(chosen, key=lambda flag: flag.start)


def segments(text: str) -> list[Segment]:
    """The text cut into plain and flagged pieces, for highlighting."""
    pieces, at = [], 0
    for flag in flags(text):
        if flag.start > at:
            pieces.append(Segment(text[at:flag.start]))
        pieces.append(Segment(text[flag.start:flag.end], flag.kind))
        at = flag.end
    if at < len(text):
        pieces.append(Segment(text[at:]))
    return pieces


def kinds(text: str) -> list[str]:
    """The kinds of flags in a text, each once, in the order of KINDS."""
    present = {flag.kind for flag in flags(text)}
    return [kind for kind in KINDS if kind in present]
