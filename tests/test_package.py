"""The package: its resources, the wheel, the entry points and the desktop integration."""

import configparser
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from argmap import __main__ as launcher
from argmap import resources
from argmap.desktop import desktop_entry, install_desktop, quote_exec

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHIPPED = [
    "argmap/resources/maps/encryption-backdoors.argmap",
    "argmap/resources/maps/example.argmap",
    "argmap/resources/icons/argmap.svg",
    "argmap/resources/desktop/argmap.desktop",
    "argmap/resources/desktop/argmap-mime.xml",
    "argmap/resources/docs/README.md",
]
SHIPPED += [f"argmap/resources/icons/argmap-{s}.png" for s in resources.ICON_SIZES]


def _need(program):
    """Return *program*'s path; skip without it on a developer's machine, fail in CI."""
    found = shutil.which(program)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{program} is missing in CI: tools/setup-system.sh installs it")
        pytest.skip(f"{program} is not installed")
    return found


# ------------------------------------------------------------- resources
def test_resources_are_found_in_the_top_level_folder():
    """In a checkout, the seeded map, both seeds and every icon are read from resources/."""
    folder = os.path.join(REPO, "resources")
    for parts in (resources.SEEDED_MAP, resources.EXAMPLE_MAP, ("icons", "argmap.svg")):
        assert resources.path(*parts).startswith(folder)
        assert os.path.isfile(resources.path(*parts))
    for size in resources.ICON_SIZES:
        assert os.path.isfile(resources.icon_path(size))
    assert len([n for n in os.listdir(resources.path("seeds")) if n.endswith(".json")]) == 2
    assert '"format": "argmap"' in resources.read_text(*resources.EXAMPLE_MAP)


def test_top_level_is_the_design_card():
    """The checkout's top level holds argmap/, resources/, tests/, setup.cfg and main.py."""
    for name in ("argmap", "resources", "tests"):
        assert os.path.isdir(os.path.join(REPO, name)), name
    for name in ("setup.cfg", "main.py"):
        assert os.path.isfile(os.path.join(REPO, name)), name
    assert not os.path.exists(os.path.join(REPO, "argmap", "resources"))


def test_setup_lists_every_package():
    """setup.cfg names every package under argmap/, and resources/ as argmap.resources."""
    config = configparser.ConfigParser()
    config.read(os.path.join(REPO, "setup.cfg"), encoding="utf-8")
    listed = set(config["options"]["packages"].split())
    found = {
        os.path.relpath(folder, REPO).replace(os.sep, ".")
        for folder, _, files in os.walk(os.path.join(REPO, "argmap"))
        if "__init__.py" in files
    }
    assert listed == found | {"argmap.resources"}
    assert config["options"]["package_dir"].split() == ["argmap.resources", "=", "resources"]


def _build_wheel(folder):
    """Build the wheel from a copy of the sources (the checkout gets no build folder)."""
    source = folder / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build")
    for name in ("argmap", "resources"):
        shutil.copytree(os.path.join(REPO, name), source / name, symlinks=True, ignore=ignore)
    for name in ("setup.cfg", "pyproject.toml", "README.md", "LICENSE", "bench/README.md"):
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(os.path.join(REPO, name), source / name)
    shutil.copytree(os.path.join(REPO, "docs"), source / "docs")
    out = folder / "wheels"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(source),
            "-w",
            str(out),
            "--no-deps",
            "-q",
            "--disable-pip-version-check",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (wheel,) = out.glob("argmap-*.whl")
    return wheel


@pytest.mark.wheel
def test_wheel_holds_the_resources_and_finds_them(tmp_path):
    """The wheel carries maps, seeds, icons and desktop files, and finds them from a zip."""
    wheel = _build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = archive.read(
            next(n for n in names if n.endswith("entry_points.txt"))
        ).decode()
    assert set(SHIPPED) <= names
    assert len([n for n in names if n.startswith("argmap/resources/seeds/")]) == 4
    assert any(n.endswith("licenses/LICENSE") or n.endswith("/LICENSE") for n in names)
    assert not any(n.startswith(("tests/", "resources/")) for n in names)
    assert "argmap = argmap.__main__:main_exit" in entry_points
    assert "argmap-editor = argmap.__main__:editor_exit" in entry_points
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "import argmap, argmap.resources as r\n"
        "assert argmap.__file__.startswith(sys.argv[1]), argmap.__file__\n"
        "from importlib.resources import files\n"
        "print(files('argmap.resources').joinpath('maps/encryption-backdoors.argmap')"
        ".read_text()[:30].split()[1])\n"
        "print(open(r.path(*r.SEEDED_MAP), encoding='utf-8').read().count('\"id\"') > 20)\n"
        "from argmap.sources.seeds import load_seed_documents\n"
        "print(len(load_seed_documents()))\n"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", code, str(wheel)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ['"format":', "True", "2"]
    assert _broken_links(names, "argmap/resources/docs/README.md", wheel) == []


def _broken_links(names, page, wheel):
    """The relative links of the Markdown *page* in *wheel* that lead to no file in it."""
    import posixpath
    import re

    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(page).decode("utf-8")
    links = re.findall(r"\]\(([^)#:\s]+)\)", text)
    assert len(links) >= 5, links
    folder = posixpath.dirname(page)
    return [link for link in links if posixpath.normpath(posixpath.join(folder, link)) not in names]


# ---------------------------------------------------------- entry points
def test_python_m_argmap_runs_the_command_line():
    """``python -m argmap --version`` and a subcommand run the CLI."""
    version = subprocess.run(
        [sys.executable, "-m", "argmap", "--version"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert version.returncode == 0 and version.stdout.strip().startswith("argmap ")
    info = subprocess.run(
        [sys.executable, "-m", "argmap", "info", resources.path(*resources.SEEDED_MAP)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert info.returncode == 0, info.stderr
    assert "main claim" in info.stdout


def test_a_file_argument_opens_the_editor(monkeypatch, tmp_path):
    """``argmap FILE`` goes to the editor, ``argmap COMMAND`` to the CLI, two files are refused."""
    opened = []
    monkeypatch.setattr("argmap.gui.app.run", lambda path=None: opened.append(path) or 0)
    assert launcher.main([str(tmp_path / "x.argmap")]) == 0
    assert launcher.main([]) == 0
    assert launcher.editor(["m.argmap"]) == 0
    assert opened == [str(tmp_path / "x.argmap"), None, "m.argmap"]
    assert launcher.main(["a.argmap", "b.argmap"]) == 2
    assert launcher.main(["validate", resources.path(*resources.EXAMPLE_MAP)]) == 0
    assert opened == [str(tmp_path / "x.argmap"), None, "m.argmap"]


def test_python_m_argmap_alone_opens_the_editor_on_the_seeded_map(monkeypatch):
    """``python -m argmap`` with no argument opens the editor; the ``argmap`` console
    script alone shows its usage."""
    import runpy

    opened = []
    monkeypatch.setattr("argmap.gui.app.run", lambda path=None: opened.append(path) or 0)
    monkeypatch.setattr(sys, "argv", ["python -m argmap"])
    monkeypatch.delitem(sys.modules, "argmap.__main__")  # run afresh, as python -m does
    with pytest.raises(SystemExit) as exited:
        runpy.run_module("argmap", run_name="__main__", alter_sys=False)
    assert exited.value.code == 0 and opened == [None]
    with pytest.raises(SystemExit) as exited:
        launcher.main_exit()
    assert exited.value.code == 2 and opened == [None]


# --------------------------------------------------------------- desktop
def test_the_desktop_entry_is_valid(tmp_path):
    """desktop-file-validate accepts the entry argmap installs, hints included."""
    validate = _need("desktop-file-validate")
    entry = tmp_path / "argmap.desktop"
    entry.write_text(desktop_entry(["/opt/my apps/argmap-editor"]))
    result = subprocess.run([validate, str(entry)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
    text = entry.read_text()
    assert 'Exec="/opt/my apps/argmap-editor" %f' in text
    assert "MimeType=application/x-argmap;" in text and "Icon=argmap" in text


def test_exec_words_are_quoted_by_the_desktop_rules():
    """Plain words stay bare; spaces and reserved characters are quoted and escaped."""
    assert quote_exec("/usr/bin/argmap-editor") == "/usr/bin/argmap-editor"
    assert quote_exec('/a b/"x"$') == '"/a b/\\"x\\"\\$"'


def test_install_desktop_writes_the_entry_mime_type_and_icons(tmp_path, monkeypatch):
    """``argmap install-desktop`` fills $XDG_DATA_HOME and the MIME database knows .argmap."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    from argmap.cli import main

    assert main(["install-desktop"]) == 0
    assert (tmp_path / "applications" / "argmap.desktop").is_file()
    assert (tmp_path / "mime" / "packages" / "argmap.xml").is_file()
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "argmap.svg").is_file()
    for size in resources.ICON_SIZES:
        assert (tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "argmap.png").is_file()
    if shutil.which("update-mime-database"):
        globs = (tmp_path / "mime" / "globs2").read_text()
        assert "application/x-argmap:*.argmap" in globs


def test_install_desktop_without_refresh_writes_files_only(tmp_path):
    """With refresh off, only the shipped files are written (no database)."""
    written = install_desktop(str(tmp_path), refresh=False)
    assert len(written) == 3 + len(resources.ICON_SIZES)
    assert not (tmp_path / "mime" / "globs2").exists()
