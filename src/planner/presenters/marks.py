"""Marks the presenters write into text, shared with the views (views.theme draws the same mark on charts)."""

YOU_MARK = "★"  # "you": your level, your salary, your industry and employer, on every tab
