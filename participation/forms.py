"""Form helpers every app's resident-facing forms share."""

from participation.text import remove_unsafe


def _safe(value):
    return remove_unsafe(value) if isinstance(value, str) else value


class SafeTextFormMixin:
    """Apply the plain-text rule's removals to every submitted value before any field sees
    it: a NUL or a bidi override never meets Django's own (English-only) "Null characters are
    not allowed" error, whatever the page's language. `sent` keeps what was posted, so a
    service can still tell moderators that something was removed."""

    def __init__(self, data=None, *args, **kwargs):
        self.sent = data
        if data is not None:
            if hasattr(data, "getlist"):
                cleaned = data.copy()
                for key in cleaned:
                    cleaned.setlist(key, [_safe(value) for value in data.getlist(key)])
                data = cleaned
            else:
                data = {key: _safe(value) for key, value in data.items()}
        super().__init__(data, *args, **kwargs)

    def sent_value(self, name: str, default: str = "") -> str:
        """The value as posted, before the removals."""
        if self.sent is None:
            return default
        value = self.sent.get(name, default)
        return value if isinstance(value, str) else default
