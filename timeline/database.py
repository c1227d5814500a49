"""When the database goes away for a moment: wait for it, bounded, instead of failing.

A lost connection (a restart, a fail-over, a network blip) shows as ``OperationalError`` or
``InterfaceError`` from the driver. Work that runs in one transaction can simply be done again once
the database answers: the failed attempt was rolled back whole.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from django.db import InterfaceError, OperationalError, connection

LOST = (OperationalError, InterfaceError)
T = TypeVar("T")


class DatabaseAway(RuntimeError):
    """The database did not answer again within the time allowed."""


def answers() -> bool:
    """Does the database answer a new connection now?"""
    connection.close()
    try:
        connection.ensure_connection()
    except LOST:
        connection.close()
        return False
    return True


def wait_for_database(seconds: float, *, first_pause: float = 0.25, longest_pause: float = 4.0) -> bool:
    """Waits, pausing longer each time, until the database answers (True) or ``seconds`` pass (False)."""
    deadline = time.monotonic() + seconds
    pause = first_pause
    while not answers():
        if time.monotonic() + pause > deadline:
            return False
        time.sleep(pause)
        pause = min(pause * 2, longest_pause)
    return True


def with_reconnects(work: Callable[[], T], *, seconds: float) -> T:
    """``work()`` (one transaction), done again once the database answers when it lost its
    connection. Raises ``DatabaseAway`` when the database stays away longer than ``seconds``, and the
    work's own error when the database answers but the work fails again the same way."""
    try:
        return work()
    except LOST as exc:
        if not wait_for_database(seconds):
            raise DatabaseAway(f"the database did not answer for {seconds:.0f} seconds ({exc})") from exc
    return work()
