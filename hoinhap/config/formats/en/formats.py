# English interface: the same day-first dates as Vietnamese records, English number marks.
from hoinhap.config.formats.vi.formats import *  # noqa: F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
