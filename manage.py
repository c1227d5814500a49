#!/usr/bin/env python
"""Django's command-line utility for the newsroom timeline."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    try:
        from django.core.management import execute_from_command_line

        execute_from_command_line(sys.argv)
    except KeyboardInterrupt:
        # Ctrl-C where a command does not say more itself (``ingest`` reports what it stored):
        # one line and the shell's status for it, not a traceback
        sys.stderr.write("interrupted\n")
        sys.exit(130)


if __name__ == "__main__":
    main()
