"""Every notebook shows the same notation table, with each symbol the lecture uses for the output layer."""

from helpers.display.notation import notation_table


def test_the_table_lists_each_symbol_with_its_shape_and_code_name():
    text = notation_table().data
    for symbol in ("$a_L$", "$\\hat{y}$", "$\\ell$", "$e(\\ell)$", "$k$", "$m$", "$L$", "$\\mathcal{L}$"):
        assert f"| {symbol} |" in text
    assert text.count("\n|") == 2 + 8  # header, rule, one row per symbol


def test_the_table_says_where_the_lecture_uses_a_letter_differently():
    text = notation_table().data
    assert "numbered from 0" in text and "last hidden layer's output" in text and "$a_3$" in text
