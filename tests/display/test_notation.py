"""Every notebook shows the same notation table, with each symbol the four notebooks use."""

from helpers.display.notation import NOTATION, notation_table

SYMBOLS = (
    "$m$",
    "$u$",
    "$k$",
    "$x$",
    "$W_{hidden}$, $b_{hidden}$",
    "$a_1$",
    "$h$",
    "$W_{out}$, $b$",
    "$a_L$",
    "$\\hat{y}$",
    "$y$",
    "$\\ell$",
    "$e(\\ell)$",
    "$\\hat{Y}$, $E$",
    "$L$",
    "$\\mathcal{L}$",
    "$\\eta$",
    "$\\lambda_{max}$",
    "$\\lambda$",
)


def test_the_table_lists_each_symbol_with_its_shape_and_code_name():
    text = notation_table().data
    for symbol in SYMBOLS:
        assert f"| {symbol} |" in text
    assert text.count("\n|") == 2 + len(SYMBOLS)  # header, rule, one row per symbol
    assert all(len(row) == 4 and all(row) for row in NOTATION)


def test_the_loss_is_script_l_and_plain_l_is_the_output_layers_index():
    rows = {symbol: meaning for symbol, meaning, _, _ in NOTATION}
    assert rows["$\\mathcal{L}$"].startswith("the loss")
    assert "index of the output layer" in rows["$L$"] and "never the loss" in rows["$L$"]


def test_the_table_says_where_the_lecture_uses_a_letter_differently():
    text = notation_table().data
    assert "numbered from 0" in text and "last hidden layer's output" in text and "$a_3$" in text
    assert "bold $\\mathbf{a}$" in text and "bold $\\mathbf{L}$" in text
    assert "weight decay" in text and "eigenvalue" in text
