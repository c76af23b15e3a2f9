"""The text a reader sees on a rendered page: markup parsed away, character references turned
back into characters, scripts and styles left out. If a resident's text had been inserted as
markup, it would not be found here whole."""

from html.parser import HTMLParser


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def page_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def same_text(stored: str, shown: str) -> bool:
    """Whether the stored text appears in what is shown, whitespace runs counted as one."""
    return " ".join(stored.split()) in " ".join(shown.split())
