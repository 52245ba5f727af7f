"""The roles × permissions table and the decorator every staff view must carry."""
from __future__ import annotations

import pytest

import app as mitreden
from app.staff import permissions
from app.staff.models import ROLES
from tests.staff.helpers import is_staff_view


@pytest.fixture(scope="module")
def bare_app(tmp_path_factory):
    """An app only for reading its routes (no database is touched)."""
    return mitreden.create_app(mitreden.TestConfig(tmp_path_factory.mktemp("routes")))


def test_table_has_one_column_per_role_and_a_description_per_permission():
    assert permissions.COLUMNS == ROLES
    assert all(len(row) == len(ROLES) for row in permissions.TABLE.values())
    assert set(permissions.DESCRIPTIONS) == set(permissions.TABLE)
    assert set(permissions.ROLE_NAMES) == set(ROLES)


def test_roles_get_what_the_issue_says():
    assert permissions.may("assistenz", "run_tablet")
    assert not permissions.may("assistenz", "manage_own_staff")
    assert permissions.may("anbieter_leitung", "manage_own_staff")
    assert not permissions.may("anbieter_leitung", "manage_accounts")
    assert permissions.may("leistungstraeger", "manage_anbieter")
    assert permissions.may("leistungstraeger", "manage_sozialraeume")
    assert permissions.may("evaluation", "export_data")
    assert not permissions.may("evaluation", "view_own_results")
    assert permissions.may("admin", "manage_accounts")
    assert permissions.permissions_of("unbekannt") == frozenset()


def test_an_unknown_permission_is_refused_when_declared():
    with pytest.raises(ValueError):
        permissions.requires("alles_duerfen")


def undeclared(app) -> list[str]:
    """Every staff view (the staff blueprint and each domain's staff module) without @requires."""
    return [endpoint for endpoint in app.view_functions if is_staff_view(app, endpoint)
            and getattr(app.view_functions[endpoint], "required_permission", None) is None]


def test_every_staff_view_declares_its_permission(bare_app):
    staff_endpoints = [endpoint for endpoint in bare_app.view_functions if is_staff_view(bare_app, endpoint)]
    assert "staff.start" in staff_endpoints and "tablet.einstellung" in staff_endpoints, staff_endpoints
    assert not undeclared(bare_app), f"staff views without @requires: {undeclared(bare_app)}"


def test_an_undecorated_staff_view_of_another_domain_is_caught(tmp_path):
    app = mitreden.create_app(mitreden.TestConfig(tmp_path))

    def naked():
        """A settings page in app/tablet/staff.py that nobody protected."""

    naked.__module__ = "app.tablet.staff"
    app.add_url_rule("/tablet/nackt", "tablet.nackt", naked)
    assert undeclared(app) == ["tablet.nackt"]


def test_the_coverage_check_would_catch_a_view_without_decorator(bare_app):
    def naked():
        """A view nobody protected."""

    assert getattr(naked, "required_permission", None) is None
    protected = permissions.requires("view_start")(naked)
    assert protected.required_permission == "view_start"


def test_a_view_may_accept_any_of_several_permissions():
    view = permissions.requires("manage_accounts", "manage_own_staff")(lambda: None)
    assert view.required_permission == ("manage_accounts", "manage_own_staff")
    with pytest.raises(ValueError):
        permissions.requires("manage_accounts", "no_such_permission")
    with pytest.raises(ValueError):
        permissions.requires(permissions.PUBLIC, "manage_accounts")
