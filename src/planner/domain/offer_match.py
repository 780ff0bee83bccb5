"""The article's employer or industry an offer's typed employer name seems to be (pure, no Qt).

Only a suggestion: the Offers tab shows it and the user confirms it (or says no), so a wrong match is never
silent. A name is compared ignoring case, punctuation and company suffixes ("Amazon.com, Inc." is "amazon"), and
through a few common variants of the article's employers ("AWS" and "Amazon Web Services" are Amazon, "Meta" is
Facebook, "Alphabet" and "DeepMind" are Google). Industries are suggested from words in the name ("… Bank",
"… Health", "… University") when no employer matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.domain.dataset import Dataset

SUFFIXES = frozenset(
    [
        "inc",
        "incorporated",
        "llc",
        "ltd",
        "limited",
        "corp",
        "corporation",
        "co",
        "company",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "com",
        "the",
        "group",
        "holdings",
    ]
)
# Other names people type for the article's employers (after normalising), by the article's employer id.
EMPLOYER_VARIANTS: dict[str, tuple[str, ...]] = {
    "amazon": ("aws", "amazon web services", "amazon com", "amzn", "amazon services"),
    "facebook": ("meta", "meta platforms", "fb", "facebook meta", "meta ai", "instagram", "whatsapp"),
    "google": ("alphabet", "google deepmind", "deepmind", "google cloud", "youtube", "waymo", "google research"),
}
# Words in an employer's name that point to one of the article's industries, by industry id.
INDUSTRY_WORDS: dict[str, tuple[str, ...]] = {
    "finance": ("bank", "bancorp", "capital", "financial", "finance", "securities", "insurance", "investments",
                "trading", "asset", "fund", "credit", "payments"),
    "healthcare": ("health", "healthcare", "medical", "hospital", "clinic", "pharma", "pharmaceuticals",
                   "therapeutics", "biotech", "bio", "genomics"),
    "education": ("university", "college", "school", "academy", "education", "learning", "institute"),
    "software-it": ("software", "systems", "cloud", "data", "analytics", "ai", "technologies", "tech", "labs",
                    "digital", "computing"),
    "hardware-networking": ("semiconductor", "semiconductors", "networks", "networking", "devices", "hardware",
                            "electronics", "chips", "silicon"),
    "manufacturing": ("manufacturing", "motors", "industrial", "industries", "automotive", "aerospace", "steel"),
    "consumer-goods": ("foods", "beverages", "consumer", "brands", "retail", "apparel", "cosmetics"),
}  # fmt: skip


@dataclass(frozen=True)
class MatchSuggestion:
    kind: str  # "employer" or "industry"
    id: str
    name: str  # the article's name for it
    why: str  # how the typed name was matched, for the user

    @property
    def value(self) -> str:
        """As the Offers tab's match box holds it: "employer:<id>" or "industry:<id>"."""
        return f"{self.kind}:{self.id}"


def normalise(name: str) -> str:
    """Lower case, letters and digits only, company suffixes dropped: "Amazon.com, Inc." -> "amazon"."""
    words = re.sub(r"[^0-9a-z]+", " ", name.casefold().replace("&", " and ")).split()
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0] == "the":
        words.pop(0)
    return " ".join(words)


def suggest_match(dataset: Dataset, typed: str) -> MatchSuggestion | None:
    """The article's employer (first) or industry the typed name seems to be, or None."""
    name = normalise(typed)
    if not name:
        return None
    for employer in dataset.employers:
        own = normalise(employer.name)
        if name == own:
            return MatchSuggestion(
                "employer", employer.id, employer.name, f"“{typed}” is the article's {employer.name}"
            )
        variants = EMPLOYER_VARIANTS.get(employer.id, ())
        if name in variants or name.split()[0] == own:
            return MatchSuggestion(
                "employer", employer.id, employer.name, f"“{typed}” is a common name for {employer.name}"
            )
    words = set(name.split())
    for industry in dataset.industries:
        if normalise(industry.name) == name:
            return MatchSuggestion("industry", industry.id, industry.name, f"“{typed}” names this industry")
        hits = words.intersection(INDUSTRY_WORDS.get(industry.id, ()))
        if hits:
            word = sorted(hits)[0]
            return MatchSuggestion(
                "industry", industry.id, industry.name, f"the word “{word}” in “{typed}” suggests {industry.name}"
            )
    return None
