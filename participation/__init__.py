"""The participation kernel: the rules every way a resident takes part shares, one copy each.

Comments (consultation) and survey answers (survey) sit on top of it; it imports neither of them
nor analysis. See docs/architecture.md for the layers.
"""
