"""`flask --app app create-admin` (the first Admin account, with a one-time link) and `load-demo-staff`."""
from __future__ import annotations

import click
from flask import Flask, current_app, url_for

from ..core.cli import on_purge
from ..core.db import get_db, utcnow
from . import operations, signin
from .demo import DEMO_PASSWORD, DemoRefused, load_demo_accounts
from .models import ADMIN
from .permissions import ROLE_NAMES


def create_admin(login_name: str, display_name: str) -> str:
    """Create an Admin account (or a new link for an existing one without password) and return the link."""
    db, now, config = get_db(), utcnow(), current_app.config
    user = operations.find_user(db, login_name)
    if user is None:
        user = operations.create_account(db, login_name, display_name, ADMIN, None, actor_id=None)
    elif user.role != ADMIN or user.password_hash is not None:
        raise click.ClickException("Dieses Konto gibt es schon. Ein neues Passwort vergibt ein Admin über einen Link.")
    token = operations.new_link(db, user, operations.SIGNUP, config["CODE_KEY"], now, actor_id=None,
                                hours=config["STAFF_LINK_HOURS"])
    db.commit()
    return url_for("staff.link", token=token, _external=True)


def init_app(app: Flask) -> None:
    """Register the commands, and take part in `flask purge` (sign-in tries hold keyed hashes of addresses)."""
    on_purge(app, "alte Anmelde-Versuche", lambda db, config, now: signin.purge_tries(
        db, config["STAFF_ATTEMPTS_WINDOW_MINUTES"], now))

    @app.cli.command("create-admin")
    @click.option("--name", "login_name", default="admin", show_default=True, help="Anmeldename")
    @click.option("--anzeigename", "display_name", default="Administration", show_default=True)
    @click.option("--url", "base_url", default="http://localhost:5000", show_default=True,
                  help="Adresse, unter der Mitreden erreichbar ist")
    def create_admin_command(login_name: str, display_name: str, base_url: str) -> None:
        """Create the first Admin account and print a one-time link to set its password."""
        with current_app.test_request_context(base_url=base_url):
            link = create_admin(login_name, display_name)
        click.echo(f"Konto „{operations.normalise_login(login_name)}“ angelegt.")
        click.echo(f"Einmaliger Link zum Setzen des Passworts (gültig {current_app.config['STAFF_LINK_HOURS']} Stunden):")
        click.echo(link)

    @app.cli.command("load-demo-staff")
    def load_demo_staff_command() -> None:
        """Create the demo accounts (only with DEMO_ACCOUNTS=1) and print how to sign in."""
        try:
            accounts = load_demo_accounts(get_db(), current_app.config["DEMO_ACCOUNTS"])
        except DemoRefused as refused:
            raise click.ClickException(str(refused)) from refused
        get_db().commit()
        click.echo(f"Demo-Konten (Anmeldung unter /staff/anmelden, Passwort für alle: {DEMO_PASSWORD}):")
        for account in accounts:
            where = f", {account.anbieter}" if account.anbieter else ""
            factor = f", TOTP-Schlüssel für die Authenticator-App: {account.totp_secret}" if account.totp_secret else ""
            click.echo(f"  {account.login_name} ({ROLE_NAMES[account.role]}{where}){factor}")
        click.echo("Den Code zum Schlüssel zeigt jede Authenticator-App oder: oathtool --totp -b SCHLÜSSEL")
