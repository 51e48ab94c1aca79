"""Wrong answers that learners really posted, each written as a student's function for one of our exercises.

Each entry names where the mistake was seen (a Q&A thread, a course forum, an issue of a course or from-scratch
repository, a learner's own code), the exercise whose checker it goes to (by its ``diagnose_*`` name), the wrong
code carried over to that exercise's signature and notation (the mistake kept, the variable names made ours), and
``names``: what a hint must say to name that bug, as alternatives, each a tuple of phrases that must all appear
(case-insensitive). The phrases were written with the entries, before the checkers' hints.

The collection was split before the probes were built: ``BUILD`` is what the checkers were built and tested on;
``HELD_OUT`` was run once, at the end, for the figure in the report. ``split`` drew the halves with a fixed seed,
within each exercise, so both halves cover the exercises; the two mistakes the issue itself names (the softmax sum
without keepdims, the softmax's derivative applied once more on top of ŷ - e(ℓ)) were known before the split and
are in ``BUILD``.

The held-out half was run once, on the checkers of commit 5201ae2: 58
mistakes collected (29 in each half, plus the issue's two in the build half). By the phrases written with the
entries, 28 of 29 held-out hints name their bug; read one by one, two of those matches are words used in another
sense (the loss's sum "grows with m" without saying the answer is the loss itself; a Jacobian that used the logits
told only that it is not symmetric and its rows do not sum to 0), so 26 of 29 (90 %) name the bug. Missed: the
update applied to the already updated weights, the summed squared error returned for its derivative, the logits in
the Jacobian's second factor. Partly named: ŷ_ℓ - 1 in every entry of ∂ℒ/∂a_L (told which entries are wrong, not
what they hold), and the output bias summed over axis 1 with a 1/m (told the axis, not the 1/m).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Mistake:
    source: str
    exercise: str
    code: str
    names: tuple[tuple[str, ...], ...]
    bug: str


def mistake(source: str, exercise: str, bug: str, names: tuple[tuple[str, ...], ...], code: str) -> Mistake:
    return Mistake(source, exercise, code.strip() + "\n", names, bug)


SIGN = (("sign",),)
NO_ONE_OVER_M = (("1/m",), ("m times",))
EXTRA_ONE_OVER_M = (("1/m",), ("mean",), ("average",))
ONE_OVER_K = (("1/k",), ("k classes",), ("m·k",))
FACTOR_TWO_MISSING = (("factor 2",), ("half",))
FACTOR_TWO_EXTRA = (("2 times",), ("twice",), ("factor 2",), ("doubled",))
LOGITS_GRADIENT = (("logit",),)
KEEPDIMS = (("keepdims",),)
VALUE_FOR_DERIVATIVE = (("value",), ("relu(a",))

NAMED_IN_THE_ISSUE = (
    mistake(
        "https://xue-jishu.com/python-deeplearning-softmax-with-numpy (np.exp(x)/np.sum(np.exp(x), axis=1) on a batch)",
        "diagnose_batch_grad_wrt_logits",
        "the softmax's row sum without keepdims",
        KEEPDIMS,
        """
def student(A_L, labels):
    exp = np.exp(A_L - A_L.max(axis=1, keepdims=True))
    yhat = exp / np.sum(exp, axis=1)
    return (yhat - np.eye(A_L.shape[1])[labels]) / len(A_L)
""",
    ),
    mistake(
        "https://forums.fast.ai/t/understanding-michael-nielsens-backpropagation-code-chapter-2/7398 (delta = "
        "cost_derivative * activation_prime kept with a loss whose derivative already cancels it)",
        "diagnose_batch_grad_wrt_logits",
        "the softmax's derivative ŷ(1 - ŷ) applied once more on top of ŷ - e(ℓ)",
        (("again",), ("twice",), ("once more",), ("1 - ŷ",), ("1 - yhat",)),
        """
def student(A_L, labels):
    exp = np.exp(A_L - A_L.max(axis=1, keepdims=True))
    yhat = exp / exp.sum(axis=1, keepdims=True)
    delta = (yhat - np.eye(A_L.shape[1])[labels]) / len(A_L)
    return delta * yhat * (1 - yhat)
""",
    ),
)

COLLECTED = (
    # Notebook 1: the gradient with respect to ŷ.
    mistake(
        "https://stats.stackexchange.com/questions/235528 (-t_j/o_j written without the target)",
        "diagnose_grad_wrt_yhat",
        "-1/ŷ_i at every class: the one-hot dropped",
        (("indicator",), ("one-hot",), ("e(l)",), ("only yhat_l",), ("i != l",)),
        """
def student(yhat, l):
    return -1.0 / yhat
""",
    ),
    mistake(
        "https://github.com/Mateorovere/CNN-From-Scratch layers/losses.py (categorical_cross_entropy_prime returns "
        "y_pred - y_true as the derivative with respect to the predictions)",
        "diagnose_grad_wrt_yhat",
        "ŷ - e(ℓ), the logits' gradient, for the gradient at ŷ",
        LOGITS_GRADIENT,
        """
def student(yhat, l):
    e = np.zeros_like(yhat)
    e[l] = 1
    return yhat - e
""",
    ),
    mistake(
        "https://askswarm.dev/q/q-1773776766464 (sign flips in the cross-entropy's derivative, y_i/s_i for -y_i/s_i)",
        "diagnose_grad_wrt_yhat",
        "the sign flipped",
        SIGN,
        """
def student(yhat, l):
    grad = np.zeros_like(yhat)
    grad[l] = 1 / yhat[l]
    return grad
""",
    ),
    mistake(
        "A from-scratch library's CCE loss (nano_keras, found by code search, repository not named): "
        "-Σ y log(ŷ + 1e-7), differentiated with its ε",
        "diagnose_grad_wrt_yhat",
        "an ε added inside the log, -1/(ŷ_ℓ + ε)",
        (("ε",), ("epsilon",)),
        """
def student(yhat, l):
    y = np.eye(len(yhat))[l]
    return -y / (yhat + 1e-7)
""",
    ),
    mistake(
        "https://stats.stackexchange.com/questions/235528 (the one-hot left out, one entry at a time)",
        "diagnose_partial_wrt_yhat",
        "-1/ŷ_i for every i",
        (("indicator",), ("one-hot",), ("only yhat_l",), ("i != l",)),
        """
def student(yhat, l, i):
    return -1.0 / yhat[i]
""",
    ),
    mistake(
        "https://askswarm.dev/q/q-1773777176499 (sign errors in -y_i/s_i), one entry at a time",
        "diagnose_partial_wrt_yhat",
        "the sign flipped",
        SIGN,
        """
def student(yhat, l, i):
    return (1.0 if i == l else 0.0) / yhat[l]
""",
    ),
    mistake(
        "https://askswarm.dev/q/q-1773776766464 (-y_i/s_i not y_i/s_i), with soft labels",
        "diagnose_soft_label_grad_wrt_yhat",
        "the sign flipped",
        SIGN,
        """
def student(yhat, t):
    return t / yhat
""",
    ),
    mistake(
        "A from-scratch CategoricalCrossEntropy.backward (code search, repository not named): "
        "dL = -(1/n) * (y / yhat); return dL / N, N the "
        "number of classes",
        "diagnose_soft_label_grad_wrt_yhat",
        "divided by k, the number of classes",
        ONE_OVER_K,
        """
def student(yhat, t):
    n = 1
    N = len(yhat)
    dL = -(1 / n) * (t / yhat)
    return dL / N
""",
    ),
    mistake(
        "https://github.com/Mateorovere/CNN-From-Scratch layers/losses.py (y_pred - y_true for the derivative at "
        "the predictions), with soft targets",
        "diagnose_soft_label_grad_wrt_yhat",
        "ŷ - t, the logits' gradient",
        LOGITS_GRADIENT,
        """
def student(yhat, t):
    return yhat - t
""",
    ),
    mistake(
        "https://ai.stackexchange.com/questions/35741 (J = -sum(Y * log(Yhat)) over the batch: no 1/m)",
        "diagnose_batch_grad_wrt_yhat",
        "no 1/m",
        NO_ONE_OVER_M,
        """
def student(Yhat, labels):
    Y = np.eye(Yhat.shape[1])[labels]
    return -Y / Yhat
""",
    ),
    mistake(
        "https://github.com/Vedant988/100-Days-of-Deep-Learning week-2/Day-8/backprop_cross_entropy_loss_func.py "
        "(gradient = -true / predicted for a batch)",
        "diagnose_batch_grad_wrt_yhat",
        "no 1/m",
        NO_ONE_OVER_M,
        """
def student(Yhat, labels):
    true = np.eye(Yhat.shape[1])[labels]
    return -true / Yhat
""",
    ),
    mistake(
        "A from-scratch CategoricalCrossEntropy.backward (code search, repository not named): "
        "dL = -(1/n) * (y / yhat); return dL / N",
        "diagnose_batch_grad_wrt_yhat",
        "divided by m·k, the mean over every entry",
        ONE_OVER_K,
        """
def student(Yhat, labels):
    y = np.eye(Yhat.shape[1])[labels]
    n = len(Yhat)
    N = len(Yhat[0])
    dL = -(1 / n) * (y / Yhat)
    return dL / N
""",
    ),
    mistake(
        "https://github.com/Mateorovere/CNN-From-Scratch layers/losses.py (y_pred - y_true), on a batch",
        "diagnose_batch_grad_wrt_yhat",
        "(Ŷ - E)/m, the logits' gradient",
        LOGITS_GRADIENT,
        """
def student(Yhat, labels):
    return (Yhat - np.eye(Yhat.shape[1])[labels]) / len(Yhat)
""",
    ),
    # Notebook 2: through the softmax.
    mistake(
        "Mathematics Stack Exchange, 'Derivative of Softmax Loss Function', quoted in the nvidia/Nemotron-CC-Math-v1 "
        "pages (the asker's (Σ_k p_k y_k) - y_i, ŷ_ℓ where ŷ_i belongs)",
        "diagnose_partial_wrt_logits",
        "ŷ_ℓ in place of ŷ_i",
        (("yhat_l",), ("ŷ_ℓ",), ("does not depend on i",)),
        """
def student(yhat, l, i):
    return yhat[l] - (1.0 if i == l else 0.0)
""",
    ),
    mistake(
        "'Backpropagation with CrossEntropy and Softmax, HOW?', a Q&A thread quoted in the nvidia/Nemotron-CC-Math-v1 "
        "pages (every derivative taken to equal O_1 - 1)",
        "diagnose_partial_wrt_logits",
        "ŷ_ℓ - 1 for every i",
        (("every i",), ("every entry",), ("every class",), ("other classes",), ("others",)),
        """
def student(yhat, l, i):
    return yhat[l] - 1.0
""",
    ),
    mistake(
        "https://newbe.dev/numpy-calculate-the-derivative-of-the-softmax-function (value[i] * (1 - input[i]) and "
        "-value[i] * input[j]: the logits where the probabilities belong)",
        "diagnose_softmax_jacobian",
        "the logits in place of the probabilities in the second factor",
        (("logit",),),
        """
def student(a):
    s = np.exp(a - a.max()) / np.exp(a - a.max()).sum()
    k = len(a)
    J = np.zeros((k, k))
    for i in range(k):
        for j in range(k):
            if i == j:
                J[i, j] = s[i] * (1 - a[i])
            else:
                J[i, j] = -s[i] * a[j]
    return J
""",
    ),
    mistake(
        "https://readforlearn.com/tags/backpropagation/ (the same question: self.gradient[i] written for every j, "
        "a vector where the k × k Jacobian belongs)",
        "diagnose_softmax_jacobian",
        "one number per output: a vector, not the k × k matrix",
        (("k × k",), ("matrix",)),
        """
def student(a):
    s = np.exp(a - a.max()) / np.exp(a - a.max()).sum()
    k = len(a)
    gradient = np.zeros(k)
    for i in range(k):
        for j in range(k):
            if i == j:
                gradient[i] = s[i] * (1 - s[i])
            else:
                gradient[i] = -s[i] * s[j]
    return gradient
""",
    ),
    mistake(
        "https://github.com/shun1103/2019B3_Programming p2_NeouralNetwork/my_answer/ex3_3.py (a 'Softmax' layer whose "
        "forward is the sigmoid and whose backward is z(1 - z))",
        "diagnose_softmax_jacobian",
        "the sigmoid's derivative on the diagonal",
        (("sigmoid",),),
        """
def student(a):
    z = 1.0 / (1.0 + np.exp(-np.clip(a, -500, 500)))
    return np.diag(z * (1 - z))
""",
    ),
    mistake(
        "https://stats.stackexchange.com/questions/235528 (∂o_j/∂z_j = o_j(1 - o_j) only)",
        "diagnose_softmax_jacobian",
        "the diagonal only",
        (("off the diagonal",), ("off-diagonal",), ("diagonal only",), ("only the diagonal",)),
        """
def student(a):
    s = np.exp(a - a.max()) / np.exp(a - a.max()).sum()
    return np.diag(s * (1 - s))
""",
    ),
    mistake(
        "Mathematics Stack Exchange, 'Derivative of Softmax Loss Function', quoted in the nvidia/Nemotron-CC-Math-v1 "
        "pages (the asker's (Σ_k p_k y_k) - y_i), with soft targets",
        "diagnose_soft_label_grad_wrt_logits",
        "Σ_k ŷ_k t_k where ŷ_i belongs",
        (("yhat_i",), ("ŷ_i",), ("same amount",), ("same number",)),
        """
def student(a_L, t):
    p = np.exp(a_L - a_L.max()) / np.exp(a_L - a_L.max()).sum()
    return np.sum(p * t) - t
""",
    ),
    mistake(
        "https://github.com/deepjavalibrary/djl/issues/520 (soft-label softmax cross-entropy's gradient off by a "
        "factor of two)",
        "diagnose_soft_label_grad_wrt_logits",
        "twice the gradient",
        FACTOR_TWO_EXTRA,
        """
def student(a_L, t):
    p = np.exp(a_L - a_L.max()) / np.exp(a_L - a_L.max()).sum()
    return 2 * (p - t)
""",
    ),
    mistake(
        "https://github.com/markroxor/fromscratchtoml/issues/65 (the softmax's gradient off by a factor of two)",
        "diagnose_batch_grad_wrt_logits",
        "twice the gradient",
        FACTOR_TWO_EXTRA,
        """
def student(A_L, labels):
    exp = np.exp(A_L - A_L.max(axis=1, keepdims=True))
    yhat = exp / exp.sum(axis=1, keepdims=True)
    return 2 * (yhat - np.eye(A_L.shape[1])[labels]) / len(A_L)
""",
    ),
    mistake(
        "https://github.com/victorlempitsky/Mate/issues/2 (SoftmaxLossLayer divides by numel, m·k, not by the "
        "batch size m)",
        "diagnose_batch_grad_wrt_logits",
        "divided by m·k",
        ONE_OVER_K,
        """
def student(A_L, labels):
    exp = np.exp(A_L - A_L.max(axis=1, keepdims=True))
    yhat = exp / exp.sum(axis=1, keepdims=True)
    return (yhat - np.eye(A_L.shape[1])[labels]) / A_L.size
""",
    ),
    mistake(
        "https://stackguides.com/questions/45817372 (np.exp(x) / np.sum(np.exp(x), axis=0) used on a batch)",
        "diagnose_batch_grad_wrt_logits",
        "the softmax over the batch (axis=0)",
        (("axis=0",), ("column",), ("over the examples",), ("over the batch",)),
        """
def student(A_L, labels):
    exp = np.exp(A_L - A_L.max(axis=0))
    yhat = exp / np.sum(exp, axis=0)
    return (yhat - np.eye(A_L.shape[1])[labels]) / len(A_L)
""",
    ),
    mistake(
        "https://splunktool.com/in-python-calculate-the-softmax-of-an-array-columnwise-using-numpy (s / s.sum(0))",
        "diagnose_batch_grad_wrt_logits",
        "the softmax over the batch (axis=0)",
        (("axis=0",), ("column",), ("over the examples",), ("over the batch",)),
        """
def student(A_L, labels):
    s = np.exp(A_L - A_L.max())
    s = s / s.sum(0)
    return (s - np.eye(A_L.shape[1])[labels]) / A_L.shape[0]
""",
    ),
    mistake(
        "https://shuang0420.cn/2016/06/26/numpy－理解keepdims=True (x -= np.max(x, axis=1) without keepdims)",
        "diagnose_batch_grad_wrt_logits",
        "the row maximum without keepdims",
        KEEPDIMS,
        """
def student(A_L, labels):
    x = A_L - np.max(A_L, axis=1)
    exp = np.exp(x)
    yhat = exp / exp.sum(axis=1, keepdims=True)
    return (yhat - np.eye(A_L.shape[1])[labels]) / len(A_L)
""",
    ),
    mistake(
        "https://github.com/linxiaow/EECS498-Deep-Learning-for-Vision/issues/2 (scores -= max(scores): one maximum "
        "for the whole batch)",
        "diagnose_batch_grad_wrt_logits",
        "one maximum for the whole batch",
        (("each example's own",), ("own largest",), ("each row",), ("axis=1",)),
        """
def student(A_L, labels):
    scores = A_L - np.max(A_L)
    exp = np.exp(scores)
    yhat = exp / exp.sum(axis=1, keepdims=True)
    return (yhat - np.eye(A_L.shape[1])[labels]) / len(A_L)
""",
    ),
    mistake(
        "https://ai.stackexchange.com/questions/35741 (J = -sum(Y * log(Yhat)) over the batch: no 1/m)",
        "diagnose_batch_grad_wrt_logits",
        "no 1/m",
        NO_ONE_OVER_M,
        """
def student(A_L, labels):
    exp = np.exp(A_L - A_L.max(axis=1, keepdims=True))
    return exp / exp.sum(axis=1, keepdims=True) - np.eye(A_L.shape[1])[labels]
""",
    ),
    mistake(
        "https://datascience.stackexchange.com/questions/20139 (dz2 = dh2 * (1 - dh2): the activation's derivative "
        "taken of the gradient itself)",
        "diagnose_batch_grad_wrt_logits",
        "multiplied by 1 minus the gradient itself",
        (("1 - (",), ("factor that varies",), ("entry by entry",), ("entrywise",)),
        """
def student(A_L, labels):
    exp = np.exp(A_L - A_L.max(axis=1, keepdims=True))
    h2 = exp / exp.sum(axis=1, keepdims=True)
    dh2 = (h2 - np.eye(A_L.shape[1])[labels]) / len(A_L)
    return dh2 * (1 - dh2)
""",
    ),
    mistake(
        "'Softmax Regression in NumPy', a Q&A thread quoted in the nvidia/Nemotron-CC-Math-v1 pages "
        "(np.exp(y / np.sum(np.exp(y), axis=1)) on an (80, 3) batch)",
        "diagnose_batch_grad_wrt_logits",
        "the softmax's row sum without keepdims, inside the exp",
        KEEPDIMS,
        """
def student(A_L, labels):
    y = A_L - A_L.max(axis=1, keepdims=True)
    yhat = np.exp(y / np.sum(np.exp(y), axis=1))
    return (yhat - np.eye(A_L.shape[1])[labels]) / len(A_L)
""",
    ),
    # Notebook 3: the MSE's gradients and the update.
    mistake(
        "https://github.com/janchorowski/nn_assignments/pull/21 (dLdTheta = np.dot(X, dLdA.T) without the 1/N)",
        "diagnose_mse_grad_wrt_weights",
        "no 1/m",
        NO_ONE_OVER_M,
        """
def student(a, y, yhat):
    return 2 * a.T @ (yhat - y)
""",
    ),
    # The two weight-gradient lines below come from updates (param - eta * grad); the gradient alone is carried over.
    mistake(
        "https://gamwe6.github.io/obafuro/python/機械学習/2018/08/22/47721.html (param = param - eta * X.T.dot(h - y))",
        "diagnose_mse_grad_wrt_weights_multi_output",
        "neither the factor 2 nor the 1/m in the gradient",
        (("1/m", "2"), ("m/2",)),
        """
def student(a, Y, W_out, b):
    h = a @ W_out + b.T
    return a.T.dot(h - Y)
""",
    ),
    mistake(
        "http://stackoverflow.com/questions/17784587 (theta = theta - alpha * np.dot(xTrans, loss) / m)",
        "diagnose_mse_grad_wrt_weights_multi_output",
        "no factor 2 in the gradient",
        FACTOR_TWO_MISSING,
        """
def student(a, Y, W_out, b):
    loss = a @ W_out + b.T - Y
    return np.dot(a.T, loss) / len(a)
""",
    ),
    # Notebook 4: the hidden layer.
    mistake(
        "https://community.deeplearning.ai/t/week-3-exercise-6-cost-function/723602 (np.multiply where W2ᵀ dZ2 is a "
        "matrix product)",
        "diagnose_backward_to_hidden",
        "an elementwise product where the matrix product belongs",
        (("matrix product",), ("@",), ("elementwise",)),
        """
def student(grad_a_L, W_out, a_1):
    return np.multiply(grad_a_L, W_out.T) * (a_1 > 0)
""",
    ),
    mistake(
        "https://community.deeplearning.ai/t/graded-function-backward-propagation/110003 (np.dot for both products, "
        "the mask's too)",
        "diagnose_backward_to_hidden",
        "a matrix product with the mask where it is elementwise",
        (("elementwise",), ("entry by entry",), ("⊙",)),
        """
def student(grad_a_L, W_out, a_1):
    return np.dot(np.dot(grad_a_L, W_out.T), (a_1 > 0).T)
""",
    ),
    mistake(
        "https://example-a.com/answer/51812911 (ReLU's derivative 'left at x' for x > 0)",
        "diagnose_backward_to_hidden",
        "relu(a₁), the value, for the derivative",
        VALUE_FOR_DERIVATIVE,
        """
def student(grad_a_L, W_out, a_1):
    return (grad_a_L @ W_out.T) * np.maximum(a_1, 0)
""",
    ),
    mistake(
        "https://example-a.com/answer/51812911 (ReLU's derivative 'left at x'), as a Jacobian",
        "diagnose_relu_jacobian",
        "relu(a₁), the value, on the diagonal",
        VALUE_FOR_DERIVATIVE,
        """
def student(a_1):
    return np.diag(np.maximum(a_1, 0))
""",
    ),
    mistake(
        "A from-scratch relu_bw (code search, repository not named: np.greater(x, 0).astype(int): the derivative "
        "as a vector), asked for the "
        "Jacobian",
        "diagnose_relu_jacobian",
        "the diagonal alone, a vector",
        (("diagonal",), ("u × u",), ("np.diag",)),
        """
def student(a_1):
    return np.greater(a_1, 0).astype(int)
""",
    ),
    mistake(
        "https://datascience.stackexchange.com/questions/76545 (why don't we transpose: W where Wᵀ belongs)",
        "diagnose_output_layer_jacobian",
        "W_out itself, not transposed",
        (("transpose",), ("W_out itself",), ("rows and columns",), ("swapped",)),
        """
def student(W_out):
    return W_out
""",
    ),
    mistake(
        "https://github.com/rasbt/stat453-deep-learning-ss21/issues/5 (grad_loss_wrt_b = -torch.sum(y - probas): one "
        "sum over every entry)",
        "diagnose_grad_wrt_output_bias",
        "a sum over every axis: one number",
        (("every axis",), ("all entries",), ("one number",), ("single number",), ("axis=0",)),
        """
def student(grad_a_L):
    return np.sum(grad_a_L)
""",
    ),
    mistake(
        "https://github.com/jimfleming/differentiation/issues/1 (the biases get the whole (m, k) gradient: not summed "
        "over the examples)",
        "diagnose_grad_wrt_output_bias",
        "not summed over the examples",
        (("sum",),),
        """
def student(grad_a_L):
    return grad_a_L
""",
    ),
    mistake(
        "https://lonewolfc7.top/2026/02/12/DNN (db = (1/m) np.sum(dZ, axis=1, keepdims=True), the examples-in-columns "
        "convention, applied to rows of examples)",
        "diagnose_grad_wrt_output_bias",
        "the sum over the classes (axis=1), with a 1/m",
        (("axis=1",), ("over the classes",), ("axis 0",), ("axis=0",)),
        """
def student(grad_a_L):
    m = grad_a_L.shape[0]
    return (1 / m) * np.sum(grad_a_L, axis=1, keepdims=True)
""",
    ),
    mistake(
        "https://community.deeplearning.ai/t/trouble-understanding-b-vector-back-propagation/536725 (db = (1/m) * "
        "np.sum(dZ, ...) with a dZ that already holds the mean's 1/m)",
        "diagnose_grad_wrt_output_bias",
        "1/m again: the mean of the rows",
        EXTRA_ONE_OVER_M,
        """
def student(grad_a_L):
    m = grad_a_L.shape[0]
    return (1 / m) * np.sum(grad_a_L, axis=0, keepdims=True).T
""",
    ),
    mistake(
        "https://github.com/kvfrans/notes/issues/5 (d_b1 = mean(d_h2, axis) where the sum belongs)",
        "diagnose_grad_wrt_hidden_bias",
        "the mean of the rows: 1/m again",
        EXTRA_ONE_OVER_M,
        """
def student(grad_a_L, W_out, a_1):
    d_h = (grad_a_L @ W_out.T) * (a_1 > 0)
    return np.mean(d_h, axis=0).reshape(-1, 1)
""",
    ),
    mistake(
        "https://community.deeplearning.ai/t/trouble-understanding-b-vector-back-propagation/536725 (why not db = dZ)",
        "diagnose_grad_wrt_hidden_bias",
        "not summed over the examples",
        (("sum",),),
        """
def student(grad_a_L, W_out, a_1):
    return (grad_a_L @ W_out.T) * (a_1 > 0)
""",
    ),
    mistake(
        "https://community.deeplearning.ai/t/w3-ex-6-assertionerror-wrong-values-for-dw1/402919 (db1 and dW1 wrong "
        "because dZ1 took the wrong activation's derivative), here the ReLU's mask left out",
        "diagnose_grad_wrt_hidden_bias",
        "the ReLU's mask left out",
        (("relu",), ("mask",)),
        """
def student(grad_a_L, W_out, a_1):
    return np.sum(grad_a_L @ W_out.T, axis=0, keepdims=True).T
""",
    ),
    mistake(
        "https://github.com/janchorowski/nn_assignments/pull/21 (dLdTheta = np.dot(X, dLdA.T) / num_samples where "
        "dLdA already holds the 1/N)",
        "diagnose_grad_wrt_hidden_weights",
        "1/m again",
        EXTRA_ONE_OVER_M,
        """
def student(x, grad_a_L, W_out, a_1):
    num_samples = x.shape[0]
    return np.dot(x.T, (grad_a_L @ W_out.T) * (a_1 > 0)) / num_samples
""",
    ),
    mistake(
        "https://community.deeplearning.ai/t/course-1-week-2-exercise-5-propagate/119220 (an elementwise product "
        "and no transpose where Xᵀ(...) is a matrix product)",
        "diagnose_grad_wrt_hidden_weights",
        "x times ∇_{a₁} elementwise, not xᵀ ∇_{a₁}",
        (("matrix product",), ("xᵀ",), ("transpose",)),
        """
def student(x, grad_a_L, W_out, a_1):
    return x * ((grad_a_L @ W_out.T) * (a_1 > 0))
""",
    ),
    mistake(
        "https://example-a.com/answer/51812911 (ReLU's derivative 'left at x'), in the hidden weights' gradient",
        "diagnose_grad_wrt_hidden_weights",
        "relu(a₁), the value, for the derivative",
        VALUE_FOR_DERIVATIVE,
        """
def student(x, grad_a_L, W_out, a_1):
    return x.T @ ((grad_a_L @ W_out.T) * np.maximum(a_1, 0))
""",
    ),
    mistake(
        "https://community.deeplearning.ai/t/w3-ex-6-assertionerror-wrong-values-for-dw1/402919 ('W2 or dW2?': the "
        "wrong matrix in dZ1), here W_out without its transpose",
        "diagnose_grad_wrt_hidden_weights",
        "W_out not transposed",
        (("transpose",), ("W_outᵀ",)),
        """
def student(x, grad_a_L, W_out, a_1):
    return x.T @ ((grad_a_L @ W_out) * (a_1 > 0))
""",
    ),
)


def split(mistakes: tuple[Mistake, ...], seed: int = 26) -> tuple[tuple[Mistake, ...], tuple[Mistake, ...]]:
    """Two halves of ``mistakes``: within each exercise, a seeded shuffle, alternating between the halves."""
    rng = np.random.default_rng(seed)
    build, held_out = [], []
    for exercise in sorted({entry.exercise for entry in mistakes}):
        entries = [entry for entry in mistakes if entry.exercise == exercise]
        order = rng.permutation(len(entries))
        first = int(rng.integers(0, 2))
        for position, index in enumerate(order):
            (build if (position + first) % 2 == 0 else held_out).append(entries[index])
    return tuple(build), tuple(held_out)


_BUILD, HELD_OUT = split(COLLECTED)
BUILD = NAMED_IN_THE_ISSUE + _BUILD
