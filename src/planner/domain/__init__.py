"""Pure domain: the salary dataset, the user's profile and calculations. No Qt here."""
