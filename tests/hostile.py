"""What the hostile-input tests share: the documented removals of the plain-text rule written
out again here, on their own (so a test compares stored text with what the documentation
promises, not with the code under test), and a scan for anything a browser would run."""

from html.parser import HTMLParser


def removed(ch: str) -> bool:
    """The characters docs/data-protection.md says are removed from what residents send."""
    cp = ord(ch)
    return (
        (cp < 0x20 and ch not in "\t\n\r")
        or 0x80 <= cp <= 0x9F
        or 0xD800 <= cp <= 0xDFFF
        or 0xFDD0 <= cp <= 0xFDEF
        or (cp & 0xFFFE) == 0xFFFE
        or 0x202A <= cp <= 0x202E
        or 0x2066 <= cp <= 0x2069
    )


def expected(sent: str) -> str:
    """What must be stored of `sent`: line endings made "\\n", the removals, trimmed."""
    text = sent.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if not removed(ch)).strip()


def expected_line(sent: str) -> str:
    """A single-line field: the same, with every run of whitespace folded into one space."""
    return " ".join(expected(sent).split())


class Scan(HTMLParser):
    """Collects anything a browser would run: script elements with resident content,
    event-handler attributes, javascript: URLs, and elements carrying the marker."""

    def __init__(self, marker: str):
        super().__init__(convert_charrefs=True)
        self.marker = marker
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._in_script = True
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and self.marker in value:
                self.problems.append(f"{tag} {name}={value}")
            if name in ("href", "src") and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"{tag} {name}={value}")
        if any(self.marker in (v or "") or "evil.example" in (v or "") for _n, v in attrs):
            self.problems.append(f"{tag} with resident-supplied attributes")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and self.marker in data:
            self.problems.append(f"script: {data[:60]}")


def runnable_parts(html: str, marker: str) -> list[str]:
    scan = Scan(marker)
    scan.feed(html)
    return scan.problems
