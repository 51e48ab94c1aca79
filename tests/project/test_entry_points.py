"""Each layer's package gives its public names, so that a notebook's import cell is a few short lines."""

import importlib
import subprocess
import sys

import pytest

import helpers
import helpers.kernels

LAYERS = ("helpers.kernels", "helpers.derivation", "helpers.training", "helpers.display", "helpers.exercises")


@pytest.mark.parametrize("name", LAYERS)
def test_every_name_a_layer_lists_is_importable_from_it_once(name):
    layer = importlib.import_module(name)
    assert len(layer.__all__) == len(set(layer.__all__)), f"{name}.__all__ lists a name twice"
    missing = [public for public in layer.__all__ if not hasattr(layer, public)]
    assert not missing, f"{name}.__all__ lists names it does not define: {missing}"


def test_the_package_itself_gives_the_kernels():
    assert helpers.__all__ == helpers.kernels.__all__
    assert all(getattr(helpers, name) is getattr(helpers.kernels, name) for name in helpers.__all__)


def test_importing_the_layers_a_notebook_uses_first_does_not_import_scikit_learn():
    # scikit-learn takes two seconds to import; only the data sets and MLPClassifier need it, when first called.
    code = "import sys, helpers.exercises, helpers.display; print('sklearn' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"
