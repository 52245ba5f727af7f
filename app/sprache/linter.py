"""The Leichte Sprache linter: checks every German user-facing text against the rules of
../shared/LEICHTE-SPRACHE.md that a program can check (marked ✔ there).

Texts come from two places: the gettext messages in app/ and templates/ (German is the source
language, so the msgids are the German texts) and the YAML files in content/de/. A text that
breaks a rule on purpose needs an entry with a reason in content/ausnahmen.yml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

MAX_WORDS = 12
LONG_WORD = 14
# A Mediopunkt helps to read a long compound noun (Sozial·raum). In a shorter word it only gets in the way.
SHORT_WORD = 10
# Separable-verb prefixes and particles: „wieder·kommen“, „Neu·anfangen“ are verbs, not compound nouns.
VERB_PREFIXES = frozenset(
    "ab an auf aus bei dabei dazu durch ein fest frei her heraus hin hinein los mit mitten nach neu "
    "schief vor vorbei weg weiter wieder zu zurecht zurück zusammen".split()
)
# Staff pages are written in plain standard German, not Leichte Sprache: any file under a `staff`
# folder (app/staff/, templates/<domain>/staff/) or a module named staff (app/<domain>/staff.py).
STAFF_SEGMENT = "staff"
# Legal texts (Impressum, Erklärung zur Barrierefreiheit) also come in standard German, which the law
# asks for beside the Leichte Sprache version: content/<lang>/standard/*.yml.
STANDARD_SEGMENT = "standard"
NON_TEXT_KEYS = {"key", "bild", "ziel", "formen", "baustein", "angaben"}

WORD = re.compile(r"[A-Za-zÄÖÜäöüß0-9][\wÄÖÜäöüß·\-]*")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{\w*\}")
# A sentence ends at . ! ? but not after a number („21. November“) or a single letter („z. B.“).
SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\d\.)(?<!(?<![\w·])\w\.)[“\"]?\s+(?=[„\"]?[A-ZÄÖÜ0-9])")
PRONOUNS = r"(?:ich|du|er|sie|es|wir|ihr|Sie|man)"
FINITE_STRICT = (
    "ist sind bin bist seid hat haben habe hast kann können kannst will wollen willst muss müssen "
    "darf dürfen soll sollen gibt geht macht"
).split()


@dataclass(frozen=True)
class Rule:
    """One checkable rule: its name, a pattern and what to tell the writer."""

    name: str
    pattern: re.Pattern
    advice: str


def _words(*items: str) -> re.Pattern:
    """A case-insensitive pattern matching any of the given whole words."""
    return re.compile(r"(?<![\w·])(?:" + "|".join(re.escape(i) for i in items) + r")(?![\w·])", re.I)


SENTENCE_RULES = (
    Rule("ABKUERZUNG", re.compile(
        r"(?<![\w·])(?:z\.\s?B\.|bzw\.|usw\.|ca\.|d\.\s?h\.|ggf\.|evtl\.|Nr\.|Tel\.|u\.\s?a\.|etc\.|inkl\.|max\.|min\.)",
        re.I), "Schreiben Sie das Wort aus."),
    Rule("VERNEINUNG", _words("nicht", "nichts", "kein", "keine", "keinen", "keinem", "keiner", "keines",
                               "nie", "niemals", "niemand", "niemanden", "nirgends"),
         "Sagen Sie es positiv, wenn es geht."),
    Rule("KONJUNKTIV", _words("würde", "würdest", "würden", "würdet", "hätte", "hättest", "hätten", "hättet",
                               "wäre", "wärst", "wären", "wäret", "könnte", "könntest", "könnten", "müsste",
                               "müssten", "dürfte", "dürften", "sollte", "solltest", "sollten"),
         "Schreiben Sie im Indikativ: kann, hat, ist."),
    Rule("GENITIV", re.compile(r"(?<![\w·])(?:des|eines|meines|Ihres|seines|unseres)\s+[\wÄÖÜäöüß·]+"),
         "Schreiben Sie „von dem“ statt Genitiv."),
    Rule("PRAETERITUM", _words("war", "warst", "waren", "wart", "hatte", "hattest", "hatten", "hattet", "ging",
                                "gingen", "wurde", "wurden", "kam", "kamen", "sagte", "sagten", "machte",
                                "machten", "konnte", "konnten", "wollte", "wollten", "musste", "mussten",
                                "durfte", "durften", "gab", "gaben", "sah", "sahen", "fand", "fanden", "wusste",
                                "wussten", "blieb", "blieben", "schrieb", "schrieben", "bekam", "bekamen"),
         "Schreiben Sie im Präsens oder Perfekt."),
    Rule("ROEMISCHE_ZAHL", re.compile(
        r"(?<![\w·])(?=[MDCLXVI]{2,}(?![\w·]))M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![\w·])"),
         "Schreiben Sie arabische Ziffern: 2 statt II."),
    Rule("ZAHLWOERTER", _words("eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
                                "elf", "zwölf", "zwanzig", "dreißig", "hundert", "tausend"),
         "Schreiben Sie Zahlen als Ziffern: 7 statt sieben."),
    Rule("ZAHLEN", re.compile(r"\d{1,3}(?:\.\d{3})+|\d+[.,]\d+|%|(?<![\w·])Prozent(?![\w·])|\d{5,}"),
         "Keine großen Zahlen, Kommazahlen oder Prozente: schreiben Sie „viele“ oder „die Hälfte“."),
    Rule("DATUM", re.compile(r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])\.\s?(?:0?[1-9]|1[0-2])\.(?:\d{2,4})?"),
         "Schreiben Sie das Datum aus: 21. November 2026."),
    Rule("VON_BIS", re.compile(r"(?<![\w.])\d+\s*[–—-]\s*\d+(?![\w.])"), "Schreiben Sie „9 bis 10 Uhr“."),
    Rule("SONDERZEICHEN", re.compile(r"[§&;()\[\]{}]|[a-zäöüß]/(?:in|innen|r|n)(?![\w·])"),
         "Lassen Sie Sonderzeichen und Klammern weg."),
    Rule("QUERVERWEIS", re.compile(r"(?<![\w·])(?:siehe|vgl\.|s\.\s?o\.|s\.\s?u\.)", re.I),
         "Schreiben Sie die Information direkt hin."),
    Rule("FUSSNOTE", re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰†]|\[\d+\]|\w\*\)"), "Keine Fußnoten: schreiben Sie es in den Text."),
)
ANREDE_DU = _words("du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "deines")
PASSIVE_AUX = _words("werden", "wird", "wirst", "werdet", "wurde", "wurden", "worden")
PARTICIPLE = re.compile(r"(?<![\w·])(?:ge[a-zäöüß]{2,}(?:t|en)|[a-zäöüß]+iert)(?![\w·])")


@dataclass(frozen=True)
class Finding:
    """A text that breaks a rule, and where it comes from."""

    source: str
    text: str
    rule: str
    detail: str

    def report(self) -> str:
        """One readable report line: file, rule, advice and the text."""
        return f"{self.source}: [{self.rule}] {self.detail}\n    „{self.text}“"


def sentences(line: str) -> list[str]:
    """Split a line into sentences."""
    return [s.strip() for s in SENTENCE_END.split(line) if s.strip()]


def word_count(sentence: str) -> int:
    """Number of words; a word with a Mediopunkt (Sozial·raum) counts once."""
    return len(WORD.findall(sentence))


def _two_statements(sentence: str) -> bool:
    """Heuristic: two finite clauses joined by und/oder („Ich wohne hier und ich arbeite dort“)."""
    parts = re.split(r"\s+(?:und|oder)\s+", sentence)
    if len(parts) < 2:
        return False
    for left, right in zip(parts, parts[1:]):
        right_words = right.split()
        right_finite = bool(re.search(rf"(?<!\w){PRONOUNS}\s+\w+", right)) or (
            bool(right_words) and right_words[0].lower() in FINITE_STRICT
        )
        left_finite = bool(re.search(rf"(?<!\w){PRONOUNS}\s+\w+", left, re.I)) or any(
            w.lower().strip(",.") in FINITE_STRICT for w in left.split()
        )
        if left_finite and right_finite:
            return True
    return False


def mediopunkt_problem(word: str) -> str | None:
    """Why a word with a Mediopunkt should be written without it, or None if the Mediopunkt helps."""
    if "·" not in word:
        return None
    letters = re.sub(r"[^A-Za-zÄÖÜäöüß]", "", word)
    plain = word.replace("·", "")
    if word[0].islower():
        return (f"„{word}“ ist klein geschrieben: ein Verb oder ein kleines Wort. "
                f"Nur lange Nomen bekommen einen Medio·punkt. Schreiben Sie „{plain}“.")
    first, rest = word.split("·", 1)
    if first.lower() in VERB_PREFIXES and rest.islower() and rest.endswith("en"):
        return (f"„{word}“ ist ein Verb. Nur lange Nomen bekommen einen Medio·punkt. "
                f"Schreiben Sie „{plain}“.")
    if len(letters) < SHORT_WORD:
        return f"„{word}“ ist kurz genug. Schreiben Sie „{plain}“ ohne Medio·punkt."
    return None


def check_sentence(sentence: str, anrede: str = "Sie") -> list[tuple[str, str]]:
    """All rule violations of one sentence as (rule, advice)."""
    found: list[tuple[str, str]] = []
    if word_count(sentence) > MAX_WORDS:
        found.append(("LANGER_SATZ", f"{word_count(sentence)} Wörter, höchstens {MAX_WORDS}."))
    if re.search(r",\s*(?:aber|denn|sondern)(?![\w·])", sentence) or re.search(r"(?<!\w)weder(?!\w).*(?<!\w)noch(?!\w)", sentence, re.I) or _two_statements(sentence):
        found.append(("ZWEI_INFORMATIONSEINHEITEN", "Schreiben Sie 2 Sätze."))
    for word in WORD.findall(sentence):
        letters = re.sub(r"[^A-Za-zÄÖÜäöüß]", "", word)
        if len(letters) >= LONG_WORD and "·" not in word and "-" not in word:
            # Only a noun is split with a Mediopunkt; a long verb or adjective needs a shorter word.
            advice = "trennen Sie es mit Medio·punkt." if word[0].isupper() else "nehmen Sie ein kürzeres Wort."
            found.append(("LANGES_WORT", f"„{word}“ ist lang: {advice}"))
        problem = mediopunkt_problem(word)
        if problem:
            found.append(("MEDIOPUNKT", problem))
    for rule in SENTENCE_RULES:
        if rule.pattern.search(sentence):
            found.append((rule.name, rule.advice))
    if PASSIVE_AUX.search(sentence) and PARTICIPLE.search(sentence):
        found.append(("PASSIV", "Schreiben Sie aktiv: wer macht was?"))
    if anrede == "Sie" and ANREDE_DU.search(sentence):
        found.append(("ANREDE", "Sprechen Sie die Leser mit „Sie“ an."))
    return found


def check_text(text: str, anrede: str = "Sie") -> list[tuple[str, str, str]]:
    """Check a text whose lines are its sentences; returns (line, rule, advice)."""
    text = PLACEHOLDER.sub("Wohnen", text)
    found: list[tuple[str, str, str]] = []
    for line in (line.strip() for line in text.split("\n")):
        if not line:
            continue
        parts = sentences(line)
        if len(parts) > 1:
            found.append((line, "EIN_SATZ_PRO_ZEILE", "Jeder Satz steht in einer eigenen Zeile."))
        for sentence in parts:
            found.extend((line, rule, advice) for rule, advice in check_sentence(sentence, anrede))
    return found


def is_staff_source(filename: str) -> bool:
    """Whether a source file belongs to a staff page (plain standard German, not linted)."""
    path = PurePosixPath(filename)
    return STAFF_SEGMENT in path.parts[:-1] or path.stem == STAFF_SEGMENT


def is_standard_text(filename: str) -> bool:
    """Whether a content file holds a text in standard German (a legal text beside its Leichte Sprache version)."""
    return STANDARD_SEGMENT in PurePosixPath(filename).parts[:-1]


def message_texts(root: Path) -> list[tuple[str, str]]:
    """German gettext messages of user pages as (source, text)."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir

    method_map = [("app/**.py", "python"), ("templates/**.html", "jinja2")]
    keywords = {**DEFAULT_KEYWORDS, "_l": None}
    result = []
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(root), method_map=method_map, keywords=keywords
    ):
        if is_staff_source(filename):
            continue
        for text in message if isinstance(message, tuple) else (message,):
            if text:
                result.append((f"{filename}:{lineno}", text))
    return result


def _yaml_strings(node, path: str):
    """All text values in a YAML structure, with a readable path."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in NON_TEXT_KEYS:
                yield from _yaml_strings(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _yaml_strings(value, f"{path}[{index}]")
    elif isinstance(node, str):
        yield path, node


def content_texts(root: Path) -> list[tuple[str, str]]:
    """German Leichte Sprache texts of content/de/ as (source, text); standard-German legal texts are left out."""
    result = []
    for path in sorted((root / "content" / "de").rglob("*.yml")):
        if is_standard_text(path.relative_to(root).as_posix()):
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        result.extend(_yaml_strings(data, str(path.relative_to(root))))
    return result


def load_exceptions(root: Path) -> list[dict]:
    """The reasoned exceptions of content/ausnahmen.yml."""
    path = root / "content" / "ausnahmen.yml"
    if not path.exists():
        return []
    return yaml.safe_load(path.read_text(encoding="utf-8")).get("ausnahmen") or []


def lint(texts: list[tuple[str, str]], exceptions: list[dict], anrede: str = "Sie") -> list[Finding]:
    """Check texts; a finding covered by an exception with a reason is not reported."""
    allowed = {}
    findings: list[Finding] = []
    for entry in exceptions:
        reason = str(entry.get("grund") or "").strip()
        if len(reason) < 10:
            findings.append(Finding("content/ausnahmen.yml", entry.get("text", ""), "AUSNAHME_OHNE_GRUND",
                                    "Jede Ausnahme braucht einen Grund."))
            continue
        allowed[entry["text"]] = set(entry.get("regeln") or [])
    used: set[str] = set()
    for source, text in texts:
        for line, rule, advice in check_text(text, anrede):
            key = line if line in allowed else text if text in allowed else None
            if key is not None and rule in allowed[key]:
                used.add(key)
                continue
            findings.append(Finding(source, line, rule, advice))
    for text in allowed.keys() - used:
        findings.append(Finding("content/ausnahmen.yml", text, "AUSNAHME_UNBENUTZT",
                                "Diese Ausnahme passt zu keinem Text mehr: bitte löschen."))
    return findings


GLOSSARY_LINK = re.compile(r'<a class="wort" href="[^"#]*#([\w-]+)">(.*?)</a>')


def repeated_glossary_links(source: str, html: str) -> list[Finding]:
    """Glossary words linked more than once on one rendered page: only the first mention gets the link."""
    seen: set[str] = set()
    findings = []
    for anchor, word in GLOSSARY_LINK.findall(html):
        if anchor in seen:
            findings.append(Finding(source, word, "WORT_LINK_EINMAL",
                                    f"„{word}“ hat schon einen Link zum Wörter·buch. Nur das erste „{word}“ auf der Seite bekommt einen Link."))
        seen.add(anchor)
    return findings


def lint_project(root: Path, anrede: str = "Sie") -> list[Finding]:
    """Lint all German user-facing texts of the project."""
    texts = message_texts(root) + content_texts(root)
    return lint(texts, load_exceptions(root), anrede)
