import pytest

from generator.dates import human_date, sort_key


@pytest.mark.parametrize(
    "value, shown",
    [
        ("2023", "2023"),
        ("2023-01", "Jan 2023"),
        ("2023-05-05", "5 May 2023"),
        ("2023-07-11/2023-07-12", "11–12 Jul 2023"),
        ("2025-10/2025-12", "Oct–Dec 2025"),
        ("1995/2002", "1995 – 2002"),
        ("2023-01~", "c. Jan 2023"),
        ("2023?", "2023?"),
        ("2023-05%", "c. May 2023?"),
        ("not a date", "not a date"),
    ],
)
def test_human_date(value: str, shown: str) -> None:
    assert human_date(value) == shown


def test_sort_key_orders_by_start() -> None:
    values = ["2024", "2023-07-11/2023-07-12", "2023-01~", "2023-04"]
    assert sorted(values, key=sort_key) == ["2023-01~", "2023-04", "2023-07-11/2023-07-12", "2024"]


def test_seasons_and_quarters_read_as_words_and_sort_from_their_first_month() -> None:
    from generator.dates import human_date, sort_key
    from generator.validate import edtf_problem

    assert human_date("2011-22") == "Summer 2011"
    assert human_date("2011-21/2011-23") == "Spring–Autumn 2011"
    assert human_date("2011-33") == "Q1 2011"
    assert sorted(["2011-12", "2011-22", "2011-05"], key=sort_key) == [
        "2011-05",
        "2011-22",
        "2011-12",
    ]
    assert edtf_problem("2011-22") is None and edtf_problem("2011-24/2012-21") is None
    assert edtf_problem("2011-13") is not None and edtf_problem("2011-22-01") is not None
