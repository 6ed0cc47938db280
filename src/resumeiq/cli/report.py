"""A readable review report for the terminal (Rich)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

_STATUS = {"passed": "[green]✔ passed[/green]", "partial": "[yellow]◐ partial[/yellow]", "failed": "[red]✘ failed[/red]"}


def print_review(review: dict[str, Any], name: str, console: Console | None = None) -> None:
    console = console or Console()
    scores = (
        f"overall [bold]{review['overall_score']}[/bold] ({review['band']})  ·  ATS {review['ats_score']}  ·  "
        f"content {review['content_score']}  ·  formatting {review['formatting_score']}  ·  industry {review['industry']}"
    )
    console.print(Panel(f"{scores}\n\n{review['executive_summary']}", title=f"resumeiq review: {name}", expand=False))
    table = Table(show_lines=False, expand=False)
    for col in ("check", "group", "status", "weight", "finding"):
        table.add_column(col)
    for check in review["checks"]:
        table.add_row(check["title"], check["group"], _STATUS.get(check["status"], check["status"]), f"{check['weight']:g}", check["message"])
    console.print(table)
    if review["strengths"]:
        console.print("[bold]Strengths[/bold]")
        for s in review["strengths"]:
            console.print(f"  + {s}")
    if review["weaknesses"]:
        console.print("[bold]Weaknesses[/bold]")
        for w in review["weaknesses"]:
            console.print(f"  - {w}")
    if review["recommendations"]:
        console.print("[bold]Recommendations[/bold]")
        for r in review["recommendations"]:
            console.print(f"  {r['priority']}. {r['text']}")
