"""The plain-language check in the Wagtail admin: a panel on each draft's rights in the editor,
its live refresh, and the per-language report. The measuring itself is the pure-Python
``consultation.readability``; this package only gathers texts, thresholds and permissions."""
