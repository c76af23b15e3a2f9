"""Server-rendered SVG charts: no JavaScript, printable, and each drawn next to a table with
the same numbers. Every chart is an img with a title; colours are told apart by pattern and
position too, and all text is escaped."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH = 640
LABEL_WIDTH = 220
ROW = 26
BAR = 16
STANCE_COLOURS = {
    "agree": "#1b7837",
    "disagree": "#b2182b",
    "unsure": "#e0a100",
    "none": "#8c8c8c",
}
SERIES_COLOURS = ("#1f4e99", "#b2182b", "#1b7837", "#7b3294", "#a6611a", "#404040")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4")


def _svg(height: int, title: str, chart_id: str, body: list[str]) -> str:
    return mark_safe(  # noqa: S308 - every text part below is escaped
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'role="img" aria-labelledby="{escape(chart_id)}-title" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>' + "".join(body) + "</svg>"
    )


def _label(text: str, limit: int = 32) -> str:
    text = str(text)
    return escape(text if len(text) <= limit else text[: limit - 1] + "…")


def bar_chart(*, rows: list[tuple[str, float, str]], title: str, chart_id: str) -> str:
    """Horizontal bars: (label, value, value text) per row."""
    top = max((value for _label_text, value, _text in rows), default=0) or 1
    span = WIDTH - LABEL_WIDTH - 70
    body = []
    for index, (label, value, text) in enumerate(rows):
        y = 6 + index * ROW
        length = round(span * value / top, 1)
        body.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR - 3}" text-anchor="end" '
            f'font-size="12" fill="#1a1a1a">{_label(label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR}" fill="#1f4e99"/>'
            f'<text x="{LABEL_WIDTH + length + 4}" y="{y + BAR - 3}" font-size="12" '
            f'fill="#1a1a1a">{escape(text)}</text>'
        )
    return _svg(12 + len(rows) * ROW, title, chart_id, body)


def stance_chart(
    *, rows: list[tuple[str, dict]], labels: dict[str, str], title: str, chart_id: str
) -> str:
    """One bar per row split by stance (agree, disagree, unsure, none), as shares of the row."""
    span = WIDTH - LABEL_WIDTH - 10
    body = []
    legend_y = 14
    x = LABEL_WIDTH
    for stance, colour in STANCE_COLOURS.items():
        body.append(
            f'<rect x="{x}" y="{legend_y - 10}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 16}" y="{legend_y}" font-size="12" fill="#1a1a1a">'
            f"{escape(labels[stance])}</text>"
        )
        x += 100
    for index, (label, counts) in enumerate(rows):
        y = 26 + index * ROW
        total = sum(counts.get(s, 0) for s in STANCE_COLOURS) or 1
        body.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR - 3}" text-anchor="end" font-size="12" '
            f'fill="#1a1a1a">{_label(label)}</text>'
        )
        offset = LABEL_WIDTH
        for stance, colour in STANCE_COLOURS.items():
            length = round(span * counts.get(stance, 0) / total, 1)
            if length:
                body.append(
                    f'<rect x="{offset}" y="{y}" width="{length}" height="{BAR}" '
                    f'fill="{colour}" stroke="#ffffff" stroke-width="1"/>'
                )
            offset += length
    return _svg(32 + len(rows) * ROW, title, chart_id, body)


def heat_chart(
    *, rows: list[str], columns: list[str], values: dict, title: str, chart_id: str
) -> str:
    """A grid of counts shaded by size, the count written in each cell."""
    cell_w = (WIDTH - LABEL_WIDTH) / max(len(columns), 1)
    top = max((values.get((r, c), 0) for r in rows for c in columns), default=0) or 1
    body = []
    for j, column in enumerate(columns):
        body.append(
            f'<text x="{LABEL_WIDTH + j * cell_w + cell_w / 2:.1f}" y="16" text-anchor="middle" '
            f'font-size="12" fill="#1a1a1a">{_label(column, 14)}</text>'
        )
    for i, row in enumerate(rows):
        y = 24 + i * ROW
        body.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 17}" text-anchor="end" font-size="12" '
            f'fill="#1a1a1a">{_label(row)}</text>'
        )
        for j, column in enumerate(columns):
            value = values.get((row, column), 0)
            shade = round(235 - 175 * value / top)
            text_fill = "#ffffff" if shade < 150 else "#1a1a1a"
            x = LABEL_WIDTH + j * cell_w
            body.append(
                f'<rect x="{x:.1f}" y="{y}" width="{cell_w - 2:.1f}" height="{ROW - 2}" '
                f'fill="rgb({shade},{shade},{min(255, shade + 20)})"/>'
                f'<text x="{x + cell_w / 2:.1f}" y="{y + 17}" text-anchor="middle" '
                f'font-size="12" fill="{text_fill}">{value}</text>'
            )
    return _svg(30 + len(rows) * ROW, title, chart_id, body)


def line_chart(
    *, labels: list[str], series: list[tuple[str, list[int]]], title: str, chart_id: str
) -> str:
    """Counts per period; each series has its own colour and dash pattern and a legend."""
    left, right, top_pad, plot_h = 50, 20, 20, 180
    plot_w = WIDTH - left - right
    top = max((v for _name, values in series for v in values), default=0) or 1
    step = plot_w / max(len(labels) - 1, 1)
    body = [
        f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{WIDTH - right}" '
        f'y2="{top_pad + plot_h}" stroke="#1a1a1a"/>',
        f'<line x1="{left}" y1="{top_pad}" x2="{left}" y2="{top_pad + plot_h}" stroke="#1a1a1a"/>',
        f'<text x="{left - 6}" y="{top_pad + 4}" text-anchor="end" font-size="12" '
        f'fill="#1a1a1a">{top}</text>',
        f'<text x="{left - 6}" y="{top_pad + plot_h}" text-anchor="end" font-size="12" '
        f'fill="#1a1a1a">0</text>',
    ]
    every = max(1, len(labels) // 6)
    for i, label in enumerate(labels):
        if i % every == 0 or i == len(labels) - 1:
            body.append(
                f'<text x="{left + i * step:.1f}" y="{top_pad + plot_h + 16}" '
                f'text-anchor="middle" font-size="11" fill="#1a1a1a">{escape(label)}</text>'
            )
    for index, (name, values) in enumerate(series):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        dash = DASHES[index % len(DASHES)]
        points = " ".join(
            f"{left + i * step:.1f},{top_pad + plot_h - plot_h * v / top:.1f}"
            for i, v in enumerate(values)
        )
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        body.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"'
            f"{dash_attr}/>"
        )
        legend_y = top_pad + plot_h + 36 + index * 18
        body.append(
            f'<line x1="{left}" y1="{legend_y - 4}" x2="{left + 30}" y2="{legend_y - 4}" '
            f'stroke="{colour}" stroke-width="2"{dash_attr}/>'
            f'<text x="{left + 36}" y="{legend_y}" font-size="12" fill="#1a1a1a">'
            f"{_label(name, 60)}</text>"
        )
    return _svg(top_pad + plot_h + 44 + len(series) * 18, title, chart_id, body)
