"""Machine translation is off until a city names a backend: then published comments go to
the service in batches from the worker, come back as rows marked as machine translation with
engine, version and date, failures are recorded and retried, and the AI switch keeps machine
translations off public pages. The clients talk to local stand-in servers (fake_services.py)
that implement the services' documented endpoints: no network is used."""

import urllib.request

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone

from consultation.models import ConsultationPage
from consultation.services.moderation import comment_approve
from participation.models import MachineTranslationRequest, Translation
from participation.translations.backends import GoogleTranslateBackend, get_backend
from participation.translations.tasks import machine_translations_retry_task
from tests.consultation.comment_helpers import RIGHT, draft
from tests.factories import CommentFactory, submit_comment, user_in_role
from tests.participation.translations.fake_services import serve

pytestmark = pytest.mark.django_db
SOMALI = "Khadka taleefanka waa in uu noqdaa mid bilaash ah."


@pytest.fixture
def service(settings):
    with serve() as fake:
        settings.MACHINE_TRANSLATION = {
            "BACKEND": "libretranslate",
            "URL": fake.url,
            "TARGET_LANGUAGES": ["en"],
            "BATCH_SIZE": 10,
            "MAX_ATTEMPTS": 3,
        }
        yield fake


def publish(demo, text=SOMALI):
    comment = submit_comment(draft(demo, "so"), text=text, language="so").comment
    comment_approve(comment=comment, user=user_in_role("moderator", username=f"m{comment.pk}"))
    return comment


def test_off_by_default_and_nothing_is_sent(demo, monkeypatch, django_capture_on_commit_callbacks):
    def no_network(*args, **kwargs):
        raise AssertionError("machine translation called out while switched off")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    assert get_backend() is None
    with django_capture_on_commit_callbacks(execute=True):
        publish(demo)
    machine_translations_retry_task.enqueue()
    assert not MachineTranslationRequest.objects.exists()
    assert not Translation.objects.exists()


def test_published_comments_go_in_one_batch_through_the_worker(
    demo, service, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comments = [publish(demo, f"{SOMALI} {n}") for n in range(3)]
    assert len(service.calls) == 1
    assert service.calls[0]["q"] == [c.public_text for c in comments]
    assert (service.calls[0]["source"], service.calls[0]["target"]) == ("so", "en")
    rows = Translation.objects.filter(origin="machine").order_by("object_id")
    assert [r.text for r in rows] == [f"[en] {c.public_text}" for c in comments]
    assert {(r.engine, r.engine_version) for r in rows} == {("libretranslate", "api-v1")}
    assert all(r.created_at for r in rows)


def test_a_failed_batch_is_recorded_and_retried(demo, service, django_capture_on_commit_callbacks):
    service.fail_next = 1
    with django_capture_on_commit_callbacks(execute=True):
        publish(demo)
    request = MachineTranslationRequest.objects.get()
    assert (request.status, request.attempts) == ("failed", 1)
    assert "503" in request.last_error
    assert not Translation.objects.exists()
    machine_translations_retry_task.enqueue()
    request.refresh_from_db()
    assert (request.status, request.attempts, request.last_error) == ("done", 2, "")
    assert Translation.objects.get().text == f"[en] {SOMALI}"


def test_retries_stop_at_the_limit(demo, service, django_capture_on_commit_callbacks):
    service.fail_next = 10
    with django_capture_on_commit_callbacks(execute=True):
        publish(demo)
    for _ in range(5):
        machine_translations_retry_task.enqueue()
    request = MachineTranslationRequest.objects.get()
    assert (request.status, request.attempts) == ("failed", 3)
    assert len(service.calls) == 3


def test_google_client_speaks_the_documented_v2_api():
    with serve() as fake:
        backend = GoogleTranslateBackend(api_key="k-123", url=fake.url)
        assert backend.translate(["Salaan", "Mahadsanid"], source="so", target="en") == [
            "[en] Salaan",
            "[en] Mahadsanid",
        ]
    call = fake.calls[0]
    assert call["path"] == "/language/translate/v2" and call["format"] == "text"
    assert call["headers"]["X-Goog-Api-Key"] == "k-123"


def comment_with_machine_translation(demo):
    comment = CommentFactory(
        draft=draft(demo, "so"), right_key=RIGHT, language="so", text=SOMALI,
        published_at=timezone.now(),
    )  # fmt: skip
    Translation.objects.create(
        content_type=ContentType.objects.get_for_model(comment),
        object_id=comment.pk, source_language="so", language="en",
        text="The phone line should be free.", origin="machine", engine="libretranslate",
    )  # fmt: skip
    return comment


def test_machine_translation_is_labelled_on_public_pages(demo):
    comment_with_machine_translation(demo)
    html = Client().get(f"/en/comments/{draft(demo, 'en').pk}/{RIGHT}/").content.decode()
    assert "The phone line should be free." in html and "Machine translation" in html
    assert "Translated by City staff" not in html


@pytest.mark.parametrize("switch", ["staff_only", "off"])
def test_the_ai_switch_hides_machine_translations_from_public_pages(demo, switch):
    comment_with_machine_translation(demo)
    consultation = demo["consultation"]
    consultation.machine_output = switch
    consultation.save()
    html = Client().get(f"/en/comments/{draft(demo, 'en').pk}/{RIGHT}/").content.decode()
    assert SOMALI in html
    assert "The phone line should be free." not in html


def test_switched_off_consultations_send_nothing(demo, service, django_capture_on_commit_callbacks):
    ConsultationPage.objects.filter(pk=demo["consultation"].pk).update(machine_output="off")
    with django_capture_on_commit_callbacks(execute=True):
        publish(demo)
    assert service.calls == []
    assert not MachineTranslationRequest.objects.exists()


def test_a_batch_run_twice_stores_one_translation_and_calls_once(
    demo, service, django_capture_on_commit_callbacks
):
    from participation.translations.machine import machine_translations_run

    with django_capture_on_commit_callbacks(execute=True):
        publish(demo)
    ids = list(MachineTranslationRequest.objects.values_list("pk", flat=True))
    assert machine_translations_run(request_ids=ids) == {"done": 0, "failed": 0}
    assert Translation.objects.count() == 1 and len(service.calls) == 1
