"""The notation table every notebook opens with: one source, so that all four notebooks show the same table."""

from __future__ import annotations

from IPython.display import Markdown

NOTATION = (
    ("$m$", "the number of examples in a batch", "scalar", "`m`"),
    ("$u$", "the number of units in the last hidden layer", "scalar", "`u`, `hidden`"),
    ("$k$", "the number of classes (output units)", "scalar", "`k`"),
    ("$x$", "the network's input, one row per example (notebook 4: 64 pixels)", "$(m, 64)$", "`x`"),
    (
        "$W_{hidden}$, $b_{hidden}$",
        "the hidden layer's weights and bias (the slides' first layer; $W_{111}$ is an entry of $W_{hidden}$)",
        "$(64, u)$, $(u, 1)$",
        "`W_hidden`, `b_hidden`",
    ),
    (
        "$a_1$",
        "the hidden layer's pre-activation, $x W_{hidden} + b_{hidden}^\\top$",
        "$(m, u)$",
        "`a_1`; `z` (`cache.z`) in `helpers/training/network.py`",
    ),
    (
        "$h$",
        "the last hidden layer's output, $g(a_1)$ (the slides' $h_2$); **the MSE note's bold $\\mathbf{a}$**",
        "$(m, u)$",
        "`h`; `a` in notebook 3",
    ),
    (
        "$W_{out}$, $b$",
        "the output layer's weights and bias ($b_{out}$ in notebook 4)",
        "$(u, k)$, $(k, 1)$; $(u, 1)$, $(1, 1)$ for one output",
        "`W_out`, `b`; `b_out` in notebook 4",
    ),
    (
        "$a_L$",
        "logits: the output layer's pre-activation, $h W_{out} + b^\\top$ (the slides' $a_3$ for a net with 2 hidden "
        "layers)",
        "$(k,)$, or $(m, k)$ for a batch",
        "`a`, `A` (notebooks 1–2); `a_L` (notebook 4)",
    ),
    (
        "$\\hat{y}$",
        "the network's output, $\\mathrm{softmax}(a_L)$ for a classifier; $a_L$ itself for a linear output "
        "(regression)",
        "$(k,)$, or $(m, k)$; $(m, 1)$ in regression",
        "`yhat`, `Yhat`",
    ),
    ("$y$", "the regression targets (notebooks 3, 4)", "$(m, 1)$", "`y`"),
    ("$\\ell$", "the true class of an example", "scalar in $0 \\dots k-1$ (code)", "`l`, `labels`"),
    ("$e(\\ell)$", "the one-hot vector: 1 at position $\\ell$, 0 elsewhere", "$(k,)$", "`one_hot(l, k)`"),
    (
        "$\\hat{Y}$, $E$",
        "a batch's predictions and its one-hot targets: row $i$ is $\\hat{y}_i$, and $e(\\ell_i)$",
        "$(m, k)$",
        "`yhat`; `one_hot(labels, k)`",
    ),
    (
        "$L$",
        "the index of the output layer, as in $a_L$ ($L = 3$ in the slides' net with 2 hidden layers); never the loss",
        "scalar",
        "none; only part of names such as `a_L`",
    ),
    (
        "$\\mathcal{L}$",
        "the loss, **one number**: $-\\log \\hat{y}_\\ell$ (cross-entropy), or the mean squared error "
        "$\\frac{1}{m}\\sum_i (\\hat{y}_i - y_i)^2$",
        "scalar (mean over the batch)",
        "`cross_entropy`, `mse`",
    ),
    ("$\\eta$", "the learning rate", "scalar", "`eta`"),
    (
        "$\\lambda_{max}$",
        "notebook 3: the largest eigenvalue of the MSE's Hessian, which sets the largest usable learning rate",
        "scalar",
        "`lambda_max`",
    ),
    (
        "$\\lambda$",
        "notebook 4: the weight decay, the strength of the L2 penalty $\\frac{\\lambda}{2}\\lVert W \\rVert^2$",
        "scalar",
        "`weight_decay`",
    ),
)

DEPARTURES = (
    "- **Classes are numbered from 0** in code, in the class picker, in the logit sliders `a_L0 … a_L(k-1)` and on "
    'the figures\' axes ("class i (0-based)"). The lecture numbers them $1 \\dots k$: its $\\hat{y}_1$ is `yhat[0]`.',
    "- **The letter $a$.** Here and in the notes and slides, $a_L$ are the *logits*, the output layer's "
    "pre-activation. The MSE note (*Gradient of Loss w.r.t Output Layer Weights*) uses bold $\\mathbf{a}$ for the "
    "*last hidden layer's output*, which the slides and this table call $h$; notebook 3 follows that note and "
    "says so. With a linear output, $\\hat{y} = a_L = \\mathbf{a} W_{out} + \\mathbf{b}^\\top$.",
    "- **The letter $L$.** The loss is $\\mathcal{L}$ (script) and $L$ is the output layer's index. The MSE note's "
    "bold $\\mathbf{L}$ is an $(m, 1)$ vector of per-example losses; its sum is our $\\mathcal{L}$.",
    "- **The slides' $a_3$, $h_2$** belong to a network with two hidden layers: there $a_3$ is $a_L$ and $h_2$ is "
    "the last hidden layer's output, our $h$.",
    "- **Two lambdas.** $\\lambda_{max}$ (notebook 3, an eigenvalue) and $\\lambda$ (notebook 4, the weight decay) "
    "are unrelated; neither is in the lecture.",
)


def notation_table() -> Markdown:
    """The shared notation table (symbol, meaning, shape, name in code) and where a lecture file departs from it."""
    rows = ["| symbol | meaning | shape | in code |", "|---|---|---|---|"]
    rows += [f"| {symbol} | {meaning} | {shape} | {code} |" for symbol, meaning, shape, code in NOTATION]
    return Markdown(
        "**Notation**, one table for notebooks 1–4 (the lecture's letters)\n\n"
        + "\n".join(rows)
        + "\n\n"
        + "\n".join(DEPARTURES)
    )
