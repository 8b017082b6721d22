"""The command line's error line: one line on stderr, with what the user typed cut to a readable length."""

from __future__ import annotations

import re
import sys
from pathlib import Path

QUOTE_LIMIT = 200  # characters of one quoted argument a message repeats
LINE_LIMIT = 1000  # characters of a whole message (a long path or a list of choices fits)
# A quoted run ('…', "…" or “…”) longer than QUOTE_LIMIT: an argument echoed back whole.
_BREAKS = re.compile(r"[ \t\r\n\f\v\x1c-\x1f\x85\u2028\u2029]+")
_LONG_QUOTE = re.compile(rf"""(['"“])([^'"”]{{{QUOTE_LIMIT}}})[^'"”]+(['"”])""")


def one_line(message: str) -> str:
    """``message`` on one line, each long quoted argument and the whole cut with an ellipsis."""
    # Line breaks and runs of spaces become one space; a no-break space stays (French typography).
    text = _BREAKS.sub(" ", str(message)).strip()
    text = _LONG_QUOTE.sub(lambda m: f"{m[1]}{m[2]}…{m[3]}", text)
    return text if len(text) <= LINE_LIMIT else text[:LINE_LIMIT] + "…"


def say(message: str) -> None:
    """Print an error for the user: ``htdesk: message``, one line."""
    print(f"htdesk: {one_line(message)}", file=sys.stderr)


# Arguments searched rather than opened or stored: a NUL there is one more character the search
# passes over ("any text gives hits or none, never an error"), not a reason to refuse the command.
FREE_TEXT = frozenset({"query"})


def nul_argument(values: dict[str, object]) -> str | None:
    """The name of the first path argument holding a NUL character (no file name can), or None.

    Paths only: a search query is any text, and searching for one is answered, not refused.
    """
    for name, value in values.items():
        if name in FREE_TEXT:
            continue
        items = value if isinstance(value, list | tuple) else [value]
        if any(isinstance(v, Path) and "\x00" in str(v) for v in items):
            return name
    return None
