"""A text field of one entry per line that wagtail-localize translates line by line.

Each option becomes its own string in the translation editor and PO file, and a translation always
has exactly as many lines as its source, so option positions (and their keys) line up."""

from django.db import models
from wagtail_localize.segments import StringSegmentValue

from survey.fields.types import split_lines


class LinesField(models.TextField):
    def get_translatable_segments(self, value):
        return [
            StringSegmentValue(str(index), line) for index, line in enumerate(split_lines(value))
        ]

    def restore_translated_segments(self, value, segments):
        lines = split_lines(value)
        for segment in segments:
            index = int(segment.path)
            if 0 <= index < len(lines):
                lines[index] = segment.render_text()
        return "\n".join(lines)
