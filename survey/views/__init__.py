"""Resident-facing survey views (public) and the staff results screens (admin)."""

from survey.views.public import survey_print_view, survey_step_view, survey_thank_you_view

__all__ = ["survey_print_view", "survey_step_view", "survey_thank_you_view"]
