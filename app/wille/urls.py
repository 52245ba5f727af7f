"""URLs of the Wille question pages, shared by the views and the check-answers rows."""
from __future__ import annotations

from flask import url_for

from . import flow


def step_url(step: flow.Step, **params) -> str:
    """URL of a question page."""
    if step.name == "bereiche":
        return url_for("wille.bereiche", **params)
    if step.name == "pruefen":
        return url_for("wille.pruefen")
    if step.bereich:
        return url_for("wille.bereich_frage", bereich=step.bereich, frage=step.name, **params)
    return url_for("wille.frage", frage=step.name, **params)
