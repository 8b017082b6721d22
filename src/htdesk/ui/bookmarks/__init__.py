"""Bookmarks in the window: service (undoable), tree model, panel and the add dialog."""
