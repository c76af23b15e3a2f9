"""Reading an open data request: its filters (checked like a form), the comments they select
and each comment as a row with names instead of codes (right title, channel name, theme
labels) in the language asked for. Only reads."""

from dataclasses import dataclass, field
from datetime import date

from django import forms
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from analysis.opendata.published import PublishedAnalysis, published_analysis
from consultation.selectors.opendata import (
    CommentFilters,
    consultation_outline,
    district_key,
    districts_to_name,
    open_comments,
    open_consultations,
    open_draft,
    open_text,
)
from participation.channels import Channel

MAX_ID = 2**31 - 1
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 500
DATE_FORMATS = ["%Y-%m-%d"]


class OpenDataForm(forms.Form):
    """The query string of every open data endpoint."""

    consultation = forms.IntegerField(min_value=1, max_value=MAX_ID, required=False)
    draft = forms.IntegerField(min_value=1, max_value=MAX_ID, required=False)
    right = forms.CharField(max_length=64, required=False)
    language = forms.ChoiceField(choices=[("", "")] + settings.LANGUAGES, required=False)
    theme = forms.CharField(max_length=120, required=False)
    date_from = forms.DateField(input_formats=DATE_FORMATS, required=False)
    date_to = forms.DateField(input_formats=DATE_FORMATS, required=False)
    lang = forms.ChoiceField(choices=settings.LANGUAGES, required=False)
    page = forms.IntegerField(min_value=1, max_value=MAX_ID, required=False)
    page_size = forms.IntegerField(min_value=1, max_value=MAX_PAGE_SIZE, required=False)

    def clean(self):
        data = super().clean()
        consultations = open_consultations()
        if data.get("consultation"):
            consultations = consultations.filter(pk=data["consultation"])
            if not consultations.exists():
                self.add_error("consultation", _("No published consultation has this id."))
        data["consultations"] = list(consultations)
        if data.get("draft"):
            draft = self._draft(data["draft"], data["consultations"])
            if draft is None:
                self.add_error("draft", _("No published draft has this id."))
            data["draft_key"] = draft.translation_key if draft else None
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return data

    @staticmethod
    def _draft(pk: int, consultations):
        return open_draft(pk=pk, consultation_keys=[c.translation_key for c in consultations])


@dataclass
class OpenDataQuery:
    """A checked request: which consultations, which comments, in which language."""

    consultations: list
    filters: CommentFilters
    language: str
    theme: str = ""
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    analyses: dict[str, PublishedAnalysis | None] = field(default_factory=dict)
    outlines: dict[str, dict] = field(default_factory=dict)


def build_query(form: OpenDataForm) -> OpenDataQuery:
    """The query a valid form describes, with each consultation's published analysis read
    once; a theme filter becomes the ids of the comments that fed that theme."""
    data = form.cleaned_data
    language = data.get("lang") or settings.LANGUAGE_CODE
    consultations = data["consultations"]
    analyses = {
        str(c.translation_key): published_analysis(consultation=c, language=language)
        for c in consultations
    }
    ids = None
    theme = data.get("theme") or ""
    if theme:
        ids = tuple(
            pk
            for analysis in analyses.values()
            if analysis is not None
            for pk in analysis.comments_with_theme(theme)
        )
    right = data.get("right")
    filters = CommentFilters(
        consultation_keys=tuple(c.translation_key for c in consultations),
        draft_key=data.get("draft_key"),
        right_key=None if not right else ("" if right == "-" else right),
        language=data.get("language") or None,
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
        ids=ids,
    )
    return OpenDataQuery(
        consultations=consultations,
        filters=filters,
        language=language,
        theme=theme,
        page=data.get("page") or 1,
        page_size=data.get("page_size") or DEFAULT_PAGE_SIZE,
        analyses=analyses,
    )


def selected_comments(query: OpenDataQuery):
    return open_comments(filters=query.filters)


class RowMaker:
    """Turns comments into open data rows; reads each consultation's outline and the
    districts large enough to name once, however many rows follow."""

    def __init__(self, query: OpenDataQuery):
        self.query = query
        with translation.override(query.language):
            self.outlines = {
                str(c.translation_key): {
                    "id": c.pk,
                    **consultation_outline(c, language=query.language),
                }
                for c in query.consultations
            }
            self.channels = {value: str(label) for value, label in Channel.choices}
        self.districts = districts_to_name(
            consultation_keys=query.filters.consultation_keys,
            minimum=settings.OPEN_DATA_MIN_GROUP_SIZE,
        )

    def _district(self, comment) -> str:
        district = " ".join(comment.district.split())
        key = (str(comment.consultation_key), district_key(district))
        return district if district and key in self.districts else ""

    def _themes(self, consultation_key: str, comment_id: int) -> list[dict]:
        analysis = self.query.analyses.get(consultation_key)
        if analysis is None:
            return []
        return [
            {"key": key, "label": analysis.themes[key]["label"]}
            for key in analysis.comment_themes.get(comment_id, [])
            if key in analysis.themes
        ]

    def row(self, comment) -> dict:
        key = str(comment.consultation_key)
        outline = self.outlines[key]
        draft = outline["drafts"].get(comment.draft_key, {})
        received: date = timezone.localtime(comment.received_at).date()
        return {
            "id": comment.pk,
            "consultation": outline["id"],
            "draft": draft.get("id"),
            "draft_version": draft.get("version"),
            "right_key": comment.right_key,
            "right": outline["rights"].get(comment.right_key, ""),
            "language": comment.language,
            "channel": comment.channel,
            "channel_name": self.channels.get(comment.channel, comment.channel),
            "date": received.isoformat(),
            "stance": comment.stance,
            "district": self._district(comment),
            "text": open_text(comment),
            "themes": self._themes(key, comment.pk),
        }
