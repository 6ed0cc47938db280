"""Service commands (serve, db, user, worker). Registered onto the root app."""

import typer


def register(app: typer.Typer) -> None:
    """Add the service commands to ``app``."""
