"""The shape of the house (../shared/ARCHITECTURE.md): who may import whom, and files a reader can hold."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"
INFRASTRUCTURE = {"core", "sprache", "ui", "privacy", "drafts"}
# Rooms that read other rooms only through their stats.py (they arrive with later issues).
READERS = {"results", "evaluation", "controlling"}
MAX_LINES = 400
# The modules besides operations/stats another room may import: the permission decorator of staff views, and
# the one scoping function through which provider data is read (results' pages are staff pages too).
STAFF_DOOR = {"app.staff.permissions", "app.staff.scoping"}


def module_name(path: Path) -> str:
    """app/wille/views.py → app.wille.views (a package's __init__ is the package)."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    """Whether a dotted name is a module or package of this project."""
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def imports_of(path: Path) -> set[str]:
    """Every app module a file imports, absolute and relative imports resolved."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            # `from ..sozialraum import operations` names a module; `from .flow import x` a name in one.
            found.update(f"{target}.{alias.name}" if is_module(f"{target}.{alias.name}") else target
                         for alias in node.names)
    return {name for name in found if name == "app" or name.startswith("app.")}


def room(module: str) -> str | None:
    """The room a module belongs to (app.wille.views → wille); None for app/__init__ and app/models."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and (APP / parts[1]).is_dir()) else None


def crossing_allowed(source: str, target: str) -> bool:
    """Whether a module of room `source` may import module `target`."""
    target_room = room(target)
    if target_room is None:
        return False  # only the factory and Alembic's models.py import the whole app
    if target_room == source or target_room in INFRASTRUCTURE and source not in INFRASTRUCTURE:
        return True
    if source in INFRASTRUCTURE:
        return target_room in INFRASTRUCTURE and target_room != "drafts" or target_room == source
    last = target.split(".")[2] if len(target.split(".")) > 2 else ""
    if target in STAFF_DOOR:
        return True  # every domain's staff door declares its permission with @requires and reads through scoping
    return last == "stats" if source in READERS else last in ("operations", "stats")


def violations() -> list[str]:
    """Every import that crosses a wall, as readable lines."""
    found = []
    for path in sorted(APP.rglob("*.py")):
        source = room(module_name(path))
        if source is None:
            continue
        for target in sorted(imports_of(path)):
            if not crossing_allowed(source, target):
                found.append(f"{path.relative_to(ROOT)} imports {target}")
    return found


def test_rooms_import_only_what_the_architecture_allows():
    assert not violations(), "\n".join(violations())


def test_the_rule_catches_crossings():
    assert not crossing_allowed("mein_code", "app.wille.views")
    assert not crossing_allowed("mein_code", "app.wille.models")
    assert crossing_allowed("mein_code", "app.wille.operations")
    assert not crossing_allowed("tablet", "app.wille.forms")
    assert crossing_allowed("tablet", "app.ui.forms")
    assert not crossing_allowed("ui", "app.wille.options")
    assert not crossing_allowed("core", "app.drafts.models")
    assert not crossing_allowed("drafts", "app.mein_code.operations")
    assert not crossing_allowed("results", "app.wille.operations")
    assert crossing_allowed("results", "app.wille.stats")
    assert not crossing_allowed("wille", "app.models")
    assert crossing_allowed("tablet", "app.staff.permissions")
    assert not crossing_allowed("tablet", "app.staff.views")
    assert crossing_allowed("results", "app.staff.permissions") and crossing_allowed("workshops", "app.staff.scoping")
    assert not crossing_allowed("results", "app.staff.models")


def test_results_read_the_rooms_only_through_their_stats():
    rooms = {p.name for p in APP.iterdir() if (p / "__init__.py").exists()} - INFRASTRUCTURE - {"results"}
    imported = {target for path in (APP / "results").rglob("*.py") for target in imports_of(path)}
    crossing = {target for target in imported if room(target) in rooms}
    assert crossing, "results reads no room at all: the check would be vacuous"
    assert all(target in STAFF_DOOR or target.rsplit(".", 1)[-1] == "stats" for target in crossing), crossing
    for kind in ("models", "operations", "views"):
        assert not any(target.rsplit(".", 1)[-1] == kind for target in crossing), kind


def test_relative_imports_are_resolved():
    assert "app.wille.flow" in imports_of(APP / "wille" / "views.py")
    assert "app.core.db" in imports_of(APP / "wille" / "views.py")
    assert "app.sozialraum.operations" in imports_of(APP / "wille" / "views.py")


def test_every_room_says_why_it_exists():
    for package in sorted(p for p in APP.iterdir() if (p / "__init__.py").exists()):
        assert ast.get_docstring(ast.parse((package / "__init__.py").read_text())), package.name


def test_no_file_is_longer_than_a_reader_can_hold():
    files = [*APP.rglob("*.py"), *(ROOT / "templates").rglob("*.html"), *(ROOT / "tests").rglob("*.py"),
             *(ROOT / "static").rglob("*.css"), *(ROOT / "static").rglob("*.js"), *(ROOT / "tools").rglob("*.py")]
    long = [f"{p.relative_to(ROOT)}: {n}" for p in files if (n := len(p.read_text().splitlines())) > MAX_LINES]
    assert not long, long
