"""Benchmarks of the site: ``make bench`` (``python -m bench``); results in docs/benchmarks.md."""
