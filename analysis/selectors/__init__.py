"""Read-only queries of the analysis app, by concern: runs, themes, report figures, what the
public pages show, and what one resident's comment led to (outcomes). Nothing here writes: a
stored report is refreshed by the services that change what it summarises.

Import the submodules (``from analysis.selectors import runs``); this package re-exports nothing,
so a page model importing one of them never drags in the others.
"""
