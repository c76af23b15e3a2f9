"""The kiosk link staff open on a library PC or meeting tablet: it sets the kiosk cookie and
says what the device now is; a forged, revoked or expired link sets nothing."""

from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from consultation.kiosks.access import kiosk_from_token, kiosk_set_cookie
from consultation.selectors.drafts import live_consultation_in_language

TEMPLATE = "consultation/kiosk.html"


@require_GET
def kiosk_start(request, token: str):
    kiosk = kiosk_from_token(token)
    if kiosk is None:
        response = TemplateResponse(request, TEMPLATE, {"kiosk": None}, status=404)
    else:
        context = {
            "kiosk": kiosk,
            "start": live_consultation_in_language(get_language()),
        }
        response = TemplateResponse(request, TEMPLATE, context)
        kiosk_set_cookie(response, kiosk)
    response["Cache-Control"] = "no-store"
    return response
