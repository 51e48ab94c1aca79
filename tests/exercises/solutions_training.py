"""Reference solutions to notebook 4's exercises, the stubs the notebook hands out (a body of `# Your code here`,
which returns None), and plausible wrong answers."""

import numpy as np

from helpers import softmax
from instructor.solutions import solution

# Exercise 1: ∇_h = ∇_{a_L} W_outᵀ, then ∇_{a₁} = ∇_h ⊙ 1(a₁ > 0), as the instructor notebook solves it.
backward_to_hidden = solution("04_training_loop.ipynb", "my_backward_to_hidden")


def backward_to_hidden_stub(grad_a_L, W_out, a_1):
    """A docstring, then `# Your code here`: the function returns None."""


# Exercise 2: ∇_{a_L} of the mean cross-entropy, (softmax(a_L) - E)/m, as the instructor notebook solves it.
output_gradient = solution("04_training_loop.ipynb", "my_output_gradient")


def output_gradient_stub(a_L, labels):
    """A docstring, then `# Your code here`: the function returns None."""


def _fails_on_second_call():
    calls = []

    def student(a_L, labels):
        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("second call")
        return output_gradient(a_L, labels)

    return student


WRONG_BACKWARD_LINES = {
    "no mask (∇_h)": (lambda g, W, a1: g @ W.T, "This is ∇_h"),
    "inverted mask": (lambda g, W, a1: (g @ W.T) * (a1 < 0), "inverted"),
    "times a₁": (lambda g, W, a1: (g @ W.T) * a1, "multiplies by a₁ itself"),
    "times relu(a₁)": (lambda g, W, a1: (g @ W.T) * np.maximum(a1, 0), "activation's value"),
    "mask from the gradient": (lambda g, W, a1: (g @ W.T) * (g @ W.T > 0), "gradient's sign"),
    "sign": (lambda g, W, a1: -(g @ W.T) * (a1 > 0), "wrong sign"),
    "1/m again": (lambda g, W, a1: (g @ W.T) * (a1 > 0) / g.shape[0], "already holds"),
    "W_out not transposed": (lambda g, W, a1: (g @ W) * (a1 > 0), "matrix product failed"),
    "transposed result": (lambda g, W, a1: W @ g.T * (a1 > 0).T, "transposed"),
    "wrong shape": (lambda g, W, a1: g, "a₁'s shape"),
    "mask only": (lambda g, W, a1: (a1 > 0) * 1.0, "do not match"),
    "None": (lambda g, W, a1: None, "None"),
    "a string": (lambda g, W, a1: "g @ W.T", "string"),
    "raises": (lambda g, W, a1: 1 / 0, "ZeroDivisionError"),
}

WRONG_OUTPUT_GRADIENTS = {
    "sign": (lambda a, l: -output_gradient(a, l), "sign"),
    "no 1/m": (lambda a, l: output_gradient(a, l) * len(l), "1/m of the mean loss is missing"),
    "1/m twice": (lambda a, l: output_gradient(a, l) / len(l), "twice"),
    "softmax only": (lambda a, l: softmax(a) / len(l), "Only the softmax is left: subtract"),
    "softmax only, no 1/m": (lambda a, l: softmax(a), "and the 1/m is missing"),
    "-e(ℓ) only": (lambda a, l: -np.eye(a.shape[1])[l] / len(l), "Only -e(ℓ)/m"),
    "transposed": (lambda a, l: output_gradient(a, l).T, "(k, m)"),
    "one row": (lambda a, l: output_gradient(a, l)[0], "a_L's shape"),
    "other": (lambda a, l: output_gradient(a, l) + 0.01, "gradient check fails"),
    "None": (lambda a, l: None, "None"),
    "a string": (lambda a, l: "yhat - e", "string"),
    "raises": (lambda a, l: a.nope, "AttributeError"),
    "labels not one-hot": (lambda a, l: (softmax(a) - l) / len(l), "np.eye(k)[labels]"),
    "works once only": (_fails_on_second_call(), "failed inside the network"),
}
