"""The probes: what they say of an answer is true of it. Each description is tested on an answer built to have
exactly that behaviour, each property on an answer that breaks it and on right answers (which it must leave alone),
and each exception on the error numpy really raises."""

import numpy as np
import pytest

from helpers.exercises import notebook_1, notebook_2, notebook_3, notebook_4
from helpers.exercises.catalogue import close, diagnose
from helpers.exercises.probes import (
    Factor,
    Part,
    Term,
    describe_difference,
    describe_shape,
    name_constant,
)
from helpers.exercises.protocol import as_array, read_exception, shape_words, size_names

SIZES = "m = 6 examples and k = 4 classes"


def raised(function):
    try:
        function()
    except Exception as error:  # the error numpy raises is what is read
        return error
    raise AssertionError("no error")


def test_sizes_are_read_from_the_problem_and_shapes_named_by_them():
    assert size_names("m = 6, u = 5 and k = 3") == {6: "m", 5: "u", 3: "k"}
    assert size_names("m = 3 examples and u = 3 units") == {}  # two letters, one size: neither can be named
    assert shape_words((6, 4), size_names(SIZES)) == "(m, k) = (6, 4)"
    assert shape_words((6,), size_names(SIZES)) == "(m,) = (6,)"
    assert shape_words((7, 4), size_names(SIZES)) == "(7, 4)"


@pytest.mark.parametrize(
    "function, sizes, says",
    [
        (lambda: np.ones((6, 4)) / np.ones((6, 4)).sum(axis=1), SIZES, ["(m, k) = (6, 4)", "(m,) = (6,)", "keepdims"]),
        (lambda: np.eye(4) - np.ones(16), "k = 4 logits", ["16 = 4²", "outer product built flat"]),
        (lambda: np.ones((6, 4)) * np.ones((6, 5)), "m = 6, n = 4, u = 5", ["share their first size, m", "(n, m)"]),
        (lambda: np.ones((6, 3)) * np.ones((3, 5)), "m = 6, u = 5 and k = 3", ["matrix product (@ or np.dot)"]),
        (
            lambda: np.dot(np.ones((6, 5)), np.ones((6, 5))),
            "m = 6, u = 5",
            ["same shape (m, u) = (6, 5)", "* in numpy"],
        ),
        (lambda: np.ones((6, 5)) @ np.ones((6, 5)), "m = 6, u = 5", ["inner sizes, 6 (m) and 5 (u)", "transpose"]),
        (lambda: [0, 1][2], SIZES, ["IndexError", "numbered from 0"]),
    ],
    ids=[
        "keepdims",
        "flat outer",
        "transpose for a product",
        "elementwise for a product",
        "dot of equals",
        "matmul",
        "index",
    ],
)
def test_an_exception_is_read_for_the_shapes_that_clashed(function, sizes, says):
    message = read_exception(raised(function), sizes)
    for words in says:
        assert words in message, message
    assert "labels" not in message and "one-hot" not in message


def test_a_constant_is_named_by_the_problem_s_numbers_and_never_by_its_value():
    assert name_constant(-1.0, SIZES) == "-1"
    assert name_constant(1 / 6, SIZES) == "1/m (m = 6)"
    assert name_constant(0.25, SIZES) == "1/k (k = 4)"
    assert name_constant(1 / 24, SIZES) == "1/(m·k) (m = 6, k = 4)"
    assert name_constant(-2.0, SIZES) == "-2"
    assert name_constant(1 / 8, "") == "1/8"


RNG = np.random.default_rng(3)
EXPECTED = RNG.normal(size=(6, 4))
YHAT = RNG.uniform(0.1, 0.9, size=(6, 4))
LABELS = np.array([0, 1, 2, 3, 0, 1])
TRUE = np.zeros((6, 4), dtype=bool)
TRUE[np.arange(6), LABELS] = True
PARTS = (Part("entries at the true classes", TRUE), Part("entries at the other classes", ~TRUE))
FACTORS = (Factor("yhat(1 - yhat)", YHAT * (1 - YHAT)), Factor("yhat", YHAT))


@pytest.mark.parametrize(
    "answer, says",
    [
        (EXPECTED / 6, "Every entry is 1/m (m = 6) times the right value."),
        (-EXPECTED, "Every entry has the opposite sign."),
        (EXPECTED * YHAT * (1 - YHAT), "multiplied by yhat(1 - yhat)"),
        (EXPECTED / YHAT, "divided by yhat"),
        (np.where(TRUE, EXPECTED, 0.0), "Your entries at the true classes are right; your entries at the other"),
        (np.where(TRUE, EXPECTED, 2 * EXPECTED), "On entries at the other classes, each entry is 2 times"),
        (np.vstack([EXPECTED[:2], 3 * EXPECTED[2:3], EXPECTED[3:]]), "Only row 2 (counting from 0) is wrong"),
        (EXPECTED + 0.5, "Every entry is off by the same amount"),
    ],
    ids=["1/m", "sign", "ŷ(1 - ŷ)", "1/ŷ", "zero off the true class", "factor on a part", "one row", "offset"],
)
def test_each_description_holds_for_the_answer_it_describes(answer, says):
    message = describe_difference(answer, EXPECTED, PARTS, FACTORS, SIZES, 1e-9)
    assert says in message, message


def test_a_transposed_square_answer_and_a_missing_term_are_described():
    square = RNG.normal(size=(4, 4))
    assert "transposed" in describe_difference(square.T, square, (), (), "k = 4", 1e-9)
    yhat, e = YHAT[0] / YHAT[0].sum(), np.eye(4)[1]
    terms = (Term("yhat_i", yhat), Term("-e(l)", -e))
    assert "The term -e(l) of the right answer is missing" in describe_difference(
        yhat, yhat - e, (), (), "k = 4", 1e-9, terms
    )
    assert "The term yhat_i has the opposite sign" in describe_difference(
        -yhat - e, yhat - e, (), (), "k = 4", 1e-9, terms
    )
    same = np.full(4, yhat[1]) - e
    assert "the same number in every entry" in describe_difference(same, yhat - e, (), (), "k = 4", 1e-9, terms)


def test_an_answer_of_another_shape_is_described_by_what_it_holds():
    column = EXPECTED.sum(axis=0).reshape(-1, 1)
    names = "m = 6, k = 4"
    assert "Summed over axis 0 (over the m examples)" in describe_shape(EXPECTED, column, names, 1e-9)
    assert "The numbers are right, but the shape is (k,)" in describe_shape(column.ravel(), column, names, 1e-9)
    assert "the sum of every entry" in describe_shape(np.array(EXPECTED.sum()), EXPECTED, names, 1e-9)
    assert "one entry per example" in describe_shape(EXPECTED.sum(axis=1), column, names, 1e-9)
    assert "transposed" in describe_shape(EXPECTED.T, EXPECTED, names, 1e-9)
    assert "right diagonal" in describe_shape(np.arange(1.0, 5.0), np.diag(np.arange(1.0, 5.0)), "k = 4", 1e-9)


WITH_PROPERTIES = {
    "notebook 1, ∂ℒ/∂ŷ": notebook_1.GRAD_WRT_YHAT,
    "notebook 1, batch ∂ℒ/∂Ŷ": notebook_1.BATCH_GRAD_WRT_YHAT,
    "notebook 2, ∂ℒ/∂a_L": notebook_2.GRAD_WRT_LOGITS,
    "notebook 2, softmax Jacobian": notebook_2.SOFTMAX_JACOBIAN,
    "notebook 2, soft-label ∂ℒ/∂a_L": notebook_2.SOFT_LABEL_GRAD_WRT_LOGITS,
    "notebook 2, ∂ℒ/∂a_L at temperature T": notebook_2.GRAD_WRT_LOGITS_AT_TEMPERATURE,
    "notebook 3, MSE weight gradient": notebook_3.WEIGHT_GRADIENT,
    "notebook 3, MSE bias gradient": notebook_3.GRAD_WRT_BIAS,
    "notebook 3, multi-output weight gradient": notebook_3.MULTI_OUTPUT_GRADIENT,
    "notebook 4, backward to the hidden layer": notebook_4.BACKWARD_TO_HIDDEN,
    "notebook 4, batch output gradient": notebook_4.OUTPUT_GRADIENT,
    "notebook 4, output bias gradient": notebook_4.GRAD_WRT_OUTPUT_BIAS,
    "notebook 4, hidden bias gradient": notebook_4.GRAD_WRT_HIDDEN_BIAS,
    "notebook 4, hidden weights gradient": notebook_4.GRAD_WRT_HIDDEN_WEIGHTS,
}


@pytest.mark.parametrize("name", sorted(WITH_PROPERTIES))
def test_no_property_is_called_broken_for_the_right_answer(name):
    exercise = WITH_PROPERTIES[name]
    assert exercise.properties
    for problem in exercise.problems:
        answer = exercise.expected(*problem.arguments)
        for prop in exercise.properties:
            assert prop.broken(exercise.expected, problem.arguments, answer, exercise.expected) is None, prop.name


def softmax_rows(a):
    exp = np.exp(a - a.max(axis=-1, keepdims=True))
    return exp / exp.sum(axis=-1, keepdims=True)


def property_says(exercise, student, name):
    problem = exercise.problems[0]
    answer = np.asarray(student(*problem.arguments), dtype=float)
    (prop,) = [prop for prop in exercise.properties if prop.name == name]
    return prop.broken(student, problem.arguments, answer, exercise.expected)


@pytest.mark.parametrize(
    "exercise, student, name, says",
    [
        (
            notebook_4.OUTPUT_GRADIENT,
            lambda a, labels: (np.exp(a) / np.exp(a).sum(axis=0) - np.eye(a.shape[1])[labels]) / len(a),
            "independence of the examples",
            "Changing example 0 alone changes your other rows",
        ),
        (
            notebook_4.OUTPUT_GRADIENT,
            lambda a, labels: (a - np.eye(a.shape[1])[labels]) / len(a),
            "invariance to a shift of the logits",
            "Adding the same number to every logit",
        ),
        (
            notebook_4.OUTPUT_GRADIENT,
            lambda a, labels: softmax_rows(a) - np.eye(a.shape[1])[labels],
            "scaling with m",
            "your answer is multiplied by 1, the right one by 1/2",
        ),
        (
            notebook_4.OUTPUT_GRADIENT,
            lambda a, labels: softmax_rows(a) / len(a),
            "dependence on the true class",
            "does not change when the true class changes",
        ),
        (
            notebook_4.OUTPUT_GRADIENT,
            lambda a, labels: softmax_rows(a) / len(a),
            "rows that sum to 0",
            "Your rows do not sum to 0",
        ),
        (
            notebook_2.SOFTMAX_JACOBIAN,
            lambda a: np.diag(softmax_rows(a)) - np.outer(softmax_rows(a), 1 - softmax_rows(a)),
            "symmetry",
            "not symmetric",
        ),
        (
            notebook_4.BACKWARD_TO_HIDDEN,
            lambda g, W, a_1: (g @ W.T) * ((g @ W.T) > 0),
            "linearity in the upstream gradient",
            "Negating grad_a_L does not negate your answer",
        ),
        (
            notebook_3.WEIGHT_GRADIENT,
            lambda a, y, yhat: 2 / len(a) * a.T @ yhat,
            "0 at a perfect fit",
            "your answer is not 0",
        ),
        (
            notebook_3.GRAD_WRT_BIAS,
            lambda a, y, W_out, b: np.sum((a @ W_out + b - y) ** 2, keepdims=True),
            "sign of the errors",
            "the right gradient changes sign; yours does not",
        ),
        (
            notebook_3.MULTI_OUTPUT_GRADIENT,
            lambda a, Y, W_out, b: 2 / len(a) * a.T @ (a @ W_out + b.T - Y) + 1.0,
            "0 at a perfect fit",
            "your answer is not 0",
        ),
    ],
    ids=[
        "examples mixed",
        "shift",
        "no 1/m",
        "no label",
        "row sums",
        "symmetry",
        "linearity",
        "perfect fit",
        "errors' sign",
        "no step at a perfect fit",
    ],
)
def test_each_property_is_called_broken_by_an_answer_that_breaks_it(exercise, student, name, says):
    message = property_says(exercise, student, name)
    assert message is not None and says in message, message


def test_a_warning_is_read_as_np_exp_of_logits_only_where_the_inputs_are_logits():
    from helpers.exercises import diagnose_grad_wrt_yhat, diagnose_mse_grad_wrt_weights, diagnose_softmax_jacobian

    for message in (
        diagnose_grad_wrt_yhat(lambda yhat, l: np.log(yhat - 1.0)),
        diagnose_mse_grad_wrt_weights(lambda a, y, yhat: np.exp(1000 * a).T @ (yhat - y)),
    ):
        assert message.startswith("numpy warned") and "logit" not in message, message

    def unstable(a):
        yhat = np.exp(a) / np.exp(a).sum()
        return np.diag(yhat) - np.outer(yhat, yhat)

    message = diagnose_softmax_jacobian(unstable)
    assert "overflow" in message and "Subtract the largest logit" in message, message


def test_a_constant_answer_is_called_one_and_a_column_gets_no_per_row_offset():
    assert "Every entry of yours is the same number" in describe_difference(
        np.full(4, 0.3), np.array([0.1, -0.2, 0.4, -0.3]), (), (), "k = 4", 1e-9
    )
    column = np.array([[1.0], [2.0], [-1.0]])
    message = describe_difference(column + np.array([[0.1], [0.5], [0.2]]), column, (), (), "u = 3", 1e-9)
    assert message is None or "In each row" not in message, message


ALL_FUNCTION_EXERCISES = {
    **WITH_PROPERTIES,
    "notebook 1, soft-label ∂ℒ/∂ŷ": notebook_1.SOFT_LABEL_GRAD_WRT_YHAT,
    "notebook 4, ReLU Jacobian": notebook_4.RELU_JACOBIAN,
    "notebook 4, output layer Jacobian": notebook_4.OUTPUT_LAYER_JACOBIAN,
}
TRANSFORMS = {
    "doubled": lambda right: 2 * right,
    "shifted": lambda right: right + 0.1,
    "noisy": lambda right: right + np.random.default_rng(5).normal(size=np.shape(right)),
    "flat": lambda right: np.ravel(right),
    "transposed": lambda right: np.transpose(right),
    "zeros": lambda right: np.zeros_like(right),
    "rows reversed": lambda right: right[::-1] if np.ndim(right) else right,
    "one number": lambda right: np.sum(right) + 1.0,
}


@pytest.mark.parametrize("transform", sorted(TRANSFORMS))
@pytest.mark.parametrize("name", sorted(ALL_FUNCTION_EXERCISES))
def test_any_wrong_answer_gets_a_hint_and_the_probes_never_fail(name, transform):
    exercise = ALL_FUNCTION_EXERCISES[name]
    if exercise in (notebook_1.PARTIAL_WRT_YHAT, notebook_2.PARTIAL_WRT_LOGITS):
        pytest.skip("asked one entry at a time")

    def student(*arguments):
        return TRANSFORMS[transform](np.asarray(exercise.expected(*arguments), dtype=float))

    right_everywhere = all(
        close(as_array(exercise.answer(student, problem), (), "answer"), exercise.expected(*problem.arguments), 1e-7)
        for problem in exercise.problems
    )
    message = diagnose(exercise, student)
    assert (message is None) == right_everywhere, message
