"""What the reader sees: figures, the numbers shown beside them, widget controls, the training figures and a
progress bar. matplotlib and ipywidgets live here and in no layer below.

May call ``helpers.training`` and ``helpers.kernels``; nothing below imports it.
"""
