"""`manage.py seed_demo` prints an admin login that works, and running it twice is harmless."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_seed_demo_prints_a_working_admin_login(client, demo):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    match = re.search(r"user '([^']+)'\s+password '([^']+)'", out.getvalue())
    assert match, out.getvalue()
    username, password = match.groups()
    assert client.login(username=username, password=password)
    assert client.get("/admin/").status_code == 200


def test_second_run_keeps_the_existing_password(demo):
    call_command("seed_demo", stdout=StringIO())
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "password unchanged" in out.getvalue()
    assert "0 new translations" in out.getvalue()
