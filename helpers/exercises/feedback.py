"""How every checker answers: "Correct." or "Not yet." with a hint about the mistake it recognised.

``diagnose_*`` functions return None for a correct answer and a hint
otherwise (the tests call these); ``check_*`` functions print the verdict
for the reader.
"""

from __future__ import annotations


def report(hint: str | None) -> None:
    """Print the verdict for a hint from a ``diagnose_*`` function."""
    print("Correct." if hint is None else f"Not yet. {hint}")
