"""The kernel's own tables: translations of residents' words (participation/translations)."""

from participation.translations.models import (
    MachineTranslationRequest,
    MachineTranslationStatus,
    Translation,
    TranslationOrigin,
)

__all__ = [
    "MachineTranslationRequest",
    "MachineTranslationStatus",
    "Translation",
    "TranslationOrigin",
]
