"""The notation table every notebook opens with: one source, so that all four notebooks show the same table."""

from __future__ import annotations

from IPython.display import Markdown

NOTATION = (
    (
        "$a_L$",
        "logits: the output layer's pre-activation (the slides' $a_3$ for a net with 2 hidden layers)",
        "$(k,)$, or $(m, k)$ for a batch",
        "`a`, `A`",
    ),
    (
        "$\\hat{y}$",
        "the network's output, $\\mathrm{softmax}(a_L)$ for a classifier; a prediction for regression",
        "$(k,)$, or $(m, k)$; $(m, 1)$ in regression",
        "`yhat`, `Yhat`",
    ),
    ("$\\ell$", "the true class of an example", "scalar in $0 \\dots k-1$ (code)", "`l`, `labels`"),
    ("$e(\\ell)$", "the one-hot vector: 1 at position $\\ell$, 0 elsewhere", "$(k,)$", "`one_hot(l, k)`"),
    (
        "$L$",
        "the index of the output layer, as in $a_L$ ($L = 3$ in the slides' net with 2 hidden layers)",
        "scalar",
        "none: `a` is $a_L$",
    ),
    ("$k$", "the number of classes (output units)", "scalar", "`k`"),
    ("$m$", "the number of examples in a batch", "scalar", "`m`"),
    (
        "$\\mathcal{L}$",
        "the loss: $-\\log \\hat{y}_\\ell$ (cross-entropy), or the mean squared error",
        "scalar (mean over the batch)",
        "`cross_entropy`, `mse`",
    ),
)

DEPARTURES = (
    "- **Classes are numbered from 0** in code, in the class picker, in the logit sliders `a_L0 … a_L(k-1)` and on "
    'the figures\' axes ("class i (0-based)"). The lecture numbers them $1 \\dots k$: its $\\hat{y}_1$ is `yhat[0]`.',
    "- **The letter $a$.** Here and in the notes and slides, $a_L$ are the *logits*, the output layer's "
    "pre-activation. The MSE note (*Gradient of Loss w.r.t Output Layer Weights*) uses bold $\\mathbf{a}$ for the "
    "*last hidden layer's output*, which the slides call $h$; notebook 3 follows that note and says so.",
    "- **The slides' $a_3$, $h_2$** belong to a network with two hidden layers: there $a_3$ is $a_L$ and $h_2$ is "
    "the last hidden layer's output.",
)


def notation_table() -> Markdown:
    """The shared notation table (symbol, meaning, shape, name in code) and where a lecture file departs from it."""
    rows = ["| symbol | meaning | shape | in code |", "|---|---|---|---|"]
    rows += [f"| {symbol} | {meaning} | {shape} | {code} |" for symbol, meaning, shape, code in NOTATION]
    return Markdown("**Notation** (the lecture's letters)\n\n" + "\n".join(rows) + "\n\n" + "\n".join(DEPARTURES))
