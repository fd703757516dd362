import pytest

from generator.dates import human_date, sort_key


@pytest.mark.parametrize("value, shown", [
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
])
def test_human_date(value: str, shown: str) -> None:
    assert human_date(value) == shown


def test_sort_key_orders_by_start() -> None:
    values = ["2024", "2023-07-11/2023-07-12", "2023-01~", "2023-04"]
    assert sorted(values, key=sort_key) == ["2023-01~", "2023-04", "2023-07-11/2023-07-12", "2024"]
