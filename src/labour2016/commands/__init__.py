"""One module per subcommand of `labour2016` (see labour2016.cli)."""
