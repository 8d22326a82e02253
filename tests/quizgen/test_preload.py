"""Preloading for long-running processes: one pack built, what it loaded frozen."""

from __future__ import annotations


def test_preload_builds_a_pack_and_freezes_what_it_loaded() -> None:
    import gc

    from quizgen.preload import preload

    gc.unfreeze()
    try:
        preload()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual
