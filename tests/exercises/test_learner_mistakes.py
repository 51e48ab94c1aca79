"""Learners' posted mistakes, as the checkers see them: each of the half the probes were built on gets a hint that
names its bug; the two the issue names get hints about what they did; and the right answers that were once refused
pass."""

import numpy as np
import pytest

from helpers import exercises
from tests.exercises.learner_mistakes import BUILD, HELD_OUT, Mistake


def student_of(mistake: Mistake):
    namespace = {"np": np}
    exec(mistake.code, namespace)
    return namespace["student"]


def names_the_bug(mistake: Mistake, hint: str | None) -> bool:
    return hint is not None and any(all(words.lower() in hint.lower() for words in alt) for alt in mistake.names)


@pytest.mark.parametrize("mistake", BUILD, ids=[f"{m.exercise[9:]}: {m.bug}" for m in BUILD])
def test_each_mistake_of_the_build_half_gets_a_hint_that_names_it(mistake):
    hint = getattr(exercises, mistake.exercise)(student_of(mistake))
    assert names_the_bug(mistake, hint), hint


def test_the_softmax_sum_without_keepdims_is_told_what_its_shapes_did():
    def no_keepdims(a_L, labels):
        return (np.exp(a_L) / np.sum(np.exp(a_L), axis=1) - np.eye(a_L.shape[1])[labels]) / len(a_L)

    hint = exercises.diagnose_batch_grad_wrt_logits(no_keepdims)
    assert "(m, k) = (6, 4)" in hint and "(m,) = (6,)" in hint and "keepdims=True" in hint, hint
    assert "labels" not in hint and "one-hot" not in hint


def test_the_softmax_derivative_applied_twice_is_told_the_factor_it_added():
    def twice(a_L, labels):
        exp = np.exp(a_L - a_L.max(axis=1, keepdims=True))
        yhat = exp / exp.sum(axis=1, keepdims=True)
        return (yhat - np.eye(a_L.shape[1])[labels]) / len(a_L) * yhat * (1 - yhat)

    hint = exercises.diagnose_batch_grad_wrt_logits(twice)
    assert "multiplied by yhat(1 - yhat)" in hint, hint
    assert hint.index("multiplied by yhat(1 - yhat)") < hint.index("rows do not sum to 0")  # what it does, first
    assert "normalis" not in hint and "one-hot" not in hint  # the softmax and the one-hot are right: no advice on them


def test_the_jacobian_by_central_differences_passes_and_nothing_calls_a_size_fixed_that_is_not():
    def by_central_differences(a):
        exp = lambda v: np.exp(v - v.max()) / np.exp(v - v.max()).sum()  # noqa: E731 - as a student writes it
        J = np.zeros((len(a), len(a)))
        for j in range(len(a)):
            step = np.zeros(len(a))
            step[j] = 1e-5
            J[:, j] = (exp(a + step) - exp(a - step)) / 2e-5
        return J

    assert exercises.diagnose_softmax_jacobian(by_central_differences) is None

    def wrong_for_large_logits_only(a):
        yhat = np.exp(a - a.max()) / np.exp(a - a.max()).sum()
        J = np.diag(yhat) - np.outer(yhat, yhat)
        return J if np.max(np.abs(a)) < 100 else 2 * J

    hint = exercises.diagnose_softmax_jacobian(wrong_for_large_logits_only)
    assert "right for" not in hint and "fixed" not in hint, hint
    assert "Every entry is 2 times the right value" in hint, hint


def test_a_bool_indicator_passes():
    assert exercises.diagnose_partial_wrt_logits(lambda yhat, l, i: yhat[i] - (i == l)) is None
    assert exercises.diagnose_partial_wrt_yhat(lambda yhat, l, i: -(i == l) / yhat[l]) is None


@pytest.mark.parametrize("mistake", BUILD + HELD_OUT, ids=[f"{m.exercise[9:]}: {m.bug}" for m in BUILD + HELD_OUT])
def test_no_collected_wrong_answer_passes(mistake):
    assert getattr(exercises, mistake.exercise)(student_of(mistake)) is not None
