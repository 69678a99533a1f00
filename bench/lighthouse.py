"""Lighthouse scores of a guide, a hub and the home page, served as in production.

Migrates a throwaway SQLite database, imports ``fixtures/pathways.json`` and
serves the site with gunicorn through ``docker/entrypoint.sh`` with the
production settings (``bench/servers.py``) on a free loopback port, plain
HTTP as behind a proxy that ends TLS. Lighthouse (npm, installed by ``make
lighthouse`` into the git-ignored ``var/lighthouse/``) audits each page with
Debian's Chromium on its default mobile profile, and the four category scores
and every audit that lost points go to ``docs/lighthouse.md``. It takes about
two minutes; ``make test`` does not run it.
"""

import argparse
import datetime
import json
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.servers import ROOT, Site, collect_static, site_environment

LIGHTHOUSE = ROOT / "var" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
PAGES = {
    "guide": "/pathways/backend-developer-to-applied-ai-scientist/",
    "hub": "/become/product-manager/",
    "home": "/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The measurements behind the performance score, as the report names them.
METRICS = {
    "first-contentful-paint": "First Contentful Paint",
    "largest-contentful-paint": "Largest Contentful Paint",
    "total-blocking-time": "Total Blocking Time",
    "cumulative-layout-shift": "Cumulative Layout Shift",
    "speed-index": "Speed Index",
}
TARGET = 95
REPORT = ROOT / "docs" / "lighthouse.md"


def lighthouse_command(url: str, output: Path) -> list[str]:
    return [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={output}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]


def audit(url: str, output: Path) -> dict:
    """Lighthouse's JSON report of one page (the mobile form factor is its default)."""
    subprocess.run(
        lighthouse_command(url, output),
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
        timeout=300,
    )
    return json.loads(output.read_text(encoding="utf-8"))


def scores(report: dict) -> dict[str, int]:
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def lost_points(report: dict) -> list[str]:
    """Each scored audit short of full marks, as "category: title (score)"."""
    lines = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            result = report["audits"][ref["id"]]
            if ref["weight"] and result["score"] is not None and result["score"] < 1:
                shown = f"{result['score']:.2f}"
                if result.get("displayValue"):
                    shown += f", {result['displayValue']}"
                lines.append(f"{name}: {result['title']} (`{ref['id']}`, {shown})")
    return lines


def chromium_version() -> str:
    # The report's user agent has the reduced form (156.0.0.0): ask the browser.
    done = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split()[:2])


def markdown(reports: dict[str, dict], command: str) -> str:
    first = next(iter(reports.values()))
    https = {name: report["audits"]["is-on-https"]["score"] for name, report in reports.items()}
    lines = [
        "# Lighthouse",
        "",
        f"Measured {datetime.date.today().isoformat()} with Lighthouse "
        f"{first['lighthouseVersion']} and {chromium_version()}, mobile form factor "
        "(Lighthouse's default: a mid-range phone, simulated slow 4G), against gunicorn with "
        "the production settings on loopback and the shipped content. The target is "
        f"{TARGET} or more in every category.",
        "",
        "The site is served over plain HTTP here (`DJANGO_SECURE_SSL_REDIRECT=false`, as "
        "behind a proxy that ends TLS); Lighthouse counts 127.0.0.1 as a secure origin, so "
        "its HTTPS audit "
        + ("passes" if set(https.values()) == {1} else f"scores {https}")
        + " as it would on the real address.",
        "",
        "```sh",
        "make lighthouse",
        f"# each page: CHROME_PATH={CHROMIUM} {command}",
        "```",
        "",
        "| page | address | " + " | ".join(CATEGORIES) + " |",
        "| --- | --- | " + " | ".join("---:" for _ in CATEGORIES) + " |",
    ]
    for name, report in reports.items():
        row = scores(report)
        lines.append(
            f"| {name} | `{PAGES[name]}` | " + " | ".join(str(row[c]) for c in CATEGORIES) + " |"
        )
    lines += ["", "| page | " + " | ".join(METRICS.values()) + " |"]
    lines.append("| --- | " + " | ".join("---:" for _ in METRICS) + " |")
    for name, report in reports.items():
        shown = (report["audits"][metric]["displayValue"] for metric in METRICS)
        lines.append(f"| {name} | " + " | ".join(shown) + " |")
    lines += ["", "## Audits short of full marks", ""]
    for name, report in reports.items():
        lost = lost_points(report)
        lines.append(f"- {name}:" + ("" if lost else " none"))
        lines += [f"  - {line}" for line in lost]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report", type=Path, default=REPORT, help="default docs/lighthouse.md")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print(f"lighthouse: {LIGHTHOUSE} missing: run make lighthouse", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="pathways-lighthouse.") as work:
        work = Path(work)
        collect_static(work / "static")
        env = site_environment(
            database_url=f"sqlite:///{work / 'site.sqlite3'}",
            static_root=work / "static",
            DJANGO_SECURE_SSL_REDIRECT="false",
            DJANGO_MIGRATE="true",
            DJANGO_LOAD_CONTENT="true",
            GUNICORN_LOG_LEVEL="warning",
        )
        with Site(env, log_path=work / "gunicorn.log") as site:
            reports = {
                name: audit(site.url + path, work / f"{name}.json") for name, path in PAGES.items()
            }
    command = shlex.join(lighthouse_command("URL", Path("REPORT.json")))
    args.report.write_text(
        markdown(reports, command.replace(str(ROOT) + "/", "")), encoding="utf-8"
    )
    failed = False
    for name, report in reports.items():
        row = scores(report)
        failed |= min(row.values()) < TARGET
        print(f"{name}: " + ", ".join(f"{c} {row[c]}" for c in CATEGORIES))
    print(f"written to {args.report.relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
