"""One way to read a whole number from a query string or form value: ASCII digits only and a
sane length, so "⁰⁴⁵" (str.isdigit says yes, int() says no) or forty digits (too big for any
database column) is simply "not a number" instead of a server error."""

import re

_DIGITS = re.compile(r"[0-9]{1,9}")


def positive_int(value, default: int | None = None) -> int | None:
    """The value as an int when it is 1 to 9 ASCII digits, else `default`."""
    text = value.strip() if isinstance(value, str) else ""
    return int(text) if _DIGITS.fullmatch(text) else default
