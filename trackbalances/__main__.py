"""``python -m trackbalances``: see ``python -m trackbalances --help``."""

from ._cli import run

run()
