"""The roadmap figure: the slides' seven factors, the chosen ones highlighted."""

import pytest

from helpers.display.roadmap import FACTORS, HIGHLIGHT, PLAIN, chain_roadmap


def box_colours(figure):
    return [patch.get_facecolor() for patch in figure.axes[0].patches]


def test_the_chain_has_the_slides_seven_factors_and_highlights_only_those_asked_for():
    from matplotlib.colors import to_rgba

    figure = chain_roadmap([0, 1])
    assert len(FACTORS) == 7
    assert box_colours(figure) == [to_rgba(HIGHLIGHT)] * 2 + [to_rgba(PLAIN)] * 5
    texts = [text.get_text() for text in figure.axes[0].texts]
    assert all(factor in texts for factor in FACTORS)


def test_a_branch_adds_one_highlighted_box_below_the_chain():
    figure = chain_roadmap([0, 1], branch=r"$\dfrac{\partial a_3}{\partial W_{out}}$")
    assert len(figure.axes[0].patches) == 8


def test_a_position_outside_the_chain_is_refused_by_name():
    with pytest.raises(ValueError, match="highlight must hold factor positions 0..6; got \\[7\\]"):
        chain_roadmap([7])
