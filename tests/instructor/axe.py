"""Audit a page open in Chromium with axe-core against the WCAG 2.1 A and AA rules, and walk a reveal.js deck slide by
slide with the keyboard so that each slide is audited as it is shown.

axe-core comes from npm, at the version pinned in ``instructor.assets.NPM_PACKAGES``, fetched once like reveal.js; its
script is injected into the page after it has loaded (the page itself never loads it)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from instructor.assets import npm_package

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = ("serious", "critical")

# What one axe run found: per violated rule, its impact, its help text and the elements that break it.
RUN_AXE_JS = """
async ([tags, context]) => {
    const options = {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']};
    const results = await axe.run(context === null ? document : {include: [context]}, options);
    return results.violations.map(v => ({
        rule: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))
    }));
}
"""


@dataclass(frozen=True)
class Violation:
    """An element of a page that breaks an axe rule, where it was seen (a page, or a slide of a deck)."""

    where: str
    rule: str
    impact: str
    help: str
    target: str
    summary: str

    def __str__(self) -> str:
        detail = " ".join(self.summary.split())[:200]
        return f"{self.where}: [{self.impact}] {self.rule} ({self.help}) at {self.target}: {detail}"


def audit(page, where: str, context: str | None = None) -> list[Violation]:
    """Every violation of the WCAG 2.1 A and AA rules that axe finds in ``page`` as it is shown now: in the whole page,
    or in the elements that CSS selector ``context`` matches."""
    # A colour in the middle of a transition (a fragment fading in) is not the colour the page shows.
    page.wait_for_function(
        "() => document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState !== 'running')"
    )
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(npm_package("axe-core") / "axe.min.js"))
    found = page.evaluate(RUN_AXE_JS, [WCAG_21_AA, context])
    return [
        Violation(where, rule["rule"], rule["impact"] or "", rule["help"], node["target"], node["summary"] or "")
        for rule in found
        for node in rule["nodes"]
    ]


def failing(violations: list[Violation]) -> list[Violation]:
    """The serious and critical ones."""
    return [violation for violation in violations if violation.impact in FAILING_IMPACTS]


def report(violations: list[Violation]) -> str:
    """A count per rule and impact, then every violation, one a line."""
    counts = Counter((violation.impact, violation.rule) for violation in violations)
    lines = [f"axe-core found {len(violations)} violations of WCAG 2.1 A/AA:"]
    lines += [f"  {count:4d} {impact} {rule}" for (impact, rule), count in counts.most_common()]
    lines += [f"  {violation}" for violation in violations]
    return "\n".join(lines)


# Installed in the deck's page: where the deck is (the index of the present slide among the top-level ones, of the
# present sub-slide in its stack, and how many of its fragments are still hidden), and how many slides it has.
DECK_JS = """
window.deckPosition = () => {
    const present = [...document.querySelectorAll('.reveal .slides section.present')].pop();
    const stack = present.parentElement.closest('section');
    const top = stack || present;
    return {
        h: [...top.parentElement.children].indexOf(top),
        v: stack ? [...stack.children].indexOf(present) : 0,
        hidden: present.querySelectorAll('.fragment:not(.visible)').length,
    };
};
// The present slide, marked so that axe can be pointed at it alone.
window.markPresentSlide = () => {
    document.querySelectorAll('[data-audited]').forEach(slide => slide.removeAttribute('data-audited'));
    [...document.querySelectorAll('.reveal .slides section.present')].pop().setAttribute('data-audited', '');
};
window.deckSlides = () => document.querySelectorAll('.reveal .slides section:not(:has(section))').length;
"""


def audit_every_slide(page, deck: str, max_presses: int = 2000) -> tuple[list[Violation], int]:
    """Walk the open deck from its first slide to its last with the Page Down key (what a presenter's clicker
    sends), and audit each slide once all its fragments are shown; return what was found and how many slides it
    audited.

    The first slide is audited with the whole page around it (its language, title, landmarks); each later one alone,
    which is what changes from slide to slide.

    Reaching the last slide by the keyboard alone is itself the check that the deck can be driven without a mouse:
    the walk fails if a key press leaves the deck where it was before the end, or if it skipped a slide.
    """
    page.evaluate(DECK_JS)
    slides = page.evaluate("() => window.deckSlides()")
    violations: list[Violation] = []
    audited = 0
    position = page.evaluate("() => window.deckPosition()")
    for _ in range(max_presses):
        if position["hidden"] == 0:
            page.evaluate("() => window.markPresentSlide()")
            context = None if audited == 0 else "[data-audited]"
            violations += audit(page, f"{deck} slide {position['h']}/{position['v']}", context)
            audited += 1
            if audited == slides:
                return violations, audited
        page.keyboard.press("PageDown")
        handle = page.wait_for_function(
            """(before) => {
                const now = window.deckPosition();
                return (now.h !== before.h || now.v !== before.v || now.hidden !== before.hidden) && now;
            }""",
            arg=position,
            timeout=10_000,
        )
        position = handle.json_value()
    raise AssertionError(f"{deck}: {max_presses} key presses audited {audited} of its {slides} slides")
