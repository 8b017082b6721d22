"""The command line's subcommands: argument handling and messages around the data and output layers."""
