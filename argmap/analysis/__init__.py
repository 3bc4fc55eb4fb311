"""Evaluation of argument maps: acceptance labels, weak spots and the debate brief."""
