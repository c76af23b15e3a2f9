"""Liveness and readiness: what a load balancer asks before sending residents to a server."""

import datetime as dt
from unittest import mock

import pytest
from django.db import OperationalError
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_liveness_answers_without_the_database(client):
    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.cursor",
        side_effect=OperationalError("down"),
    ):
        response = client.get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readiness_reports_database_and_cache(client):
    response = client.get("/health/ready")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"] == "ok"


def test_readiness_fails_when_the_database_is_down(client):
    with mock.patch(
        "config.health.check_database", side_effect=OperationalError("connection refused")
    ):
        response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "failed"


def test_readiness_fails_when_the_cache_is_down(client):
    with mock.patch("config.health.cache.set", side_effect=ConnectionError("redis down")):
        response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "failed"


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _waiting_task(age: dt.timedelta):
    from django_tasks_db.models import DBTaskResult, get_date_max

    result = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="config.health.live",
        backend_name="default",
        queue_name="default",
        run_after=get_date_max(),
    )
    DBTaskResult.objects.filter(pk=result.pk).update(enqueued_at=timezone.now() - age)


def test_readiness_is_ok_while_workers_keep_up(client, database_tasks, settings):
    settings.HEALTH_MAX_WORKER_LAG = 300
    _waiting_task(dt.timedelta(seconds=5))
    body = client.get("/health/ready").json()
    assert body["checks"]["workers"] == "ok"
    assert 0 <= body["worker_lag_s"] < 300


def test_readiness_fails_when_tasks_wait_too_long(client, database_tasks, settings):
    settings.HEALTH_MAX_WORKER_LAG = 300
    _waiting_task(dt.timedelta(minutes=20))
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["workers"] == "lagging"
    assert response.json()["worker_lag_s"] >= 1200
