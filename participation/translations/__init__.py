"""Translations of what residents wrote, kept beside the original and never in place of it.

A translation names its contribution the way the analysis does (content type, object id,
field key: "" for a comment, the question key for a survey answer), so one table serves
comments and survey answers without the kernel importing either app. People (translators,
moderators) and machines (a backend the city switches on in settings) both add rows; a
person's translation wins over a machine's in every place one is shown.
"""
