"""The measured steps of bench.campaign, once Django is set up against the bench database."""

import csv
import io
import os
import time

TARGETS = {"queue_p50_ms": 150, "bulk_approve_500_s": 3.0, "public_list_p50_ms": 100}


def _draft():
    from consultation.models import BillOfRightsDraftPage

    return BillOfRightsDraftPage.objects.live().get(
        locale__language_code="en", url_path__endswith="/draft-2/"
    )


def _moderator():
    from django.contrib.auth.models import Group, User

    user, _created = User.objects.get_or_create(username="bench-moderator")
    group = Group.objects.filter(name="Moderators").first()
    if group is not None:
        user.groups.add(group)
    else:
        user.is_superuser = True
    user.is_staff = True
    user.save()
    return user


def _queue_pages(client, samples: int, timed) -> dict:
    from consultation.models import Comment

    per_page = 50
    awaiting = Comment.objects.filter(status="awaiting_moderation").count()
    every = Comment.objects.count()
    duplicates_en = (
        Comment.objects.filter(status="awaiting_moderation", language="en")
        .exclude(duplicate_group="")
        .count()
    )

    def last(total: int) -> int:
        return max(1, -(-total // per_page))

    views = {
        "unfiltered_first": "/admin/comments/?status=",
        "unfiltered_last": f"/admin/comments/?status=&p={last(every)}",
        "awaiting_first": "/admin/comments/",
        "awaiting_last": f"/admin/comments/?p={last(awaiting)}",
        "language_duplicates_first": "/admin/comments/?language=en&flag=duplicate",
        "language_duplicates_last": (
            f"/admin/comments/?language=en&flag=duplicate&p={last(duplicates_en)}"
        ),
    }
    return {name: timed(client, path, samples) for name, path in views.items()}


def _bulk_approve(client, count: int = 500) -> dict:
    from consultation.models import Comment

    ids = list(
        Comment.objects.filter(status="awaiting_moderation")
        .order_by("received_at", "pk")
        .values_list("pk", flat=True)[:count]
    )
    query = "&".join(f"id={pk}" for pk in ids)
    url = f"/admin/bulk/consultation/comment/publish/?next=/admin/comments/&{query}"
    started = time.perf_counter()
    response = client.post(url, {"note": ""})
    seconds = time.perf_counter() - started
    published = Comment.objects.filter(pk__in=ids, status="published").count()
    return {
        "comments": len(ids),
        "status": response.status_code,
        "published": published,
        "seconds": round(seconds, 2),
        "load_1min": os.getloadavg()[0],
    }


def _export(client) -> dict:
    started = time.perf_counter()
    response = client.get("/admin/comments/?status=&export=csv")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    seconds = time.perf_counter() - started
    rows = sum(1 for _row in csv.reader(io.StringIO(body.decode("utf-8-sig")))) - 1
    return {
        "status": response.status_code,
        "rows": rows,
        "megabytes": round(len(body) / 1e6, 1),
        "seconds": round(seconds, 2),
        "load_1min": os.getloadavg()[0],
    }


def run_steps(args, *, fill, timed) -> dict:
    from django.core.cache import cache
    from django.test import Client

    from consultation.models import Comment

    draft = _draft()
    right_keys = [block.id for block in draft.rights()] + [""]
    result: dict = {"comments": args.comments, "samples": args.samples}
    if args.reuse and Comment.objects.filter(client_hash="bench-campaign").count() >= args.comments:
        result["fill_seconds"] = "reused"
    else:
        result["fill_seconds"] = round(fill(args.comments, draft, right_keys), 1)
    cache.clear()  # summaries cached before the bulk insert would hide it
    result["total_comments"] = Comment.objects.count()
    client = Client(HTTP_HOST="localhost")
    client.force_login(_moderator())
    result["queue"] = _queue_pages(client, args.samples, timed)
    public = Client(HTTP_HOST="localhost")
    right = right_keys[0]
    published = Comment.objects.filter(
        draft_key=draft.translation_key, right_key=right, status="published"
    ).count()
    result["public_list"] = {
        "first": timed(public, f"/en/comments/{draft.pk}/{right}/", args.samples),
        "last": timed(
            public, f"/en/comments/{draft.pk}/{right}/?page={-(-published // 20)}", args.samples
        ),
        "published_on_this_right": published,
    }
    reference = Comment.objects.filter(client_hash="bench-campaign").last().reference
    result["status_page"] = timed(public, f"/en/status/?code={reference}", args.samples)
    result["draft_page_uncached"] = timed(public, draft.url, args.samples)
    result["bulk_approve_500"] = _bulk_approve(client)
    result["csv_export"] = _export(client)
    queue_worst = max(view["p50_ms"] for view in result["queue"].values())
    list_worst = max(result["public_list"][k]["p50_ms"] for k in ("first", "last"))
    result["against_targets"] = {
        "queue_worst_p50_ms": [queue_worst, TARGETS["queue_p50_ms"]],
        "bulk_approve_500_s": [
            result["bulk_approve_500"]["seconds"],
            TARGETS["bulk_approve_500_s"],
        ],
        "public_list_worst_p50_ms": [list_worst, TARGETS["public_list_p50_ms"]],
    }
    return result
