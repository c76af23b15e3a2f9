"""A public meeting of a consultation, and the residents who signed up for it.

The meeting page is translated like every other page (wagtail-localize); its date, place,
capacity and languages are synchronised from the default language, its text is translated.
Sign-ups belong to the meeting's translation key, so a Korean and an English sign-up count
against the same capacity. Minutes and attendance are what staff publish after the meeting.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from config.languages import LANGUAGE_TABLE

LANGUAGE_CHOICES = [(code, english) for code, english, _local, _bidi in LANGUAGE_TABLE]
MINUTES_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


class MeetingLanguageBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(choices=LANGUAGE_CHOICES, label=_("Language"))
    interpreted = blocks.BooleanBlock(
        required=False,
        label=_("Through an interpreter"),
        help_text=_("Untick when the meeting is held in this language."),
    )

    class Meta:
        icon = "globe"
        label = _("Language")


class AttendanceBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(choices=LANGUAGE_CHOICES, label=_("Language"))
    count = blocks.IntegerBlock(min_value=0, label=_("People"))

    class Meta:
        icon = "group"
        label = _("Attendance in one language")


class MeetingPage(Page):
    starts_at = models.DateTimeField(verbose_name=_("Starts"))
    ends_at = models.DateTimeField(verbose_name=_("Ends"))
    summary = models.TextField(blank=True, verbose_name=_("What the meeting is about"))
    venue = models.CharField(max_length=200, blank=True, verbose_name=_("Place"))
    address = models.TextField(blank=True, verbose_name=_("Address"))
    access_note = models.TextField(
        blank=True,
        verbose_name=_("Access to the venue"),
        help_text=_("Step-free entrance, accessible toilets, hearing loop, parking, transit."),
    )
    online_url = models.URLField(blank=True, verbose_name=_("Link to join online"))
    languages = StreamField(
        [("language", MeetingLanguageBlock())], blank=True, verbose_name=_("Languages")
    )
    childcare = models.BooleanField(default=False, verbose_name=_("Childcare on site"))
    support_note = models.TextField(
        blank=True,
        verbose_name=_("Other support"),
        help_text=_("Food, travel costs, large print, sign language: whatever the city offers."),
    )
    capacity = models.PositiveIntegerField(
        null=True,
        blank=True,
        verbose_name=_("Places"),
        help_text=_("Leave empty when there is no limit."),
    )
    signup_enabled = models.BooleanField(
        default=True,
        verbose_name=_("Residents may sign up"),
        help_text=_("Signing up is optional and needs no account."),
    )
    minutes = RichTextField(
        features=MINUTES_FEATURES,
        blank=True,
        verbose_name=_("Minutes"),
        help_text=_("Publish after the meeting: what was presented and what residents said."),
    )
    attendance_total = models.PositiveIntegerField(
        null=True, blank=True, verbose_name=_("People who attended")
    )
    attendance = StreamField(
        [("language", AttendanceBlock())],
        blank=True,
        verbose_name=_("Attendance by language, if known"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("When")),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("access_note"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("languages"),
        MultiFieldPanel([FieldPanel("childcare"), FieldPanel("support_note")], _("Support")),
        MultiFieldPanel([FieldPanel("signup_enabled"), FieldPanel("capacity")], _("Sign-up")),
        MultiFieldPanel(
            [FieldPanel("minutes"), FieldPanel("attendance_total"), FieldPanel("attendance")],
            heading=_("After the meeting"),
        ),
    ]

    template = "pages/meeting_page.html"
    parent_page_types = ["consultation.ConsultationPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Meeting")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})
        known = sum(block.value["count"] or 0 for block in self.attendance)
        if self.attendance_total is not None and known > self.attendance_total:
            raise ValidationError(
                {"attendance": _("The counts by language add up to more than the total.")}
            )

    @property
    def consultation(self):
        return self.get_parent().specific

    def is_past_at(self, moment) -> bool:
        return moment >= self.ends_at

    @property
    def is_past(self) -> bool:
        return self.is_past_at(timezone.now())

    def signup_open_at(self, moment) -> bool:
        """Sign-up is offered until the meeting starts, when the page allows it."""
        return self.signup_enabled and self.live and moment < self.starts_at

    @property
    def signup_open(self) -> bool:
        return self.signup_open_at(timezone.now())

    def places_taken(self) -> int:
        """Places taken in every language of this meeting."""
        taken = MeetingSignup.objects.filter(meeting_key=self.translation_key).aggregate(
            total=models.Sum("places")
        )["total"]
        return taken or 0

    def places_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(0, self.capacity - self.places_taken())

    def source_page(self) -> "MeetingPage":
        """The meeting in the default language, where staff publish minutes and attendance
        first; a translation not yet synchronised shows those from here."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        source = (
            MeetingPage.objects.live()
            .filter(translation_key=self.translation_key)
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .first()
        )
        return source or self

    def get_context(self, request, *args, **kwargs):
        from consultation.meetings.presenter import attendance_rows, language_rows

        context = super().get_context(request, *args, **kwargs)
        source = self.source_page()
        minutes_page = self if self.minutes else source
        context.update(
            consultation=self.consultation,
            meeting_languages=language_rows(self.languages),
            attendance_total=source.attendance_total,
            attendance_rows=attendance_rows(source.attendance),
            minutes_page=minutes_page if minutes_page.minutes else None,
            places_left=self.places_left(),
        )
        return context


class MeetingSignup(models.Model):
    """One resident's sign-up. The name is optional; an email address is kept only when the
    resident agreed to be contacted. The submission token makes a resubmitted form return the
    sign-up it already stored."""

    reference = models.CharField(_("reference code"), max_length=16, unique=True, editable=False)
    submission_token = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )
    meeting_key = models.UUIDField(db_index=True, editable=False)
    meeting = models.ForeignKey(
        MeetingPage,
        null=True,
        on_delete=models.SET_NULL,
        related_name="signups",
        verbose_name=_("meeting"),
    )
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES)
    places = models.PositiveSmallIntegerField(_("places"), default=1)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    consent_contact = models.BooleanField(_("may contact"), default=False)
    interpretation = models.CharField(
        _("interpretation needed"), max_length=10, choices=LANGUAGE_CHOICES, blank=True
    )
    childcare = models.BooleanField(_("childcare needed"), default=False)
    needs = models.TextField(_("other needs"), blank=True)
    client_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("meeting sign-up")
        verbose_name_plural = _("meeting sign-ups")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.reference
