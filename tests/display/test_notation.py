"""Notebook 1 shows the whole notation table, with each symbol the four notebooks use; the others choose rows."""

import pytest

from helpers.display.notation import KEYS, NOTATION, notation_table

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
    assert all(len(row) == 5 and all(row) for row in NOTATION)
    assert len(set(KEYS)) == len(KEYS)


def test_the_loss_is_script_l_and_plain_l_is_the_output_layers_index():
    rows = {row.symbol: row.meaning for row in NOTATION}
    assert rows["$\\mathcal{L}$"].startswith("the loss")
    assert "index of the output layer" in rows["$L$"] and "never the loss" in rows["$L$"]


def test_the_table_says_where_the_lecture_uses_a_letter_differently():
    text = notation_table().data
    assert "numbered from 0" in text and "last hidden layer's output" in text and "$a_3$" in text
    assert "bold $\\mathbf{a}$" in text and "bold $\\mathbf{L}$" in text
    assert "weight decay" in text and "eigenvalue" in text


def test_chosen_rows_are_shown_in_the_tables_order_under_their_own_heading():
    text = notation_table(["loss", "k", "a_L"]).data
    shown = [row for row in text.splitlines() if row.startswith("| $")]
    assert shown == [
        line for line in notation_table().data.splitlines() if line.startswith(("| $k$", "| $a_L$", "| $\\mathcal{L}$"))
    ]
    assert text.startswith("**Notation** used in this notebook") and ".ipynb" not in text


def test_chosen_rows_bring_only_the_departures_that_concern_them():
    text = notation_table(["m", "eta"]).data
    assert "- **" not in text  # neither m nor eta is used differently anywhere
    assert "Two lambdas" in notation_table(["lambda_max"]).data
    assert "numbered from 0" in notation_table(["l"]).data and "Two lambdas" not in notation_table(["l"]).data


@pytest.mark.parametrize(("rows", "error"), [(["a_L", "W"], ValueError), ([], ValueError), ("a_L", TypeError)])
def test_a_row_key_that_is_not_in_the_table_is_refused_by_name(rows, error):
    with pytest.raises(error, match="rows"):
        notation_table(rows)
