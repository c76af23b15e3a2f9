"""Published comments on Draft 1 fed through the analysis, an approved run, and the public
pages linking Draft 2's changed rights to the themes those comments fed."""

from django.contrib.contenttypes.models import ContentType
from django.test import override_settings
from wagtail.models import Locale

from analysis.inputs import InputItem
from analysis.models import AnalysisRun, ThemeAssignment
from analysis.services import analysis_run_create, analysis_run_execute
from analysis.services.public_pages import public_pages_create
from analysis.services.publication import results_publish
from analysis.services.review import item_review_save, item_themes, run_approve
from consultation.demo import right_block_id
from tests.factories import CommentFactory

COMMENTS = [
    ("ko", "전화 대기 시간이 너무 깁니다. 한 시간 기다렸어요. 빨리 답해 주세요.", True),
    ("am", "የአማርኛ አስተርጓሚ ያስፈልገናል። ስልክ ስደውል ረጅም ጊዜ እጠብቃለሁ።", True),
    ("en", "I waited on hold for forty minutes and nobody called me back.", False),
    ("en", "There should be one phone number for everything.", True),
    ("es", "Necesito un intérprete cuando llamo a la ciudad.", True),
]


def published_comment_items(*, consultation):
    """Stand-in for consultation.selectors.comments_for_analysis: published comments."""
    from consultation.models import Comment

    content_type = ContentType.objects.get_for_model(Comment)
    for comment in Comment.objects.filter(
        consultation_key=consultation.translation_key, status="published"
    ).order_by("pk"):
        yield InputItem(
            content_type_id=content_type.pk,
            object_id=comment.pk,
            field_key="",
            text=comment.public_text,
            language=comment.language,
            stance=comment.stance,
            created=comment.received_at,
            facts={"channel": comment.channel, "right_key": comment.right_key},
        )


def make_comments(demo) -> list:
    """Published comments on Draft 1's timely-reply right, in each language's translation."""
    draft = demo["drafts"][0]
    comments = []
    for index, (language, text, consent) in enumerate(COMMENTS):
        locale = Locale.objects.get(language_code=language)
        comments.append(
            CommentFactory(
                draft=draft.get_translation_or_none(locale) or draft,
                right_key=right_block_id("timely-reply"),
                language=language,
                text=text,
                email=f"resident{index}@example.org",
                consent_contact=consent,
            )
        )
    return comments


def review_all_and_publish(run, user=None):
    """An analyst confirms every item's themes; the few items here are all there is, so the
    gate asks for exactly that many. Returns the published result."""
    for item in run.items.all():
        item_review_save(item=item, theme_ids=item_themes(item=item)[1], user=user)
    with override_settings(PUBLICATION_MIN_REVIEWED=run.items.count()):
        return results_publish(run=run, user=user)


def analyse_and_publish(demo, comments, *, publish=True, review=True):
    """Run and approve the analysis, review every item and publish the results (unless
    ``review`` is False), then link Draft 2's timely-reply right to every theme the first
    comment fed; returns (run, pages, theme keys)."""
    run = analysis_run_create(consultation=demo["consultation"], enqueue=False)
    analysis_run_execute(run_id=run.pk)
    run = run_approve(run=AnalysisRun.objects.get(pk=run.pk), user=None)
    if review:
        review_all_and_publish(run)
    keys = sorted(
        ThemeAssignment.objects.filter(
            run=run, source="machine", object_id__in=[c.pk for c in comments[:2]]
        ).values_list("tag__key", flat=True)
    )
    links = {
        right_block_id("timely-reply"): (keys, "We set clear time limits for replies."),
    }
    pages = public_pages_create(
        consultation=demo["consultation"],
        run=run,
        draft=demo["drafts"][1],
        links=links,
        publish=publish,
    )
    return run, pages, keys
