"""Answers in progress for every flow, kept on the server so nothing is lost on an error, an expired
page or a restart; deleted at „Fertig“ and after DRAFT_MAX_AGE_HOURS at the latest.

A browser holds only a random token in its session. Nothing here imports a domain.
"""
