"""The notation table the notebooks open with: one source, so that every notebook shows the same rows.

``notation_table()`` shows every row; a notebook passes the keys of the rows it uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from IPython.display import Markdown


class NotationRow(NamedTuple):
    """One symbol of the table; ``key`` is how a notebook asks for it, the other four fields are its columns."""

    key: str
    symbol: str
    meaning: str
    shape: str
    code: str


class Departure(NamedTuple):
    """Where a lecture part uses a letter differently, shown with any of the rows named in ``keys``."""

    keys: tuple[str, ...]
    text: str


NOTATION = (
    NotationRow("m", "$m$", "the number of examples in a batch", "scalar", "`m`"),
    NotationRow("u", "$u$", "the number of units in the last hidden layer", "scalar", "`u`, `hidden`"),
    NotationRow("k", "$k$", "the number of classes (output units)", "scalar", "`k`"),
    NotationRow(
        "x",
        "$x$",
        "the network's input, one row per example (notebook 4: 64 pixels)",
        "$(m, 64)$",
        "`x`; `split.x_train`, `split.x_held_out`",
    ),
    NotationRow(
        "W_hidden",
        "$W_{hidden}$, $b_{hidden}$",
        "the hidden layer's weights and bias (the slides' first layer; $W_{111}$ is an entry of $W_{hidden}$)",
        "$(64, u)$, $(u, 1)$",
        "`W_hidden`, `b_hidden`",
    ),
    NotationRow(
        "a_1",
        "$a_1$",
        "the hidden layer's pre-activation, $x W_{hidden} + b_{hidden}^\\top$",
        "$(m, u)$",
        "`a_1` (`cache.a_1`)",
    ),
    NotationRow(
        "h",
        "$h$",
        "the last hidden layer's output, $g(a_1)$ (the slides' $h_2$); **the MSE note's bold $\\mathbf{a}$**",
        "$(m, u)$",
        "`h`; `a` in notebook 3",
    ),
    NotationRow(
        "W_out",
        "$W_{out}$, $b$",
        "the output layer's weights and bias ($b_{out}$ in notebook 4)",
        "$(u, k)$, $(k, 1)$; $(u, 1)$, $(1, 1)$ for one output",
        "`W_out`, `b`; `b_out` in notebook 4",
    ),
    NotationRow(
        "a_L",
        "$a_L$",
        "logits: the output layer's pre-activation, $h W_{out} + b^\\top$ (the slides' $a_3$ for a net with 2 hidden "
        "layers)",
        "$(k,)$, or $(m, k)$ for a batch",
        "`a`, `A` (notebooks 1–2); `a_L` (notebook 4)",
    ),
    NotationRow(
        "yhat",
        "$\\hat{y}$",
        "the network's output, $\\mathrm{softmax}(a_L)$ for a classifier; $a_L$ itself for a linear output "
        "(regression)",
        "$(k,)$, or $(m, k)$; $(m, 1)$ in regression",
        "`yhat`, `Yhat`",
    ),
    NotationRow(
        "y", "$y$", "the regression targets (notebooks 3, 4)", "$(m, 1)$", "`y`; `split.y_train`, `split.y_held_out`"
    ),
    NotationRow(
        "l",
        "$\\ell$",
        "the true class of an example",
        "scalar in $0 \\dots k-1$ (code)",
        "`l`, `labels`; `split.labels_train`",
    ),
    NotationRow(
        "e", "$e(\\ell)$", "the one-hot vector: 1 at position $\\ell$, 0 elsewhere", "$(k,)$", "`one_hot(l, k)`"
    ),
    NotationRow(
        "Yhat",
        "$\\hat{Y}$, $E$",
        "a batch's predictions and its one-hot targets: row $i$ is $\\hat{y}_i$, and $e(\\ell_i)$",
        "$(m, k)$",
        "`yhat`; `one_hot(labels, k)`",
    ),
    NotationRow(
        "L",
        "$L$",
        "the index of the output layer, as in $a_L$ ($L = 3$ in the slides' net with 2 hidden layers); never the loss",
        "scalar",
        "none; only part of names such as `a_L`",
    ),
    NotationRow(
        "loss",
        "$\\mathcal{L}$",
        "the loss, **one number**: $-\\log \\hat{y}_\\ell$ (cross-entropy), or the mean squared error "
        "$\\frac{1}{m}\\sum_i (\\hat{y}_i - y_i)^2$",
        "scalar (mean over the batch)",
        "`cross_entropy`, `mse`",
    ),
    NotationRow("eta", "$\\eta$", "the learning rate", "scalar", "`eta`"),
    NotationRow(
        "lambda_max",
        "$\\lambda_{max}$",
        "notebook 3: the largest eigenvalue of the MSE's Hessian; 2/λ_max is the learning rate's threshold",
        "scalar",
        "`lambda_max`",
    ),
    NotationRow(
        "lambda",
        "$\\lambda$",
        "notebook 4: the weight decay, the strength of the L2 penalty $\\frac{\\lambda}{2}\\lVert W \\rVert^2$",
        "scalar",
        "`weight_decay`",
    ),
)

DEPARTURES = (
    Departure(
        ("l",),
        "- **Classes are numbered from 0** in code, in the class picker, in the logit sliders `a_L0 … a_L(k-1)` and "
        'on the figures\' axes ("class i (0-based)"). The lecture numbers them $1 \\dots k$: its $\\hat{y}_1$ is '
        "`yhat[0]`.",
    ),
    Departure(
        ("a_L", "h"),
        "- **The letter $a$.** Here and in the notes and slides, $a_L$ are the *logits*, the output layer's "
        "pre-activation. The MSE note (*Gradient of Loss w.r.t Output Layer Weights*) uses bold $\\mathbf{a}$ for the "
        "*last hidden layer's output*, which the slides and this table call $h$; notebook 3 follows that note and "
        "says so. With a linear output, $\\hat{y} = a_L = \\mathbf{a} W_{out} + \\mathbf{b}^\\top$.",
    ),
    Departure(
        ("L", "loss"),
        "- **The letter $L$.** The loss is $\\mathcal{L}$ (script) and $L$ is the output layer's index. The MSE note's "
        "bold $\\mathbf{L}$ is an $(m, 1)$ vector of per-example losses; its sum is our $\\mathcal{L}$.",
    ),
    Departure(
        ("a_L", "h"),
        "- **The slides' $a_3$, $h_2$** belong to a network with two hidden layers: there $a_3$ is $a_L$ and $h_2$ is "
        "the last hidden layer's output, our $h$.",
    ),
    Departure(
        ("lambda_max", "lambda"),
        "- **Two lambdas.** $\\lambda_{max}$ (notebook 3, an eigenvalue) and $\\lambda$ (notebook 4, the weight decay) "
        "are unrelated; neither is in the lecture.",
    ),
)

KEYS = tuple(row.key for row in NOTATION)


def notation_table(rows: Sequence[str] | None = None) -> Markdown:
    """The notation table (symbol, meaning, shape, name in code) and where a lecture part departs from it.

    Parameters
    ----------
    rows : sequence of str, optional
        The keys (``KEYS``, such as ``"a_L"`` or ``"loss"``) of the rows to show, in any order; they are shown in
        the table's order, with only the departures that concern them. ``None``, the default, shows every row and
        every departure.
    """
    if rows is None:
        chosen = set(KEYS)
        heading = "**Notation**, one table for notebooks 1–4 (the lecture's letters)"
    else:
        if isinstance(rows, str) or not all(isinstance(key, str) for key in rows):
            raise TypeError(f"notation_table: rows must be a sequence of row keys (str), got {rows!r}")
        unknown = [key for key in rows if key not in KEYS]
        if unknown or not rows:
            raise ValueError(f"notation_table: rows must be a non-empty selection of {KEYS}, got unknown {unknown}")
        chosen = set(rows)
        heading = "**Notation** used in this notebook (the lecture's letters)"
    lines = ["| symbol | meaning | shape | in code |", "|---|---|---|---|"]
    lines += [f"| {row.symbol} | {row.meaning} | {row.shape} | {row.code} |" for row in NOTATION if row.key in chosen]
    departures = [departure.text for departure in DEPARTURES if chosen.intersection(departure.keys)]
    parts = [heading, "\n".join(lines)] + (["\n".join(departures)] if departures else [])
    return Markdown("\n\n".join(parts))
