"""``python -m idlibtui`` runs the same entry point as the ``idlibtui`` command."""

from idlibtui.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
