"""Shared fixtures: the seeded demo site, staff users for each role, and a clean cache."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache


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
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("root-admin", "admin@example.org", "pw")


def _user_in_group(django_user_model, username: str, group_name: str):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    group, _created = Group.objects.get_or_create(name=group_name)
    user.groups.add(group)
    return user


@pytest.fixture
def editor_user(db, django_user_model):
    return _user_in_group(django_user_model, "editor", "Editors")


@pytest.fixture
def moderator_user(db, django_user_model):
    return _user_in_group(django_user_model, "moderator", "Moderators")


@pytest.fixture
def analyst_user(db, django_user_model):
    return _user_in_group(django_user_model, "analyst", "Analysts")
