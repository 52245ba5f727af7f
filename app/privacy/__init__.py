"""Every rule that protects a person, each tested on its own: small-group suppression (primary and
secondary), export pseudonyms, photo cleaning, safe CSV, coarse dates.

Staff numbers pass through here on their way from a domain's stats to a template; nothing skips it.
The rules arrive with the staff results (see ../shared/ARCHITECTURE.md). Nothing here imports a domain.
"""
