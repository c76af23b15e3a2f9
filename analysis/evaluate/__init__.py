"""Offline evaluation of the analysis engine on public data (see docs/analysis-method.md)."""
