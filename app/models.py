"""Every domain's tables in one metadata, so Alembic sees them all (migrations/env.py imports this)."""
from .core.db import Base
from .drafts.models import Draft
from .mein_code.models import CodeAttempt, Person
from .sozialraum.models import Sozialraum
from .wille.models import WilleBereich, WilleRecord

__all__ = ["Base", "CodeAttempt", "Draft", "Person", "Sozialraum", "WilleBereich", "WilleRecord"]
