"""Shared fixtures: the seeded demo site, staff users for each role, and a clean cache."""

import pytest
from django.core.cache import cache

from tests.factories import user_in_role


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Seed the demo once per session: nine languages of pages take seconds to build."""
    from consultation.demo import seed_demo

    with django_db_blocker.unblock():
        seed_demo()


@pytest.fixture
def demo(db):
    """The demo consultation with both drafts in all nine languages. Seeding is idempotent, so
    this only rebuilds what a browser test's flush removed."""
    from consultation.demo import seed_demo

    return seed_demo()


@pytest.fixture
def admin_user(db):
    return user_in_role("admin", "root-admin")


@pytest.fixture
def editor_user(db):
    return user_in_role("editor")


@pytest.fixture
def moderator_user(db):
    return user_in_role("moderator")


@pytest.fixture
def analyst_user(db):
    return user_in_role("analyst")
