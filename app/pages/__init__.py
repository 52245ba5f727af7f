"""Content pages in Leichte Sprache for everyone: start, help, data, about, the glossary, and the
language switch. Their texts live in content/<lang>/*.yml, where a Prüfer:in can review them."""
