"""Training on real data with the kernels' gradients: data splits, the MSE output layer by gradient descent,
the one-hidden-layer network, minibatch SGD and notebook 4's settings.

numpy and scikit-learn (and threadpoolctl, to run the loops on one BLAS thread): no matplotlib, no ipywidgets.
Builds on ``helpers.kernels``.
"""
