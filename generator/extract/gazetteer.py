"""General world knowledge the actor rules need: country names and their common short
forms, demonyms ("Japanese" → Japan) and capitals used for governments ("Tehran said").

This is generic reference data, not tuned to any document.
"""

from __future__ import annotations

# canonical name: (other names, demonyms incl. plurals, capital)
_COUNTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "Afghanistan": ((), ("Afghan", "Afghans"), "Kabul"),
    "Albania": ((), ("Albanian", "Albanians"), "Tirana"),
    "Algeria": ((), ("Algerian", "Algerians"), "Algiers"),
    "Argentina": ((), ("Argentine", "Argentinian", "Argentines"), "Buenos Aires"),
    "Armenia": ((), ("Armenian", "Armenians"), "Yerevan"),
    "Australia": ((), ("Australian", "Australians"), "Canberra"),
    "Austria": ((), ("Austrian", "Austrians"), "Vienna"),
    "Azerbaijan": ((), ("Azerbaijani", "Azerbaijanis"), "Baku"),
    "Bangladesh": ((), ("Bangladeshi", "Bangladeshis"), "Dhaka"),
    "Belarus": ((), ("Belarusian", "Belarusians"), "Minsk"),
    "Belgium": ((), ("Belgian", "Belgians"), "Brussels"),
    "Bosnia and Herzegovina": (("Bosnia",), ("Bosnian", "Bosnians"), "Sarajevo"),
    "Brazil": ((), ("Brazilian", "Brazilians"), "Brasilia"),
    "Bulgaria": ((), ("Bulgarian", "Bulgarians"), "Sofia"),
    "Cambodia": ((), ("Cambodian", "Cambodians"), "Phnom Penh"),
    "Canada": ((), ("Canadian", "Canadians"), "Ottawa"),
    "Chile": ((), ("Chilean", "Chileans"), "Santiago"),
    "China": (("People's Republic of China", "PRC", "mainland China"), ("Chinese",), "Beijing"),
    "Colombia": ((), ("Colombian", "Colombians"), "Bogota"),
    "Croatia": ((), ("Croatian", "Croatians", "Croat", "Croats"), "Zagreb"),
    "Cuba": ((), ("Cuban", "Cubans"), "Havana"),
    "Cyprus": ((), ("Cypriot", "Cypriots"), "Nicosia"),
    "Czech Republic": (("Czechia",), ("Czech", "Czechs"), "Prague"),
    "Democratic Republic of the Congo": (("DR Congo", "DRC", "Congo"), ("Congolese",), "Kinshasa"),
    "Denmark": ((), ("Danish", "Danes"), "Copenhagen"),
    "Egypt": ((), ("Egyptian", "Egyptians"), "Cairo"),
    "Estonia": ((), ("Estonian", "Estonians"), "Tallinn"),
    "Ethiopia": ((), ("Ethiopian", "Ethiopians"), "Addis Ababa"),
    "Finland": ((), ("Finnish", "Finns"), "Helsinki"),
    "France": ((), ("French",), "Paris"),
    "Georgia": ((), ("Georgian", "Georgians"), "Tbilisi"),
    "Germany": ((), ("German", "Germans"), "Berlin"),
    "Ghana": ((), ("Ghanaian", "Ghanaians"), "Accra"),
    "Greece": ((), ("Greek", "Greeks"), "Athens"),
    "Hungary": ((), ("Hungarian", "Hungarians"), "Budapest"),
    "India": ((), ("Indian", "Indians"), "New Delhi"),
    "Indonesia": ((), ("Indonesian", "Indonesians"), "Jakarta"),
    "Iran": ((), ("Iranian", "Iranians"), "Tehran"),
    "Iraq": ((), ("Iraqi", "Iraqis"), "Baghdad"),
    "Ireland": ((), ("Irish",), "Dublin"),
    "Israel": ((), ("Israeli", "Israelis"), "Jerusalem"),
    "Italy": ((), ("Italian", "Italians"), "Rome"),
    "Japan": ((), ("Japanese",), "Tokyo"),
    "Jordan": ((), ("Jordanian", "Jordanians"), "Amman"),
    "Kazakhstan": ((), ("Kazakh", "Kazakhs"), "Astana"),
    "Kenya": ((), ("Kenyan", "Kenyans"), "Nairobi"),
    "Kosovo": ((), ("Kosovar", "Kosovars", "Kosovan"), "Pristina"),
    "Kuwait": ((), ("Kuwaiti", "Kuwaitis"), "Kuwait City"),
    "Latvia": ((), ("Latvian", "Latvians"), "Riga"),
    "Lebanon": ((), ("Lebanese",), "Beirut"),
    "Libya": ((), ("Libyan", "Libyans"), "Tripoli"),
    "Lithuania": ((), ("Lithuanian", "Lithuanians"), "Vilnius"),
    "Malaysia": ((), ("Malaysian", "Malaysians"), "Kuala Lumpur"),
    "Mali": ((), ("Malian", "Malians"), "Bamako"),
    "Mexico": ((), ("Mexican", "Mexicans"), "Mexico City"),
    "Moldova": ((), ("Moldovan", "Moldovans"), "Chisinau"),
    "Morocco": ((), ("Moroccan", "Moroccans"), "Rabat"),
    "Myanmar": (("Burma",), ("Burmese",), "Naypyidaw"),
    "Netherlands": (("Holland", "the Netherlands"), ("Dutch",), "Amsterdam"),
    "New Zealand": ((), ("New Zealander", "New Zealanders"), "Wellington"),
    "Niger": ((), ("Nigerien", "Nigeriens"), "Niamey"),
    "Nigeria": ((), ("Nigerian", "Nigerians"), "Abuja"),
    "North Korea": (
        ("DPRK", "Democratic People's Republic of Korea", "DPR Korea"),
        ("North Korean", "North Koreans"),
        "Pyongyang",
    ),
    "Norway": ((), ("Norwegian", "Norwegians"), "Oslo"),
    "Pakistan": ((), ("Pakistani", "Pakistanis"), "Islamabad"),
    "Palestine": (("State of Palestine",), ("Palestinian", "Palestinians"), "Ramallah"),
    "Philippines": (("the Philippines",), ("Filipino", "Filipinos", "Philippine"), "Manila"),
    "Poland": ((), ("Polish", "Poles"), "Warsaw"),
    "Portugal": ((), ("Portuguese",), "Lisbon"),
    "Qatar": ((), ("Qatari", "Qataris"), "Doha"),
    "Romania": ((), ("Romanian", "Romanians"), "Bucharest"),
    "Russia": (("Russian Federation",), ("Russian", "Russians"), "Moscow"),
    "Rwanda": ((), ("Rwandan", "Rwandans"), "Kigali"),
    "Saudi Arabia": (("Saudis", "the Saudis", "Kingdom of Saudi Arabia"), ("Saudi",), "Riyadh"),
    "Serbia": ((), ("Serbian", "Serbians", "Serb", "Serbs"), "Belgrade"),
    "Singapore": ((), ("Singaporean", "Singaporeans"), ""),
    "Slovakia": ((), ("Slovak", "Slovaks"), "Bratislava"),
    "Somalia": ((), ("Somali", "Somalis"), "Mogadishu"),
    "South Africa": ((), ("South African", "South Africans"), "Pretoria"),
    "South Korea": (("Republic of Korea", "ROK"), ("South Korean", "South Koreans"), "Seoul"),
    "South Sudan": ((), ("South Sudanese",), "Juba"),
    "Spain": ((), ("Spanish", "Spaniards"), "Madrid"),
    "Sudan": ((), ("Sudanese",), "Khartoum"),
    "Sweden": ((), ("Swedish", "Swedes"), "Stockholm"),
    "Switzerland": ((), ("Swiss",), "Bern"),
    "Syria": ((), ("Syrian", "Syrians"), "Damascus"),
    "Taiwan": (("Republic of China",), ("Taiwanese",), "Taipei"),
    "Thailand": ((), ("Thai", "Thais"), "Bangkok"),
    "Tunisia": ((), ("Tunisian", "Tunisians"), "Tunis"),
    "Turkey": (("Türkiye", "Turkiye"), ("Turkish", "Turks"), "Ankara"),
    "Ukraine": ((), ("Ukrainian", "Ukrainians"), "Kyiv"),
    "United Arab Emirates": (("UAE", "U.A.E.", "Emirates"), ("Emirati", "Emiratis"), "Abu Dhabi"),
    "United Kingdom": (
        ("UK", "U.K.", "Britain", "Great Britain"),
        ("British", "Briton", "Britons"),
        "London",
    ),
    "United States": (
        ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
        ("American", "Americans"),
        "Washington",
    ),
    "Venezuela": ((), ("Venezuelan", "Venezuelans"), "Caracas"),
    "Vietnam": (("Viet Nam",), ("Vietnamese",), "Hanoi"),
    "Yemen": ((), ("Yemeni", "Yemenis"), "Sanaa"),
    "Zimbabwe": ((), ("Zimbabwean", "Zimbabweans"), "Harare"),
}

# Common short forms of international bodies (the full name is the canonical one).
ORG_ALIASES: dict[str, str] = {
    "UN": "United Nations",
    "U.N.": "United Nations",
    "EU": "European Union",
    "E.U.": "European Union",
    "Nato": "NATO",
}


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").split()).lower().removeprefix("the ")


COUNTRY_BY_NAME: dict[str, str] = {}
COUNTRY_BY_DEMONYM: dict[str, str] = {}
COUNTRY_BY_CAPITAL: dict[str, str] = {}
for _c, (_alts, _dems, _cap) in _COUNTRIES.items():
    COUNTRY_BY_NAME[_norm(_c)] = _c
    for _a in _alts:
        COUNTRY_BY_NAME[_norm(_a)] = _c
    for _d in _dems:
        COUNTRY_BY_DEMONYM[_norm(_d)] = _c
    if _cap:
        COUNTRY_BY_CAPITAL[_norm(_cap)] = _c


def country(name: str) -> str | None:
    """The canonical country a name denotes ("US" → "United States"), or None."""
    return COUNTRY_BY_NAME.get(_norm(name))


def demonym_country(word: str) -> str | None:
    """The country of a demonym ("Japanese" → "Japan"), or None."""
    return COUNTRY_BY_DEMONYM.get(_norm(word))


def capital_country(name: str) -> str | None:
    """The country whose capital this is ("Tehran" → "Iran"), or None."""
    return COUNTRY_BY_CAPITAL.get(_norm(name))
