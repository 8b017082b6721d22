"""Writing what trainers take away: PDF and printer output, comparison and handout documents, files."""
