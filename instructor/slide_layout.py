"""Lay a notebook's cells out as slides that fit a 1280 × 720 frame. For the slides only: each markdown cell is cut
into its blocks, the explanatory prose goes to the speaker notes, and a section that holds more than one idea is split
into sub-slides. Decided by what each block holds, so that a change to a notebook's text reaches its slides without
anyone re-tagging cells.

On a slide stay the headings, displayed equations, images and tables, lists of short (mostly formula) items, short
paragraphs (a lead-in to an equation or to a check), the bold label that opens a long paragraph, and every code cell
with its outputs, unless an output is too tall for a slide of its own. Every other paragraph, list or output goes,
word for word, into the speaker notes of the step it belongs to.

A new sub-slide, under the section's heading again, starts after a figure, before the equation of a next step (once
the slide shows an equation and the code that checks it), and wherever the next block would not fit, by an estimate
of its height. A displayed equation that follows another on the same slide comes on the next click (a fragment), so
that a derivation builds up a step at a time.
"""

from __future__ import annotations

import base64
import binascii
import copy
import html
import re
import struct
from dataclasses import dataclass

from nbconvert.preprocessors import Preprocessor
from nbformat.v4 import new_markdown_cell
from traitlets import Int

# nbconvert's slide types by the boundary each opens, weakest first.
BOUNDARY = {"-": 0, "fragment": 1, "subslide": 2, "slide": 3}
# Visible characters (a formula counts as 3) a paragraph may hold and stay on a slide, about a line and a half of the
# slides' text; and each item of a list (a list is points, not prose), about two lines.
SHORT_PARAGRAPH = 150
SHORT_LIST_ITEM = 200
# Estimated heights in CSS pixels of the 1280 × 720 frame, with the stylesheet of templates/offline-slides.
TEXT_LINE = 32
CHARACTERS_PER_LINE = 100
CODE_LINE = 23
CODE_CHARACTERS_PER_LINE = 95
CELL_PADDING = 24
BLOCK_MARGIN = 16
IMAGE_MAX_HEIGHT = 360  # the stylesheet's max-height of an image on a slide
IMAGE_MAX_WIDTH = 1150
HEADING_LINE = {1: 62, 2: 52, 3: 44}
HEADING_CHARACTERS_PER_LINE = {1: 44, 2: 56, 3: 66}

MATH = re.compile(r"\$\$.+?\$\$|\$[^$]+\$", re.DOTALL)
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
MARKUP = re.compile(r"[*_`]")
# The bold label that opens a paragraph ("**Case $i = \ell$.**", "**Mistake 1: the diagonal-only Jacobian.**").
LABEL = re.compile(r"^\*\*[^*]+?[.:]\*\*")
LIST_ITEM = re.compile(r"\s{0,3}(?:[-*+]|\d+[.)])\s")
HEADING = re.compile(r"(#{1,6})\s+(.*)", re.DOTALL)
PNG_IN_HTML = re.compile(r'src="data:image/png;base64,([^"]+)"')


@dataclass
class Unit:
    """One thing to place: a block of a markdown cell (``source``) or a whole code cell (``cell``)."""

    kind: str  # heading, equation, image, table, list, paragraph, code, notes
    source: str
    height: int = 0
    slide_type: str = "-"  # the boundary the unit asks to open before it
    level: int = 0  # a heading's level
    figure: bool = False
    cell: object = None  # a code cell, or the markdown cell a block comes from
    leads_equation: bool = False  # the first block of a run that goes on to a displayed equation
    labelled: bool = False  # a paragraph that opens with a bold label: a new idea


def visible_length(text: str) -> int:
    """The number of characters ``text`` shows as prose: a formula counts as 3, a link as its words."""
    return len(MARKUP.sub("", LINK.sub(r"\1", MATH.sub("xxx", text))).strip())


def markdown_blocks(source: str) -> list[str]:
    """``source`` cut at its blank lines, keeping a fenced code block or a $$ … $$ equation whole."""
    blocks, current, fenced, in_math = [], [], False, False
    for line in source.splitlines():
        if not line.strip() and not fenced and not in_math:
            if current:
                blocks.append("\n".join(current))
                current = []
            continue
        current.append(line)
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if not fenced and line.count("$$") % 2 == 1:
            in_math = not in_math
    if current:
        blocks.append("\n".join(current))
    return blocks


def lines_of(text: str, per_line: int) -> int:
    return sum(max(1, -(-visible_length(line) // per_line)) for line in text.splitlines() if line.strip())


def text_height(text: str) -> int:
    return lines_of(text, CHARACTERS_PER_LINE) * TEXT_LINE + BLOCK_MARGIN


def preformatted_height(text: str) -> int:
    return max(1, lines_of(text, CODE_CHARACTERS_PER_LINE)) * CODE_LINE + BLOCK_MARGIN


def equation_height(source: str) -> int:
    """A displayed equation's height: more for each stacked row, fraction and brace; and any text around it."""
    height = 0
    for tex in re.findall(r"\$\$(.+?)\$\$", source, re.DOTALL):
        rows = tex.count(r"\\") + 1
        fractions = bool(re.search(r"\\[dt]?frac|\\binom", tex))
        braces = len(re.findall(r"\\underbrace|\\overbrace", tex))
        height += 36 + 30 * rows + 24 * fractions + 28 * braces
    words = MATH.sub("", source).strip()
    return height + (text_height(words) if words else 0) + BLOCK_MARGIN


def png_size(data: str) -> tuple[int, int] | None:
    """The width and height of a base64 PNG, read from its header."""
    try:
        head = base64.b64decode(data[:44])
    except (binascii.Error, ValueError):
        return None
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def image_height(data: str) -> int:
    size = png_size(data)
    if size is None:
        return IMAGE_MAX_HEIGHT
    width, height = size
    return min(IMAGE_MAX_HEIGHT, height, round(height * IMAGE_MAX_WIDTH / max(width, 1)))


def output_height(output) -> tuple[int, bool]:
    """An output's estimated height on a slide, and whether it is a figure."""
    if output.get("output_type") == "stream":
        return preformatted_height(output.get("text", "")), False
    data = output.get("data", {})
    if "image/png" in data:
        return image_height(data["image/png"]) + BLOCK_MARGIN, True
    if "text/html" in data:
        page = data["text/html"]
        images = PNG_IN_HTML.findall(page)
        preformatted = re.findall(r"<pre[^>]*>(.*?)</pre>", page, re.DOTALL)
        words = re.sub(r"<[^>]+>", "", re.sub(r"<pre[^>]*>.*?</pre>|<img[^>]*>", "\n", page, flags=re.DOTALL))
        height = sum(image_height(image) for image in images) + text_height(html.unescape(words))
        return height + sum(preformatted_height(html.unescape(text)) for text in preformatted), bool(images)
    if "text/markdown" in data:
        return sum(classify(block).height for block in markdown_blocks(data["text/markdown"])), False
    if "text/plain" in data:
        return preformatted_height(data["text/plain"]), False
    return 0, False


def output_as_notes(output) -> str:
    """An output in the speaker notes: markdown as it is, text as preformatted text, a figure not at all."""
    data = output.get("data", {})
    if "text/markdown" in data:
        return data["text/markdown"]
    if "image/png" in data or "text/html" in data:
        return ""
    text = output.get("text", "") or data.get("text/plain", "")
    return f"```\n{text.rstrip()}\n```"


def classify(source: str) -> Unit:
    """What a markdown block is, and its estimated height; ``kind`` is ``notes`` for prose the slide leaves out."""
    stripped = source.strip()
    heading = HEADING.match(stripped)
    if heading:
        level = min(len(heading.group(1)), 3)
        lines = max(1, -(-visible_length(heading.group(2)) // HEADING_CHARACTERS_PER_LINE[level]))
        return Unit("heading", source, HEADING_LINE[level] * lines + 2 * BLOCK_MARGIN, level=level)
    if "$$" in stripped:
        return Unit("equation", source, equation_height(stripped))
    if re.search(r"!\[|<img\b", stripped):
        return Unit("image", source, IMAGE_MAX_HEIGHT + BLOCK_MARGIN, figure=True)
    if stripped.startswith("|"):
        rows = [line for line in stripped.splitlines() if not re.fullmatch(r"[|\s:-]+", line)]
        return Unit("table", source, 46 * len(rows) + BLOCK_MARGIN)
    if re.fullmatch(r"(-{3,}|\*{3,}|_{3,})", stripped):
        return Unit("rule", source)
    if LIST_ITEM.match(source):
        items = re.split(r"\n(?=\s{0,3}(?:[-*+]|\d+[.)])\s)", stripped)
        short = all(visible_length(item) <= SHORT_LIST_ITEM for item in items)
        return Unit("list" if short else "notes", source, sum(text_height(item) for item in items))
    if visible_length(stripped) <= SHORT_PARAGRAPH:
        return Unit("paragraph", source, text_height(stripped))
    return Unit("notes", source)


def units_of(cell) -> list[Unit]:
    """A cell as the units to place, the first one asking for the cell's own slide type."""
    slide_type = cell.metadata.get("slideshow", {}).get("slide_type", "-")
    if cell.cell_type != "markdown":
        height = CELL_PADDING + preformatted_height(cell.source)
        figure = False
        for output in cell.get("outputs", []):
            extra, is_figure = output_height(output)
            height, figure = height + extra, figure or is_figure
        return [Unit("code", cell.source, height, slide_type, figure=figure, cell=cell)]
    units = []
    for block in markdown_blocks(cell.source):
        unit = classify(block)
        unit.cell = cell
        if unit.kind == "heading":
            unit.slide_type = "slide" if unit.level <= 2 else "subslide"
        label = LABEL.match(block.strip())
        if label and unit.kind == "notes":
            units.append(Unit("paragraph", label.group(0), TEXT_LINE + BLOCK_MARGIN, cell=cell, labelled=True))
        elif label:
            unit.labelled = True
        if unit.kind != "rule":
            units.append(unit)
    if units:
        units[0].slide_type = max(units[0].slide_type, slide_type, key=BOUNDARY.get)
    # The first shown block of each run (cut by headings) that goes on to an equation leads that equation in.
    leading = None
    for unit in units:
        if unit.kind == "heading":
            leading = None
        elif unit.kind != "notes" and leading is None:
            leading = unit
        if unit.kind == "equation" and leading is not None:
            leading.leads_equation = True
    return units


class SlideLayout(Preprocessor):
    """For the slides: prose into speaker notes, and each section split into sub-slides that fit the frame."""

    frame_height = Int(620, help="The estimated content height, in CSS pixels, that one slide may hold.").tag(
        config=True
    )

    def preprocess(self, nb, resources):
        nb = copy.deepcopy(nb)
        nb.cells = Layout(self.frame_height).lay_out(nb.cells)
        return nb, resources


class Layout:
    """One pass over a notebook's cells: the sub-slide being filled, and the notes of the step shown last."""

    def __init__(self, frame_height: int):
        self.frame_height = frame_height
        self.out: list = []
        self.used = 0  # estimated height of the current sub-slide
        self.has_content = False  # it shows more than a heading
        self.has_figure = False
        self.has_equation = False
        self.step_checked = False  # the sub-slide shows an equation and then code
        self.heading = ""  # the last heading, repeated on a continuation sub-slide
        self.pending = "-"  # the boundary asked for before the next shown unit
        self.step_notes: list[str] = []  # the notes of the step (sub-slide or fragment) shown last
        self.step_first: int | None = None  # where that step starts in out
        self.loose_notes: list[str] = []  # notes read since the last shown unit
        self.last_source = None  # the cell the last shown markdown block came from, to join its blocks again

    def lay_out(self, cells: list) -> list:
        for cell in cells:
            if cell.metadata.get("slideshow", {}).get("slide_type") in ("skip", "notes"):
                self.out.append(cell)
                continue
            for unit in units_of(cell):
                if BOUNDARY[unit.slide_type] > BOUNDARY[self.pending]:
                    self.pending = unit.slide_type
                if unit.kind == "heading":
                    self.heading = HEADING.match(unit.source.strip()).group(2)
                if unit.kind == "notes":
                    self.loose_notes.append(unit.source)
                elif self.too_tall(unit):
                    self.show_outputs_only(unit)
                else:
                    self.show(unit)
        self.step_notes += self.loose_notes
        self.close_step()
        return self.out

    def show_outputs_only(self, unit: Unit) -> None:
        """A code cell too tall for a slide of its own: its code goes to the notes and its outputs (a figure, a
        widget's still) stay on the slide; if they are too tall still (a reference table), they go to the notes too."""
        code = f"```python\n{unit.source}\n```"
        cell = copy.deepcopy(unit.cell)
        cell.metadata["transient"] = {"remove_source": True}
        height = CELL_PADDING + sum(output_height(output)[0] for output in cell.get("outputs", []))
        outputs_only = Unit("code", "", height, unit.slide_type, figure=unit.figure, cell=cell)
        if self.too_tall(outputs_only):
            outputs = [output_as_notes(output) for output in cell.get("outputs", [])]
            self.loose_notes.append("\n\n".join([code, *filter(None, outputs)]))
        else:
            self.loose_notes.append(code)
            self.show(outputs_only)

    def boundary_before(self, unit: Unit) -> str:
        """The boundary ``unit`` opens: the one asked for, or a new sub-slide after a figure, before the equation of
        a next step, or where the unit would not fit; or a fragment for an equation after another."""
        if BOUNDARY[self.pending] >= BOUNDARY["subslide"] or not self.has_content:
            # A sub-slide that shows no more than its heading takes the next unit, whatever its height.
            return self.pending
        if self.has_figure or self.used + unit.height > self.frame_height:
            return "subslide"
        if self.step_checked and (unit.kind == "equation" or unit.leads_equation):
            return "subslide"
        if unit.labelled and self.has_equation:
            return "subslide"
        if self.pending == "-" and unit.kind == "equation" and self.has_equation:
            return "fragment"
        return self.pending

    def show(self, unit: Unit) -> None:
        boundary = self.boundary_before(unit)
        self.pending = "-"
        if BOUNDARY[boundary] >= BOUNDARY["fragment"]:
            # A lead-in ("... of:") belongs to the step it leads into; other loose notes to the step before.
            if self.loose_notes and not self.loose_notes[-1].rstrip().endswith(":"):
                self.step_notes += self.loose_notes
                self.loose_notes = []
            self.close_step()
            self.step_notes, self.loose_notes = self.loose_notes, []
            self.step_first = len(self.out)
            self.last_source = None
        else:
            self.step_notes += self.loose_notes
            self.loose_notes = []
            if self.step_first is None:
                self.step_first = len(self.out)
        if BOUNDARY[boundary] >= BOUNDARY["subslide"]:
            self.used, self.has_content, self.has_figure, self.has_equation = 0, False, False, False
            self.step_checked = False
            if unit.kind != "heading" and self.heading:
                self.out.append(markdown_cell(f"### {self.heading}", boundary))
                self.used, boundary = HEADING_LINE[3] + 2 * BLOCK_MARGIN, "-"
        self.place(unit, boundary)
        self.used += unit.height
        self.has_content = self.has_content or unit.kind != "heading"
        self.has_figure = self.has_figure or unit.figure
        self.step_checked = self.step_checked or (unit.kind == "code" and self.has_equation)
        self.has_equation = self.has_equation or unit.kind == "equation"

    def too_tall(self, unit: Unit) -> bool:
        """Whether ``unit`` is a code cell too tall for a slide of its own (a reference table, a long listing)."""
        return unit.kind == "code" and unit.height > self.frame_height - HEADING_LINE[3] - 2 * BLOCK_MARGIN

    def place(self, unit: Unit, boundary: str) -> None:
        if unit.kind == "code":
            cell = copy.copy(unit.cell)
            cell.metadata = copy.deepcopy(cell.metadata)
            cell.metadata.setdefault("slideshow", {})["slide_type"] = boundary
            self.out.append(cell)
            self.last_source = None
        elif boundary == "-" and self.last_source is unit.cell:
            self.out[-1].source += "\n\n" + unit.source
        else:
            cell = markdown_cell(unit.source, boundary)
            if "attachments" in unit.cell:
                cell["attachments"] = unit.cell["attachments"]
            self.out.append(cell)
            self.last_source = unit.cell

    def close_step(self) -> None:
        """Give the step shown last its notes, in one notes cell right after its first cell: reveal.js shows a slide's
        first notes in the speaker view, or its current fragment's."""
        if self.step_notes:
            at = len(self.out) if self.step_first is None else self.step_first + 1
            self.out.insert(at, markdown_cell("\n\n".join(self.step_notes), "notes"))
        self.step_notes = []
        self.step_first = None


def markdown_cell(source: str, slide_type: str):
    return new_markdown_cell(source, metadata={"slideshow": {"slide_type": slide_type}})
