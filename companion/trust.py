"""Trust the notebooks the companion copied, so that JupyterLab shows their stored outputs as they are and its log
says nothing about trust.

Jupyter trusts a notebook whose signature (an HMAC of its contents with this user's key) is in this user's signature
store; a notebook opened without one has its stored HTML sanitized, and the server logs "Notebook ... is not trusted"
for it. The copies in ``my-notebooks/`` come from the course, so the companion signs each copy the student has not
changed since it was made (a copy the student saved from JupyterLab was signed by JupyterLab as it saved it).
Runs in the lab's environment (nbformat), so it is imported by ``serve`` only, never before the set-up.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.sign import NotebookNotary

from companion.copies import read_manifest, sha256


def unchanged_copies(copies: Path) -> list[Path]:
    """The copies in ``copies`` that are still exactly the original they were made from."""
    return [
        copies / name
        for name, original_hash in sorted(read_manifest(copies).items())
        if (copies / name).is_file() and sha256(copies / name) == original_hash
    ]


def sign_copies(copies: Path, notary: NotebookNotary | None = None) -> list[Path]:
    """Sign every unchanged copy in ``copies`` that is not signed yet; the copies it signed."""
    notary = notary or NotebookNotary()
    signed = []
    for path in unchanged_copies(copies):
        # Read as the server reads it (version 4), so that the signature is of what the server checks.
        notebook = nbformat.read(path, as_version=4)
        if not notary.check_signature(notebook):
            notary.sign(notebook)
            signed.append(path)
    return signed
