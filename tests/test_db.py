"""The one hand-tuned query: HotRead gives what an ORM query gives."""
from sqlalchemy import bindparam, select

from app.db import HotRead, get_db
from app.models import Draft
from app.wille.operations import new_draft


def test_hot_read_matches_the_orm(app):
    read = HotRead(select(Draft.data).where(Draft.token == bindparam("token")))
    with app.app_context():
        db = get_db()
        draft = new_draft(db, 24, {"bereiche": ["wohnen"], "antworten": {"wohnen": {"selbst": "Ich kann kochen. „Ja“"}}})
        db.commit()
        orm = db.scalar(select(Draft.data).where(Draft.token == draft.token))
        assert read.scalar(token=draft.token) == orm == draft.data
        assert read.scalar(token="gibt-es-nicht") is None
