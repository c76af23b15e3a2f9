"""Error pages speak the resident's language, and a database outage gives a 503 page that
needs no database, after which the site recovers by itself."""

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import override_settings

from config.languages import LANGUAGE_CODES

pytestmark = pytest.mark.django_db

NOT_FOUND_TITLES = {
    "en": "Page not found",
    "ko": "페이지를 찾을 수 없습니다",
    "es": "Página no encontrada",
    "zh-hans": "找不到页面",
    "vi": "Không tìm thấy trang",
    "so": "Bogga lama helin",
    "tl": "Hindi nahanap ang pahina",
    "am": "ገጹ አልተገኘም",
    "ru": "Страница не найдена",
}
UNAVAILABLE_TITLES = {
    "en": "The site is temporarily unavailable",
    "ko": "사이트를 잠시 이용할 수 없습니다",
    "es": "El sitio no está disponible temporalmente",
    "zh-hans": "网站暂时无法使用",
    "vi": "Trang web tạm thời không hoạt động",
    "so": "Boggu si ku meel gaar ah uma shaqaynayo",
    "tl": "Pansamantalang hindi available ang site",
    "am": "ድረ-ገጹ ለጊዜው አይገኝም",
    "ru": "Сайт временно недоступен",
}


def test_tables_cover_all_nine_languages():
    assert set(NOT_FOUND_TITLES) == set(LANGUAGE_CODES) == set(UNAVAILABLE_TITLES)


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_missing_page_is_a_translated_404(client, demo, code):
    response = client.get(f"/{code}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{code}"' in html
    assert f"<h1>{NOT_FOUND_TITLES[code]}</h1>" in html
    assert f'href="/{code}/"' in html


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_database_outage_gives_a_translated_503_page(client, demo, code):
    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.cursor",
        side_effect=OperationalError("could not connect to server: Connection refused"),
    ):
        response = client.get(f"/{code}/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert f'<html lang="{code}"' in html
    assert f"<h1>{UNAVAILABLE_TITLES[code]}</h1>" in html


def test_site_serves_again_once_the_database_returns(client, demo):
    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.cursor",
        side_effect=OperationalError("server closed the connection unexpectedly"),
    ):
        assert client.get("/en/").status_code == 503
    assert client.get("/en/").status_code == 200


def test_outage_raised_outside_a_view_is_a_503_not_a_500(rf):
    from config.errors import server_error

    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = server_error(rf.get("/en/"))
    assert response.status_code == 503


def test_503_page_renders_without_touching_the_database(rf):
    from config.errors import service_unavailable

    with mock.patch.object(connection, "cursor", side_effect=AssertionError("used the DB")):
        response = service_unavailable(rf.get("/en/"))
    assert response.status_code == 503


def test_unexpected_error_gives_a_500_page(rf):
    from config.errors import server_error

    try:
        raise ValueError("boom")
    except ValueError:
        response = server_error(rf.get("/en/"))
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in response.content.decode()


@pytest.mark.parametrize(
    ("handler", "status", "title"),
    [
        ("bad_request", 400, "잘못된 요청"),
        ("permission_denied", 403, "접근이 거부되었습니다"),
        ("page_not_found", 404, "페이지를 찾을 수 없습니다"),
    ],
)
def test_client_error_pages_are_translated(rf, handler, status, title):
    from django.utils import translation

    from config import errors

    with translation.override("ko"):
        response = getattr(errors, handler)(rf.get("/ko/"), Exception())
    assert response.status_code == status
    assert f"<h1>{title}</h1>" in response.content.decode()


def test_expired_form_token_explains_what_to_do(client, demo):
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()


@override_settings(
    RATE_LIMITS={"probe": {"path": r"^/es/$", "methods": ("GET",), "limit": 2, "window": 60}}
)
def test_rate_limit_answers_with_a_translated_429(client, demo):
    assert client.get("/es/").status_code == 200
    assert client.get("/es/").status_code == 200
    response = client.get("/es/")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60  # the seconds left in this window
    assert "<h1>Demasiadas solicitudes</h1>" in response.content.decode()
