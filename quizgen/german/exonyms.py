"""English names of places whose German name differs (Moskau: Moscow), for glosses of compounds.

A name inside a compound (Moskau-Besuch) is given in English (Moscow visit), never glossed as a
word. Names that English writes the same way (Berlin, Paris, Merkel) need no entry. Written by
the project; the English forms are those of English-language news (Kyiv, not Kiev).
"""

from __future__ import annotations

EXONYMS = {
    # countries and regions
    "Ägypten": "Egypt", "Albanien": "Albania", "Algerien": "Algeria", "Amerika": "America",
    "Argentinien": "Argentina", "Armenien": "Armenia", "Aserbaidschan": "Azerbaijan",
    "Äthiopien": "Ethiopia", "Australien": "Australia", "Belgien": "Belgium",
    "Bosnien": "Bosnia", "Brasilien": "Brazil", "Bulgarien": "Bulgaria", "China": "China",
    "Dänemark": "Denmark", "Deutschland": "Germany", "Estland": "Estonia", "Europa": "Europe",
    "Finnland": "Finland", "Frankreich": "France", "Georgien": "Georgia",
    "Griechenland": "Greece", "Großbritannien": "Britain", "Indien": "India",
    "Indonesien": "Indonesia", "Irak": "Iraq", "Iran": "Iran", "Irland": "Ireland",
    "Island": "Iceland", "Italien": "Italy", "Japan": "Japan", "Jemen": "Yemen",
    "Jordanien": "Jordan", "Kambodscha": "Cambodia", "Kamerun": "Cameroon", "Kanada": "Canada",
    "Kasachstan": "Kazakhstan", "Katar": "Qatar", "Kenia": "Kenya", "Kolumbien": "Colombia",
    "Kongo": "Congo", "Korea": "Korea", "Kroatien": "Croatia", "Kuba": "Cuba",
    "Lettland": "Latvia", "Libanon": "Lebanon", "Libyen": "Libya", "Litauen": "Lithuania",
    "Luxemburg": "Luxembourg", "Marokko": "Morocco", "Mazedonien": "Macedonia",
    "Mexiko": "Mexico", "Moldau": "Moldova", "Mongolei": "Mongolia", "Neuseeland": "New Zealand",
    "Niederlande": "the Netherlands", "Nordkorea": "North Korea", "Norwegen": "Norway",
    "Österreich": "Austria", "Polen": "Poland", "Portugal": "Portugal", "Rumänien": "Romania",
    "Russland": "Russia", "Saudi-Arabien": "Saudi Arabia", "Schottland": "Scotland",
    "Schweden": "Sweden", "Schweiz": "Switzerland", "Serbien": "Serbia",
    "Simbabwe": "Zimbabwe", "Slowakei": "Slovakia", "Slowenien": "Slovenia",
    "Somalia": "Somalia", "Spanien": "Spain", "Südafrika": "South Africa",
    "Südkorea": "South Korea", "Syrien": "Syria", "Tadschikistan": "Tajikistan",
    "Tansania": "Tanzania", "Thailand": "Thailand", "Tschechien": "the Czech Republic",
    "Tschetschenien": "Chechnya", "Tunesien": "Tunisia", "Türkei": "Turkey",
    "Turkmenistan": "Turkmenistan", "Ukraine": "Ukraine", "Ungarn": "Hungary",
    "Usbekistan": "Uzbekistan", "Venezuela": "Venezuela", "Vietnam": "Vietnam",
    "Weißrussland": "Belarus", "Belarus": "Belarus", "Zypern": "Cyprus", "Afrika": "Africa",
    "Asien": "Asia", "Arktis": "the Arctic", "Antarktis": "Antarctica", "Nahost": "Middle East",
    "Balkan": "Balkans", "Krim": "Crimea", "Kaukasus": "Caucasus", "Sibirien": "Siberia",
    "Bayern": "Bavaria", "Sachsen": "Saxony", "Thüringen": "Thuringia", "Hessen": "Hesse",
    "Niedersachsen": "Lower Saxony", "Nordrhein-Westfalen": "North Rhine-Westphalia",
    "Rheinland-Pfalz": "Rhineland-Palatinate", "Brandenburg": "Brandenburg",
    "Mecklenburg-Vorpommern": "Mecklenburg-Western Pomerania", "Sachsen-Anhalt": "Saxony-Anhalt",
    "Steiermark": "Styria", "Kärnten": "Carinthia", "Tirol": "Tyrol", "Südtirol": "South Tyrol",
    "Niederösterreich": "Lower Austria", "Oberösterreich": "Upper Austria",
    "Burgenland": "Burgenland", "Vorarlberg": "Vorarlberg", "Katalonien": "Catalonia",
    "Flandern": "Flanders", "Lombardei": "Lombardy", "Toskana": "Tuscany", "Sizilien": "Sicily",
    "Sardinien": "Sardinia", "Korsika": "Corsica", "Bretagne": "Brittany",
    "Kalifornien": "California", "Gaza": "Gaza", "Westjordanland": "the West Bank",
    "Mittelmeer": "the Mediterranean", "Ostsee": "the Baltic", "Nordsee": "the North Sea",
    # cities
    "Moskau": "Moscow", "Kiew": "Kyiv", "Warschau": "Warsaw", "Prag": "Prague", "Wien": "Vienna",
    "München": "Munich", "Köln": "Cologne", "Rom": "Rome", "Mailand": "Milan", "Neapel": "Naples",
    "Venedig": "Venice", "Florenz": "Florence", "Turin": "Turin", "Genf": "Geneva",
    "Zürich": "Zurich", "Brüssel": "Brussels", "Lissabon": "Lisbon", "Athen": "Athens",
    "Peking": "Beijing", "Kopenhagen": "Copenhagen", "Den Haag": "The Hague",
    "Antwerpen": "Antwerp", "Belgrad": "Belgrade", "Bukarest": "Bucharest",
    "Sankt Petersburg": "Saint Petersburg", "Jerusalem": "Jerusalem", "Damaskus": "Damascus",
    "Kairo": "Cairo", "Teheran": "Tehran", "Tripolis": "Tripoli", "Bagdad": "Baghdad",
    "Neu-Delhi": "New Delhi", "Straßburg": "Strasbourg", "Nürnberg": "Nuremberg",
    "Hannover": "Hanover", "Krakau": "Krakow", "Danzig": "Gdansk", "Breslau": "Wroclaw",
    "Pressburg": "Bratislava", "Laibach": "Ljubljana", "Agram": "Zagreb", "Sotschi": "Sochi",
    "Minsk": "Minsk", "Charkiw": "Kharkiv", "Odessa": "Odesa", "Lemberg": "Lviv",
    "Mariupol": "Mariupol", "Donezk": "Donetsk", "Luhansk": "Luhansk", "Aleppo": "Aleppo",
    "Istanbul": "Istanbul", "Ankara": "Ankara", "Washington": "Washington",
    "Havanna": "Havana", "Mexiko-Stadt": "Mexico City", "Kapstadt": "Cape Town",
    "Singapur": "Singapore", "Tokio": "Tokyo", "Seoul": "Seoul", "Neu-Ulm": "Neu-Ulm",
}  # fmt: skip


def english_name(name: str) -> str | None:
    """The English name of a German place name (Moskau -> Moscow), None when unknown."""
    return EXONYMS.get(name)
