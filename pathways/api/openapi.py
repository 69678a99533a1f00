"""The API's OpenAPI 3.1 document, written by hand: three endpoints and their schemas.

Its schemas are JSON Schema (2020-12); the tests validate every answer against them.
"""

from copy import deepcopy


def _nullable(schema: dict) -> dict:
    return {"oneOf": [schema, {"type": "null"}]}


def _object(properties: dict, **extra) -> dict:
    """An object with exactly these properties, all present."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
        **extra,
    }


TEXT = {"type": "string"}
TEXT_OR_NULL = {"type": ["string", "null"]}
COUNT_OR_NULL = {"type": ["integer", "null"], "minimum": 0}
URL = {"type": "string", "format": "uri"}
SLUG = {"type": "string", "description": "The address of a role or pathway, in any script."}


def _range(unit: str, description: str) -> dict:
    return _nullable(
        _object(
            {
                "text": TEXT,
                f"min_{unit}": {"type": ["integer", "null"]},
                f"max_{unit}": {"type": ["integer", "null"]},
            },
            description=description,
        )
    )


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _list(name: str) -> dict:
    return {"type": "array", "items": _ref(name)}


SCHEMAS = {
    "RoleName": _object({"name": TEXT, "slug": SLUG}),
    "Timeline": _range("months", "As the guide words it, and in months when it gives figures."),
    "SalaryChange": _range("percent", "As the guide words it, and in percent."),
    "PathwaySummary": _object(
        {
            "slug": SLUG,
            "title": TEXT,
            "roles": _object({"from": _ref("RoleName"), "to": _ref("RoleName")}),
            "stats": _object(
                {
                    "difficulty": TEXT_OR_NULL,
                    "timeline": _ref("Timeline"),
                    "salary_change": _ref("SalaryChange"),
                    "demand": TEXT_OR_NULL,
                    "roadmap_weeks": {
                        **COUNT_OR_NULL,
                        "description": "The weeks of the whole roadmap; null without one.",
                    },
                }
            ),
            "url": {**URL, "description": "The guide's page."},
            "api_url": {**URL, "description": "The whole pathway in this API."},
        }
    ),
    "PathwayPage": _object(
        {
            "count": {"type": "integer", "minimum": 0},
            "next": _nullable(URL),
            "previous": _nullable(URL),
            "results": _list("PathwaySummary"),
        }
    ),
    "Pathway": _object(
        {
            "slug": SLUG,
            "from_role": SLUG,
            "to_role": SLUG,
            "title": TEXT,
            "guide_months": COUNT_OR_NULL,
            "difficulty": TEXT_OR_NULL,
            "timeline": _ref("Timeline"),
            "salary_change": _ref("SalaryChange"),
            "demand": TEXT_OR_NULL,
            "overview": {**TEXT_OR_NULL, "description": "Markdown."},
            "transferable_skills": {
                "type": "array",
                "items": _object({"name": TEXT, "description": TEXT}),
            },
            "skills_to_learn": {
                "type": "array",
                "items": _object(
                    {
                        "name": TEXT,
                        "priority": {"enum": ["critical", "important", "nice_to_have"]},
                        "weeks": {"type": "integer", "minimum": 1},
                        "description": TEXT,
                    }
                ),
            },
            "roadmap": {
                "type": "array",
                "items": _object(
                    {
                        "order": {"type": "integer", "minimum": 0},
                        "title": TEXT,
                        "weeks": {"type": "integer", "minimum": 1},
                        "tasks": {"type": "array", "items": TEXT},
                        "resources": {"type": "array", "items": TEXT},
                    }
                ),
            },
            "reality_check": _object(
                {name: {"type": "array", "items": TEXT} for name in ("love", "miss", "challenges")}
            ),
            "action_plan": _object(
                {
                    name: {"type": "array", "items": TEXT}
                    for name in ("this_week", "this_month", "next_90_days")
                }
            ),
            "faqs": {
                "type": "array",
                "items": _object(
                    {"question": TEXT, "answer": {**TEXT, "description": "Markdown."}}
                ),
            },
        },
        description="A pathway as the site's schema-1 export has it, without editorial fields.",
    ),
    "Role": _object(
        {
            "slug": SLUG,
            "name": TEXT,
            "description": {**TEXT_OR_NULL, "description": "Markdown."},
            "hub": _nullable(
                _object(
                    {"url": URL, "description": {**TEXT_OR_NULL, "description": "Markdown."}},
                    description="The role's page of paths into it; null when none leads there.",
                )
            ),
            "paths_from_url": _nullable(URL),
            "paths_into": _list("PathwaySummary"),
            "paths_from": _list("PathwaySummary"),
        }
    ),
    "Error": _object({"detail": TEXT}),
}

NOT_FOUND = {
    "description": "Nothing published here.",
    "content": {"application/json": {"schema": _ref("Error")}},
}
SLUG_PARAMETER = {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}


def _ok(description: str, schema: str) -> dict:
    return {
        "description": description,
        "headers": {
            "ETag": {"schema": {"type": "string"}},
            "Cache-Control": {"schema": {"type": "string"}},
            "Access-Control-Allow-Origin": {"schema": {"const": "*"}},
        },
        "content": {"application/json": {"schema": _ref(schema)}},
    }


PATHS = {
    "/api/v1/pathways/": {
        "get": {
            "operationId": "listPathways",
            "summary": "Published pathways, 50 a page, in the order they were added.",
            "parameters": [
                {
                    "name": "page",
                    "in": "query",
                    "required": False,
                    "schema": {"type": "integer", "minimum": 1, "default": 1},
                    "description": "A page past the last, or not a whole number, is a 404.",
                }
            ],
            "responses": {"200": _ok("A page of pathways.", "PathwayPage"), "404": NOT_FOUND},
        }
    },
    "/api/v1/pathways/{slug}/": {
        "get": {
            "operationId": "getPathway",
            "summary": "One published pathway, its whole guide.",
            "parameters": [SLUG_PARAMETER],
            "responses": {"200": _ok("The pathway.", "Pathway"), "404": NOT_FOUND},
        }
    },
    "/api/v1/roles/{slug}/": {
        "get": {
            "operationId": "getRole",
            "summary": "A role, its hub page and the published paths into and from it.",
            "parameters": [SLUG_PARAMETER],
            "responses": {"200": _ok("The role.", "Role"), "404": NOT_FOUND},
        }
    },
}


def document(server: str) -> dict:
    """The whole document, naming ``server`` (the site's absolute root) as its server."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Pathways open data",
            "version": "1",
            "summary": "Career transition guides, read-only, as JSON.",
        },
        "servers": [{"url": server.rstrip("/") or "/"}],
        "paths": deepcopy(PATHS),
        "components": {"schemas": deepcopy(SCHEMAS)},
    }
