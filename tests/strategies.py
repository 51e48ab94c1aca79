"""Hypothesis strategies for the kernel tests: logits and true classes."""

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp


def logits(k_min: int = 2, k_max: int = 12, bound: float = 1e4, dtype=np.float64):
    """1-D logit vectors of k_min..k_max entries, each anywhere in ±bound."""
    return hnp.arrays(
        dtype,
        st.integers(k_min, k_max),
        elements=st.floats(-bound, bound, allow_nan=False, width=np.dtype(dtype).itemsize * 8),
    )


@st.composite
def logits_and_class(draw, bound: float = 1e4, dtype=np.float64):
    """A logit vector and a true class l in 0..k-1."""
    a = draw(logits(bound=bound, dtype=dtype))
    return a, draw(st.integers(0, a.shape[0] - 1))
