"""Open data: published, redacted comments with their approved themes, and theme counts, as
a read-only API, downloads and an OpenAPI description, plus the public page explaining them.
Comments come from consultation's selectors; themes from `published.published_analysis`."""
