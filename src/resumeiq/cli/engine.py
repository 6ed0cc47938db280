"""Engine commands: parse and analyze files or folders."""

import typer


def register(app: typer.Typer) -> None:
    """Add the engine commands to ``app``."""
