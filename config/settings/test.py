"""Test settings: fast hashing, in-memory e-mail, tasks run immediately in-process."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105 - tests only
PSEUDONYM_KEY = "test-only-pseudonym-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Tasks run in-process here, so every comment a test submits would wait for the sentence model;
# tests/analysis/test_vectors.py turns embedding on submit back on where it is the subject.
SENTENCE_VECTORS_ON_SUBMIT = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if not os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests read what they just wrote; tests/test_pagecache.py turns the page cache on itself.
PAGE_CACHE_SECONDS = 0
# Serve static files from the app folders, as in development: a fresh clone has no
# collectstatic output, and tests must not depend on one left behind by a manual run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
