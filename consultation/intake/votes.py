"""Staff enter paper ballots or a meeting's votes as one batch, with where they came from.
One line per ballot, one letter per statement in the listed order: A agree, D disagree,
P pass, "-" not answered. Permission: CommentPermissionPolicy "record"."""

import uuid

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from consultation.forms import language_choices
from consultation.intake.views import IntakePermission
from consultation.models import ConsultationPage
from consultation.selectors.drafts import consultations_in_default_language
from consultation.selectors.statements import statements_to_vote_on
from consultation.services.voting import Ballot, vote_batch_record
from participation.channels import STAFF_CHANNELS
from participation.values import Origin

LETTERS = {"A": 1, "D": -1, "P": 0}


class VoteBatchForm(forms.Form):
    channel = forms.ChoiceField(
        label=gettext_lazy("Channel"), choices=[(c.value, c.label) for c in STAFF_CHANNELS]
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the ballots"), choices=language_choices
    )
    received_on = forms.DateField(label=gettext_lazy("Date of the votes"))
    taken_by = forms.CharField(label=gettext_lazy("Staff member who took them"), max_length=200)
    source_detail = forms.CharField(
        label=gettext_lazy("Meeting or mailing details"), max_length=255, required=False
    )
    district = forms.CharField(
        label=gettext_lazy("Neighbourhood or district"), max_length=120, required=False
    )
    ballots = forms.CharField(
        label=gettext_lazy("Ballots"),
        help_text=gettext_lazy(
            "One line per ballot, one letter per statement in the order listed: A agree, "
            "D disagree, P pass, - not answered."
        ),
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    form_token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, statements, **kwargs):
        super().__init__(*args, **kwargs)
        self.statements = statements

    def clean_ballots(self):
        ballots = []
        for number, line in enumerate(self.cleaned_data["ballots"].splitlines(), start=1):
            letters = "".join(line.split()).upper()
            if not letters:
                continue
            if len(letters) != len(self.statements) or set(letters) - {*LETTERS, "-"}:
                raise forms.ValidationError(
                    _(
                        "Line %(line)d: write exactly %(count)d letters (A, D, P or -), one per "
                        "statement."
                    )
                    % {"line": number, "count": len(self.statements)}
                )
            votes = {
                s.key: LETTERS[letter]
                for s, letter in zip(self.statements, letters, strict=True)
                if letter in LETTERS
            }
            ballots.append(Ballot(votes=votes))
        if not ballots:
            raise forms.ValidationError(_("Enter at least one ballot."))
        return ballots


class VoteBatchView(IntakePermission, WagtailAdminTemplateMixin, TemplateView):
    template_name = "consultation/admin/vote_batch.html"
    page_title = gettext_lazy("Enter paper or meeting votes")
    header_icon = "list-ul"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.consultation = get_object_or_404(ConsultationPage, pk=kwargs["pk"])
        self.statements = statements_to_vote_on(
            consultation=self.consultation, language=self.consultation.locale.language_code
        )

    def get_form(self, data=None):
        user = self.request.user
        initial = {
            "taken_by": user.get_full_name() or user.get_username(),
            "form_token": uuid.uuid4().hex,
        }
        return VoteBatchForm(data, initial=initial, statements=self.statements)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.get_form())
        context.update(consultation=self.consultation, statements=self.statements)
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        data = form.cleaned_data
        batch = vote_batch_record(
            consultation=self.consultation,
            ballots=data["ballots"],
            language=data["language"],
            district=data["district"],
            origin=Origin(
                channel=data["channel"],
                recorded_by=request.user,
                submission_token=f"votes:{data['form_token'][:40]}",
                provenance={
                    "received_on": data["received_on"],
                    "taken_by": data["taken_by"],
                    "source_detail": data["source_detail"],
                },
            ),
        )
        messages.success(request, _("Recorded %(count)d ballots.") % {"count": batch.ballot_count})
        return redirect(reverse("consultation_votes:batch", args=[self.consultation.pk]))


def newest_consultation_batch(request):
    """The menu's entry: the batch form of the newest consultation in the default language."""
    consultation = consultations_in_default_language().order_by("-opens_at").first()
    if consultation is None:
        raise Http404("No consultation")
    return redirect(reverse("consultation_votes:batch", args=[consultation.pk]))
