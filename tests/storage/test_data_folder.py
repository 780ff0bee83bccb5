"""Whether the data folder can be chosen at all, before anything is created: planner.storage.data_folder."""

from __future__ import annotations

import pytest

from planner.storage.data_folder import NO_HOME, data_dir_argument, home_problem


@pytest.mark.parametrize("typed", ["", " ", "   ", "\t", "\n "])
def test_an_empty_data_dir_is_refused_with_a_sentence(typed: str) -> None:
    with pytest.raises(ValueError, match="--data-dir") as refused:
        data_dir_argument(typed)
    assert "Nothing was created" in str(refused.value)


@pytest.mark.parametrize("typed", ["data", " my data ", "/tmp/planner", "."])
def test_a_folder_name_is_kept_as_typed(typed: str) -> None:
    assert data_dir_argument(typed) == typed


@pytest.mark.parametrize("platform", ["win32", "windows", "win"])
def test_windows_needs_no_home_folder(platform: str) -> None:
    assert home_problem({}, platform) is None
    assert home_problem({"HOME": ""}, platform) is None
    assert home_problem({"HOME": "relative"}, platform) is None


@pytest.mark.parametrize("platform", ["linux", "darwin", "freebsd13"])
def test_no_home_folder_is_a_problem_elsewhere(platform: str) -> None:
    assert home_problem({}, platform) == NO_HOME
    assert home_problem({"HOME": ""}, platform) == NO_HOME


@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_a_relative_home_is_no_home(platform: str) -> None:
    assert home_problem({"HOME": "relative/me"}, platform) == NO_HOME


@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_an_absolute_home_is_enough(platform: str) -> None:
    assert home_problem({"HOME": "/home/me"}, platform) is None


def test_on_linux_an_absolute_xdg_data_home_is_enough_without_home() -> None:
    assert home_problem({"XDG_DATA_HOME": "/data"}, "linux") is None
    assert home_problem({"XDG_DATA_HOME": "/data", "HOME": ""}, "linux") is None


def test_on_linux_a_relative_or_empty_xdg_data_home_does_not_stand_in_for_home() -> None:
    assert home_problem({"XDG_DATA_HOME": "data"}, "linux") == NO_HOME
    assert home_problem({"XDG_DATA_HOME": ""}, "linux") == NO_HOME
    assert home_problem({"XDG_DATA_HOME": "data", "HOME": "/home/me"}, "linux") is None


def test_xdg_data_home_counts_on_linux_only() -> None:
    assert home_problem({"XDG_DATA_HOME": "/data"}, "darwin") == NO_HOME
    assert home_problem({"XDG_DATA_HOME": "/data", "HOME": "/Users/me"}, "darwin") is None


def test_the_sentence_tells_the_user_what_to_do() -> None:
    assert "HOME" in NO_HOME
    assert "--data-dir" in NO_HOME
    assert "Nothing was created" in NO_HOME
