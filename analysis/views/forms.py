"""Forms of the analysis screens: report filters, theme actions, one-item review, and the
population shares of the equity view."""

from django import forms
from django.utils.translation import gettext_lazy as _

from analysis.models.reports import PopulationShare
from analysis.models.runs import AnalysisItem
from analysis.models.themes import Theme, name_language
from analysis.reports.figures import ReportFilters
from analysis.reports.presenter import language_labels, stance_labels
from analysis.selectors.names import districts_of
from consultation.selectors.drafts import right_titles_of
from consultation.selectors.meetings import meeting_titles
from participation.forms import SafeTextFormMixin
from participation.names import channel_name, district_name


def rights_of(run) -> dict[str, str]:
    """Right key -> "n. title" across every draft of the run's consultation (newest wins)."""
    return right_titles_of(run.consultation)


def _distinct(run, field: str) -> list[str]:
    return sorted(
        v
        for v in AnalysisItem.objects.filter(run=run)
        .order_by()
        .values_list(field, flat=True)
        .distinct()
        if v
    )


class ReportFilterForm(forms.Form):
    right = forms.ChoiceField(label=_("Right"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    channel = forms.ChoiceField(label=_("Channel"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    stance = forms.ChoiceField(label=_("Stance"), required=False)
    meeting = forms.ChoiceField(label=_("Meeting"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, run, groups: dict | None = None, **kwargs):
        """`groups` (the stored figures' group counts) saves a scan of every item."""
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        titles = rights_of(run)

        def values(field, group):
            if groups is None:
                return _distinct(run, field)
            return sorted(v for v in groups.get(group, {}) if v not in ("", "-", "und", "unknown"))

        keys = values("right_key", "right")
        self.fields["right"].choices = (
            every + [(k, titles.get(k, k)) for k in keys] + [("-", _("Whole draft or survey"))]
        )
        languages = language_labels()
        self.fields["language"].choices = every + [
            (v, languages.get(v, v)) for v in values("language", "language")
        ]
        self.fields["channel"].choices = every + [
            (v, channel_name(v)) for v in values("channel", "channel")
        ]
        districts = districts_of(consultation=run.consultation)
        self.fields["district"].choices = every + [
            (v, district_name(v, names=districts)) for v in values("district", "district")
        ]
        self.fields["stance"].choices = every + list(stance_labels().items())
        meetings = meeting_titles(run.consultation)
        self.fields["meeting"].choices = every + [
            (key, meetings.get(key, key)) for key in _distinct(run, "meeting")
        ]

    def filters(self) -> ReportFilters:
        if not self.is_valid():
            return ReportFilters()
        data = self.cleaned_data
        return ReportFilters(
            **{
                k: data[k] or ""
                for k in ("right", "language", "channel", "district", "stance", "meeting")
            },
            date_from=data["date_from"],
            date_to=data["date_to"],
        )


class ThemeSelect(forms.Select):
    """Each theme's option carries the language of its name (see name_language)."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        theme = getattr(value, "instance", None)
        if theme is not None and name_language(theme):
            option["attrs"]["lang"] = name_language(theme)
        return option


class RenameForm(SafeTextFormMixin, forms.Form):
    name = forms.CharField(label=_("New name"), max_length=200)

    def __init__(self, *args, theme=None, **kwargs):
        super().__init__(*args, **kwargs)
        if theme is not None and name_language(theme):
            self.fields["name"].widget.attrs["lang"] = name_language(theme)


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        queryset=Theme.objects.none(), label=_("Merge into"), widget=ThemeSelect
    )

    def __init__(self, *args, theme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = (
            Theme.objects.filter(run=theme.run)
            .exclude(pk=theme.pk)
            .exclude(state__in=[Theme.State.MERGED, Theme.State.RETIRED])
            .order_by("name")
        )


class SplitForm(SafeTextFormMixin, forms.Form):
    name = forms.CharField(label=_("Name of the new theme"), max_length=200)
    items = forms.ModelMultipleChoiceField(
        queryset=AnalysisItem.objects.none(),
        label=_("Comments that belong to the new theme"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = items


class ItemReviewForm(forms.Form):
    themes = forms.MultipleChoiceField(
        label=_("Themes that apply"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = [(str(t.pk), t.name) for t in themes]


class PopulationShareForm(forms.Form):
    dimension = forms.ChoiceField(label=_("Group"), choices=PopulationShare.Dimension.choices)
    value = forms.CharField(label=_("Value"), max_length=120, required=False)
    percent = forms.DecimalField(
        label=_("Share of population (%)"),
        max_digits=5,
        decimal_places=2,
        min_value=0,
        max_value=100,
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("value") and data.get("percent") is None:
            self.add_error("percent", _("Enter the share for this group."))
        return data


PopulationShareFormSet = forms.formset_factory(PopulationShareForm, extra=3)
