"""Freigabe: the review queue for own words.

Own words („was war gut“ in a workshop, „eigener Wunsch“ in „Was ich will“) are free text: a person may
write a name, a phone number or an address into them. So they never reach results directly. The
Anbieter-Leitung reads them here, with likely personal data flagged, and releases or withholds each one;
every decision goes to the audit log. Results show only released words of groups of at least K_MIN people
(`operations.released_words`). This room stores only its decisions, never the words: it reads them through
the owning rooms' `own_words` functions, and a decision disappears with the words it is about.
"""
