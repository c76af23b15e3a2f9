"""Background work for comments. Tasks stay thin: fetch the row, call the service."""

from django_tasks import task

from consultation.models import Comment
from consultation.services.receipts import comment_send_receipt


@task()
def send_receipt_task(comment_id: int) -> bool:
    comment = Comment.objects.filter(pk=comment_id).first()
    if comment is None:
        return False
    return comment_send_receipt(comment=comment)
