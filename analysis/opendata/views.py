"""The open data API: read-only JSON (paged), full downloads (CSV and JSON, streamed), the
OpenAPI description and the public page explaining it all.

Plain Django views, not wagtail.api.v2 / Django REST framework: Wagtail's API serves pages,
images and documents from a model's api_fields, while these rows are assembled from comments,
the published analysis and the drafts' right titles, with redaction and small-group rules
applied per row. Every JSON answer names the licence; every answer links it (Link header)."""

import csv
import json
from functools import wraps

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from analysis.opendata.openapi import openapi_description
from analysis.opendata.query import (
    OpenDataForm,
    RowMaker,
    build_query,
    selected_comments,
)
from consultation.selectors.drafts import consultation_in_language
from consultation.selectors.opendata import consultation_outline, open_consultations
from participation import ratelimit
from participation.spreadsheet import safe_row

CSV_COLUMNS = (
    "id",
    "consultation",
    "draft",
    "draft_version",
    "right_key",
    "right",
    "language",
    "channel",
    "channel_name",
    "date",
    "stance",
    "district",
    "text",
    "theme_keys",
    "themes",
    "licence",
)


def licence() -> dict:
    return dict(settings.OPEN_DATA_LICENCE)


def _headers(response):
    response["Link"] = f'<{settings.OPEN_DATA_LICENCE["url"]}>; rel="license"'
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=60"
    return response


def _json(data: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    return _headers(response)


def limited(scope: str):
    """Count each request against the named rate limit; answer 429 in JSON with Retry-After."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            verdict = ratelimit.check(request, scope)
            if not verdict.allowed:
                response = _json({"error": "Too many requests.", "licence": licence()}, 429)
                response["Retry-After"] = str(verdict.retry_after)
                response["Cache-Control"] = "no-store"
                return response
            return view(request, *args, **kwargs)

        return require_GET(wrapper)

    return decorator


def _checked(request):
    form = OpenDataForm(request.GET)
    if not form.is_valid():
        errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
        return None, _json({"errors": errors, "licence": licence()}, status=400)
    return build_query(form), None


@limited("open-data")
def api_index(request):
    names = ("consultations", "comments", "themes", "comments_csv", "comments_json", "openapi")
    links = {name: request.build_absolute_uri(reverse(f"opendata:{name}")) for name in names}
    return _json({"licence": licence(), "endpoints": links})


@limited("open-data")
def consultations(request):
    """Each published consultation with its drafts and rights, named in the language asked."""
    query, error = _checked(request)
    if error:
        return error
    results = []
    for consultation in query.consultations:
        outline = consultation_outline(consultation, language=query.language)
        results.append(
            {
                "id": consultation.pk,
                "title": consultation.title,
                "drafts": sorted(outline["drafts"].values(), key=lambda d: d["version"]),
                "rights": [{"key": k, "title": t} for k, t in outline["rights"].items()],
            }
        )
    return _json({"licence": licence(), "results": results})


def _page_link(request, number: int) -> str:
    params = request.GET.copy()
    params["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


@limited("open-data")
def comments(request):
    """Published, redacted comments, paged (page, page_size) and filtered."""
    query, error = _checked(request)
    if error:
        return error
    paginator = Paginator(selected_comments(query), query.page_size)
    page = paginator.get_page(query.page)
    maker = RowMaker(query)
    return _json(
        {
            "licence": licence(),
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "page_size": query.page_size,
            "next": _page_link(request, page.number + 1) if page.has_next() else None,
            "previous": _page_link(request, page.number - 1) if page.has_previous() else None,
            "results": [maker.row(comment) for comment in page.object_list],
        }
    )


@limited("open-data")
def themes(request):
    """Theme counts of each consultation's published analysis (approved themes only)."""
    query, error = _checked(request)
    if error:
        return error
    results = []
    for consultation in query.consultations:
        analysis = query.analyses.get(str(consultation.translation_key))
        results.append(
            {
                "consultation": consultation.pk,
                "analysis": None
                if analysis is None
                else {"run": analysis.run_id, "approved_at": analysis.approved_at},
                "themes": [] if analysis is None else list(analysis.themes.values()),
            }
        )
    return _json({"licence": licence(), "results": results})


class _Echo:
    def write(self, value):
        return value


def _csv_lines(query):
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(CSV_COLUMNS)
    maker, name = RowMaker(query), settings.OPEN_DATA_LICENCE["name"]
    for comment in selected_comments(query).iterator(chunk_size=1000):
        row = maker.row(comment)
        row["theme_keys"] = "; ".join(t["key"] for t in row["themes"])
        row["themes"] = "; ".join(t["label"] for t in row["themes"])
        row["licence"] = name
        yield writer.writerow(safe_row(row[column] for column in CSV_COLUMNS))


def _json_chunks(query):
    head = json.dumps({"licence": licence()}, ensure_ascii=False)[:-1]
    yield head + ', "results": ['
    maker = RowMaker(query)
    for index, comment in enumerate(selected_comments(query).iterator(chunk_size=1000)):
        yield ("," if index else "") + json.dumps(maker.row(comment), ensure_ascii=False)
    yield "]}"


@limited("open-data-download")
def download(request, fmt: str):
    """Every comment the filters select, in one file (no paging)."""
    query, error = _checked(request)
    if error:
        return error
    if fmt == "csv":
        response = StreamingHttpResponse(_csv_lines(query), content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(
            _json_chunks(query), content_type="application/json; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="comments.{fmt}"'
    return _headers(response)


@limited("open-data")
def openapi(request):
    server = request.build_absolute_uri(reverse("opendata:index"))
    return _json(openapi_description(server=server, licence=licence()))


def docs_page(request):
    """The public page that explains the open data, in the reader's language."""
    language = get_language()
    context = {
        "licence": licence(),
        "min_group_size": settings.OPEN_DATA_MIN_GROUP_SIZE,
        "api_url": reverse("opendata:index"),
        "openapi_url": reverse("opendata:openapi"),
        "consultations": [
            {
                "title": (consultation_in_language(consultation, language) or consultation).title,
                "id": consultation.pk,
                "csv": f"{reverse('opendata:comments_csv')}?consultation={consultation.pk}"
                f"&lang={language}",
                "json": f"{reverse('opendata:comments_json')}?consultation={consultation.pk}"
                f"&lang={language}",
            }
            for consultation in open_consultations()
        ],
    }
    return TemplateResponse(request, "analysis/opendata/docs.html", context)
