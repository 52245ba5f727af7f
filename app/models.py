"""Every domain's tables in one metadata, so Alembic sees them all (migrations/env.py imports this)."""
from .core.db import Base
from .drafts.models import Draft
from .freigabe.models import Entscheidung
from .mein_code.models import CodeAttempt, Person
from .results.models import Ergebnisstand
from .sozialraum.models import Sozialraum
from .staff.models import AuditEntry, Anbieter, RecoveryCode, SignInAttempt, SignupLink, StaffUser
from .wille.models import WilleBereich, WilleRecord
from .workshops.models import Workshop, WorkshopAntwort, WorkshopZahl

__all__ = ["Anbieter", "AuditEntry", "Base", "CodeAttempt", "Draft", "Entscheidung", "Ergebnisstand", "Person", "RecoveryCode",
           "SignInAttempt", "SignupLink", "Sozialraum", "StaffUser", "WilleBereich", "WilleRecord"]
