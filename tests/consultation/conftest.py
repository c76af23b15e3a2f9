"""Fixtures of the consultation tests."""

import pytest

from .statement_helpers import make_statements


@pytest.fixture
def statements(demo):
    return make_statements(demo)
