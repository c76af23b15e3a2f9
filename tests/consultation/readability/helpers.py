"""A deliberately hard right, put into a draft as an editor's unpublished change."""

from consultation.models import BillOfRightsDraftPage

HARD = {
    "en": (
        "Notwithstanding any contrary administrative determination, applications submitted by "
        "residents are reviewed and adjudicated by the responsible departmental representative "
        "in accordance with established organisational procedures, and notifications are "
        "subsequently transmitted electronically."
    ),
    "es": (
        "Las solicitudes presentadas por los ciudadanos son examinadas y resueltas por el "
        "departamento administrativo correspondiente de conformidad con los procedimientos "
        "organizativos establecidos, y las notificaciones son posteriormente transmitidas "
        "electrónicamente a los interesados."
    ),
    "ru": (
        "Заявления, представленные гражданами, будут рассмотрены уполномоченным "
        "представителем соответствующего административного подразделения в соответствии с "
        "установленными организационными процедурами, а уведомления впоследствии будут "
        "направлены заявителям электронным образом."
    ),
}


def draft_in(demo, language: str, version: int = 2) -> BillOfRightsDraftPage:
    source = demo["drafts"][version - 1]
    return BillOfRightsDraftPage.objects.get(
        translation_key=source.translation_key, locale__language_code=language
    )


def make_hard(page: BillOfRightsDraftPage, language: str, index: int = 3) -> str:
    """Save an unpublished revision whose right number ``index + 1`` has a hard statement;
    return that right's block id."""
    page = page.get_latest_revision_as_object()
    block = page.body[index]
    value = dict(block.value)
    value["statement"] = HARD[language]
    page.body[index] = ("right", value, block.id)
    page.save_revision()
    return block.id
