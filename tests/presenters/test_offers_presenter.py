"""The Offers presenter with a fake view: adding, editing, duplicating and deleting offers as undoable steps, input
refused next to its field with nothing lost, the comparison's figures and a scenario started from an offer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from planner.domain.dataset import Dataset
from planner.domain.plans import Offer, Scenario
from planner.domain.profile import Assumptions, Profile, TickedSkill
from planner.presenters.choices import Choice
from planner.presenters.session import ProfileSession
from planner.tabs.offers.form import OfferForm
from planner.tabs.offers.models import CURRENT, Comparison
from planner.tabs.offers.presenter import OffersPresenter

DAY = dt.date(2026, 11, 30)


class FakeView:
    def __init__(self) -> None:
        self.form: OfferForm | None = None
        self.errors: dict[str, str] = {}
        self.current: str | None = None
        self.selected: list[str] = []
        self.comparison = Comparison()
        self.matches: list[Choice] = []

    def show_form(self, form: OfferForm) -> None:
        self.form = form
        self.errors = dict(form.errors)

    def show_field_error(self, key: str, message: str) -> None:
        if message:
            self.errors[key] = message
        else:
            self.errors.pop(key, None)

    def select_offers(self, current: str | None, selected: Sequence[str]) -> None:
        self.current, self.selected = current, list(selected)

    def show_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison

    def set_matches(self, choices: Sequence[Choice]) -> None:
        self.matches = list(choices)

    def set_locations(self, choices: Sequence[Choice]) -> None:
        self.locations = list(choices)

    def set_baselines(self, choices: Sequence[Choice], current: str) -> None:
        self.baselines, self.baseline = list(choices), current

    def show_empty(self, empty: bool) -> None:
        self.empty = empty

    def show_leaving(self, leaving: Any) -> None:
        self.leaving = leaving


class Answers:
    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.questions: list[str] = []

    def __call__(self, title: str, question: str, yes: str) -> bool:
        self.questions.append(question)
        return self.answer


def acme(**fields: Any) -> Offer:
    data = {"id": "offer-1", "employer_name": "Acme", "base": 180_000, "added_on": DAY, **fields}
    return Offer.model_validate(data)


@pytest.fixture
def rig(qapp: Any, dataset: Dataset) -> Any:
    def make(profile: Profile | None = None, answer: bool = True) -> tuple[OffersPresenter, FakeView, ProfileSession]:
        session = ProfileSession(profile)
        session.undo_stack = QUndoStack(session)
        view = FakeView()
        presenter = OffersPresenter(dataset, session, view, Answers(answer), today=lambda: DAY)
        presenter.messages = []  # type: ignore[attr-defined]
        presenter.message.connect(presenter.messages.append)  # type: ignore[attr-defined]
        presenter.start()
        return presenter, view, session

    return make


def test_an_offer_is_added_once_its_name_and_base_are_typed_and_undo_takes_it_back(rig: Any) -> None:
    presenter, view, session = rig()
    assert view.form.enabled is False  # nothing to edit yet
    presenter.add()
    assert view.form.draft
    assert view.form.texts["employer_name"] == ""
    assert view.form.texts["base"] == ""
    presenter.field_committed("bonus_percent", "12")  # kept for the new offer, nothing stored yet
    presenter.field_committed("employer_name", "  Acme   Corp ")
    assert session.profile.offers == []
    presenter.field_committed("base", "$185k")
    [offer] = session.profile.offers
    assert (offer.employer_name, offer.base, offer.bonus_percent, offer.added_on) == ("Acme Corp", 185_000, 12, DAY)
    assert presenter.current == offer.id
    assert view.current == offer.id
    assert offer.id in view.selected
    assert view.form.texts["base"] == "185,000"
    assert not view.form.draft
    assert "Added the offer from Acme Corp" in presenter.messages[-1]
    session.undo_stack.undo()
    assert session.profile.offers == []
    session.undo_stack.redo()
    assert [o.employer_name for o in session.profile.offers] == ["Acme Corp"]


def test_each_edit_is_one_undoable_step(rig: Any) -> None:
    presenter, view, session = rig(Profile(offers=[acme()]))
    presenter.field_committed("base", "190,000")
    presenter.field_committed("sign_on", "25000")
    presenter.vesting_chosen("cliff")
    presenter.match_chosen("employer:google")
    offer = session.profile.offers[0]
    assert (offer.base, offer.sign_on, offer.vesting, offer.employer, offer.industry) == (
        190_000, 25_000, "cliff", "google", None,
    )  # fmt: skip
    presenter.match_chosen("industry:finance")
    assert (session.profile.offers[0].employer, session.profile.offers[0].industry) == (None, "finance")
    stack = session.undo_stack
    assert stack.count() == 5
    stack.undo()
    stack.undo()
    assert session.profile.offers[0].vesting == "cliff"
    assert session.profile.offers[0].employer is None
    assert view.form.vesting == "cliff"
    assert view.form.match == ""
    for _ in range(3):
        stack.undo()
    assert session.profile.offers[0] == acme()
    assert view.form.texts["base"] == "180,000"
    for _ in range(5):
        stack.redo()
    assert session.profile.offers[0].industry == "finance"


def test_the_same_value_again_is_no_step(rig: Any) -> None:
    presenter, _view, session = rig(Profile(offers=[acme()]))
    presenter.field_committed("base", "180k")
    assert session.undo_stack.count() == 0


@pytest.mark.parametrize(
    ("key", "text", "says"),
    [
        ("sign_on", "-5000", "negative number is not allowed"),
        ("employer_name", "   ", "Type the employer's name"),
        ("employer_name", "x" * 61, "at most 60 characters"),
        ("base", "0", "more than $0"),
        ("base", "50000000", "at most $10,000,000"),
        ("base", "lots", "“lots” is not a number"),
        ("bonus_percent", "1e400", "not a number"),  # no scientific notation: never read as 1 or 1e400
        ("bonus_percent", "250", "from 0 to 200"),
        ("equity_grant", "2000000000", "at most $100,000,000"),
        ("refresher_percent", "120", "from 0 to 100"),
        ("custom_vesting", "25, 25, 25", "add up to 75 %, not 100 %"),
        ("custom_vesting", "50, 150", "more than 100 %"),
        ("custom_vesting", "", "one percentage a year"),
    ],
)
def test_bad_input_is_refused_next_to_its_field_and_the_text_stays(rig: Any, key: str, text: str, says: str) -> None:
    presenter, view, session = rig(Profile(offers=[acme(vesting="custom", custom_vesting=[25, 25, 25, 25])]))
    before = session.profile
    presenter.field_edited(key, text)  # said at once, while typing
    assert says in view.errors[key]
    presenter.field_committed(key, text)
    assert session.profile == before
    assert session.undo_stack.count() == 0
    assert says in view.errors[key]
    assert view.form is not None
    presenter.field_committed("bonus_percent" if key != "bonus_percent" else "sign_on", "7")  # another field is saved
    assert view.form.texts[key] == text
    assert says in view.form.errors[key]
    ok = {"custom_vesting": "40, 30, 20, 10", "employer_name": "Acme Labs", "base": "181000", "sign_on": "0"}
    presenter.field_committed(key, ok.get(key, "3"))  # corrected: stored, the message goes
    assert key not in view.errors
    assert key not in view.form.errors
    assert view.form.texts[key] != text


def test_what_was_typed_comes_back_with_its_offer(rig: Any) -> None:
    presenter, view, _session = rig(Profile(offers=[acme(), acme(id="offer-2", employer_name="Beta")]))
    presenter.field_committed("sign_on", "-1")
    presenter.selection_changed("offer-2", ["offer-2"])
    assert view.form.texts["sign_on"] == "0"
    assert "sign_on" not in view.form.errors
    presenter.selection_changed("offer-1", ["offer-1"])
    assert view.form.texts["sign_on"] == "-1"
    assert "negative number is not allowed" in view.form.errors["sign_on"]


def test_choosing_custom_vesting_starts_from_the_schedule_the_offer_had(rig: Any) -> None:
    presenter, view, session = rig(Profile(offers=[acme(equity_grant=100_000)]))
    presenter.vesting_chosen("custom")
    assert session.profile.offers[0].custom_vesting == [25, 25, 25, 25]
    assert view.form.texts["custom_vesting"] == "25, 25, 25, 25"
    presenter.field_committed("custom_vesting", "5%, 15%, 40%, 40%")
    assert session.profile.offers[0].custom_vesting == [5, 15, 40, 40]


def test_duplicate_makes_an_editable_copy_and_undo_removes_it(rig: Any) -> None:
    presenter, view, session = rig(Profile(offers=[acme(sign_on=10_000)]))
    presenter.duplicate()
    first, copy = session.profile.offers
    assert copy.employer_name == "Acme (copy)"
    assert copy.id != first.id
    assert copy.sign_on == 10_000
    assert presenter.current == copy.id
    presenter.field_committed("employer_name", "Acme, second round")
    assert session.profile.offers[0].employer_name == "Acme"
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert [o.id for o in session.profile.offers] == ["offer-1"]
    assert presenter.current == "offer-1"
    assert view.current == "offer-1"


def test_delete_asks_first_and_undo_brings_the_offer_back(rig: Any) -> None:
    presenter, view, session = rig(Profile(offers=[acme()]), answer=False)
    presenter.delete()
    assert session.profile.offers == [acme()]  # the user said no
    assert "Delete the offer from Acme?" in presenter._confirm.questions[0]  # type: ignore[attr-defined]
    presenter._confirm.answer = True  # type: ignore[attr-defined]
    presenter.delete()
    assert session.profile.offers == []
    assert view.form.enabled is False
    session.undo_stack.undo()
    assert session.profile.offers == [acme()]
    assert view.current == "offer-1"
    assert view.selected == ["offer-1"]


def test_deleting_an_offer_used_by_scenarios_clears_it_from_them_in_the_same_step(rig: Any) -> None:
    scenarios = [Scenario(id="scenario-1", name="Offer: Acme", offer="offer-1"), Scenario(id="scenario-2", name="Stay")]
    presenter, _view, session = rig(Profile(offers=[acme()], scenarios=scenarios))
    presenter.delete()
    assert "“Offer: Acme”" in presenter._confirm.questions[0]  # type: ignore[attr-defined]
    assert [s.offer for s in session.profile.scenarios] == [None, None]
    assert [s.name for s in session.profile.scenarios] == ["Offer: Acme", "Stay"]  # the scenarios stay
    session.undo_stack.undo()  # one step brings both back
    assert session.profile.scenarios[0].offer == "offer-1"
    assert session.profile.offers == [acme()]


def test_a_scenario_started_from_an_offer(rig: Any) -> None:
    taken = [Scenario(id="scenario-1", name="offer: ACME")]  # names are compared ignoring case
    presenter, _view, session = rig(Profile(offers=[acme()], scenarios=taken))
    presenter.start_scenario()
    added = session.profile.scenarios[-1]
    assert (added.id, added.name, added.offer, added.shown) == ("scenario-2", "Offer: Acme 2", "offer-1", True)
    assert "Offer: Acme 2" in presenter.messages[-1]
    assert "Projection tab" in presenter.messages[-1]
    presenter.start_scenario()
    assert session.profile.scenarios[-1].name == "Offer: Acme 3"
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert session.profile.scenarios == taken


def test_a_long_name_still_makes_a_scenario_name_within_the_limit(rig: Any) -> None:
    presenter, _view, session = rig(Profile(offers=[acme(employer_name="A" * 60)]))
    presenter.start_scenario()
    presenter.start_scenario()
    names = [s.name for s in session.profile.scenarios]
    assert all(len(n) <= 60 for n in names)
    assert names[1].endswith(" 2")
    assert names[0] != names[1]


def test_the_comparison_has_the_current_job_and_the_selected_offers(rig: Any) -> None:
    profile = Profile(
        current_salary=150_000,
        assumptions=Assumptions(bonus_percent=10, yearly_equity=20_000),
        offers=[acme(equity_grant=100_000, refresher_percent=10), acme(id="offer-2", employer_name="Beta")],
    )
    presenter, view, _session = rig(profile)
    columns = view.comparison.columns
    assert [c.key for c in columns] == [CURRENT, "offer-1"]
    current, offer = columns
    assert current.total(1) == pytest.approx(185_000)
    assert current.years[0]["bonus"].kind == "assumption"
    assert "default 0 %" in current.years[0]["bonus"].how
    assert current.years[0]["base"].kind == "entry"
    assert offer.years[1]["refreshers"].value == pytest.approx(2_500)
    assert offer.years[1]["refreshers"].kind == "assumption"
    assert "grant $100,000 × 25 %" in offer.years[0]["equity"].how
    assert offer.years[0]["bonus"].kind == "derived"
    assert "base $180,000 × target bonus 0 %" in offer.years[0]["bonus"].how
    presenter.selection_changed("offer-2", ["offer-1", "offer-2"])
    assert [c.name for c in view.comparison.columns] == ["Current job", "Acme", "Beta"]
    table = presenter.table  # compact: a heading row per job, its components by year, average and difference
    assert [table.headerData(c, Qt.Orientation.Horizontal) for c in range(table.columnCount())] == [
        "Job and component", "Year 1", "Year 2", "Year 3", "Year 4", "Average", "Difference",
    ]  # fmt: skip
    rows = [table.index(r, 0).data().strip() for r in range(table.rowCount())]
    assert rows == [
        "Current job (baseline)",
        "Base salary",
        "Bonus",
        "Equity (first grant)",
        "Total",
        "Acme",
        "Base salary",
        "Bonus",
        "Equity (first grant)",
        "Equity refreshers",
        "Total",
        "Beta",
        "Base salary",
        "Bonus",
        "Total",
    ]  # fmt: skip  (rows all zero for a job, such as Beta's equity, are left out)
    acme_total = rows.index("Total", 5)
    # By hand: Acme 180,000 + 25,000 + (0, 2,500, 5,000, 7,500) against 150,000 + 15,000 + 20,000 = 185,000.
    assert [table.index(acme_total, c).data() for c in range(1, 7)] == [
        "$205,000", "$207,500", "$210,000", "$212,500", "$208,750", "+$23,750",
    ]  # fmt: skip
    assert table.index(4, 6).data() == ""  # the baseline has no difference with itself
    assert "Derived: this average − Current job's average" in table.index(acme_total, 6).data(Qt.ItemDataRole.UserRole)


def test_without_a_salary_the_comparison_says_how_to_get_the_current_job(rig: Any) -> None:
    _presenter, view, _session = rig(Profile(offers=[acme()]))
    assert [c.key for c in view.comparison.columns] == ["offer-1"]
    assert "Enter your current salary on the Projection tab" in view.comparison.note


def test_the_article_figure_for_a_matched_employer_keeps_its_source(rig: Any) -> None:
    _presenter, view, _session = rig(Profile(offers=[acme(employer="google")]))
    text = "\n".join(view.comparison.article)
    assert "Google (employer)" in text
    assert "almost $148,000" in text
    assert "Source: The article itself" in text
    assert "Google pays almost $148,000" in text
    assert "Derived: the offer's base $180,000 is $32,000 (21.6%) above it" in text


def test_the_tab_is_redrawn_only_when_what_it_shows_changes(rig: Any) -> None:
    _presenter, view, session = rig(Profile(current_salary=150_000, offers=[acme()]))
    drawn: list[Comparison] = []
    original = view.show_comparison
    view.show_comparison = lambda c: (drawn.append(c), original(c))  # type: ignore[method-assign]
    session.edit(skills={"mid.deep-learning": TickedSkill(ticked_on=DAY)})
    assert drawn == []  # a tick: nothing on this tab changes
    session.edit(current_salary=160_000)
    assert len(drawn) == 1  # the current job's column follows the salary
    assert view.comparison is drawn[-1]


def test_a_negative_zero_from_a_file_is_shown_as_0_never_minus_0() -> None:
    from planner.presenters import fields
    from planner.tabs.offers import form as offers

    offer = Offer.model_validate(
        {
            "id": "offer-1",
            "employer_name": "Acme",
            "base": 100_000,
            "added_on": "2026-01-02",
            "bonus_percent": -0.0,
            "refresher_percent": -0.0,
            "vesting": "custom",
            "custom_vesting": [-0.0, 50, 50],
        }
    )
    shown = {key: offers.format_field(key, offer) for key in offers.TEXT_FIELDS}
    assert shown["bonus_percent"] == "0"
    assert shown["refresher_percent"] == "0"
    assert shown["custom_vesting"] == "0, 50, 50"
    assert not any(text.startswith("-") or ", -" in text for text in shown.values())
    profile = Profile(years_of_experience=-0.0, assumptions=Assumptions(inflation=-0.0, promotion_shift_years=-0.0))
    shown_fields = [fields.format_field(spec, profile) for spec in fields.FIELDS]
    assert not any(text.startswith("-") for text in shown_fields)
    assert fields.format_field(fields.FIELDS[0], profile) == "0"


def test_the_articles_employer_figure_is_not_called_base_salary(dataset: Dataset) -> None:
    # Issue 24 item 7: the article says "base" only of the overall $78,000 – $154,000 range.
    from planner.domain.plans import Offer
    from planner.tabs.offers.models import article_lines

    offer = Offer(id="a1", employer_name="Acme", base=200_000, employer="amazon", added_on=dt.date(2026, 1, 1))
    first = article_lines(dataset, offer)[0]
    assert "base salary)" not in first
    assert "the article gives highest $254,000 a year for ML engineers (it does not say whether that is base" in first


def test_a_cliff_says_the_first_anniversary_vests_the_first_years_share_not_the_grant() -> None:
    # Issue 24 item 11: "1-year cliff: all of it at the first anniversary" read as the whole grant; the figure is 25 %.
    from planner.domain.plans import Offer
    from planner.tabs.offers.models import offer_column

    offer = Offer(
        id="c1", employer_name="Acme", base=150_000, equity_grant=200_000, vesting="cliff", added_on=dt.date(2026, 1, 1)
    )
    equity = offer_column(offer).years[0]["equity"]
    assert equity.value == pytest.approx(50_000)
    assert equity.how == (
        "grant $200,000 × 25 % (year 1 of 4 years with a 12-month cliff (nothing before month 12, then all that "
        "would have vested by it), then quarterly)."
    )
    assert "all of it" not in equity.how


def test_the_day_an_offer_was_added_reads_as_every_other_date(qapp: Any) -> None:
    # Issue 24 item 12: one form for dates everywhere, "3 May 2026", never "2026-05-03".
    from planner.domain.plans import Offer
    from planner.tabs.offers.models import OffersListModel

    model = OffersListModel()
    model.set_offers([Offer(id="d1", employer_name="Acme", base=150_000, added_on=dt.date(2026, 5, 3))])
    tip = model.data(model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert "added on 3 May 2026" in tip


# --- issue 26: deciding between offers ----------------------------------------------------------------------------

SEATTLE, SAN_FRANCISCO = "0042660", "0041860"


def amazon(**fields: Any) -> Offer:
    data = {"id": "offer-1", "employer_name": "Amazon", "base": 185_000, "bonus_percent": 15,
            "equity_grant": 400_000, "vesting": "cliff", "added_on": DAY, **fields}  # fmt: skip
    return Offer.model_validate(data)


@pytest.fixture
def real_rig(qapp: Any, dataset: Dataset) -> Any:
    """The presenter with the bundled BLS and tax files, as the tab's build passes them."""
    from planner.storage.market_file import market_or_none
    from planner.storage.tax_file import load_tax_data

    def make(profile: Profile) -> tuple[OffersPresenter, FakeView, ProfileSession]:
        session = ProfileSession(profile)
        session.undo_stack = QUndoStack(session)
        view = FakeView()
        presenter = OffersPresenter(dataset, session, view, Answers(), today=lambda: DAY, market=market_or_none,
                                    taxes=lambda: (load_tax_data(), ""))  # fmt: skip
        presenter.start()
        return presenter, view, session

    return make


def test_the_amazon_offer_reads_at_a_glance(rig: Any) -> None:
    _presenter, view, _session = rig(Profile(years_of_experience=6, current_salary=145_000, offers=[amazon()]))
    (headline,) = view.comparison.headlines
    # By hand: 185,000 + 15 % bonus 27,750 + 400,000 / 4 = 312,750 against 145,000 (no bonus or equity assumed):
    # +167,750 (+115.7 %); guaranteed: the base's 40,000 more.
    assert headline.main == "+$167,750 a year in year one (+115.7 %), $40,000 of it guaranteed"
    assert "If its stock moves −50 % to +50 % (an assumption): +$117,750 to +$217,750 in year one." in headline.details


def test_leaving_at_month_eleven_shows_what_the_cliff_costs(rig: Any) -> None:
    presenter, view, _session = rig(Profile(years_of_experience=6, current_salary=145_000, offers=[amazon()]))
    presenter.leave_edited("11")
    leaving = view.leaving
    assert (leaving.month, leaving.error) == (11, "")
    amazon_job = next(j for j in leaving.jobs if j.key == "offer-1")
    assert amazon_job.leaving.equity == 0
    assert (
        "Amazon: $100,000 ($50,000–$150,000 if the stock moves †) more vests at month 12, 1 month later (the cliff: "
        "nothing vested before it)." in leaving.lines
    )
    table = presenter.leaving
    assert table.headerData(0, Qt.Orientation.Horizontal) == "Leaving at month 11"
    assert table.index(3, 2).data() == "$0"  # Amazon's equity vested
    # By hand: 11 months of $185,000 and its 15 % bonus = $212,750 × 11 ÷ 12 = $195,020.83; nothing vested yet.
    assert table.index(6, 0).data() == "Total if the stock moves †"
    assert table.index(6, 2).data() == "$195,021 (nothing vested to move)"
    assert table.index(6, 1).data() == "—"  # the current job: no stock price assumed
    presenter.leave_moved(12)  # the slider
    assert view.leaving.month == 12
    assert table.index(3, 2).data() == "$100,000"
    # At month 12: $185,000 + $27,750 + $100,000 vested; −50 % to +50 % of the equity: $262,750 to $362,750.
    assert table.index(5, 2).data() == "$312,750"
    assert table.index(6, 2).data() == "$262,750–$362,750"
    tip = table.index(6, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "if the stock moves −50 % to +50 % (an assumption" in tip
    assert "equity vested $50,000 to $150,000 instead of $100,000" in tip


def test_a_leave_month_past_the_end_is_refused_and_kept(rig: Any) -> None:
    presenter, view, _session = rig(Profile(current_salary=145_000, offers=[amazon()]))
    presenter.leave_edited("60")
    assert view.leaving.error.startswith("Month 60 is past the end of the schedules shown (48 months).")
    assert view.leaving.text == "60"  # nothing typed is lost
    assert view.leaving.month == 12  # the figures stay at the last good month


@pytest.mark.parametrize(
    ("key", "text", "says"),
    [
        ("price_low", "-150", "below −100 % is not possible"),
        ("sign_on_repay_months", "60", "longer than the vesting schedule (48 months)"),
        ("price_high", "-80", "above the high one"),
    ],
)
def test_impossible_terms_are_refused_next_to_their_field(rig: Any, key: str, text: str, says: str) -> None:
    presenter, view, session = rig(Profile(current_salary=145_000, offers=[amazon()]))
    presenter.field_committed(key, text)
    assert says in view.errors[key]
    assert session.profile.offers[0] == amazon()  # nothing stored
    assert presenter.form().texts[key] == text  # nothing lost: the form shows it again with its message
    assert says in presenter.form().errors[key]


def test_a_typed_name_is_suggested_as_the_articles_employer_and_confirmed(rig: Any) -> None:
    presenter, view, session = rig(Profile(current_salary=145_000, offers=[amazon()]))
    assert view.form is not None
    assert "the article's Amazon (employer)" in view.form.suggestion
    assert session.profile.offers[0].employer is None  # never matched silently
    presenter.suggestion_accepted()
    assert session.profile.offers[0].employer == "amazon"
    assert view.form.suggestion == ""
    assert any("highest $254,000" in line and "Source:" in line for line in view.comparison.article)
    session.undo_stack.undo()
    assert session.profile.offers[0].employer is None
    presenter.suggestion_declined()
    assert view.form.suggestion == ""  # said no: not asked again for this offer
    assert session.profile.offers[0].employer is None
    assert session.profile.offers[0].declined_matches == ["employer:amazon"]  # kept in the profile
    session.undo_stack.undo()  # one step: Edit > Undo asks again
    assert "the article's Amazon (employer)" in view.form.suggestion


def test_not_this_one_outlasts_a_restart(rig: Any, dataset: Dataset, data_dir: Any) -> None:
    from planner.storage.profile_store import ProfileStore

    _presenter, _view, session = rig(Profile(current_salary=145_000, offers=[amazon()]))
    _presenter.suggestion_declined()
    ProfileStore(data_dir).save(session.profile)
    loaded = ProfileStore(data_dir).load().profile
    assert loaded is not None
    presenter, view, _session = rig(loaded)  # the app started again with the saved profile
    assert view.form is not None
    assert view.form.suggestion == ""
    assert presenter.form().match == ""  # still unmatched: saying no matches nothing


def test_not_this_one_on_a_new_offer_goes_with_it_into_the_profile(rig: Any) -> None:
    presenter, view, session = rig(Profile(current_salary=145_000))
    presenter.add()
    presenter.field_committed("employer_name", "AWS")
    assert view.form is not None
    assert "the article's Amazon (employer)" in view.form.suggestion
    presenter.suggestion_declined()
    assert view.form.suggestion == ""
    presenter.field_committed("base", "185000")
    assert session.profile.offers[0].declined_matches == ["employer:amazon"]
    assert view.form.suggestion == ""


def test_with_no_offer_the_tab_shows_its_empty_state(rig: Any) -> None:
    presenter, view, _session = rig(Profile(current_salary=145_000))
    assert view.empty is True
    assert view.comparison.columns == tuple(view.comparison.columns)
    presenter.add()
    assert view.empty is False  # the form, to type the first offer


def test_another_offer_can_be_the_baseline(rig: Any) -> None:
    profile = Profile(current_salary=145_000, offers=[amazon(), acme(id="offer-2", base=200_000)])
    presenter, view, _session = rig(profile)
    presenter.selection_changed("offer-1", ["offer-1"])
    presenter.baseline_chosen("offer-2")
    assert view.baseline == "offer-2"
    assert [h.key for h in view.comparison.headlines] == ["current", "offer-1"]
    assert view.comparison.headlines[1].main.startswith("+$112,750 a year in year one")  # 312,750 − 200,000


def test_after_tax_a_seattle_offer_beats_a_higher_san_francisco_one(real_rig: Any) -> None:
    # Before tax San Francisco pays $10,000 more; Washington has no income tax, California taxes about 9 %.
    offers = [
        acme(id="offer-1", employer_name="Seattle Co", base=185_000, location=SEATTLE),
        acme(id="offer-2", employer_name="SF Co", base=195_000, location=SAN_FRANCISCO),
    ]
    presenter, view, _session = real_rig(Profile(current_salary=145_000, market_area=SEATTLE, offers=offers))
    presenter.selection_changed("offer-1", ["offer-1", "offer-2"])
    jobs = {j.key: j for j in view.comparison.jobs}
    seattle, sf = jobs["offer-1"], jobs["offer-2"]
    assert (seattle.place.state, sf.place.state) == ("WA", "CA")
    assert sf.years[0].total > seattle.years[0].total
    assert seattle.take_home is not None
    assert sf.take_home is not None
    assert seattle.take_home.amounts[0] > sf.take_home.amounts[0]
    assert seattle.place.median is not None  # the BLS median of the occupation there, beside the base
    headlines = {h.key: h for h in view.comparison.headlines}
    assert "After tax (WA):" in headlines["offer-1"].details
    assert "After tax (CA vs WA):" in headlines["offer-2"].details
    presenter.selection_changed("offer-1", ["offer-1"])
    assert view.form is not None
    assert "BLS median of your occupation in Seattle" in view.form.median


def test_without_the_tax_file_the_figures_before_tax_stay(rig: Any, dataset: Dataset) -> None:
    session = ProfileSession(Profile(current_salary=145_000, offers=[amazon(location="WA")]))
    view = FakeView()
    presenter = OffersPresenter(dataset, session, view, Answers(), today=lambda: DAY,
                                taxes=lambda: (None, "us-tax-2025-2027.json is missing"))  # fmt: skip
    presenter.start()
    assert "After-tax figures are not shown: us-tax-2025-2027.json is missing" in view.comparison.note
    assert view.comparison.headlines[0].main.startswith("+$167,750")
    assert all(j.take_home is None for j in view.comparison.jobs)


def test_the_compact_comparison_for_files_keeps_numbers_as_numbers(rig: Any) -> None:
    from planner.tabs.offers.figures import comparison_table

    _presenter, view, _session = rig(Profile(current_salary=145_000, offers=[amazon()]))
    jobs = view.comparison.jobs
    header, rows = comparison_table(jobs, jobs[0], money=round, diff=round)  # as the CSV export writes it
    assert header[-1] == "Difference (average, against Current job)"
    total = next(r for r in rows[5:] if r[0].strip() == "Total")
    assert total[1:] == [312_750, 312_750, 312_750, 312_750, 312_750, 167_750]
