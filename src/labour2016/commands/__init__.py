"""The subcommands of `labour2016`, one module each (see labour2016.cli)."""

# Exit codes every command keeps: 0 ok, 1 problems found, 2 cannot run.
EXIT_OK, EXIT_PROBLEMS, EXIT_CANNOT_RUN = 0, 1, 2
