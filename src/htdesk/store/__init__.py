"""The only layer that runs SQL: the bundled report database and the user's bookmarks."""
