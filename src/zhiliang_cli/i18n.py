"""What a person reads, in their language: English, or Chinese when ``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES`` or ``LANG`` selects it (``LANG=zh_CN.UTF-8``), looked up in that order as
gettext does.

Messages are written in English in the code, marked with :func:`_` (``N_`` marks one that is
translated later, where it is used), and translated by the gettext catalog of the ``zl`` domain:
``locale/zh_CN/LC_MESSAGES/zl.po``, which Babel extracts (``pybabel extract``, see
``babel.cfg``) and compiles to ``zl.mo`` when the package is built (``setup.py``); only the
``.po`` is committed.  Where no ``.mo`` was built (an editable install), the ``.po`` itself is
read (:func:`read_po`), so a checkout speaks Chinese too.  Click's own messages (``Usage:``,
``No such option``) go through the same catalog: the domain is made gettext's default.

Nothing is loaded when English is selected, so the query path pays for a look-up of a few
environment variables only.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path
from typing import Any

DOMAIN = "zl"
LOCALE_DIR = Path(__file__).parent / "locale"
#: Languages with a catalog, as the first part of a locale name (zh_CN.UTF-8 -> zh).
LANGUAGES = {"zh": "zh_CN"}


def language() -> str | None:
    """The catalog the environment selects (``zh_CN``), or None for English.

    >>> import os; os.environ["LANGUAGE"] = "zh_TW:en"; language()
    'zh_CN'
    >>> os.environ["LANGUAGE"] = "en_GB"; language() is None
    True
    >>> del os.environ["LANGUAGE"]
    """
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if not value:
            continue
        for name in value.split(":"):  # LANGUAGE is a list of preferences
            code = name.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in LANGUAGES:
                return LANGUAGES[code]
            if code in ("c", "posix", "en"):
                return None
        return None
    return None


def read_po(text: str) -> dict[str, str]:
    r"""The translations of a .po file's text: msgid -> msgstr, the header and empty ones left out.

    >>> read_po('msgid ""\nmsgstr "x"\n\nmsgid "Usage:"\nmsgstr "用法："\n\nmsgid "a"\n"b\\n"\nmsgstr ""\n')
    {'Usage:': '用法：'}
    """
    found: dict[str, str] = {}
    key: str | None = None
    parts: dict[str, list[str]] = {}
    for line in [*text.splitlines(), ""]:
        line = line.strip()
        if line.startswith(("msgid ", "msgstr ")):
            key, _, rest = line.partition(" ")
            parts[key] = [rest]
        elif line.startswith('"') and key is not None:
            parts[key].append(line)
        elif not line and "msgid" in parts:
            msgid, msgstr = (_unquote(parts.get(k, [])) for k in ("msgid", "msgstr"))
            if msgid and msgstr:
                found[msgid] = msgstr
            parts, key = {}, None
    return found


def _unquote(pieces: list[str]) -> str:
    """The string of a .po entry's quoted pieces, its escapes read."""
    text = "".join(piece[1:-1] for piece in pieces)
    return text.encode("latin-1", "backslashreplace").decode("unicode_escape") if "\\" in text else text


class _PoTranslations(gettext.NullTranslations):
    """A catalog read from the .po file (no .mo was built)."""

    def __init__(self, messages: dict[str, str]) -> None:
        super().__init__()
        self._messages = messages

    def gettext(self, message: str) -> str:
        return self._messages.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


def _translations() -> gettext.NullTranslations:
    code = language()
    if code is None:
        return gettext.NullTranslations()
    folder = LOCALE_DIR / code / "LC_MESSAGES"
    compiled = folder / f"{DOMAIN}.mo"
    if compiled.is_file():
        with compiled.open("rb") as stream:
            return gettext.GNUTranslations(stream)
    source = folder / f"{DOMAIN}.po"
    if source.is_file():
        return _PoTranslations(read_po(source.read_text(encoding="utf-8")))
    return gettext.NullTranslations()


_current = _translations()


def install() -> None:
    """Translate the words of Typer's help pages too (``Usage:``, ``Options``, the help option's
    line): its formatter writes them in English, so it is given the catalog's."""
    if language() is None:
        return
    from typer._click import formatting

    formatter = formatting.HelpFormatter
    write_usage, write_heading, write_dl = formatter.write_usage, formatter.write_heading, formatter.write_dl

    def usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, prefix if prefix is not None else _("Usage:") + " ")

    def heading(self: Any, heading: str) -> None:
        write_heading(self, _(heading))

    def rows(self: Any, rows: Any, *args: Any, **kwargs: Any) -> None:
        write_dl(self, [(term, _(text)) for term, text in rows], *args, **kwargs)

    formatter.write_usage, formatter.write_heading, formatter.write_dl = usage, heading, rows  # type: ignore[method-assign]


def translate_message(message: str) -> str:
    """A usage error of the argument parser (:data:`PARSER_MESSAGES`) in the user's language.

    >>> translate_message("No such option: --x") == "No such option: --x" or language() is not None
    True
    """
    if language() is None:
        return message
    import re

    for template in PARSER_MESSAGES:
        pattern = re.escape(template)
        for name in re.findall(r"\\\{(\w+)\\\}", pattern):
            pattern = pattern.replace(f"\\{{{name}\\}}", f"(?P<{name}>.*?)")
        found = re.match(pattern + "(?P<rest>.*)$", message, re.S)
        if found:
            values = found.groupdict()
            return _(template).format(**values) + values["rest"]
    return message


def _(message: str) -> str:
    """``message`` in the user's language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or the plural message, in the user's language (each is its own entry of the
    catalog: Chinese has one form)."""
    return _(singular if n == 1 else plural)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it here."""
    return message


#: The argument parser's messages (Typer's copy of Click writes them in English), for the catalog.
PARSER_MESSAGES = (
    N_("No such option: {name}"),
    N_("Missing option {name}."),
    N_("Missing argument {name}."),
    N_("Invalid value for {hint}: {message}"),
    N_("Got unexpected extra argument ({args})"),
    N_("Got unexpected extra arguments ({args})"),
    N_("Option {name} requires an argument."),
    N_("Usage:"),
    N_("Options"),
    N_("Arguments"),
    N_("Commands"),
    N_("Show this message and exit."),
)
