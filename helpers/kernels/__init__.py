"""The lowest layer: numpy only. Every formula of the lecture's output layer, checked inputs, stable numerics.

``helpers.derivation`` and ``helpers.training`` build on these; nothing here
imports them, matplotlib, ipywidgets, SymPy or scikit-learn (``make test``
checks it with import-linter).
"""
