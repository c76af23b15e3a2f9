"""Factories for the rows tests need (factory-boy, wagtail-factories), instead of per-app
hand-written builders. Pages hang under the seeded demo consultation unless told otherwise."""

from datetime import timedelta

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from analysis.models import AnalysisItem, AnalysisRun, Theme, ThemeAssignment
from consultation.demo import CONSULTATION_SLUG
from consultation.models import BillOfRightsDraftPage, Comment, ConsultationPage
from participation import roles as participation_roles
from participation.duplicates import fingerprint
from participation.references import new_reference
from survey.models import SurveyField, SurveyPage, SurveyResponse

ROLE_GROUPS = participation_roles.ROLE_GROUPS


def demo_consultation(language: str = "en") -> ConsultationPage:
    return ConsultationPage.objects.get(slug=CONSULTATION_SLUG, locale__language_code=language)


def demo_draft(language: str = "en", number: int = 2) -> BillOfRightsDraftPage:
    return BillOfRightsDraftPage.objects.get(
        version_number=number,
        locale__language_code=language,
        path__startswith=demo_consultation(language).path,
    )


class UserFactory(DjangoModelFactory):
    """A staff account in the given groups (``groups=["Moderators"]``); ``admin=True`` makes a
    superuser."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    class Params:
        admin = factory.Trait(is_superuser=True, is_staff=True)

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("pw")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        for name in extracted or []:
            self.groups.add(Group.objects.get_or_create(name=name)[0])


def user_in_role(role: str, username: str | None = None):
    """One user per role of the permission matrix: admin, editor, moderator or analyst."""
    username = username or role
    if role == "admin":
        return UserFactory(username=username, admin=True)
    return UserFactory(username=username, groups=[ROLE_GROUPS[role]])


class CommentFactory(DjangoModelFactory):
    """A published web comment on a right of the demo's Draft 2, as the service would store it
    (reference, fingerprint); pass `draft`, `status`, `text` or contact details to vary it."""

    class Meta:
        model = Comment

    draft = factory.LazyFunction(demo_draft)
    consultation_key = factory.LazyAttribute(lambda o: o.draft.get_parent().translation_key)
    draft_key = factory.LazyAttribute(lambda o: o.draft.translation_key)
    right_key = factory.LazyAttribute(lambda o: o.draft.rights()[0].id)
    reference = factory.LazyFunction(new_reference)
    language = factory.LazyAttribute(lambda o: o.draft.locale.language_code)
    text = factory.Sequence(lambda n: f"Comment number {n} about the phone line.")
    fingerprint = factory.LazyAttribute(lambda o: fingerprint(o.text))
    stance = "agree"
    channel = "web"
    status = "published"
    received_at = factory.LazyFunction(timezone.now)
    published_at = factory.LazyAttribute(
        lambda o: o.received_at if o.status == "published" else None
    )


class SurveyPageFactory(wagtail_factories.PageFactory):
    """A live survey under the demo consultation; `questions` is a list of SurveyField kwargs."""

    class Meta:
        model = SurveyPage
        skip_postgeneration_save = True

    title = "A survey"
    parent = factory.LazyFunction(demo_consultation)
    intro = "<p>Tell us.</p>"

    @factory.post_generation
    def questions(self, create, extracted, **kwargs):
        for order, spec in enumerate(extracted or []):
            spec = dict(spec)
            spec.setdefault("required", True)
            SurveyField.objects.create(page=self, sort_order=order, **spec)
        if create:
            self.save_revision().publish()
            self.refresh_from_db()


class SurveyResponseFactory(DjangoModelFactory):
    class Meta:
        model = SurveyResponse

    page = factory.SubFactory(SurveyPageFactory)
    form_data = factory.LazyFunction(dict)
    locale = factory.LazyFunction(Locale.get_default)
    consultation = factory.LazyAttribute(lambda o: o.page.get_parent())
    channel = "web"
    receipt_code = factory.LazyFunction(new_reference)


class AnalysisRunFactory(DjangoModelFactory):
    """A finished run written row by row (no engine)."""

    class Meta:
        model = AnalysisRun

    consultation = factory.LazyFunction(demo_consultation)
    status = AnalysisRun.Status.SUCCEEDED
    finished_at = factory.LazyFunction(timezone.now)
    engine_version = "test"


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme

    run = factory.SubFactory(AnalysisRunFactory)
    key = factory.Sequence(lambda n: f"theme-{n}")
    slug = factory.LazyAttribute(lambda o: o.key)
    name = factory.LazyAttribute(lambda o: o.key.replace("-", " ").capitalize())
    machine_name = factory.LazyAttribute(lambda o: o.name)
    kind = Theme.Kind.CODEBOOK
    state = Theme.State.APPROVED


def user_content_type() -> ContentType:
    """Items built without a comment behind them point at users (any model will do)."""
    return ContentType.objects.get_by_natural_key("auth", "user")


class AnalysisItemFactory(DjangoModelFactory):
    class Meta:
        model = AnalysisItem

    run = factory.SubFactory(AnalysisRunFactory)
    content_type = factory.LazyFunction(user_content_type)
    object_id = factory.Sequence(lambda n: n + 1)
    field_key = ""
    ref = factory.LazyAttribute(lambda o: f"{o.content_type.pk}:{o.object_id}:{o.field_key}")
    language = "en"
    channel = "web"
    text = factory.Sequence(lambda n: f"Analysed text {n}")
    created = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))


class ThemeAssignmentFactory(DjangoModelFactory):
    """A machine assignment of a theme to an item."""

    class Meta:
        model = ThemeAssignment

    class Params:
        item = None

    tag = factory.SubFactory(ThemeFactory)
    run = factory.LazyAttribute(lambda o: o.tag.run)
    content_type = factory.LazyAttribute(lambda o: o.item.content_type if o.item else None)
    object_id = factory.LazyAttribute(lambda o: o.item.object_id if o.item else 0)
    field_key = factory.LazyAttribute(lambda o: o.item.field_key if o.item else "")
    source = ThemeAssignment.Source.MACHINE


CONTACT_FIELDS = ("name", "email", "district", "consent_contact", "consent_show_name")


def submit_comment(draft, *, text, right_key="", stance="agree", language="en", **fields):
    """A comment through the submission service, as a resident or staff member sends it:
    contact details and origin fields (channel, submission_token, notify...) by name."""
    from consultation.services import comment_submit
    from participation.values import Contact, Content, Origin

    contact = {k: fields.pop(k) for k in CONTACT_FIELDS if k in fields}
    return comment_submit(
        draft=draft,
        right_key=right_key,
        content=Content(text=text, stance=stance, language=language),
        contact=Contact(**contact),
        origin=Origin(**fields),
    )
