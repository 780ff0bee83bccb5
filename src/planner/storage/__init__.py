"""Files: the bundled dataset (importlib.resources) and the user's profile (atomic writes)."""
