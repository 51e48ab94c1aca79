"""The quotient-rule derivation of notebook 2, step by step, on numbers and on SymPy symbols.

The only layer that imports SymPy. Builds on ``helpers.kernels``.
"""
