"""The examples in argmap's docstrings run and print what they show, in every module."""

import doctest
import importlib
import pkgutil

import pytest

import argmap


def module_names(package=argmap) -> list[str]:
    """The names of *package*'s modules and subpackages, at every depth, found on disk.

    A module that moves from one package to another is still found.
    """
    names = []
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        names.append(info.name)
        if info.ispkg:
            names += module_names(importlib.import_module(info.name))
    return sorted(names)


MODULES = module_names()


def test_every_package_is_walked():
    """The walk reaches the modules of every package, including nested ones."""
    for name in ("argmap.model.edits", "argmap.formats.native", "argmap.analysis.acceptance"):
        assert name in MODULES
    for name in ("argmap.render.text", "argmap.sources.draft", "argmap.gui.plain", "argmap.cli"):
        assert name in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name, tmp_path, monkeypatch):
    """Every example of the module gives the output written under it.

    The examples run in a temporary folder, so one that writes a file leaves the checkout
    alone.
    """
    monkeypatch.chdir(tmp_path)
    module = importlib.import_module(name)
    runner = doctest.DocTestRunner()
    report = []
    for test in doctest.DocTestFinder().find(module, name):
        runner.run(test, out=report.append)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, "".join(report)
