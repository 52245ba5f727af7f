"""Workshops such as „Leben, wie ich will!“: staff create them with a question set and a join code, and
Nutzer:innen give feedback in Leichte Sprache without an account. Results leave this room only through
`stats.py`, and reach staff only through `privacy`."""
