"""The content model of the report: records, their text and their sources; no Qt, no SQL."""
