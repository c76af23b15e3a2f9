from consultation.models.pages import BillOfRightsDraftPage, ConsultationPage, HomePage

__all__ = ["BillOfRightsDraftPage", "ConsultationPage", "HomePage"]
