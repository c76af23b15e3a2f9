"""The OpenAPI 3 description of the open data API, built as a plain dict so the test suite can
validate exactly what /api/open-data/v1/openapi.json serves. English, like the field names;
the public page explains the same in every language."""

PAGE_SIZE_MAX = 500

_FILTERS = [
    ("consultation", "integer", "Only this consultation (an id from /consultations/)."),
    ("draft", "integer", "Only comments on this draft (a draft id from /consultations/)."),
    ("right", "string", "Only comments on this right (its key); '-' for the whole draft."),
    ("language", "string", "Only comments written in this language (e.g. ko, am)."),
    ("theme", "string", "Only comments that fed this approved theme (its key)."),
    ("date_from", "date", "Only comments received on or after this day (YYYY-MM-DD)."),
    ("date_to", "date", "Only comments received on or before this day (YYYY-MM-DD)."),
    ("lang", "string", "Language of names: right titles, channel names, theme labels."),
]


def _parameter(name: str, kind: str, description: str) -> dict:
    schema = {"type": "string", "format": "date"} if kind == "date" else {"type": kind}
    if name == "consultation" or name == "draft":
        schema["minimum"] = 1
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


def _filters() -> list[dict]:
    return [_parameter(*spec) for spec in _FILTERS]


def _paging() -> list[dict]:
    return [
        {
            "name": "page",
            "in": "query",
            "required": False,
            "schema": {"type": "integer", "minimum": 1},
        },
        {
            "name": "page_size",
            "in": "query",
            "required": False,
            "schema": {"type": "integer", "minimum": 1, "maximum": PAGE_SIZE_MAX, "default": 100},
        },
    ]


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


TEXT = {"type": "string"}
NAMED = {"type": "object", "properties": {"key": TEXT, "label": TEXT}}


def _comment_schema() -> dict:
    nullable_int = {"type": "integer", "nullable": True}
    return {
        "type": "object",
        "required": ["id", "consultation", "language", "channel", "date", "stance", "text"],
        "properties": {
            "id": {"type": "integer"},
            "consultation": {"type": "integer"},
            "draft": nullable_int,
            "draft_version": nullable_int,
            "right_key": {**TEXT, "description": "Stable key of the right; empty: whole draft."},
            "right": {**TEXT, "description": "Number and title of the right."},
            "language": TEXT,
            "channel": TEXT,
            "channel_name": TEXT,
            "date": {"type": "string", "format": "date"},
            "stance": {"type": "string", "enum": ["agree", "disagree", "unsure", "none"]},
            "district": {
                **TEXT,
                "description": "Empty unless enough published comments share the district.",
            },
            "text": {**TEXT, "description": "Personal data replaced by placeholders."},
            "themes": {"type": "array", "items": NAMED},
        },
    }


def _page_schema() -> dict:
    return {
        "type": "object",
        "properties": {
            "licence": _ref("Licence"),
            "count": {"type": "integer"},
            "page": {"type": "integer"},
            "pages": {"type": "integer"},
            "page_size": {"type": "integer"},
            "next": {"type": "string", "nullable": True},
            "previous": {"type": "string", "nullable": True},
            "results": {"type": "array", "items": _ref("Comment")},
        },
    }


def _theme_schemas() -> dict:
    theme = {
        "type": "object",
        "properties": {
            "key": TEXT,
            "label": TEXT,
            "count": {"type": "integer"},
            "share": {"type": "number"},
            "stance": {"type": "object", "additionalProperties": {"type": "integer"}},
        },
    }
    analysis = {
        "type": "object",
        "nullable": True,
        "properties": {"run": {"type": "integer"}, "approved_at": TEXT},
    }
    per_consultation = {
        "type": "object",
        "properties": {
            "consultation": {"type": "integer"},
            "analysis": analysis,
            "themes": {"type": "array", "items": _ref("Theme")},
        },
    }
    return {"Theme": theme, "ConsultationThemes": per_consultation}


def _schemas() -> dict:
    licence = {
        "type": "object",
        "required": ["name", "url"],
        "properties": {"name": TEXT, "url": {"type": "string", "format": "uri"}},
    }
    consultation = {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "title": TEXT,
            "drafts": {"type": "array", "items": {"type": "object"}},
            "rights": {
                "type": "array",
                "items": {"type": "object", "properties": {"key": TEXT, "title": TEXT}},
            },
        },
    }
    errors = {
        "type": "object",
        "properties": {
            "errors": {"type": "object", "additionalProperties": {"type": "array"}},
            "licence": _ref("Licence"),
        },
    }
    return {
        "Licence": licence,
        "Comment": _comment_schema(),
        "CommentPage": _page_schema(),
        **_theme_schemas(),
        "Consultation": consultation,
        "Errors": errors,
    }


def _json_answer(description: str, schema: dict) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _list_of(name: str) -> dict:
    return {
        "type": "object",
        "properties": {
            "licence": _ref("Licence"),
            "results": {"type": "array", "items": _ref(name)},
        },
    }


def _answers(ok: dict) -> dict:
    return {
        "200": ok,
        "400": _json_answer("A filter was not understood.", _ref("Errors")),
        "429": {
            "description": "Too many requests; wait the number of seconds in Retry-After.",
            "headers": {"Retry-After": {"schema": {"type": "integer"}}},
        },
    }


def _paths() -> dict:
    download = {
        "description": "Every selected comment in one file.",
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "application/json": {"schema": {"type": "object"}},
        },
    }
    return {
        "/consultations/": {
            "get": {
                "summary": "Published consultations with their drafts and rights",
                "operationId": "listConsultations",
                "parameters": [p for p in _filters() if p["name"] in ("consultation", "lang")],
                "responses": _answers(_json_answer("Consultations.", _list_of("Consultation"))),
            }
        },
        "/comments/": {
            "get": {
                "summary": "Published comments, redacted, one page at a time",
                "operationId": "listComments",
                "parameters": _filters() + _paging(),
                "responses": _answers(_json_answer("A page of comments.", _ref("CommentPage"))),
            }
        },
        "/themes/": {
            "get": {
                "summary": "Approved themes and their counts per consultation",
                "operationId": "listThemes",
                "parameters": [p for p in _filters() if p["name"] in ("consultation", "lang")],
                "responses": _answers(_json_answer("Themes.", _list_of("ConsultationThemes"))),
            }
        },
        "/comments.csv": {
            "get": {
                "summary": "Download the selected comments as CSV",
                "operationId": "downloadCommentsCsv",
                "parameters": _filters(),
                "responses": _answers(download),
            }
        },
        "/comments.json": {
            "get": {
                "summary": "Download the selected comments as JSON",
                "operationId": "downloadCommentsJson",
                "parameters": _filters(),
                "responses": _answers(download),
            }
        },
    }


def openapi_description(*, server: str, licence: dict) -> dict:
    """The whole description; `server` is the API's base URL as the client reached it."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Consultation open data",
            "version": "1",
            "description": (
                "Published comments with personal data hidden, their right, language, "
                "channel, date, stance and approved themes, and theme counts per "
                "consultation. No names, emails, IP addresses or unpublished text. "
                "Rate limited: a 429 answer says when to try again (Retry-After)."
            ),
            "license": {"name": licence["name"], "url": licence["url"]},
        },
        "servers": [{"url": server.rstrip("/")}],
        "paths": _paths(),
        "components": {"schemas": _schemas()},
    }
