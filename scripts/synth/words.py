"""Word lists for invented people: given names and surnames by naming tradition, the parts of
made-up organisation names, legal forms by country, section headings in five languages.

Every name here is a common word or name combined at random; no list is taken from a labelled
set. Characters stay within Windows-1252 so the standard PDF fonts can draw them.
"""

from __future__ import annotations

# Naming traditions: (given names, surnames).
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "anglo": (
        ("James", "Olivia", "Ethan", "Grace", "Liam", "Chloe", "Owen", "Hannah", "Noah", "Emily", "Caleb",
         "Abigail", "Connor", "Megan", "Lucas", "Harriet", "Isaac", "Natalie", "Miles", "Rosalind", "Tessa",
         "Declan", "Bethany", "Rhys", "Imogen", "Wesley", "Fiona", "Garrett", "Lydia", "Tobias"),
        ("Thornton", "Whitaker", "Bramley", "Ashford", "Caldwell", "Pemberton", "Hollis", "Marlowe", "Sutton",
         "Fairbanks", "Lockwood", "Prescott", "Radcliffe", "Everett", "Holloway", "Winslow", "Carver", "Dalton",
         "Hargreaves", "Kendrick", "Langford", "Merriweather", "Northcott", "Osborne", "Pickering", "Quinlan",
         "Rutherford", "Stanhope", "Thackeray", "Underwood"),
    ),
    "german": (
        ("Lukas", "Anna", "Jonas", "Lea", "Felix", "Hanna", "Maximilian", "Katharina", "Tobias", "Johanna",
         "Niklas", "Franziska", "Moritz", "Sophie", "Florian", "Lena", "Matthias", "Jana", "Sebastian", "Carla"),
        ("Bergmann", "Hoffmann", "Krüger", "Lindner", "Vogt", "Brandt", "Seidel", "Hartmann", "Engel", "Kühn",
         "Winkler", "Albrecht", "Schröder", "Lorenz", "Baumann", "Franke", "Voigt", "Ziegler", "Haas", "Sommer"),
    ),
    "french": (
        ("Camille", "Louis", "Manon", "Hugo", "Léa", "Théo", "Chloé", "Mathis", "Inès", "Antoine", "Élodie",
         "Julien", "Margaux", "Baptiste", "Céline", "Romain", "Océane", "Quentin", "Amélie", "Gaël"),
        ("Lefèvre", "Moreau", "Garnier", "Rousseau", "Fontaine", "Chevalier", "Girard", "Mercier", "Bonnet",
         "Lambert", "Faure", "Dupuis", "Perrin", "Marchand", "Lemoine", "Barbier", "Renaud", "Gauthier",
         "Brunet", "Vasseur"),
    ),
    "spanish": (
        ("Alejandro", "Lucía", "Javier", "Carmen", "Diego", "Valentina", "Pablo", "Sofía", "Mateo", "Isabel",
         "Andrés", "Paula", "Sergio", "Marta", "Rodrigo", "Elena", "Tomás", "Ximena", "Gonzalo", "Renata"),
        ("Navarro", "Herrera", "Castillo", "Morales", "Ortega", "Delgado", "Vargas", "Romero", "Serrano",
         "Molina", "Iglesias", "Medina", "Cabrera", "Fuentes", "Aguilar", "Salazar", "Peña", "Cortés",
         "Ibáñez", "Montoya"),
    ),
    "portuguese": (
        ("João", "Beatriz", "Tiago", "Mariana", "Rafael", "Inês", "Gustavo", "Larissa", "Bruno", "Camila",
         "Leonardo", "Juliana", "Vinícius", "Fernanda", "Rui", "Catarina", "Diogo", "Letícia", "Henrique", "Gabriela"),
        ("Ferreira", "Almeida", "Carvalho", "Ribeiro", "Barbosa", "Moreira", "Nogueira", "Teixeira", "Cardoso",
         "Azevedo", "Pinto", "Correia", "Mendes", "Araújo", "Monteiro", "Rocha", "Lacerda", "Figueiredo",
         "Sampaio", "Tavares"),
    ),
    "italian": (
        ("Marco", "Giulia", "Lorenzo", "Chiara", "Matteo", "Francesca", "Davide", "Alessia", "Riccardo", "Elisa"),
        ("Ferraro", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Galli", "Conti", "Mancini", "Lombardi"),
    ),
    "dutch": (
        ("Daan", "Sanne", "Bram", "Fleur", "Jesse", "Lotte", "Thijs", "Maud", "Ruben", "Noor"),
        ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Vos"),
    ),
    "nordic": (
        ("Elias", "Aino", "Oskar", "Saga", "Viktor", "Ella", "Eero", "Linnea", "Axel", "Sanna", "Mikko", "Freja"),
        ("Lindqvist", "Virtanen", "Nyström", "Korhonen", "Åberg", "Mäkinen", "Sandberg", "Heikkinen",
         "Holmgren", "Laine", "Ekström", "Salonen"),
    ),
    "polish": (
        ("Jakub", "Zofia", "Kacper", "Maja", "Szymon", "Aleksandra", "Filip", "Natalia", "Wiktor", "Julia"),
        ("Nowak", "Kowalczyk", "Wisniewski", "Zielinski", "Szymanski", "Mazur", "Krawczyk", "Kaczmarek",
         "Pawlak", "Dudek"),
    ),
    "indian": (
        ("Aarav", "Priya", "Rohan", "Ananya", "Vikram", "Kavya", "Arjun", "Meera", "Siddharth", "Ishita",
         "Karthik", "Divya", "Nikhil", "Sneha", "Rahul", "Pooja", "Aditya", "Lakshmi", "Varun", "Nandini"),
        ("Sharma", "Iyer", "Reddy", "Nair", "Patel", "Menon", "Kulkarni", "Banerjee", "Chatterjee", "Deshpande",
         "Gupta", "Rao", "Pillai", "Joshi", "Mehta", "Srinivasan", "Bhattacharya", "Chaudhary", "Naidu", "Verma"),
    ),
    "chinese": (
        ("Wei", "Mei", "Jun", "Xiaoling", "Hao", "Yan", "Lei", "Jing", "Tao", "Li Na", "Zhen", "Yu"),
        ("Zhang", "Liu", "Chen", "Huang", "Zhou", "Wu", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo"),
    ),
    "japanese": (
        ("Haruto", "Yui", "Sota", "Aoi", "Ren", "Hina", "Kaito", "Sakura", "Daiki", "Mio"),
        ("Takahashi", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Yoshida", "Yamada", "Sasaki", "Inoue"),
    ),
    "korean": (
        ("Minjun", "Seoyeon", "Jiho", "Haeun", "Dohyun", "Jiwoo", "Yejun", "Sua"),
        ("Kim", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang"),
    ),
    "yoruba_igbo": (
        ("Adebayo", "Chiamaka", "Oluwaseun", "Ngozi", "Emeka", "Funmilayo", "Chinedu", "Temitope", "Ifeanyi", "Adaeze"),
        ("Okonkwo", "Adeyemi", "Eze", "Balogun", "Nwosu", "Ogunleye", "Okafor", "Adeleke", "Obi", "Olawale"),
    ),
    "east_african": (
        ("Wanjiru", "Otieno", "Achieng", "Kamau", "Njeri", "Kiprop", "Akinyi", "Mwangi", "Chebet", "Omondi"),
        ("Kariuki", "Odhiambo", "Mutua", "Wambui", "Kiplagat", "Njoroge", "Owino", "Cheruiyot", "Macharia", "Onyango"),
    ),
    "arabic": (
        ("Omar", "Layla", "Youssef", "Mariam", "Karim", "Nour", "Tariq", "Salma", "Hassan", "Rania", "Ziad", "Dina"),
        ("Haddad", "Khoury", "Mansour", "Nasser", "Saleh", "Farouk", "Aziz", "Hamdan", "Rahman", "Khalil", "Sabbagh", "Qasim"),
    ),
    "turkish": (
        ("Emre", "Elif", "Burak", "Zeynep", "Mert", "Ayse", "Can", "Selin"),
        ("Yilmaz", "Demir", "Aydin", "Kaya", "Arslan", "Ozturk", "Celik", "Kurt"),
    ),
    "vietnamese": (
        ("Minh", "Linh", "Tuan", "Thao", "Huy", "Lan", "Quang", "Ngoc"),
        ("Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui"),
    ),
    "filipino": (
        ("Joshua", "Angelica", "Mark Anthony", "Kristine", "Paolo", "Maricel", "Jerome", "Rowena"),
        ("Dela Cruz", "Santos", "Reyes", "Bautista", "Villanueva", "Mercado", "Ramos", "Aquino"),
    ),
}

# Countries the invented people live in: naming traditions (weighted), language of the
# headings when not English, legal forms of companies, the country's name as written in a
# resume, and whether cities are written with a region ("Austin, TX").
COUNTRIES: dict[str, dict] = {
    "US": {"names": {"anglo": 6, "spanish": 2, "indian": 1, "chinese": 1, "korean": 1}, "lang": "en",
           "legal": ("Inc.", "LLC", "Corp.", "Co.", ""), "name": "USA"},
    "GB": {"names": {"anglo": 6, "indian": 1, "polish": 1, "yoruba_igbo": 1}, "lang": "en",
           "legal": ("Ltd", "Ltd.", "plc", "LLP", ""), "name": "United Kingdom"},
    "CA": {"names": {"anglo": 5, "french": 2, "chinese": 1, "indian": 1}, "lang": "en",
           "legal": ("Inc.", "Ltd.", "Corp.", ""), "name": "Canada"},
    "AU": {"names": {"anglo": 5, "chinese": 1, "vietnamese": 1, "italian": 1}, "lang": "en",
           "legal": ("Pty Ltd", "Ltd", ""), "name": "Australia"},
    "IE": {"names": {"anglo": 5, "polish": 1}, "lang": "en", "legal": ("Ltd", "DAC", ""), "name": "Ireland"},
    "IN": {"names": {"indian": 8}, "lang": "en", "legal": ("Pvt. Ltd.", "Private Limited", "Ltd.", "LLP", ""),
           "name": "India"},
    "NG": {"names": {"yoruba_igbo": 6}, "lang": "en", "legal": ("Ltd", "Plc", ""), "name": "Nigeria"},
    "KE": {"names": {"east_african": 6}, "lang": "en", "legal": ("Ltd", "Limited", ""), "name": "Kenya"},
    "ZA": {"names": {"anglo": 3, "yoruba_igbo": 1, "dutch": 1}, "lang": "en", "legal": ("(Pty) Ltd", "Ltd", ""),
           "name": "South Africa"},
    "SG": {"names": {"chinese": 4, "indian": 1}, "lang": "en", "legal": ("Pte. Ltd.", "Pte Ltd", ""), "name": "Singapore"},
    "PH": {"names": {"filipino": 5}, "lang": "en", "legal": ("Inc.", "Corp.", ""), "name": "Philippines"},
    "AE": {"names": {"arabic": 4, "indian": 2}, "lang": "en", "legal": ("LLC", "FZ-LLC", "FZE", ""), "name": "UAE"},
    "DE": {"names": {"german": 6, "turkish": 1, "polish": 1}, "lang": "de", "legal": ("GmbH", "AG", "SE", "GmbH & Co. KG", ""),
           "name": "Germany"},
    "AT": {"names": {"german": 5}, "lang": "de", "legal": ("GmbH", "AG", ""), "name": "Austria"},
    "CH": {"names": {"german": 3, "french": 2, "italian": 1}, "lang": "de", "legal": ("AG", "GmbH", "SA", ""),
           "name": "Switzerland"},
    "FR": {"names": {"french": 6, "arabic": 1}, "lang": "fr", "legal": ("SAS", "S.A.", "SARL", ""), "name": "France"},
    "BE": {"names": {"french": 3, "dutch": 3}, "lang": "fr", "legal": ("SA", "NV", "BV", ""), "name": "Belgium"},
    "ES": {"names": {"spanish": 6}, "lang": "es", "legal": ("S.A.", "S.L.", ""), "name": "Spain"},
    "MX": {"names": {"spanish": 6}, "lang": "es", "legal": ("S.A. de C.V.", "S.A.", ""), "name": "Mexico"},
    "AR": {"names": {"spanish": 5, "italian": 1}, "lang": "es", "legal": ("S.A.", "S.R.L.", ""), "name": "Argentina"},
    "CO": {"names": {"spanish": 5}, "lang": "es", "legal": ("S.A.S.", "S.A.", ""), "name": "Colombia"},
    "PT": {"names": {"portuguese": 6}, "lang": "pt", "legal": ("S.A.", "Lda.", ""), "name": "Portugal"},
    "BR": {"names": {"portuguese": 6, "italian": 1, "japanese": 1}, "lang": "pt", "legal": ("S.A.", "Ltda.", ""),
           "name": "Brazil"},
    "NL": {"names": {"dutch": 6, "turkish": 1}, "lang": "en", "legal": ("B.V.", "N.V.", ""), "name": "Netherlands"},
    "SE": {"names": {"nordic": 6}, "lang": "en", "legal": ("AB", ""), "name": "Sweden"},
    "FI": {"names": {"nordic": 6}, "lang": "en", "legal": ("Oy", "Oyj", ""), "name": "Finland"},
    "PL": {"names": {"polish": 6}, "lang": "en", "legal": ("Sp. z o.o.", "S.A.", ""), "name": "Poland"},
    "IT": {"names": {"italian": 6}, "lang": "en", "legal": ("S.p.A.", "S.r.l.", ""), "name": "Italy"},
    "JP": {"names": {"japanese": 6}, "lang": "en", "legal": ("K.K.", "Co., Ltd.", ""), "name": "Japan"},
    "KR": {"names": {"korean": 6}, "lang": "en", "legal": ("Co., Ltd.", "Corp.", ""), "name": "South Korea"},
    "CN": {"names": {"chinese": 6}, "lang": "en", "legal": ("Co., Ltd.", "Ltd.", ""), "name": "China"},
    "TR": {"names": {"turkish": 6}, "lang": "en", "legal": ("A.S.", "Ltd. Sti.", ""), "name": "Turkey"},
    "VN": {"names": {"vietnamese": 6}, "lang": "en", "legal": ("JSC", "Co., Ltd.", ""), "name": "Vietnam"},
    "EG": {"names": {"arabic": 6}, "lang": "en", "legal": ("S.A.E.", "LLC", ""), "name": "Egypt"},
}

# How often a person lives in each country.
COUNTRY_WEIGHTS = {
    "US": 14, "GB": 8, "IN": 8, "DE": 5, "CA": 4, "AU": 3, "FR": 3, "ES": 3, "BR": 3, "NL": 2, "IE": 2,
    "NG": 2, "KE": 1, "ZA": 1, "SG": 1, "PH": 1, "AE": 1, "AT": 1, "CH": 1, "BE": 1, "MX": 2, "AR": 1,
    "CO": 1, "PT": 2, "SE": 1, "FI": 1, "PL": 1, "IT": 1, "JP": 1, "KR": 1, "CN": 1, "TR": 1, "VN": 1, "EG": 1,
}

# Cities where the gazetteer has no region: a few well-known ones per country with their region,
# for the countries whose resumes write "City, ST".
REGIONAL_CITIES = {
    "US": (("Austin", "TX"), ("Denver", "CO"), ("Seattle", "WA"), ("Portland", "OR"), ("Chicago", "IL"),
           ("Boston", "MA"), ("Atlanta", "GA"), ("Phoenix", "AZ"), ("Columbus", "OH"), ("Raleigh", "NC"),
           ("Nashville", "TN"), ("Minneapolis", "MN"), ("Pittsburgh", "PA"), ("Sacramento", "CA"),
           ("San Diego", "CA"), ("Houston", "TX"), ("Dallas", "TX"), ("Tampa", "FL"), ("Orlando", "FL"),
           ("Baltimore", "MD"), ("Milwaukee", "WI"), ("Kansas City", "MO"), ("Salt Lake City", "UT"),
           ("Omaha", "NE"), ("Richmond", "VA"), ("Indianapolis", "IN"), ("Cleveland", "OH"), ("Boise", "ID"),
           ("Albuquerque", "NM"), ("Madison", "WI"), ("New York", "NY"), ("San Jose", "CA"), ("Detroit", "MI")),
    "CA": (("Toronto", "ON"), ("Ottawa", "ON"), ("Calgary", "AB"), ("Edmonton", "AB"), ("Vancouver", "BC"),
           ("Winnipeg", "MB"), ("Halifax", "NS"), ("Montreal", "QC"), ("Hamilton", "ON"), ("Waterloo", "ON")),
    "AU": (("Sydney", "NSW"), ("Melbourne", "VIC"), ("Brisbane", "QLD"), ("Perth", "WA"), ("Adelaide", "SA"),
           ("Canberra", "ACT"), ("Hobart", "TAS")),
    "IN": (("Bengaluru", "Karnataka"), ("Pune", "Maharashtra"), ("Mumbai", "Maharashtra"), ("Chennai", "Tamil Nadu"),
           ("Hyderabad", "Telangana"), ("Kochi", "Kerala"), ("Ahmedabad", "Gujarat"), ("Jaipur", "Rajasthan"),
           ("Kolkata", "West Bengal"), ("Noida", "Uttar Pradesh"), ("Coimbatore", "Tamil Nadu")),
}

# Parts of invented organisation names.
NAME_ROOTS = (
    "Arbor", "Bright", "Cedar", "Copper", "Crest", "Delta", "Ember", "Falcon", "Fern", "Granite", "Harbor",
    "Helix", "Iron", "Juniper", "Kestrel", "Lumen", "Maple", "Meridian", "Nimbus", "North", "Oak", "Onyx",
    "Orchid", "Pine", "Prism", "Quarry", "Raven", "Ridge", "Sable", "Silver", "Slate", "Solace", "Spruce",
    "Summit", "Tandem", "Thistle", "Tidal", "Vantage", "Verdant", "Willow", "Zephyr", "Alder", "Beacon",
    "Cobalt", "Driftwood", "Everly", "Foxglove", "Gale", "Heron", "Indigo", "Jasper", "Kite", "Larch",
    "Marlin", "Nettle", "Opal", "Pebble", "Quill", "Rowan", "Saffron", "Tamarind", "Umber", "Vesper",
    "Wren", "Yarrow", "Azure", "Brook", "Clover", "Dune", "Fable", "Glen", "Hollow", "Isle", "Lark",
)
NAME_TAILS = (
    "water", "stone", "field", "point", "wood", "line", "gate", "bridge", "vale", "ford", "mark", "light",
    "peak", "view", "haven", "way", "crest", "brook", "worth", "more",
)
NAME_KINDS = {
    "tech": ("Systems", "Labs", "Software", "Technologies", "Digital", "Data", "Analytics", "Networks", "Cloud",
             "Robotics", "Interactive", "AI", "Tech", "Solutions", "Computing"),
    "business": ("Partners", "Group", "Consulting", "Advisory", "Capital", "Holdings", "Associates", "Ventures",
                 "Logistics", "Trading", "Industries", "Retail", "Foods", "Media", "Energy", "Insurance", "Bank"),
    "health": ("Health", "Medical Center", "Clinic", "Hospital", "Care", "Pharmacy", "Health System", "Diagnostics"),
    "engineering": ("Engineering", "Manufacturing", "Construction", "Dynamics", "Materials", "Industries",
                    "Infrastructure", "Motors", "Aerospace", "Builders"),
    "education": ("Academy", "School", "College", "Learning Centre", "Institute"),
    "public": ("Council", "Foundation", "Trust", "Agency", "Authority", "Services"),
}
NAME_KIND_OF = {
    "software_engineer": "tech", "devops_sre": "tech", "qa_engineer": "tech", "security_engineer": "tech",
    "it_support": "tech", "systems_administrator": "tech", "database_administrator": "tech",
    "data_engineer": "tech", "data_scientist": "tech", "data_analyst": "business", "business_analyst": "business",
    "financial_analyst": "business", "accountant": "business", "management_consultant": "business",
    "product_manager": "tech", "project_manager": "business", "ux_designer": "tech", "graphic_designer": "business",
    "marketing_manager": "business", "sales_representative": "business", "customer_success": "tech",
    "hr_specialist": "business", "teacher": "education", "registered_nurse": "health", "pharmacist": "health",
    "mechanical_engineer": "engineering", "civil_engineer": "engineering", "electrical_engineer": "engineering",
    "operations_manager": "business", "administrative_assistant": "public",
}

# Schools: "{city}" and "{name}" are filled in.
SCHOOL_PATTERNS = {
    "en": ("University of {city}", "{city} Institute of Technology", "{city} State University", "{name} College",
           "{name} University", "{city} Polytechnic", "{city} Technical University", "College of {city}",
           "{name} School of Business", "{city} Metropolitan University"),
    "de": ("Hochschule {city}", "Technische Universität {city}", "Universität {city}", "Fachhochschule {city}",
           "{city} University of Applied Sciences"),
    "fr": ("Université de {city}", "École Supérieure de {city}", "Institut Polytechnique de {city}", "University of {city}"),
    "es": ("Universidad de {city}", "Universidad Politécnica de {city}", "Instituto Tecnológico de {city}",
           "Universidad Autónoma de {city}"),
    "pt": ("Universidade de {city}", "Universidade Federal de {city}", "Instituto Superior de {city}",
           "Universidade Estadual de {city}"),
}

# Degrees: (name as written, short forms that mean the same, level). The field follows.
DEGREES = {
    "bachelor": (
        ("Bachelor of Science", ("BSc", "B.S.", "B.Sc.", "BS")),
        ("Bachelor of Arts", ("BA", "B.A.")),
        ("Bachelor of Engineering", ("BEng", "B.Eng.", "B.E.")),
        ("Bachelor of Technology", ("B.Tech", "BTech", "B.Tech.")),
        ("Bachelor of Business Administration", ("BBA",)),
        ("Bachelor of Commerce", ("B.Com", "BCom")),
    ),
    "master": (
        ("Master of Science", ("MSc", "M.S.", "M.Sc.", "MS")),
        ("Master of Arts", ("MA", "M.A.")),
        ("Master of Engineering", ("MEng", "M.Eng.")),
        ("Master of Business Administration", ("MBA",)),
        ("Master of Technology", ("M.Tech", "MTech")),
    ),
    "doctorate": (("Doctor of Philosophy", ("PhD", "Ph.D.")),),
    "associate": (("Associate of Applied Science", ("AAS", "A.A.S.")), ("Associate of Arts", ("AA", "A.A."))),
}

# Section headings by language. Keys are section kinds.
HEADINGS = {
    "en": {
        "summary": ("Summary", "Professional Summary", "Profile", "About Me", "Career Summary", "Objective"),
        "experience": ("Experience", "Work Experience", "Professional Experience", "Employment History",
                       "Work History", "Career History", "Relevant Experience", "Employment"),
        "education": ("Education", "Academic Background", "Education & Training", "Qualifications", "Academic Qualifications"),
        "skills": ("Skills", "Technical Skills", "Core Competencies", "Key Skills", "Skills & Tools", "Expertise"),
        "certificates": ("Certifications", "Certificates", "Licenses & Certifications"),
        "languages": ("Languages", "Language Skills"),
        "projects": ("Projects", "Selected Projects", "Key Projects"),
        "contact": ("Contact", "Contact Details", "Details", "Personal Details"),
    },
    "fr": {
        "summary": ("Profil", "Profil professionnel", "Résumé"),
        "experience": ("Expérience professionnelle", "Expériences professionnelles", "Parcours professionnel", "Expérience"),
        "education": ("Formation", "Formation académique", "Formations"),
        "skills": ("Compétences", "Compétences techniques"),
        "certificates": ("Certifications",),
        "languages": ("Langues",),
        "projects": ("Projets",),
        "contact": ("Contact", "Coordonnées"),
    },
    "es": {
        "summary": ("Perfil", "Perfil profesional", "Resumen"),
        "experience": ("Experiencia laboral", "Experiencia profesional", "Experiencia", "Trayectoria profesional"),
        "education": ("Formación", "Formación académica", "Educación", "Estudios"),
        "skills": ("Habilidades", "Competencias", "Conocimientos"),
        "certificates": ("Certificaciones",),
        "languages": ("Idiomas",),
        "projects": ("Proyectos",),
        "contact": ("Contacto", "Datos personales"),
    },
    "de": {
        "summary": ("Profil", "Kurzprofil", "Berufsprofil"),
        "experience": ("Berufserfahrung", "Berufspraxis", "Beruflicher Werdegang"),
        "education": ("Ausbildung", "Studium", "Bildungsweg", "Ausbildung und Studium"),
        "skills": ("Kenntnisse", "Kompetenzen", "Fachkenntnisse", "Fähigkeiten"),
        "certificates": ("Zertifikate", "Zertifizierungen"),
        "languages": ("Sprachen", "Sprachkenntnisse"),
        "projects": ("Projekte",),
        "contact": ("Kontakt", "Persönliche Daten"),
    },
    "pt": {
        "summary": ("Perfil", "Perfil profissional", "Resumo"),
        "experience": ("Experiência profissional", "Experiência", "Histórico profissional"),
        "education": ("Formação", "Formação acadêmica", "Educação"),
        "skills": ("Competências", "Habilidades", "Conhecimentos"),
        "certificates": ("Certificações",),
        "languages": ("Idiomas", "Línguas"),
        "projects": ("Projetos",),
        "contact": ("Contato", "Contacto"),
    },
}

# Words for an ongoing job, by language.
PRESENT = {
    "en": ("Present", "Present", "Present", "Current", "Now", "Today"),
    "fr": ("présent", "aujourd'hui", "Présent"),
    "es": ("Actualidad", "presente", "Actual"),
    "de": ("heute", "Heute", "aktuell"),
    "pt": ("Atual", "presente", "o momento"),
}

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
           "novembro", "dezembro"),
}

LANGUAGE_NAMES = ("English", "French", "Spanish", "German", "Portuguese", "Italian", "Dutch", "Hindi",
                  "Mandarin", "Arabic", "Japanese", "Swahili", "Polish", "Turkish", "Korean", "Tamil")
NATIVE = {"US": "English", "GB": "English", "CA": "English", "AU": "English", "IE": "English", "IN": "Hindi",
          "NG": "English", "KE": "Swahili", "ZA": "English", "SG": "English", "PH": "English", "AE": "Arabic",
          "DE": "German", "AT": "German", "CH": "German", "FR": "French", "BE": "French", "ES": "Spanish",
          "MX": "Spanish", "AR": "Spanish", "CO": "Spanish", "PT": "Portuguese", "BR": "Portuguese", "NL": "Dutch",
          "SE": "English", "FI": "English", "PL": "Polish", "IT": "Italian", "JP": "Japanese", "KR": "Korean",
          "CN": "Mandarin", "TR": "Turkish", "VN": "English", "EG": "Arabic"}
FLUENCY = ("Native", "Fluent", "Professional working proficiency", "Advanced", "Intermediate", "Basic", "C1", "B2")

CERT_ISSUERS = ("Cloud Guild", "Quality Institute", "Project Council", "Data Academy", "Safety Board",
                "Finance Association", "Design Society", "Security Alliance")
CERT_NAMES = ("Certified {occ} Practitioner", "Professional {occ} Certificate", "Advanced {occ} Diploma",
              "{occ} Foundations", "Associate {occ} Credential")

TEAMS = ("Payments", "Platform", "Growth", "Risk", "Data Platform", "Customer Insights", "Infrastructure",
         "Retail Banking", "Supply Chain", "Mobile", "Search", "Clinical Operations", "Audit", "Brand")

# More shapes of organisation names: compounds ("BrightRetail"), generic pairs ("Prime Logistics"),
# acronyms, particles of surnames ("van der Berg").
CAMEL_HEADS = ("Nova", "Bright", "Open", "Blue", "Quantum", "Hyper", "Smart", "Next", "Core", "True", "Clear",
               "Swift", "Peak", "Astro", "Omni", "Geo", "Bio", "Info", "Medi", "Tele", "Terra", "Aqua", "Vita",
               "Flex", "Zen", "Orbit", "Lumen", "Red", "Green", "Sun")
CAMEL_TAILS = ("Media", "Retail", "works", "hub", "bit", "soft", "Tech", "Logic", "sense", "forge", "wave", "Scale",
               "Stack", "point", "Path", "base", "Gen", "Link", "net", "ware", "Labs", "Cart", "Pay", "Care", "ly")
GENERIC_HEADS = ("Data", "Prime", "Global", "United", "National", "Pacific", "Atlantic", "Metro", "Premier", "Allied",
                 "Central", "Eastern", "Western", "Northern", "General", "Standard", "Modern", "Integrated",
                 "Advanced", "Continental", "First", "Royal", "Imperial", "Civic")
INDUSTRY_NOUNS = ("Logistics", "Media", "Freight", "Metals", "Foods", "Energy", "Insurance", "Motors", "Textiles",
                  "Chemicals", "Pharma", "Telecom", "Networks", "Water", "Power", "Airlines", "Shipping", "Mining",
                  "Packaging", "Printing", "Bank", "Electric", "Steel", "Brands", "Outfitters", "Health")
PARTICLES = ("van der", "van de", "de la", "de", "da", "von", "di", "ter")
ROMAN = ("I", "II", "III")

# Projects inside a job ("Project: Falcon Billing Platform / Client: … / Team size: 6").
PROJECT_NOUNS = ("Billing Platform", "Customer Portal", "Data Migration", "Claims System", "Mobile App", "Payments Gateway",
                 "Inventory Tool", "CRM Rollout", "Reporting Suite", "Risk Engine", "Booking Engine", "HR Portal",
                 "Warehouse System", "Analytics Dashboard", "Loan Origination", "E-commerce Site")
PROJECT_ROLES = ("Module Lead", "Developer", "Team Member", "Individual Contributor", "Onsite Coordinator",
                 "Offshore Lead", "Tester", "Support Analyst")
SUBHEADS = ("Highlights", "Key Achievements", "Achievements", "Key Projects", "Projects Handled", "Description",
            "Job Profile", "Work Profile", "Duties")

# School leaving certificates by country: (name, boards or schools; "{city}" is filled in).
SCHOOL_LEVELS = {
    "IN": (("HSC", ("Maharashtra State Board", "CBSE", "{city} Higher Secondary School", "State Board")),
           ("SSC", ("Maharashtra State Board", "CBSE", "ICSE", "{city} Public School")),
           ("12th", ("CBSE", "State Board of {city}", "{city} Junior College")),
           ("10th", ("CBSE", "ICSE", "{city} Public School")),
           ("SSLC", ("Kerala State Board", "State Board")), ("Higher Secondary", ("{city} Higher Secondary School",))),
    "GB": (("A-Levels", ("{city} Sixth Form College", "{city} Grammar School")), ("GCSEs", ("{city} Academy",))),
    "US": (("High School Diploma", ("{city} High School",)),),
    "DE": (("Abitur", ("Gymnasium {city}",)),),
    "FR": (("Baccalauréat", ("Lycée de {city}",)),),
    "NG": (("WASSCE", ("{city} Grammar School",)),),
}
