"""A reader's pace: the hours a week they can spend, against the baseline a guide's weeks assume.

Guides give their weeks for ``PATHWAYS_BASELINE_HOURS_PER_WEEK`` hours a week.
A reader who can spend more or fewer hours sees every week figure rescaled
(weeks * baseline / hours, rounded up). The pace comes from ``?hours=N``: any
value that is not a whole number from ``MIN_HOURS`` to ``MAX_HOURS`` is the
baseline, so junk never names a page of its own.
"""

import re
from dataclasses import dataclass

from django.conf import settings

MIN_HOURS = 2
MAX_HOURS = 40
# Digits only: int() would also take " 5", "5_0" and digits of other scripts.
HOURS = re.compile(r"[0-9]{1,3}")


@dataclass(frozen=True)
class Pace:
    """Hours a week a reader can spend, and the hours a week the guides' weeks assume."""

    hours: int
    baseline: int

    @property
    def is_baseline(self) -> bool:
        return self.hours == self.baseline

    def scaled(self, weeks: int) -> int:
        """``weeks`` at the baseline in weeks at this pace, rounded up (0 stays 0)."""
        return -(-weeks * self.baseline // self.hours)

    def weeks(self, weeks: int) -> int:
        """A duration at this pace: rounded up, and never less than one week."""
        return max(1, self.scaled(weeks))

    def query(self) -> str:
        """The query string naming this pace: none for the baseline."""
        return "" if self.is_baseline else f"?hours={self.hours}"


def baseline() -> Pace:
    hours = settings.PATHWAYS_BASELINE_HOURS_PER_WEEK
    return Pace(hours, hours)


def pace_from(value: str | None) -> Pace:
    """The pace a ``hours`` parameter asks for; the baseline for anything else."""
    pace = baseline()
    if value is None or not HOURS.fullmatch(value):
        return pace
    hours = int(value)
    return Pace(hours, pace.baseline) if MIN_HOURS <= hours <= MAX_HOURS else pace
