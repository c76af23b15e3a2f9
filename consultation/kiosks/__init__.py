"""Kiosks: library PCs and meeting tablets that staff let many residents comment from, for a
set time, without the shared per-address limit (see consultation/models/kiosks.py)."""
