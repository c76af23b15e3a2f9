"""Server-rendered bar charts: geometry only, the template draws the SVG. The same numbers are
always shown in a table next to the chart, which is what screen readers are pointed to."""

from dataclasses import dataclass

ROW_HEIGHT = 40
BAR_HEIGHT = 16
LABEL_GAP = 4
CHART_WIDTH = 480
BAR_AREA = 340


@dataclass
class Bar:
    label: str
    value_text: str
    y_label: int
    y_bar: int
    width: int
    x_value: int


@dataclass
class Chart:
    bars: list[Bar]
    width: int
    height: int


def bar_chart(options) -> Chart:
    """Options with `label`, `count` and `percent`; bar lengths scale to the largest count."""
    largest = max((option.count for option in options), default=0) or 1
    bars = []
    for index, option in enumerate(options):
        top = index * ROW_HEIGHT
        width = round(BAR_AREA * option.count / largest)
        bars.append(
            Bar(
                label=option.label,
                value_text=f"{option.count} ({option.percent:g}%)",
                y_label=top + 12,
                y_bar=top + 12 + LABEL_GAP,
                width=max(width, 1 if option.count else 0),
                x_value=width + 6,
            )
        )
    return Chart(bars=bars, width=CHART_WIDTH, height=max(ROW_HEIGHT * len(bars), ROW_HEIGHT))
