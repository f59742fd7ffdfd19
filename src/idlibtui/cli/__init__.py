"""The command-line face of idlibtui: every subcommand is a thin call into the core."""
