import sys

# checked before anything else is imported: the assistant's own code needs Python 3.11 or newer
if sys.version_info < (3, 11):  # noqa: UP036 - this is the check for older Pythons
    sys.stderr.write("error: the networking assistant needs Python 3.11 or newer; this is Python %d.%d "  # noqa: UP031
                     "(%s). Install a newer Python and create the virtual environment with it.\n"
                     % (sys.version_info[0], sys.version_info[1], sys.executable))
    sys.exit(2)

from assistant.cli import main  # noqa: E402

raise SystemExit(main())
