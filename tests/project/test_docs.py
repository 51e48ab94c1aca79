"""The README and the docs point at what exists: every relative link at a file of the repository, and every
"notebook N, §X" of the map from the lecture at a section the notebook has, so that a renumbered notebook shows here.
"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
# "notebook 2, §2.4 and §2.5", "notebook 4, §3.2, §3.3 and §3.4"
SECTION_REFERENCE = re.compile(r"notebook (\d), ((?:§\d+(?:\.\d+)?(?:, | and )?)+)")
NUMBERED_HEADING = re.compile(r"^#{2,4} (\d+(?:\.\d+)*)[.\s]", re.MULTILINE)


def ids(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def notebook_sections(number: str) -> set[str]:
    (path,) = (ROOT / "notebooks").glob(f"0{number}_*.ipynb")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
    return set(NUMBERED_HEADING.findall(text))


@pytest.mark.parametrize("doc", DOCS, ids=ids)
def test_every_relative_link_points_at_a_file(doc):
    targets = [target for target in LINK.findall(doc.read_text(encoding="utf-8")) if "://" not in target]
    missing = [t for t in targets if not t.startswith("#") and not (doc.parent / t.split("#")[0]).exists()]
    assert not missing, f"{ids(doc)} links to files that do not exist: {missing}"


@pytest.mark.parametrize("doc", [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))], ids=ids)
def test_every_section_named_is_a_section_of_that_notebook(doc):
    references = SECTION_REFERENCE.findall(doc.read_text(encoding="utf-8"))
    wrong = []
    for number, sections in references:
        wrong += [
            f"notebook {number}, §{section}"
            for section in re.findall(r"§(\d+(?:\.\d+)?)", sections)
            if section not in notebook_sections(number)
        ]
    assert not wrong, f"{ids(doc)} names sections the notebooks do not have: {wrong}"


def test_the_map_from_the_lecture_names_sections():
    # The check above must have something to check: the README's map names about twenty.
    assert len(SECTION_REFERENCE.findall((ROOT / "README.md").read_text(encoding="utf-8"))) >= 15


def test_the_readme_stays_the_students_page():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 120, "the README is the student's page (one or two screens): move the rest"
    assert "CONTRIBUTING.md" in text and "docs/instructors.md" in text


def test_the_start_sections_commands_and_files_exist():
    import subprocess
    import sys

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = set(re.findall(r"(?:python3?|py) -m companion (\w+)", text))
    assert {"lab", "test"} <= commands
    listed = subprocess.run([sys.executable, "-m", "companion", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert all(command in listed.stdout for command in commands), (commands, listed.stdout)
    for name in re.findall(r"`(\d\d_\w+\.ipynb)`", text):
        assert (ROOT / "notebooks" / name).is_file(), name


def test_what_the_readme_says_the_lab_prints_is_what_it_prints():
    from companion.server import welcome

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = welcome({"url": "http://127.0.0.1:8888/", "token": "..."}, ROOT / "my-notebooks")
    for line in shown[1:5]:
        if line.strip():
            quoted = line.replace(str(ROOT), ".../backprop-companion")
            assert quoted.strip() in text, f"the README's sample no longer matches: {quoted!r}"
