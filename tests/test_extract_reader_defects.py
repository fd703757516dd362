"""Extraction defects a reader found on a site built from real articles (issue 15): actors
that are not actors, one actor with the wrong type, counts and clock times read as years,
fragments listed as sources, dates listed as tags. Each rule is shown on texts it must
match and on texts (from other documents) it must not."""

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from _extract_util import body_of  # noqa: E402

from generator.extract.actor_names import (  # noqa: E402
    clean_name,
    not_a_name,
    split_run_together,
)
from generator.extract.actors import find_actors  # noqa: E402
from generator.extract.clean import classify  # noqa: E402
from generator.extract.metadata import read_metadata  # noqa: E402
from generator.extract.pipeline import extract  # noqa: E402
from generator.extract.sources import primary_sources, source_form  # noqa: E402
from generator.extract.temporal import find_temporal  # noqa: E402
from generator.seeds import read_seed  # noqa: E402

# --- actors that are not actors -------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["USD", "EUR 5 million", "Mar", "Sept.", "UTC+03:00", "GMT", "21:40 GMT", "EST"]
    + ["Magnitude 6.3", "6.3 magnitude", "40 km", "5.2 Richter"],
)
def test_units_dates_times_and_measurements_are_not_names(name: str) -> None:
    assert not_a_name(name)


@pytest.mark.parametrize(
    "name",
    ["Jan Egeland", "Local 1709", "G20", "Boeing 737", "Apollo 11", "March of Dimes"]
    + ["Richter", "Eastern Standard Bank", "Marcus Bell", "US Geological Survey", "Euro 2024"],
)
def test_names_with_numbers_or_month_like_words_stay_names(name: str) -> None:
    assert not not_a_name(name)


def test_invisible_format_characters_are_not_part_of_a_name() -> None:
    assert clean_name("\u200bKyiv") == "Kyiv"
    assert clean_name("Volodymyr\u200d Zelensky") == "Volodymyr Zelensky"
    assert clean_name("Kyiv") == "Kyiv"


RUN_TOGETHER = (
    "Former UN chief Kofi AnnanBrown met on Monday. Kofi Annan said talks went well, and "
    "Prime Minister Gordon Brown said Britain would pay."
)


def test_two_names_run_together_by_markup_are_cut_apart() -> None:
    assert split_run_together("Kofi AnnanBrown", RUN_TOGETHER) == "Kofi Annan"
    text = "Police chief Maria SantosLopez spoke. Officer Santos and judge Lopez agreed."
    assert split_run_together("Maria SantosLopez", text) == "Maria Santos"


@pytest.mark.parametrize(
    "name,text",
    [
        ("McDonald", "Sales at McDonald rose, and Donald Trump said the Mc rule was wrong."),
        ("iPhone", "The new iPhone sold well; the Phone unit of i Group said so."),
        ("YouTube", "You can watch it on YouTube. Tube trains ran late in London."),
        ("PlayStation", "The PlayStation 5 and the PlayStation 4 sold, said Play Station owner."),
        ("MacBook", "Apple said its MacBook sold well in Mac stores."),
    ],
)
def test_camel_case_names_without_evidence_of_two_words_stay_whole(name: str, text: str) -> None:
    assert split_run_together(name, text) == name


def _actors(text: str) -> list[dict]:
    return find_actors(body_of(text), text, text.split("\n")[0], [])


def test_a_name_cut_from_a_longer_name_is_the_longer_name() -> None:
    text = (
        "Apple Opens Store\n\nApple said its iTunes Music Store sold one million songs. Sales "
        "at the iTunes Music Store rose, the company said.\n\nGeneral Motors Corporation said "
        "its sales fell. Analysts said General Motors would cut jobs, and General Motors said "
        "it would close two plants.\n"
    )
    names = {a["name"]: a for a in _actors(text)}
    assert "Music Store" not in names and "Motors Corporation" not in names, names
    assert names["iTunes Music Store"]["type"] == "organization"
    assert "General Motors Corporation" in names["General Motors"].get("aliases", [])


def test_a_longer_name_given_twice_takes_the_short_form_too() -> None:
    text = (
        "Store Sales Rise\n\nApple said the iTunes Music Store sold a million songs. Sales at "
        "the iTunes Music Store rose in May, and the Music Store will open in Japan, the "
        "company said.\n"
    )
    names = [a["name"] for a in _actors(text)]
    assert "Music Store" not in names, names


def test_a_name_that_also_stands_alone_is_not_made_longer() -> None:
    text = (
        "Regulator Fines Bank\n\nThe Financial Conduct Authority fined the lender on Monday. "
        "The UK Financial Conduct Authority said the fine was its largest, and the Financial "
        "Conduct Authority said it would publish its findings.\n"
    )
    names = [a["name"] for a in _actors(text)]
    assert "Financial Conduct Authority" in names, names
    assert "UK Financial Conduct Authority" not in names


def test_run_together_names_do_not_become_actors() -> None:
    names = [a["name"] for a in _actors("Leaders Meet in London\n\n" + RUN_TOGETHER + "\n")]
    assert "Kofi Annan" in names and not any("AnnanBrown" in n for n in names), names


# --- one actor, one type --------------------------------------------------------------


def test_shops_and_companies_the_tagger_took_for_people_are_organisations() -> None:
    text = (
        "Retailers Cut Prices\n\nRetailer Best Buy said on Monday it would cut prices. Best "
        "Buy stores will open early, and App Store customers got discounts. Best Buy said "
        "sales rose, and App Store said downloads doubled.\n"
    )
    types = {a["name"]: a["type"] for a in _actors(text)}
    assert types.get("Best Buy") == "organization", types
    assert types.get("App Store") == "organization", types


def test_people_stay_people_next_to_a_verb_or_a_role() -> None:
    text = (
        "Envoy Speaks\n\nMaria Lopez shares her view of the talks, the envoy said. Maria Lopez "
        "said the company would answer. Chief executive Tom Reyes said profits fell.\n"
    )
    types = {a["name"]: a["type"] for a in _actors(text)}
    assert types.get("Maria Lopez") == "person", types
    assert types.get("Tom Reyes") == "person", types


def test_a_role_in_lower_case_right_before_a_name_makes_a_person() -> None:
    text = (
        "Budget Vote Delayed\n\nOpposition lawmaker Chaminda Rathnayake accused the "
        "government of delay. The Budget Office said Chaminda Rathnayake was wrong, and the "
        "Budget Office published its figures.\n"
    )
    types = {a["name"]: a["type"] for a in _actors(text)}
    assert types.get("Chaminda Rathnayake") == "person", types
    assert types.get("Budget Office") == "organization", types


def test_a_one_word_name_the_tagger_calls_a_place_as_often_as_a_person_is_a_place() -> None:
    # The small model tags "Arequipa" once a person, once a body and once a place in this
    # seed; "Chala" and the people keep their types.
    data = Path(__file__).parent / "data" / "synthetic"
    seed = read_seed(data / "seeds" / "14-live-southern-peru-earthquake.txt", data)
    types = {a["name"]: a["type"] for a in extract(seed)["actors"]}
    assert types.get("Arequipa") == "place", types
    assert types.get("Chala") == "place", types
    assert types.get("Eduardo Salas") == "person", types
    assert types.get("Óscar Villena") == "person", types


def test_a_capital_is_known_by_its_older_spelling_too() -> None:
    from generator.extract import gazetteer as gz

    assert gz.capital_country("Kiev") == gz.capital_country("Kyiv") == "Ukraine"
    assert gz.capital_country("Kharkiv") is None  # a city, but no capital


def test_a_capital_city_the_tagger_took_for_a_person_is_a_place() -> None:
    text = (
        "Kyiv Under Fire\n\nKyiv was hit by drones overnight. In Kyiv, Volodymyr Zelensky "
        "said Kyiv would not accept the terms.\n"
    )
    types = {a["name"]: a["type"] for a in _actors(text)}
    assert types.get("Kyiv", "place") == "place", types
    assert types.get("Volodymyr Zelensky") == "person", types


# --- years ----------------------------------------------------------------------------

ANCHOR = dt.date(2024, 5, 1)


def _years(text: str) -> list[str]:
    return [t.value for t in find_temporal(text, ANCHOR) if len(t.value) == 4]


@pytest.mark.parametrize(
    "text,year",
    [
        ("The treaty was signed in 1998.", "1998"),
        ("Prices have risen since 2019, the bank said.", "2019"),
        ("He recalled the 2014 protests in the city.", "2014"),
        ("Sweden won at the World Cup 2018 in Russia.", "2018"),
        ("Hill met fellow 2012 presidential candidate Buddy Roemer.", "2012"),
        ("DAB's Starry Lee; from file, 2015.", "2015"),
        ("He died in a 1961 plane crash.", "1961"),
        ("Ozone rose over 2000 - 2050; yields fell 10% of 2000 levels.", "2000"),
        ("2007 was the hardest year for the farm.", "2007"),
    ],
)
def test_a_four_digit_number_with_year_evidence_is_a_year(text: str, year: str) -> None:
    assert year in _years(text)


@pytest.mark.parametrize(
    "text",
    [
        "The quake struck at 2053 GMT on the coast.",
        "The first report came at 20:53 local time.",
        "Members of Local 1709 voted to strike.",
        "A survey of 1709 schoolchildren found low iodine.",
        "Doctors examined the 1709 schoolchildren in May.",
        "The union counted 1520 ballots by noon.",
        "About 2000 people marched to the square.",
        "Flight 1520 landed safely at the airport.",
        "Item No. 1709 was sold at the auction.",
    ],
)
def test_clock_times_counts_and_labels_are_not_years(text: str) -> None:
    assert _years(text) == []


# --- sources --------------------------------------------------------------------------

PROPER = frozenset({"Nauru", "Cornyn", "PC", "World", "COCOBOD", "Bolden", "Afghan"})


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Kjersti Haugland", ("Kjersti Haugland", False)),
        ("Nauru", ("Nauru", False)),
        ("Ministry of Foreign Affairs", ("Ministry of Foreign Affairs", False)),
        ("curator Elaine Gustafon", ("Elaine Gustafon", False)),
        ("Bolden to the gathered crowd", ("Bolden", False)),
        ("Cornyn's statement", ("Cornyn", False)),
        ("a statement from COCOBOD", ("COCOBOD", False)),
        ("Suleiman al-Amr", ("Suleiman al-Amr", False)),
        ("officials", ("officials", True)),
        ("report's authors", ("report's authors", True)),
        ("U.S. officials", ("U.S. officials", True)),
        ("Industry groups", ("Industry groups", True)),
        ("the city’s chamber of commerce", ("the city’s chamber of commerce", True)),
    ],
)
def test_named_sources_are_proper_names_and_descriptions_are_anonymous(
    name: str, expected: tuple[str, bool]
) -> None:
    assert source_form(name, PROPER) == expected


@pytest.mark.parametrize(
    "name",
    ["the deal", "17 to 24", "Deaths", "No injuries or deaths", "past year", "They", "it", "Q"],
)
def test_fragments_numbers_and_pronouns_are_no_sources(name: str) -> None:
    assert source_form(name, PROPER) is None


def test_primary_sources_mark_unnamed_speakers_and_drop_fragments() -> None:
    text = (
        "Port Deal Signed\n\nThe deal will bring 17 to 24 new ships, officials said on "
        "Monday. Port director Ana Ruiz said the first ship would dock in June.\n\nThe deal "
        "said nothing about wages, and union leaders said they would protest.\n"
    )
    found = {p["name"]: p for p in primary_sources(body_of(text), text, [])}
    assert "Ana Ruiz" in found and not found["Ana Ruiz"].get("anonymous")
    assert found["officials"]["anonymous"] is True, found
    assert not {"the deal", "The deal", "17 to 24"} & set(found), found


# --- tags -----------------------------------------------------------------------------


def _tags(text: str) -> list[str]:
    return read_metadata(classify(text), text).tags


BODY = (
    "The city council voted on Monday to expand the tram network to the eastern suburbs, "
    "ending years of debate over the cost of the project."
)


def test_tags_are_never_dates_years_or_page_furniture() -> None:
    text = (
        "Tram line approved\n\n" + BODY + "\n\nCategories: March 14, 2024 | Archived | "
        "Africa | Economy and business | Published\n"
    )
    assert _tags(text) == ["Africa", "Economy and business"]
    text = "Tram line approved\n\n" + BODY + "\n\nTags: August 15, 2008, 2008, Transport\n"
    assert _tags(text) == ["Transport"]


def test_real_keywords_that_look_like_dates_or_numbers_stay() -> None:
    text = "Tram line approved\n\n" + BODY + "\n\nTags: May Day, G20, Euro 2024, Transport\n"
    assert _tags(text) == ["May Day", "G20", "Euro 2024", "Transport"]


def test_tags_marked_as_links_are_one_tag_each() -> None:
    # A Markdown repost keeps a site's inline HTML: each link is one tag, though the line
    # reads "Kenya Floods Africa" once the markup is gone.
    text = (
        "Floods spread\n\n" + BODY + '\n\nTags: <a href="/t/kenya/">Kenya</a> <a '
        'href="/t/floods/">Floods</a> <a href="/t/africa/">Africa</a>\n'
    )
    assert _tags(text) == ["Kenya", "Floods", "Africa"]
    text = "Floods spread\n\n" + BODY + '\n\nTags: <a href="/t/rain/">Heavy rain</a>\n'
    assert _tags(text) == ["Heavy rain"]
