"""The subcommands of `labour2016`, one module each (see labour2016.cli); their exit codes are
labour2016.problems.Exit."""
