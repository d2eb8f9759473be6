"""``python -m planio``: the same as the ``planio`` command."""

from planio.cli import main

main()
