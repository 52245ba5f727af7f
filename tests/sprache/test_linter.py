"""Every linter rule with a passing and a failing example; and the shipped texts pass."""
from pathlib import Path

import pytest

from app.sprache.linter import (
    check_text, content_texts, is_standard_text, lint, lint_project, mediopunkt_problem, repeated_glossary_links,
)

ROOT = Path(__file__).resolve().parents[2]

CASES = [
    ("LANGER_SATZ", "Ich will mit meinen Freunden am Samstag in den großen Park gehen und dort spielen.", "Ich will in den Park gehen."),
    ("ZWEI_INFORMATIONSEINHEITEN", "Ich wohne hier, aber ich will umziehen.", "Ich wohne hier."),
    ("ZWEI_INFORMATIONSEINHEITEN", "Ich wohne allein und ich arbeite in einer Werkstatt.", "Ich will besser lesen und schreiben."),
    ("EIN_SATZ_PRO_ZEILE", "Das ist gut. Das ist schön.", "Das ist gut.\nDas ist schön."),
    ("LANGES_WORT", "Das ist die Eingliederungshilfe.", "Das ist die Eingliederungs·hilfe."),
    ("ABKUERZUNG", "Sie können z. B. Sport machen.", "Sie können zum Beispiel Sport machen."),
    ("VERNEINUNG", "Das ist nicht schön.", "Das ist schön."),
    ("PASSIV", "Die Antworten werden gespeichert.", "Wir speichern die Antworten."),
    ("KONJUNKTIV", "Das wäre schön.", "Das ist schön."),
    ("GENITIV", "Das ist das Haus des Vereins.", "Das ist das Haus von dem Verein."),
    ("PRAETERITUM", "Das war schön.", "Das ist schön gewesen."),
    ("ROEMISCHE_ZAHL", "Das ist Teil II.", "Das ist Teil 2."),
    ("ZAHLWOERTER", "Ich habe sieben Katzen.", "Ich habe 7 Katzen."),
    ("ZAHLEN", "Hier wohnen 10.000 Menschen.", "Hier wohnen sehr viele Menschen."),
    ("ZAHLEN", "Das sind 50 % der Menschen.", "Das ist die Hälfte der Menschen."),
    ("DATUM", "Das Treffen ist am 21.11.2026.", "Das Treffen ist am 21. November 2026."),
    ("VON_BIS", "Das Treffen ist von 9–10 Uhr.", "Das Treffen ist von 9 bis 10 Uhr."),
    ("SONDERZEICHEN", "Fragen Sie die Assistenz (oder die Familie).", "Fragen Sie die Assistenz."),
    ("SONDERZEICHEN", "Fragen Sie Ihre Betreuer/innen.", "Fragen Sie Ihre Assistenz."),
    ("QUERVERWEIS", "Mehr dazu siehe unten.", "Mehr dazu steht unten."),
    ("FUSSNOTE", "Das ist wichtig¹.", "Das ist wichtig."),
    ("ANREDE", "Hier kannst du sagen, was du willst.", "Hier können Sie sagen, was Sie wollen."),
    ("MEDIOPUNKT", "Wollen Sie später wieder·kommen?", "Wollen Sie später wiederkommen?"),
    ("MEDIOPUNKT", "Sie hören mitten·drin auf?", "Das ist Ihr Sozial·raum."),
    ("MEDIOPUNKT", "Vor dem Neu·anfangen fragt Mitreden.", "Vor dem Neuanfangen fragt Mitreden."),
    ("MEDIOPUNKT", "Das ist die Code·karte.", "Das ist die Eingliederungs·hilfe."),
]


@pytest.mark.parametrize(("rule", "bad", "good"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_fails_bad_and_passes_good(rule, bad, good):
    assert rule in {r for _, r, _ in check_text(bad)}
    assert rule not in {r for _, r, _ in check_text(good)}


def test_placeholders_count_as_one_word():
    assert not check_text("%(bereich)s: Was wollen Sie?")


def test_exception_needs_a_reason_and_must_match():
    texts = [("x.yml", "Das ist nicht schön.")]
    assert [f.rule for f in lint(texts, [])] == ["VERNEINUNG"]
    with_reason = [{"text": "Das ist nicht schön.", "regeln": ["VERNEINUNG"], "grund": "Ein Beispiel mit Grund."}]
    assert lint(texts, with_reason) == []
    without_reason = [{"text": "Das ist nicht schön.", "regeln": ["VERNEINUNG"], "grund": ""}]
    assert {f.rule for f in lint(texts, without_reason)} == {"AUSNAHME_OHNE_GRUND", "VERNEINUNG"}
    other_rule = [{"text": "Das ist nicht schön.", "regeln": ["PASSIV"], "grund": "Ein Beispiel mit Grund."}]
    assert "VERNEINUNG" in {f.rule for f in lint(texts, other_rule)}
    unused = [{"text": "Gibt es nicht.", "regeln": ["VERNEINUNG"], "grund": "Ein Beispiel mit Grund."}]
    assert "AUSNAHME_UNBENUTZT" in {f.rule for f in lint([("x", "Gut.")], unused)}


def test_report_names_file_text_and_rule():
    finding = lint([("content/de/x.yml.titel", "Das war gut.")], [])[0]
    report = finding.report()
    assert "content/de/x.yml.titel" in report and "PRAETERITUM" in report and "Das war gut." in report


def test_all_shipped_german_texts_pass():
    findings = lint_project(ROOT)
    assert not findings, "\n".join(f.report() for f in findings)


def test_linter_sees_templates_python_and_content():
    from app.sprache.linter import content_texts, message_texts

    sources = {source.split(":")[0] for source, _ in message_texts(ROOT)}
    assert any(s.startswith("templates/") for s in sources)
    assert any(s.startswith("app/") for s in sources)
    assert any(s.startswith("content/de/") for s, _ in content_texts(ROOT))


def test_cli_command_fails_on_violation(runner, monkeypatch):
    import app.sprache.linter as linter

    result = runner.invoke(args=["lint-sprache"])
    assert result.exit_code == 0, result.output
    monkeypatch.setattr(linter, "content_texts", lambda root: [("content/de/x.yml", "Das war schön.")])
    result = runner.invoke(args=["lint-sprache"])
    assert result.exit_code == 1 and "PRAETERITUM" in result.output


@pytest.mark.parametrize("word", ["schief·geht", "schief·gegangen", "zurück·nehmen", "mit·bestimmen", "Mit·bestimmen",
                                  "Wieder·kommen", "Neu·anfangen", "Wohn·heim", "Stadt·teil", "Open·Moji"])
def test_mediopunkt_only_in_long_compound_nouns_fires(word):
    problem = mediopunkt_problem(word)
    assert problem and word.replace("·", "") in problem


@pytest.mark.parametrize("word", ["Sozial·raum", "Wörter·buch", "Tablet·modus", "Eingliederungs·hilfe",
                                  "Bild·schirm·leser", "Mit·arbeiterin", "Barriere·freiheit", "Sozialraum"])
def test_mediopunkt_in_long_compound_nouns_passes(word):
    assert mediopunkt_problem(word) is None


def test_a_long_verb_is_not_told_to_take_a_mediopunkt():
    advice = {rule: text for _, rule, text in check_text("Das ist uns schiefgegangen.")}
    assert "kürzeres Wort" in advice["LANGES_WORT"] and "MEDIOPUNKT" not in advice


def test_repeated_glossary_link_fires_and_a_single_one_passes():
    link = '<a class="wort" href="/woerterbuch#wort-anbieter">Anbieter</a>'
    twice = f"<p>Die {link} helfen.<br>Die {link} sehen Zahlen.</p>"
    findings = repeated_glossary_links("/daten", twice)
    assert [f.rule for f in findings] == ["WORT_LINK_EINMAL"] and "Anbieter" in findings[0].report()
    once = f'<p>Die {link} helfen.<br>Die Anbieter sehen Zahlen. <a class="wort" href="/woerterbuch#wort-code">Code</a></p>'
    assert repeated_glossary_links("/daten", once) == []


def test_standard_german_legal_texts_are_exempt_and_leichte_sprache_ones_are_not():
    assert is_standard_text("content/de/standard/impressum.yml")
    assert not is_standard_text("content/de/impressum.yml")
    sources = {source.split(".yml")[0] for source, _ in content_texts(ROOT)}
    assert "content/de/impressum" in sources and "content/de/barrierefreiheit" in sources
    assert not any("/standard/" in source for source in sources)
    # The standard texts would break the rules: they are exempt, not accidentally clean.
    standard = (ROOT / "content" / "de" / "standard" / "barrierefreiheit.yml").read_text(encoding="utf-8")
    assert any(check_text(line) for line in standard.splitlines() if line.startswith("  ") and ":" not in line[:12])
