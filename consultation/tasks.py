"""Background work for comments. Tasks stay thin: fetch the row, call the service."""

from django_tasks import task

from consultation.meetings.emails import signup_send_confirmation
from consultation.models import Comment, MeetingSignup
from consultation.services.duplicates import comment_group_duplicates
from consultation.services.receipts import comment_send_receipt


@task()
def send_receipt_task(comment_id: int) -> bool:
    comment = Comment.objects.filter(pk=comment_id).first()
    if comment is None:
        return False
    return comment_send_receipt(comment=comment)


@task()
def send_signup_confirmation_task(signup_id: int) -> bool:
    signup = MeetingSignup.objects.filter(pk=signup_id).first()
    if signup is None:
        return False
    return signup_send_confirmation(signup=signup)


@task()
def group_duplicates_task(comment_id: int) -> str:
    comment = Comment.objects.filter(pk=comment_id).first()
    if comment is None:
        return ""
    return comment_group_duplicates(comment=comment)
