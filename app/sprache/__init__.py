"""Language: the one gettext for all code, the locale choice, the Leichte Sprache content files,
the glossary and the Leichte Sprache linter.

Every Leichte Sprache text lives where a Prüfer:in can review it: in content/ or in the German
message catalogue. Nothing here imports a domain.
"""
