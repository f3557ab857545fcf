"""``python -m pipeline`` is the ``depeche`` command."""

import sys

from pipeline.cli import main

sys.exit(main())
