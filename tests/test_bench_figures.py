"""How the benchmark turns wrk runs into figures: medians, ranges and ratios taken pair by pair."""

import pytest

from bench import report, web


def run(rate: float, p99: float = 20.0, errors: int = 0) -> web.WrkResult:
    return web.WrkResult(rate, 5.0, 10.0, p99, int(rate * 2), errors, 0)


def test_ratio_is_the_median_of_the_pairs_with_their_range():
    # The second pair ran while something else shared the CPUs: both sides slowed.
    pages = [run(3_000), run(1_000), run(3_300), run(2_900), run(3_100)]
    statics = [run(3_400), run(1_250), run(3_500), run(3_600), run(3_300)]

    figures = web.compared(pages, statics)

    ratios = sorted(
        p.requests_per_second / s.requests_per_second for p, s in zip(pages, statics, strict=True)
    )
    assert figures["ratio"] == {"median": ratios[2], "min": 0.8, "max": ratios[4]}
    assert figures["page"]["requests_per_second"] == {"median": 3_000, "min": 1_000, "max": 3_300}
    assert figures["reference"]["requests_per_second"] == {
        "median": 3_400,
        "min": 1_250,
        "max": 3_600,
    }


def test_a_side_sums_its_errors_and_keeps_every_run():
    side = web.summary([run(100, p99=900.0, errors=3), run(120, p99=400.0), run(90, p99=500.0)])

    assert side["errors"] == 3
    assert side["p99_ms"] == 500.0
    assert [r["requests_per_second"] for r in side["runs"]] == [100, 120, 90]


def test_pairs_of_different_lengths_are_refused():
    with pytest.raises(ValueError):
        web.compared([run(1), run(2)], [run(1)])


def size(pathways: int, cached: float, uncached: float, guide_queries: int = 3) -> dict:
    def mode(median: float) -> dict:
        ratio = {"median": median, "min": median - 0.1, "max": median + 0.05}
        return {name: {"ratio": ratio} for name in ("guide", "hub")}

    return {
        "pathways": pathways,
        "pages": {"guide": {"queries": guide_queries}, "hub": {"queries": 3}},
        "cached": mode(cached),
        "uncached": mode(uncached),
    }


def test_targets_of_each_configuration_at_the_largest_size():
    results = {
        "configs": {
            "sqlite": {
                "sizes": [size(10, 0.95, 0.30), size(10_000, 0.89, 0.16)],
                "import": {"guides": 1_000, "seconds": 4.2, "render_seconds": 2.0},
            },
            "postgres": {
                "sizes": [size(10, 0.9, 0.2), size(10_000, 0.81, 0.14, guide_queries=4)],
                "import": {"guides": 1_000, "seconds": 10.5, "render_seconds": 2.5},
            },
        },
        "view_writes": {
            "visitors": 1_000,
            "rows_updated": 3,
            "views_before": 7,
            "views_after": 1_007,
            "exact": True,
        },
    }

    # Ranges are written with an en dash; compared here with a hyphen.
    rows = {
        what: (measured.replace(report.DASH, "-"), ok)
        for what, measured, ok in report.targets(results)
    }

    assert rows == {
        "Cached guide and hub ≥ 90% of the static file, SQLite + local-memory cache": (
            "guide 89% (79-94), hub 89% (79-94)",
            False,
        ),
        "Cached guide and hub ≥ 80% of the static file, PostgreSQL + Redis": (
            "guide 81% (71-86), hub 81% (71-86)",
            True,
        ),
        "Uncached guide and hub ≥ 15% of the static file, SQLite + local-memory cache": (
            "guide 16% (6-21), hub 16% (6-21)",
            True,
        ),
        "Uncached guide and hub ≥ 15% of the static file, PostgreSQL + Redis": (
            "guide 14% (4-19), hub 14% (4-19)",
            False,
        ),
        "Queries per page the same at 10 and 10,000 pathways, SQLite + local-memory cache": (
            "all the same",
            True,
        ),
        "Queries per page the same at 10 and 10,000 pathways, PostgreSQL + Redis": (
            "differ: guide",
            False,
        ),
        "Importing 1,000 guides under 10 s, SQLite": (
            "4.2 s, of which 2.0 s rendering the stored HTML",
            True,
        ),
        "Importing 1,000 guides under 10 s, PostgreSQL": (
            "10.5 s, of which 2.5 s rendering the stored HTML",
            False,
        ),
        "With Redis, 1,000 counted views of one guide: at most 10 database writes, total exact": (
            "3 rows updated; views 7 → 1,007",
            True,
        ),
    }
