"""Text from files is data, never markup: the one rule for putting it into Qt rich text.

Names, titles, sources, quotes and file names come from files a user may have been sent (a shared salary data
file, a damaged profile). Wherever such text is shown it is either plain text (a QLabel set to PlainText, a table
cell, a combo box item) or it passes through exactly one of these helpers at the point where it joins rich text
(HTML pieces built by presenters, chart legends, tooltips, the PDF report). Nothing else escapes text.

Pure Python (no Qt), so every layer may use it.
"""

from __future__ import annotations

import html
import unicodedata

__all__ = ["BIDI_CONTROLS", "escape", "format_safe", "plain_tooltip", "search_key", "without_bidi_controls"]

# Unicode's explicit direction controls (embeddings, overrides, isolates and their ends). One of these in a name
# turns the rest of whatever line the name is shown in around: "abc<U+202E>def — $120,000 base" reads
# "abcesab 000,021$ — fed". Names never need them (right-to-left letters are laid out by the bidi algorithm alone).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def without_bidi_controls(text: str) -> str:
    """``text`` without Unicode's explicit direction controls (``BIDI_CONTROLS``), so it cannot reverse the text
    shown after it."""
    return "".join(c for c in text if c not in BIDI_CONTROLS)


def escape(text: object) -> str:
    """``text`` as rich text that shows exactly these characters: ``<``, ``>`` and ``&`` become entities.
    Apply once, where the text joins markup (element content only: file text never goes into an attribute)."""
    return html.escape(str(text), quote=False)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as it is, line breaks included.

    Qt guesses whether a tooltip is rich text (``Qt.mightBeRichText``), so a name such as ``<b>x</b>`` would be
    rendered. The text is escaped and wrapped in ``<qt>``, which makes Qt always treat it as rich text; the empty
    string stays empty (no tooltip)."""
    if not text:
        return ""
    lines = (escape(line) for line in text.split("\n"))
    return "<qt style='white-space:pre-wrap'>" + "<br>".join(lines) + "</qt>"


def format_safe(text: str) -> str:
    """``text`` for a place that runs ``str.format`` on it (pyqtgraph's line labels): braces doubled."""
    return text.replace("{", "{{").replace("}", "}}")


def search_key(text: str) -> str:
    """``text`` as a filter compares it, the same in every locale: Unicode case folding (``casefold``: "ß" is "ss",
    "ﬁ" is "fi"), with the Turkish dotted capital İ and dotless ı read as i (so "İMAGE", typed on a Turkish keyboard,
    finds "image"). Apply to both sides of the comparison."""
    return unicodedata.normalize("NFKC", text).replace("İ", "i").replace("ı", "i").casefold()
