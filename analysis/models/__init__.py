from analysis.models.opinions import OpinionSnapshot
from analysis.models.publications import PublishedResult
from analysis.models.reports import ItemReview, OutcomeEmail, PopulationShare, ReportSnapshot
from analysis.models.runs import AnalysisItem, AnalysisRun
from analysis.models.themes import CodebookEntry, Theme, ThemeAssignment, ThemeDecision
from analysis.models.vectors import SentenceVector
from analysis.pages import MethodNotePage, WhatWeHeardPage, YouSaidWeDidPage

__all__ = [
    "AnalysisItem",
    "AnalysisRun",
    "CodebookEntry",
    "ItemReview",
    "MethodNotePage",
    "OpinionSnapshot",
    "OutcomeEmail",
    "PopulationShare",
    "PublishedResult",
    "ReportSnapshot",
    "SentenceVector",
    "Theme",
    "ThemeAssignment",
    "ThemeDecision",
    "WhatWeHeardPage",
    "YouSaidWeDidPage",
]
