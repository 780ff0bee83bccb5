"""Widgets and charts. Passive: they draw what presenters tell them and forward what the user does."""
