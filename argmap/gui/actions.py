"""One registry of a window's actions, built from the document's verbs.

Views and docks register their actions here (with the menu and section
they belong in); the main window builds its menus and toolbar from the
registry, and Help can list every shortcut from it.
"""

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

#: The window's menus, in order: (name, title).
MENUS = (
    ("file", "&File"),
    ("edit", "&Edit"),
    ("node", "&Node"),
    ("view", "&View"),
    ("debate", "&Debate"),
    ("help", "&Help"),
)
#: Actions whose keys also work in the Outline.
OUTLINE_KEYS = (
    "add_support",
    "add_counterclaim",
    "add_evidence",
    "add_rebuttal",
    "add_sibling",
    "delete",
    "delete_branch",
    "cut",
    "copy",
    "paste",
)
#: The toolbar, in order (None: a separator).
TOOLBAR = (
    "undo",
    "redo",
    None,
    "add_support",
    "add_counterclaim",
    "add_evidence",
    "add_rebuttal",
    None,
    "delete",
    None,
    "tidy",
    "fit",
)


@dataclass
class Entry:
    """A registered action and where it is shown."""

    name: str
    action: QAction
    menu: str
    section: str


class ActionRegistry(QObject):
    """The actions of one window, by name.

    Parameters
    ----------
    host : QWidget
        The window the actions belong to (their shortcuts work anywhere in it).
    """

    def __init__(self, host):
        super().__init__(host)
        self._host = host
        self._entries = {}

    def add(
        self,
        name,
        text,
        slot,
        shortcut=None,
        menu=None,
        section="",
        scope=None,
        tip=None,
        checkable=False,
    ):
        """Create, register and return an action.

        Parameters
        ----------
        name : str
            Its unique name (``registry[name]``).
        text : str
            Its menu text.
        slot : callable
            Called with no argument when triggered (with the checked state
            when *checkable*).
        shortcut : str or QKeySequence.StandardKey, optional
        menu, section : str, optional
            The menu it appears in (one of :data:`MENUS`) and its section there.
        scope : QWidget, optional
            Make the shortcut work only while focus is in this widget (keys
            such as Tab or Delete that mean something else in a text field).
        """
        if name in self._entries:
            raise ValueError(f"action {name!r} is already registered")
        action = QAction(text, self._host)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if scope is not None:
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            scope.addAction(action)
        else:
            self._host.addAction(action)
        if tip:
            action.setStatusTip(tip)
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda checked=False: slot())
        self._entries[name] = Entry(name, action, menu, section)
        return action

    def adopt(self, name, action, menu=None, section=""):
        """Register an action made elsewhere (Qt's undo and redo, a dock's toggle)."""
        if name in self._entries:
            raise ValueError(f"action {name!r} is already registered")
        action.setObjectName(name)
        self._host.addAction(action)  # its shortcut works anywhere in the window
        self._entries[name] = Entry(name, action, menu, section)
        return action

    def __getitem__(self, name):
        return self._entries[name].action

    def __contains__(self, name):
        return name in self._entries

    def names(self):
        """Every registered name, in the order of registration."""
        return list(self._entries)

    def in_menu(self, menu):
        """The entries of *menu*, in the order of registration."""
        return [e for e in self._entries.values() if e.menu == menu]

    def enable(self, names, enabled):
        for name in names:
            self[name].setEnabled(enabled)

    def shortcuts(self):
        """``[(menu text without '&', shortcut text)]`` of every action with a shortcut."""
        found = []
        for entry in self._entries.values():
            keys = entry.action.shortcut().toString(QKeySequence.NativeText)
            if keys:
                found.append((entry.action.text().replace("&", ""), keys))
        return found


#: Sections shown as a submenu of their menu: section -> submenu title.
SUBMENUS = {"kind": "Change &Kind", "relation": "Change &Relation"}


def fill_menu(menu, entries):
    """Add *entries* to the QMenu *menu*, a separator between sections; return the submenus."""
    section, submenus = None, {}
    for entry in entries:
        if section is not None and entry.section != section and entry.section not in submenus:
            menu.addSeparator()
        section = entry.section
        if entry.section in SUBMENUS:
            if entry.section not in submenus:
                submenus[entry.section] = menu.addMenu(SUBMENUS[entry.section])
            submenus[entry.section].addAction(entry.action)
        else:
            menu.addAction(entry.action)
    return submenus
