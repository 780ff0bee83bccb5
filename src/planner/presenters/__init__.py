"""One presenter per tab: state and rules of the tab, talking to a view Protocol. No widgets, no charts."""
