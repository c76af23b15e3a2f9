"""Views: public pages for residents, moderation screens for staff."""
