"""HT Desk: an offline desktop reference on human trafficking prevention policies."""

__version__ = "0.1.0"
