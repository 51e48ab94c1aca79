"""The SymPy check of a reader's step counts the pairs (ℓ, i) where it differs from the true derivative."""

import pytest

from helpers.derivation.student_steps import wrong_pairs_wrt_logits, wrong_pairs_wrt_yhat


def test_the_lectures_steps_pass_and_a_wrong_one_is_counted():
    assert wrong_pairs_wrt_yhat(lambda yhat, l, i: -(1.0 if i == l else 0.0) / yhat[l]) == 0
    assert wrong_pairs_wrt_yhat(lambda yhat, l, i: -1 / yhat[i]) == 6  # right only where i = ℓ
    assert wrong_pairs_wrt_logits(lambda yhat, l, i: yhat[i] - (1.0 if i == l else 0.0)) == 0
    assert wrong_pairs_wrt_logits(lambda yhat, l, i: yhat[i]) == 3  # wrong only where i = ℓ


def test_a_step_that_cannot_take_symbols_raises():
    with pytest.raises(TypeError):
        wrong_pairs_wrt_logits(lambda yhat, l, i: yhat[i] - (i == l))
