"""Text from a file, shown as plain text in widgets that would read it as rich text.

Qt guesses whether a tooltip or a message is rich text; rich text can name
images (``<img src=...>``) that Qt then opens from the disk. Every text that
comes from a map goes through :func:`tooltip` (for tooltips) or into widgets
set to ``Qt.PlainText``.
"""

import html


def tooltip(text):
    """Return *text* as a tooltip that Qt shows literally, whatever markup it holds.

    The text is escaped and marked as rich text itself, so Qt neither guesses
    nor interprets anything in it.

    Example
    -------
    >>> tooltip('<img src="/etc/passwd">')
    '<qt>&lt;img src=&quot;/etc/passwd&quot;&gt;</qt>'
    """
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def message_box(parent, icon, title, text, name, buttons=None):
    """A message box named *name* that shows *text* as plain text, whatever it quotes."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        icon, title, text, buttons if buttons is not None else QMessageBox.NoButton, parent
    )
    box.setObjectName(name)
    box.setTextFormat(Qt.PlainText)
    return box


def choice_box(choices):
    """A combo box of ``(value, shown text)`` *choices*; ``currentData()`` gives the value."""
    from PySide6.QtWidgets import QComboBox

    combo = QComboBox()
    for value, shown in choices:
        combo.addItem(shown, value)
    return combo
