"""Subcommands of the ``kazextract`` CLI."""
