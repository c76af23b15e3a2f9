"""Analyst review in the Wagtail admin: approve a run, shape its themes, and go through items
one by one confirming or correcting the machine's themes, with the agreement panel beside."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from analysis.models.runs import AnalysisItem, AnalysisRun
from analysis.models.themes import Theme
from analysis.reports.agreement import agreement
from analysis.reports.presenter import language_labels
from analysis.selectors import runs as run_selectors
from analysis.selectors.figures import report_figures
from analysis.selectors.similar import similar_items
from analysis.selectors.translations import item_translation, reader_language
from analysis.services import publication, review
from analysis.views.forms import ItemReviewForm, MergeForm, RenameForm, SplitForm
from analysis.views.reports import RunMixin


class ReviewMixin(RunMixin):
    permission_required = "review"


class RunApproveView(ReviewMixin, View):
    permission_required = "approve"

    def post(self, request, *args, **kwargs):
        run = self.get_run()
        review.run_approve(run=run, user=request.user)
        messages.success(request, _("Run %(id)s approved for reports.") % {"id": run.pk})
        return redirect("analysis_report", run.pk)


class RunPublishView(ReviewMixin, View):
    """Publish the run's figures as the next version of the public results, if it passes the
    gate (approved, enough items reviewed); otherwise say what is missing."""

    permission_required = "publish"

    def post(self, request, *args, **kwargs):
        run = self.get_run()
        try:
            result = publication.results_publish(run=run, user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("Results version %(version)s published from run %(id)s.")
                % {"version": result.version, "id": run.pk},
            )
        return redirect("analysis_runs:detail", run.pk)


def active_themes(run: AnalysisRun):
    return run_selectors.active_themes(run=run)


class ThemeReviewView(ReviewMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "analysis/theme_review.html"
    header_icon = "tag"

    def get_page_title(self):
        return _("Review themes, run %(id)s") % {"id": self.kwargs["pk"]}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run = self.get_run()
        counts = {t["id"]: t for t in report_figures(run=run)["themes"]}
        themes = list(Theme.objects.filter(run=run).select_related("merged_into"))
        for theme in themes:
            row = counts.get(theme.pk, {})
            theme.current_count = row.get("count", 0)
            theme.current_share = row.get("share", 0.0)
            theme.merge_form = MergeForm(theme=theme, prefix=f"t{theme.pk}")
            theme.rename_form = RenameForm(
                initial={"name": theme.name}, prefix=f"t{theme.pk}", theme=theme
            )
        order = {Theme.State.PROPOSED: 0, Theme.State.APPROVED: 1}
        themes.sort(key=lambda t: (order.get(t.state, 2), -t.current_count, t.name))
        context.update(run=run, themes=themes, errors=kwargs.get("errors"))
        return context


class ThemeActionView(ReviewMixin, View):
    """One POST per decision on a theme: approve, rename, merge, retire, restore or split."""

    def post(self, request, *args, **kwargs):
        run = self.get_run()
        theme = get_object_or_404(Theme, pk=kwargs["theme_pk"], run=run)
        action = request.POST.get("action", "")
        prefix = f"t{theme.pk}"
        try:
            if action == "approve":
                review.theme_approve(theme=theme, user=request.user)
            elif action == "retire":
                review.theme_retire(theme=theme, user=request.user)
            elif action == "restore":
                review.theme_restore(theme=theme, user=request.user)
            elif action == "rename":
                form = RenameForm(request.POST, prefix=prefix)
                if not form.is_valid():
                    raise ValidationError(form.errors.get("name", []))
                review.theme_rename(theme=theme, name=form.cleaned_data["name"], user=request.user)
            elif action == "merge":
                form = MergeForm(request.POST, theme=theme, prefix=prefix)
                if not form.is_valid():
                    raise ValidationError(form.errors.get("into", []))
                review.theme_merge(theme=theme, into=form.cleaned_data["into"], user=request.user)
            elif action == "split":
                return self._split(request, run, theme)
            else:
                raise ValidationError(_("Unknown action."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, f"{theme.name}: {message}")
            return redirect("analysis_theme_review", run.pk)
        messages.success(request, _("Saved: %(theme)s") % {"theme": theme.name})
        return redirect(request.POST.get("next") or reverse("analysis_theme_review", args=[run.pk]))

    def _split(self, request, run, theme):
        items = AnalysisItem.objects.filter(run=run)
        form = SplitForm(request.POST, items=items)
        detail = reverse("analysis_theme_detail", args=[run.pk, theme.pk])
        if not form.is_valid():
            for errors in form.errors.values():
                for message in errors:
                    messages.error(request, message)
            return redirect(detail)
        new = review.theme_split(
            theme=theme,
            items=list(form.cleaned_data["items"]),
            name=form.cleaned_data["name"],
            user=request.user,
        )
        messages.success(request, _("New theme: %(theme)s") % {"theme": new.name})
        return redirect("analysis_theme_detail", run.pk, new.pk)


class ItemReviewView(ReviewMixin, WagtailAdminTemplateMixin, TemplateView):
    """One item at a time: its text, the machine's themes with confidence and why, and a form
    to confirm or correct them. Keys 1-9 toggle themes and Enter saves (review.js)."""

    template_name = "analysis/item_review.html"
    header_icon = "tick"

    def get_page_title(self):
        return _("Review comments, run %(id)s") % {"id": self.kwargs["pk"]}

    def _item(self, run, item_id):
        language = self.request.GET.get("language", "")
        if item_id:
            return get_object_or_404(AnalysisItem, pk=item_id, run=run)
        return run_selectors.review_queue(run=run, language=language).first()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run = self.get_run()
        item = kwargs.get("item") or self._item(run, self.request.GET.get("item"))
        themes = list(active_themes(run).order_by("name"))
        context.update(
            run=run,
            item=item,
            agreement=agreement(run=run),
            language_labels=language_labels(),
            language=self.request.GET.get("language", ""),
            remaining=run_selectors.review_queue(
                run=run, language=self.request.GET.get("language", "")
            ).count(),
            reviewed=run_selectors.review_queue(run=run, reviewed=True).count(),
            languages=sorted(set(run.items.values_list("language", flat=True))),
        )
        if item is None:
            return context
        context["translation"] = item_translation(item=item, language=reader_language())
        context["similar"] = similar_items(
            run=run, key=(item.content_type_id, item.object_id, item.field_key), text=item.text
        )
        machine, current = review.item_themes(item=item)
        why = {
            a.tag_id: a
            for a in item.run.assignments.filter(
                source="machine",
                content_type_id=item.content_type_id,
                object_id=item.object_id,
                field_key=item.field_key,
            )
        }
        form = kwargs.get("form") or ItemReviewForm(
            themes=themes, initial={"themes": [str(pk) for pk in current]}
        )
        context.update(
            form=form,
            theme_rows=[
                {
                    "theme": theme,
                    "number": index + 1,
                    "checked": str(theme.pk) in (form["themes"].value() or []),
                    "machine": theme.pk in machine,
                    "assignment": why.get(theme.pk),
                }
                for index, theme in enumerate(themes)
            ],
        )
        return context

    def post(self, request, *args, **kwargs):
        run = self.get_run()
        item = get_object_or_404(AnalysisItem, pk=request.POST.get("item"), run=run)
        form = ItemReviewForm(request.POST, themes=list(active_themes(run)))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(item=item, form=form), status=400)
        saved = review.item_review_save(
            item=item, theme_ids={int(pk) for pk in form.cleaned_data["themes"]}, user=request.user
        )
        messages.success(
            request,
            _("Saved; %(n)s correction(s) to the machine's themes.") % {"n": saved.corrections},
        )
        query = QueryDict(mutable=True)
        if request.POST.get("language"):
            query["language"] = request.POST["language"]
        url = reverse("analysis_item_review", args=[run.pk])
        return redirect(f"{url}?{query.urlencode()}" if query else url)
