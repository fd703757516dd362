"""General world knowledge the actor rules need: country names and their common short
forms, demonyms ("Japanese" → Japan) and capitals used for governments ("Tehran said").

This is generic reference data, not tuned to any document.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

# canonical name: (other names, demonyms incl. plurals, capital)
_COUNTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "Abkhazia": ((), ("Abkhaz", "Abkhazian", "Abkhazians"), "Sukhumi"),
    "Afghanistan": ((), ("Afghan", "Afghans"), "Kabul"),
    "Albania": ((), ("Albanian", "Albanians"), "Tirana"),
    "Algeria": ((), ("Algerian", "Algerians"), "Algiers"),
    "Andorra": ((), ("Andorran", "Andorrans"), "Andorra la Vella"),
    "Angola": ((), ("Angolan", "Angolans"), "Luanda"),
    "Antigua and Barbuda": (("Antigua",), ("Antiguan", "Antiguans", "Barbudan", "Barbudans"), ""),
    "Argentina": ((), ("Argentine", "Argentinian", "Argentines", "Argentinians"), "Buenos Aires"),
    "Armenia": ((), ("Armenian", "Armenians"), "Yerevan"),
    "Australia": ((), ("Australian", "Australians"), "Canberra"),
    "Austria": ((), ("Austrian", "Austrians"), "Vienna"),
    "Azerbaijan": ((), ("Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"), "Baku"),
    "Bahamas": (("the Bahamas",), ("Bahamian", "Bahamians"), "Nassau"),
    "Bahrain": ((), ("Bahraini", "Bahrainis"), "Manama"),
    "Bangladesh": ((), ("Bangladeshi", "Bangladeshis"), "Dhaka"),
    "Barbados": ((), ("Barbadian", "Barbadians", "Bajan", "Bajans"), "Bridgetown"),
    "Belarus": ((), ("Belarusian", "Belarusians"), "Minsk"),
    "Belgium": ((), ("Belgian", "Belgians"), "Brussels"),
    "Belize": ((), ("Belizean", "Belizeans"), "Belmopan"),
    "Benin": ((), ("Beninese",), "Cotonou"),
    "Bermuda": ((), ("Bermudian", "Bermudians"), ""),
    "Bhutan": ((), ("Bhutanese",), "Thimphu"),
    "Bolivia": ((), ("Bolivian", "Bolivians"), "La Paz"),
    "Bosnia and Herzegovina": (
        ("Bosnia", "Bosnia-Herzegovina"),
        ("Bosnian", "Bosnians"),
        "Sarajevo",
    ),
    "Botswana": ((), ("Motswana", "Batswana", "Botswanan", "Botswanans"), "Gaborone"),
    "Brazil": ((), ("Brazilian", "Brazilians"), "Brasilia"),
    "Brunei": (("Brunei Darussalam",), ("Bruneian", "Bruneians"), "Bandar Seri Begawan"),
    "Bulgaria": ((), ("Bulgarian", "Bulgarians"), "Sofia"),
    "Burkina Faso": ((), ("Burkinabe", "Burkinabè", "Burkinabes"), "Ouagadougou"),
    "Burundi": ((), ("Burundian", "Burundians"), "Gitega"),
    "Cambodia": ((), ("Cambodian", "Cambodians"), "Phnom Penh"),
    "Cameroon": ((), ("Cameroonian", "Cameroonians"), "Yaounde"),
    "Canada": ((), ("Canadian", "Canadians"), "Ottawa"),
    "Cape Verde": (("Cabo Verde",), ("Cape Verdean", "Cape Verdeans"), "Praia"),
    "Central African Republic": ((), (), "Bangui"),
    "Chad": ((), ("Chadian", "Chadians"), "N'Djamena"),
    "Chile": ((), ("Chilean", "Chileans"), "Santiago"),
    "China": (("People's Republic of China", "PRC", "mainland China"), ("Chinese",), "Beijing"),
    "Colombia": ((), ("Colombian", "Colombians"), "Bogota"),
    "Comoros": (("the Comoros",), ("Comorian", "Comorians"), "Moroni"),
    "Costa Rica": ((), ("Costa Rican", "Costa Ricans"), "San José"),
    "Croatia": ((), ("Croatian", "Croatians", "Croat", "Croats"), "Zagreb"),
    "Cuba": ((), ("Cuban", "Cubans"), "Havana"),
    "Cyprus": ((), ("Cypriot", "Cypriots"), "Nicosia"),
    "Czech Republic": (("Czechia",), ("Czech", "Czechs"), "Prague"),
    "Democratic Republic of the Congo": (
        ("DR Congo", "DRC", "Congo", "Democratic Republic of Congo", "Congo-Kinshasa"),
        ("Congolese",),
        "Kinshasa",
    ),
    "Denmark": ((), ("Danish", "Danes"), "Copenhagen"),
    "Djibouti": ((), ("Djiboutian", "Djiboutians"), ""),
    "Dominica": ((), (), "Roseau"),
    "Dominican Republic": ((), ("Dominican", "Dominicans"), "Santo Domingo"),
    "East Timor": (("Timor-Leste", "Timor Leste"), ("Timorese", "East Timorese"), "Dili"),
    "Ecuador": ((), ("Ecuadorian", "Ecuadorians", "Ecuadorean", "Ecuadoreans"), "Quito"),
    "Egypt": ((), ("Egyptian", "Egyptians"), "Cairo"),
    "El Salvador": (
        (),
        ("Salvadoran", "Salvadorans", "Salvadorean", "Salvadoreans"),
        "San Salvador",
    ),
    "Equatorial Guinea": (
        (),
        ("Equatorial Guinean", "Equatorial Guineans", "Equatoguinean", "Equatoguineans"),
        "Malabo",
    ),
    "Eritrea": ((), ("Eritrean", "Eritreans"), "Asmara"),
    "Estonia": ((), ("Estonian", "Estonians"), "Tallinn"),
    "Eswatini": (("Swaziland",), ("Swazi", "Swazis"), "Mbabane"),
    "Ethiopia": ((), ("Ethiopian", "Ethiopians"), "Addis Ababa"),
    "Falkland Islands": (
        ("Falklands", "Malvinas", "Islas Malvinas"),
        ("Falkland Islander", "Falkland Islanders"),
        "",
    ),
    "Faroe Islands": (("Faroes", "Faeroe Islands"), ("Faroese",), "Torshavn"),
    "Fiji": ((), ("Fijian", "Fijians"), "Suva"),
    "Finland": ((), ("Finnish", "Finns"), "Helsinki"),
    "France": ((), ("French",), "Paris"),
    "French Polynesia": ((), ("French Polynesian", "French Polynesians"), "Papeete"),
    "Gabon": ((), ("Gabonese",), "Libreville"),
    "Gambia": (("The Gambia",), ("Gambian", "Gambians"), "Banjul"),
    "Georgia": ((), ("Georgian", "Georgians"), "Tbilisi"),
    "Germany": ((), ("German", "Germans"), "Berlin"),
    "Ghana": ((), ("Ghanaian", "Ghanaians"), "Accra"),
    "Gibraltar": ((), ("Gibraltarian", "Gibraltarians"), ""),
    "Greece": ((), ("Greek", "Greeks"), "Athens"),
    "Greenland": ((), ("Greenlander", "Greenlanders", "Greenlandic"), "Nuuk"),
    "Grenada": ((), ("Grenadian", "Grenadians"), ""),
    "Guam": ((), ("Guamanian", "Guamanians"), "Hagatna"),
    "Guatemala": ((), ("Guatemalan", "Guatemalans"), "Guatemala City"),
    "Guinea": ((), ("Guinean", "Guineans"), "Conakry"),
    "Guinea-Bissau": (("Guinea Bissau",), ("Bissau-Guinean", "Bissau-Guineans"), "Bissau"),
    "Guyana": ((), ("Guyanese",), ""),
    "Haiti": ((), ("Haitian", "Haitians"), "Port-au-Prince"),
    "Honduras": ((), ("Honduran", "Hondurans"), "Tegucigalpa"),
    "Hong Kong": ((), ("Hongkonger", "Hongkongers", "Hong Konger", "Hong Kongers"), ""),
    "Hungary": ((), ("Hungarian", "Hungarians"), "Budapest"),
    "Iceland": ((), ("Icelandic", "Icelander", "Icelanders"), "Reykjavik"),
    "India": ((), ("Indian", "Indians"), "New Delhi"),
    "Indonesia": ((), ("Indonesian", "Indonesians"), "Jakarta"),
    "Iran": ((), ("Iranian", "Iranians"), "Tehran"),
    "Iraq": ((), ("Iraqi", "Iraqis"), "Baghdad"),
    "Ireland": ((), ("Irish",), "Dublin"),
    "Israel": ((), ("Israeli", "Israelis"), "Jerusalem"),
    "Italy": ((), ("Italian", "Italians"), "Rome"),
    "Ivory Coast": (("Côte d'Ivoire", "Cote d'Ivoire"), ("Ivorian", "Ivorians"), "Abidjan"),
    "Jamaica": ((), ("Jamaican", "Jamaicans"), "Kingston"),
    "Japan": ((), ("Japanese",), "Tokyo"),
    "Jordan": ((), ("Jordanian", "Jordanians"), "Amman"),
    "Kazakhstan": ((), ("Kazakh", "Kazakhs"), "Astana"),
    "Kenya": ((), ("Kenyan", "Kenyans"), "Nairobi"),
    "Kiribati": ((), ("I-Kiribati",), "Tarawa"),
    "Kosovo": ((), ("Kosovar", "Kosovars", "Kosovan"), "Pristina"),
    "Kuwait": ((), ("Kuwaiti", "Kuwaitis"), "Kuwait City"),
    "Kyrgyzstan": (("Kyrgyz Republic",), ("Kyrgyz", "Kyrgyzstani", "Kyrgyzstanis"), "Bishkek"),
    "Laos": (("Lao PDR",), ("Lao", "Laotian", "Laotians"), "Vientiane"),
    "Latvia": ((), ("Latvian", "Latvians"), "Riga"),
    "Lebanon": ((), ("Lebanese",), "Beirut"),
    "Lesotho": ((), ("Mosotho", "Basotho"), "Maseru"),
    "Liberia": ((), ("Liberian", "Liberians"), "Monrovia"),
    "Libya": ((), ("Libyan", "Libyans"), "Tripoli"),
    "Liechtenstein": ((), ("Liechtensteiner", "Liechtensteiners"), "Vaduz"),
    "Lithuania": ((), ("Lithuanian", "Lithuanians"), "Vilnius"),
    "Luxembourg": ((), ("Luxembourger", "Luxembourgers", "Luxembourgish"), ""),
    "Macau": (("Macao",), ("Macanese",), ""),
    "Madagascar": ((), ("Malagasy",), "Antananarivo"),
    "Malawi": ((), ("Malawian", "Malawians"), "Lilongwe"),
    "Malaysia": ((), ("Malaysian", "Malaysians"), "Kuala Lumpur"),
    "Maldives": (("the Maldives",), ("Maldivian", "Maldivians"), "Malé"),
    "Mali": ((), ("Malian", "Malians"), "Bamako"),
    "Malta": ((), ("Maltese",), "Valletta"),
    "Marshall Islands": (("the Marshall Islands",), ("Marshallese",), "Majuro"),
    "Mauritania": ((), ("Mauritanian", "Mauritanians"), "Nouakchott"),
    "Mauritius": ((), ("Mauritian", "Mauritians"), "Port Louis"),
    "Mexico": ((), ("Mexican", "Mexicans"), "Mexico City"),
    "Micronesia": (
        ("Federated States of Micronesia", "FSM"),
        ("Micronesian", "Micronesians"),
        "Palikir",
    ),
    "Moldova": ((), ("Moldovan", "Moldovans"), "Chisinau"),
    "Monaco": ((), ("Monegasque", "Monegasques"), ""),
    "Mongolia": ((), ("Mongolian", "Mongolians"), "Ulaanbaatar"),
    "Montenegro": ((), ("Montenegrin", "Montenegrins"), "Podgorica"),
    "Morocco": ((), ("Moroccan", "Moroccans"), "Rabat"),
    "Mozambique": ((), ("Mozambican", "Mozambicans"), "Maputo"),
    "Myanmar": (("Burma",), ("Burmese",), "Naypyidaw"),
    "Namibia": ((), ("Namibian", "Namibians"), "Windhoek"),
    "Nauru": ((), ("Nauruan", "Nauruans"), "Yaren"),
    "Nepal": ((), ("Nepali", "Nepalis", "Nepalese"), "Kathmandu"),
    "Netherlands": (("Holland", "the Netherlands"), ("Dutch",), "Amsterdam"),
    "New Caledonia": ((), ("New Caledonian", "New Caledonians"), "Noumea"),
    "New Zealand": ((), ("New Zealander", "New Zealanders"), "Wellington"),
    "Nicaragua": ((), ("Nicaraguan", "Nicaraguans"), "Managua"),
    "Niger": ((), ("Nigerien", "Nigeriens"), "Niamey"),
    "Nigeria": ((), ("Nigerian", "Nigerians"), "Abuja"),
    "North Korea": (
        ("DPRK", "Democratic People's Republic of Korea", "DPR Korea"),
        ("North Korean", "North Koreans"),
        "Pyongyang",
    ),
    "North Macedonia": (
        ("Macedonia", "Republic of North Macedonia"),
        ("North Macedonian", "North Macedonians", "Macedonian", "Macedonians"),
        "Skopje",
    ),
    "Northern Cyprus": (
        ("Turkish Republic of Northern Cyprus", "TRNC", "North Cyprus"),
        ("Turkish Cypriot", "Turkish Cypriots"),
        "",
    ),
    "Norway": ((), ("Norwegian", "Norwegians"), "Oslo"),
    "Oman": ((), ("Omani", "Omanis"), "Muscat"),
    "Pakistan": ((), ("Pakistani", "Pakistanis"), "Islamabad"),
    "Palau": ((), ("Palauan", "Palauans"), "Ngerulmud"),
    "Palestine": (("State of Palestine",), ("Palestinian", "Palestinians"), "Ramallah"),
    "Panama": ((), ("Panamanian", "Panamanians"), "Panama City"),
    "Papua New Guinea": (("PNG",), ("Papua New Guinean", "Papua New Guineans"), "Port Moresby"),
    "Paraguay": ((), ("Paraguayan", "Paraguayans"), "Asuncion"),
    "Peru": ((), ("Peruvian", "Peruvians"), "Lima"),
    "Philippines": (("the Philippines",), ("Filipino", "Filipinos", "Philippine"), "Manila"),
    "Poland": ((), ("Polish", "Poles"), "Warsaw"),
    "Portugal": ((), ("Portuguese",), "Lisbon"),
    "Puerto Rico": ((), ("Puerto Rican", "Puerto Ricans"), "San Juan"),
    "Qatar": ((), ("Qatari", "Qataris"), "Doha"),
    "Republic of the Congo": (
        ("Republic of Congo", "Congo Republic", "Congo-Brazzaville"),
        (),
        "Brazzaville",
    ),
    "Romania": ((), ("Romanian", "Romanians"), "Bucharest"),
    "Russia": (("Russian Federation",), ("Russian", "Russians"), "Moscow"),
    "Rwanda": ((), ("Rwandan", "Rwandans"), "Kigali"),
    "Saint Kitts and Nevis": (
        ("St Kitts and Nevis", "St. Kitts and Nevis", "St Kitts", "St. Kitts"),
        ("Kittitian", "Kittitians", "Nevisian", "Nevisians"),
        "Basseterre",
    ),
    "Saint Lucia": (
        ("St Lucia", "St. Lucia"),
        ("Saint Lucian", "Saint Lucians", "St Lucian", "St Lucians"),
        "Castries",
    ),
    "Saint Vincent and the Grenadines": (
        (
            "St Vincent and the Grenadines",
            "St. Vincent and the Grenadines",
            "Saint Vincent",
            "St Vincent",
        ),
        ("Vincentian", "Vincentians"),
        "Kingstown",
    ),
    "Samoa": ((), ("Samoan", "Samoans"), "Apia"),
    "San Marino": ((), ("Sammarinese",), ""),
    "Sao Tome and Principe": (
        ("São Tomé and Príncipe",),
        ("Sao Tomean", "Sao Tomeans"),
        "Sao Tome",
    ),
    "Saudi Arabia": (
        ("Saudis", "the Saudis", "Kingdom of Saudi Arabia"),
        ("Saudi", "Saudi Arabian", "Saudi Arabians"),
        "Riyadh",
    ),
    "Senegal": ((), ("Senegalese",), "Dakar"),
    "Serbia": ((), ("Serbian", "Serbians", "Serb", "Serbs"), "Belgrade"),
    "Seychelles": (("the Seychelles",), ("Seychellois",), ""),
    "Sierra Leone": ((), ("Sierra Leonean", "Sierra Leoneans"), "Freetown"),
    "Singapore": ((), ("Singaporean", "Singaporeans"), ""),
    "Slovakia": ((), ("Slovak", "Slovaks"), "Bratislava"),
    "Slovenia": ((), ("Slovenian", "Slovenians", "Slovene", "Slovenes"), "Ljubljana"),
    "Solomon Islands": (
        ("the Solomon Islands",),
        ("Solomon Islander", "Solomon Islanders"),
        "Honiara",
    ),
    "Somalia": ((), ("Somali", "Somalis"), "Mogadishu"),
    "Somaliland": ((), ("Somalilander", "Somalilanders"), "Hargeisa"),
    "South Africa": ((), ("South African", "South Africans"), "Pretoria"),
    "South Korea": (("Republic of Korea", "ROK"), ("South Korean", "South Koreans"), "Seoul"),
    "South Ossetia": ((), ("South Ossetian", "South Ossetians"), "Tskhinvali"),
    "South Sudan": ((), ("South Sudanese",), "Juba"),
    "Spain": ((), ("Spanish", "Spaniards"), "Madrid"),
    "Sri Lanka": ((), ("Sri Lankan", "Sri Lankans"), "Colombo"),
    "Sudan": ((), ("Sudanese",), "Khartoum"),
    "Suriname": (("Surinam",), ("Surinamese", "Surinamer", "Surinamers"), "Paramaribo"),
    "Sweden": ((), ("Swedish", "Swedes"), "Stockholm"),
    "Switzerland": ((), ("Swiss",), "Bern"),
    "Syria": ((), ("Syrian", "Syrians"), "Damascus"),
    "Taiwan": (("Republic of China",), ("Taiwanese",), "Taipei"),
    "Tajikistan": ((), ("Tajik", "Tajiks", "Tajikistani", "Tajikistanis"), "Dushanbe"),
    "Tanzania": ((), ("Tanzanian", "Tanzanians"), "Dodoma"),
    "Thailand": ((), ("Thai", "Thais"), "Bangkok"),
    "Togo": ((), ("Togolese",), "Lome"),
    "Tonga": ((), ("Tongan", "Tongans"), "Nuku'alofa"),
    "Transnistria": (
        ("Trans-Dniester", "Transdniestria", "Pridnestrovie"),
        ("Transnistrian", "Transnistrians"),
        "Tiraspol",
    ),
    "Trinidad and Tobago": (
        ("Trinidad",),
        (
            "Trinidadian",
            "Trinidadians",
            "Tobagonian",
            "Tobagonians",
            "Trinbagonian",
            "Trinbagonians",
        ),
        "Port of Spain",
    ),
    "Tunisia": ((), ("Tunisian", "Tunisians"), "Tunis"),
    "Turkey": (("Türkiye", "Turkiye"), ("Turkish", "Turks"), "Ankara"),
    "Turkmenistan": ((), ("Turkmen", "Turkmens", "Turkmenistani"), "Ashgabat"),
    "Tuvalu": ((), ("Tuvaluan", "Tuvaluans"), "Funafuti"),
    "Uganda": ((), ("Ugandan", "Ugandans"), "Kampala"),
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
    "Uruguay": ((), ("Uruguayan", "Uruguayans"), "Montevideo"),
    "Uzbekistan": ((), ("Uzbek", "Uzbeks", "Uzbekistani", "Uzbekistanis"), "Tashkent"),
    "Vanuatu": ((), ("Ni-Vanuatu",), "Port Vila"),
    "Vatican City": (("Vatican", "Holy See", "Vatican City State"), (), ""),
    "Venezuela": ((), ("Venezuelan", "Venezuelans"), "Caracas"),
    "Vietnam": (("Viet Nam",), ("Vietnamese",), "Hanoi"),
    "Western Sahara": ((), ("Sahrawi", "Sahrawis", "Saharawi", "Saharawis"), ""),
    "Yemen": ((), ("Yemeni", "Yemenis"), "Sanaa"),
    "Zambia": ((), ("Zambian", "Zambians"), "Lusaka"),
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


# News agencies (data/agencies.tsv, kept by hand) and news outlets (data/outlets.tsv, built
# from openly licensed package data by data/build_outlets.py; provenance in data/README.md).
_DATA = Path(__file__).with_name("data")


def _rows(name: str) -> list[list[str]]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


_AGENCIES: dict[str, tuple[str, ...]] = {}
_AGENCY_DOMAINS: dict[str, str] = {}
for _row in _rows("agencies.tsv"):
    _full, _short_forms, _doms = (_row + ["", ""])[:3]
    _AGENCIES[_full] = tuple(a for a in _short_forms.split("|") if a)
    for _d in _doms.split("|"):
        if _d:
            _AGENCY_DOMAINS[_d] = _full
AGENCY_BY_NAME: dict[str, str] = {
    _norm(alias): full for full, aliases in _AGENCIES.items() for alias in (full, *aliases)
}


def agency(name: str) -> str | None:
    """The full name of a news agency given by its name or abbreviation ("AP"), or None."""
    return AGENCY_BY_NAME.get(_norm(name))


def agency_aliases(name: str) -> list[str]:
    """Every name of the agency `name` names (none when it is no agency)."""
    full = agency(name)
    return [full, *_AGENCIES[full]] if full else []


# Second-level labels under a country code ("co.uk", "com.au"): the registrable name is the
# label before them.
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "gr", "nic"})


def domain_label(domain: str) -> str:
    """The registrable label of a web domain, hyphens dropped: "news.antiwar.com" ->
    "antiwar", "business-standard.com" -> "businessstandard", "abc.net.au" -> "abc"."""
    labels = domain.lower().removeprefix("www.").strip(".").split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        labels = labels[:-2]
    else:
        labels = labels[:-1]
    return labels[-1].replace("-", "") if labels else ""


def _compact(name: str) -> str:
    """Letters and digits only, lowercased and without accents: "The Guardian" ->
    "theguardian"."""
    folded = unicodedata.normalize("NFKD", name.replace("&", "and"))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", plain.lower())


OUTLET_BY_NAME: dict[str, str] = {}
OUTLET_DOMAINS: set[str] = set()
OUTLET_BY_LABEL: dict[str, str] = {}
for _row in _rows("outlets.tsv"):
    _name, _doms = (_row + [""])[:2]
    for _d in sorted(_doms.split("|"), key=len):
        if _d:
            OUTLET_DOMAINS.add(_d)
            OUTLET_BY_LABEL.setdefault(domain_label(_d), _name)
    if _name:
        OUTLET_BY_NAME[_norm(_name)] = _name
for _d, _full in _AGENCY_DOMAINS.items():
    OUTLET_DOMAINS.add(_d)
    OUTLET_BY_LABEL.setdefault(domain_label(_d), _full)
COMMON_WORDS: frozenset[str] = frozenset(
    (_DATA / "common_words.txt").read_text(encoding="utf-8").split()
)
compact = _compact  # the public name other modules use

_DOMAIN = re.compile(r"(?i)^(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:/\S*)?$")


def is_common_word(name: str) -> bool:
    """A single common English word ("Logo", "Home", "News"), whatever its case."""
    word = name.strip(" .,:;|").lower()
    return " " not in word and word in COMMON_WORDS


def known_outlet(name: str) -> str | None:
    """The outlet or agency a name denotes in the gazetteer, or None: a name or short form
    it lists ("AP", "The Guardian"), a web domain of a listed outlet ("antiwar.com"), or a
    name whose letters spell a listed domain's name ("Business Standard" ->
    business-standard.com). A single common word counts only as a listed name."""
    name = " ".join(name.split()).strip(" .,:;|")
    if not name:
        return None
    listed = agency(name) or OUTLET_BY_NAME.get(_norm(name))
    if listed:
        return listed
    dm = _DOMAIN.match(name)
    if dm:
        dom = dm.group(1).lower()
        parts = dom.split(".")
        if any(".".join(parts[i:]) in OUTLET_DOMAINS for i in range(len(parts) - 1)):
            return name
        label = domain_label(dom)
        return (OUTLET_BY_LABEL[label] or name) if label in OUTLET_BY_LABEL else None
    if is_common_word(name):
        return None
    compact = _compact(name)
    if len(compact) < (2 if name.isupper() else 3):
        return None
    bare = re.sub(r"(?:news|online|com)$", "", compact)
    keys = (compact, compact.removeprefix("the"), "the" + compact, compact + "news", bare)
    for key in keys:
        if key in OUTLET_BY_LABEL:
            return OUTLET_BY_LABEL[key] or name
    return None
