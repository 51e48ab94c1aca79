"""Open a page built by the instructor's kit from disk in Chromium with the network blocked, and wait for MathJax."""

from __future__ import annotations

# Installed before the page's scripts run: MathJax 2 reads window.MathJax as its configuration when it loads, and
# AuthorInit lets us learn when its startup, typesetting included, has ended.
MATHJAX_DONE_JS = r"""
window.MathJax = {AuthorInit: function () {
    MathJax.Hub.Register.StartupHook("End", function () { window.mathjaxDone = true; });
}};
"""


def block_the_network(page) -> dict[str, list[str]]:
    """Abort every request that does not read a file, and record the aborted and the failed ones; ``page`` is a page,
    or a browser context, whose every page and window is then held to the same."""
    record = {"blocked": [], "failed": []}

    def route(route):
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            record["blocked"].append(route.request.url)
            route.abort()

    page.route("**/*", route)
    # MathJax 2 asks for about:blank on purpose: as a zero-size marker image, and as the font "MathJax_Blank" against
    # which it measures whether its web fonts have loaded. It reads nothing, from anywhere.
    page.on(
        "requestfailed",
        lambda request: request.url != "about:blank" and record["failed"].append(f"{request.url} ({request.failure})"),
    )
    page.add_init_script(script=MATHJAX_DONE_JS)
    return record


def wait_for_mathjax(page, timeout_ms: int = 60_000) -> None:
    """Wait until MathJax has typeset the page and the fonts it asked for have loaded."""
    page.wait_for_function("() => window.mathjaxDone === true", timeout=timeout_ms)
    page.wait_for_function("() => document.fonts.status === 'loaded'", timeout=timeout_ms)


# Text still written in TeX after typesetting, in the elements matching a selector: a $...$ pair or a \( or \[ delimiter
# in a text node. MathJax moves the source of each formula it typesets out of the text, into a <script type="math/tex">.
RAW_TEX_JS = r"""
(selector) => [...document.querySelectorAll(selector)].flatMap(element => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const raw = [];
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        if (node.parentElement.closest('script, pre, code') === null) {
            raw.push(...(node.textContent.match(/\$[^$\n]+\$|\\\(|\\\[/g) || []));
        }
    }
    return raw;
})
"""


def console_errors_but_mathjax_blank_font(page) -> list[str]:
    """The console's errors, less the two Chromium logs when MathJax's blank font (about:blank) does not load; a
    missing file logs net::ERR_FILE_NOT_FOUND instead, and stays."""
    return [
        error
        for error in page.console_errors
        if "font at 'about:blank'" not in error and error != "Failed to load resource: net::ERR_FAILED"
    ]
