"""Every widget in the notebooks fits a laptop's and a projector's screen, and every control has a name.

Each notebook that stores a widget view is run in JupyterLab in headless Chromium, with the file browser open
(JupyterLab's default), then measured at each screen below: 1366 × 768 (most students' laptops) and 1280 × 720 (a
projector), at 100 % and at 125 % zoom. A browser zoomed to 125 % lays the page out in a CSS viewport 1.25 times
smaller at 1.25 device pixels per CSS pixel, which is what Chromium is told here. Marked ``browser``.

A control is clipped when its box is cut by the viewport's width or by a container that clips or scrolls, when its
text overflows its own box, or when it overlaps the figure. The test waits for conditions: the notebook to have
run, every widget view to have drawn its controls and images, the layout to hold still for two frames.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from harness.lab import ROOT, chromium_page, lab_server, run_all_cells

pytestmark = pytest.mark.browser

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
SCREENS = [(1366, 768), (1280, 720)]
ZOOMS = [1.0, 1.25]


def notebooks_with_widgets() -> list[str]:
    """The notebooks in notebooks/ that store a widget view in one of their outputs, whatever cell it is in."""
    return sorted(
        path.name
        for path in (ROOT / "notebooks").glob("*.ipynb")
        if any(
            WIDGET_VIEW in output.get("data", {})
            for cell in json.loads(path.read_text())["cells"]
            for output in cell.get("outputs", [])
        )
    )


NOTEBOOKS = notebooks_with_widgets()

# Installed in the page: the cells' outputs that show a widget (not the outputs inside a widget's own Output).
WIDGET_OUTPUTS_JS = """
window.widgetOutputs = () => [...document.querySelectorAll('.jp-OutputArea-output')].filter(output =>
    output.querySelector('.jupyter-widgets') !== null && output.parentElement.closest('.jupyter-widgets') === null);
"""

# Every widget output on the page has drawn: a view with its controls and, for each image, a decoded picture.
VIEWS_DRAWN_JS = """(count) => {
    const outputs = window.widgetOutputs();
    return outputs.length >= count && outputs.every(output =>
        output.querySelector('.jupyter-widgets') !== null
        && [...output.querySelectorAll('img')].every(image => image.complete && image.naturalWidth > 0)
        && [...output.querySelectorAll('.widget-slider .widget-readout')].every(readout => readout.textContent !== ''));
}"""

# Resolves once the widgets' boxes and the notebook's width have been the same for two frames in a row.
LAYOUT_STILL_JS = """() => new Promise(resolve => {
    const boxes = () => JSON.stringify([document.querySelector('.jp-NotebookPanel')?.getBoundingClientRect().width,
        ...[...document.querySelectorAll('.jp-OutputArea-output .jupyter-widgets')].map(element => {
            const r = element.getBoundingClientRect();
            return [r.left, r.top, r.width, r.height];
        })]);
    let last = boxes(), still = 0;
    const frame = () => {
        const now = boxes();
        still = now === last ? still + 1 : 0;
        last = now;
        if (still >= 2) resolve(true); else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
})"""

# Every problem with the widgets' boxes on the page as it is laid out now, one line each, and what was measured.
CLIPPED_CONTROLS_JS = r"""() => {
    const problems = [];
    const measured = [];
    const describe = (element) => {
        const slider = element.closest('.widget-slider, .widget-dropdown');
        const label = slider?.querySelector('.widget-label')?.textContent.trim();
        const kind = element.matches('[role="slider"]') ? 'handle'
            : element.classList.contains('widget-readout') ? 'readout'
            : element.classList.contains('widget-label') ? 'label'
            : element.tagName.toLowerCase() === 'select' ? 'dropdown'
            : element.tagName.toLowerCase() === 'img' ? 'figure'
            : element.matches('pre.reading') ? 'reading'
            : [...element.classList].filter(c => c.startsWith('widget-')).join(' ') || element.tagName.toLowerCase();
        const text = kind === 'dropdown' ? element.selectedOptions[0]?.text
            : kind === 'readout' ? element.textContent : '';
        return `${label ? `"${label}" ` : ''}${kind}${text ? ` "${text.trim()}"` : ''}`;
    };
    const shown = (element) => element.getClientRects().length > 0
        && element.getBoundingClientRect().width > 0 && element.getBoundingClientRect().height > 0;
    const canvas = document.createElement('canvas').getContext('2d');
    const outputs = window.widgetOutputs();
    outputs.forEach((output, index) => {
        const controls = [...output.querySelectorAll(
            '.jupyter-widgets:not(.widget-box):not(.widget-output), .widget-readout, .widget-label, select, '
            + '[role="slider"], pre.reading, img')].filter(shown);
        const figures = [...output.querySelectorAll('img')].filter(shown);
        for (const element of controls) {
            const r = element.getBoundingClientRect();
            const name = `widget ${index + 1}: ${describe(element)}`;
            if (r.left < -0.5 || r.right > window.innerWidth + 0.5) {
                problems.push(`${name} is cut by the window (${r.left.toFixed(0)}..${r.right.toFixed(0)} px, `
                    + `window ${window.innerWidth} px wide)`);
            }
            // Cut by a container: any ancestor that clips or scrolls what overflows it, across; inside the output
            // also down (the notebook itself scrolls down, which is how a reader reaches a widget).
            let insideOutput = true;
            for (let box = element.parentElement; box !== null; box = box.parentElement) {
                const style = getComputedStyle(box);
                const b = box.getBoundingClientRect();
                const left = b.left + box.clientLeft, top = b.top + box.clientTop;
                if (style.overflowX !== 'visible' && (r.left < left - 0.5 || r.right > left + box.clientWidth + 0.5)) {
                    problems.push(`${name} is cut across by its container ${box.className || box.tagName}`
                        + ` (${r.left.toFixed(0)}..${r.right.toFixed(0)} px in ${left.toFixed(0)}..`
                        + `${(left + box.clientWidth).toFixed(0)} px)`);
                    break;
                }
                if (insideOutput && style.overflowY !== 'visible'
                        && (r.top < top - 0.5 || r.bottom > top + box.clientHeight + 0.5)) {
                    problems.push(`${name} is cut down by its container ${box.className || box.tagName}`);
                    break;
                }
                if (box === output) insideOutput = false;
            }
            // Text wider than its own box: cut, or spilling over what is beside it.
            if (element.tagName === 'SELECT') {
                const style = getComputedStyle(element);
                canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
                const needed = canvas.measureText(element.selectedOptions[0]?.text ?? '').width
                    + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
                if (needed > element.clientWidth + 0.5) {
                    problems.push(`${name} shows its value in ${element.clientWidth} px; `
                        + `it needs ${needed.toFixed(0)}`);
                }
            } else if (element.scrollWidth > element.clientWidth && element.tagName !== 'IMG') {
                problems.push(`${name}: its text is ${element.scrollWidth} px wide in a ${element.clientWidth} px box`);
            }
            if (element.tagName !== 'IMG' && !element.matches('pre.reading')) {
                for (const figure of figures) {
                    const f = figure.getBoundingClientRect();
                    const across = Math.min(r.right, f.right) - Math.max(r.left, f.left);
                    const down = Math.min(r.bottom, f.bottom) - Math.max(r.top, f.top);
                    if (across > 0.5 && down > 0.5) problems.push(`${name} overlaps the figure`);
                }
            }
        }
        for (const figure of figures) {
            if (figure.getBoundingClientRect().width > figure.naturalWidth + 1) {
                problems.push(`widget ${index + 1}: the figure is stretched past its PNG's width, and blurred`);
            }
        }
        const explorer = output.querySelector('.widget-interact');
        const figure = figures[0];
        if (explorer !== null && figure !== undefined) {
            const e = explorer.getBoundingClientRect(), f = figure.getBoundingClientRect();
            measured.push({widget: index + 1, figure_px: Math.round(f.width), of_png_px: figure.naturalWidth,
                           beside: f.top < e.bottom && f.left >= e.right - 0.5});
        }
    });
    return {problems: [...new Set(problems)], measured, window: [window.innerWidth, window.innerHeight],
            output_px: Math.round(outputs[0]?.getBoundingClientRect().width ?? 0)};
}"""

CONTROLS_TO_NAME = '[role="slider"], select, input, button, textarea, [contenteditable="true"]'


def set_screen(cdp, width: int, height: int, zoom: float) -> None:
    """Lay the page out as a browser window of ``width`` × ``height`` screen pixels zoomed to ``zoom`` would."""
    cdp.send(
        "Emulation.setDeviceMetricsOverride",
        {"width": round(width / zoom), "height": round(height / zoom), "deviceScaleFactor": zoom, "mobile": False},
    )


def accessible_names(page, cdp) -> tuple[list[str], list[str]]:
    """The controls in the widget outputs as Chromium's accessibility tree names them (role and name), and those
    it gives no name (role and HTML)."""
    count = page.evaluate(
        """(selector) => {
            let next = 0;
            for (const output of window.widgetOutputs()) {
                for (const control of output.querySelectorAll(selector)) control.dataset.nameProbe = String(next++);
            }
            return next;
        }""",
        CONTROLS_TO_NAME,
    )
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node_ids = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "[data-name-probe]"})["nodeIds"]
    assert count > 0 and len(node_ids) == count, f"found {len(node_ids)} of the {count} controls in the widgets"
    named, unnamed = [], []
    for node_id in node_ids:
        node = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node_id, "fetchRelatives": False})["nodes"][0]
        if node.get("ignored"):
            continue
        role, name = node.get("role", {}).get("value", "?"), node.get("name", {}).get("value", "").strip()
        if name:
            named.append(f"{role} {name!r}")
        else:
            unnamed.append(f"{role}: {cdp.send('DOM.getOuterHTML', {'nodeId': node_id})['outerHTML'][:120]}")
    return named, unnamed


@pytest.fixture(scope="module")
def lab():
    with lab_server(NOTEBOOKS) as server:
        yield server


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_widget_fits_the_screen_and_names_its_controls(notebook, chromium, lab, screenshots, record_property):
    with chromium_page(chromium) as page:
        run_all_cells(page, lab, notebook)
        stored = sum(
            WIDGET_VIEW in output.get("data", {})
            for cell in json.loads((lab.root / notebook).read_text())["cells"]
            for output in cell.get("outputs", [])
        )
        page.evaluate(WIDGET_OUTPUTS_JS)
        page.wait_for_function(VIEWS_DRAWN_JS, arg=stored, timeout=60_000)
        assert page.locator("#filebrowser").is_visible(), "JupyterLab's file browser should be open, as by default"
        cdp = page.context.new_cdp_session(page)
        stem = Path(notebook).stem
        report, problems = {}, []
        for width, height in SCREENS:
            for zoom in ZOOMS:
                screen = f"{width}x{height} at {zoom:.0%}"
                set_screen(cdp, width, height, zoom)
                page.evaluate(LAYOUT_STILL_JS)
                page.evaluate("() => window.widgetOutputs()[0].scrollIntoView({block: 'start'})")
                page.evaluate(LAYOUT_STILL_JS)
                found = page.evaluate(CLIPPED_CONTROLS_JS)
                report[screen] = {key: found[key] for key in ("window", "output_px", "measured")}
                report[screen]["problems"] = len(found["problems"])
                problems += [f"{screen}: {problem}" for problem in found["problems"]]
                # Chromium's own capture, at the emulated screen (Playwright's would lay the page out at its own).
                shot = cdp.send("Page.captureScreenshot", {"format": "png"})["data"]
                (screenshots / f"{stem}-{width}x{height}-{round(zoom * 100)}.png").write_bytes(base64.b64decode(shot))
        record_property("layout", json.dumps(report))
        print(f"{notebook}: {json.dumps(report)}")
        set_screen(cdp, 1366, 768, 1.0)
        page.evaluate(LAYOUT_STILL_JS)
        named, unnamed = accessible_names(page, cdp)
        record_property("accessible_names", json.dumps(named, ensure_ascii=False))
        print(f"{notebook}: named {named}; unnamed {len(unnamed)}")
        assert not problems, f"clipped in {notebook} (screenshots in {screenshots}):\n" + "\n".join(problems)
        assert not unnamed, f"controls with no accessible name in {notebook}:\n" + "\n".join(unnamed)
