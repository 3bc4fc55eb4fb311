"""What argmap makes from a map for people: exported pictures and page-sized handouts,
and the debate brief with its Markdown, HTML and DOCX writers.

These combine the layers below them: the drawing stages of :mod:`argmap.render`, the
evaluation of :mod:`argmap.analysis` and the files of :mod:`argmap.fileio`.
"""
