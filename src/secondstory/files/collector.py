"""Holding off Python's cyclic garbage collector while a large batch of objects is built.

Reading, merging and exporting 100,000 moments make millions of objects that form no
reference cycles (models, rows, entries, strings). Each few hundred new objects set off
a collection, and the older generations are walked again and again as the heap grows,
which turns linear work into worse than n log n. Reference counting still frees every
object as usual; only the search for cycles waits until the batch is done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_held() -> Iterator[None]:
    """No cyclic collection inside; as before after (nested uses leave it to the outer)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
