"""``python -m layout`` is the same as the ``layout`` command."""

import sys

from layout.cli import main

sys.exit(main())
