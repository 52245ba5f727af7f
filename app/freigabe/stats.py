"""What other rooms (the results pages) may read of the release queue: released own words of groups of at
least K_MIN people, never open or withheld ones (see operations.released_words)."""
from __future__ import annotations

from .operations import ReleasedWord, released_words

__all__ = ["ReleasedWord", "released_words"]
