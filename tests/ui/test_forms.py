"""Free text keeps what it means: only control characters are removed."""
import pytest

from app.ui.forms import clean_text


@pytest.mark.parametrize(("typed", "kept"), [
    ("Ich\u00a0will", "Ich\u00a0will"),  # a no-break space keeps two words apart
    ("\U0001F469\u200D\U0001F467", "\U0001F469\u200D\U0001F467"),  # a family emoji stays whole (ZWJ)
    ("\U0001F3F3\uFE0F\u200D\U0001F308", "\U0001F3F3\uFE0F\u200D\U0001F308"),  # variation selector too
    ("Zeile 1\r\nZeile 2", "Zeile 1\nZeile 2"),
    ("  Garten\x00\x07 ", "Garten"),
    ("\u202eabc", "abc"),  # a direction override could disguise the text
    ("Café", "Café"),
])
def test_clean_text_removes_only_control_characters(typed, kept):
    assert clean_text(typed) == kept
