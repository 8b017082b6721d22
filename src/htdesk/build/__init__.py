"""Turning the source report and the curated content into data/ht.sqlite."""
