"""PyInstaller entry point: the frozen htdesk runs the same main() as the `htdesk` console script."""

from __future__ import annotations

import sys

from htdesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
