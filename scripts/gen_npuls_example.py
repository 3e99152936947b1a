#!/usr/bin/env python3
"""Generate peil's bundled example study ``input/npuls-docentondersteuning/``.

What it writes
--------------
* ``input/npuls-docentondersteuning/study.toml``: the codebook (6 areas,
  133 items, measures herkenbaarheid and toepasbaarheid, two rounds; 127
  items are asked in each round);
* ``input/npuls-docentondersteuning/ronde-1/questionnaire.csv``: a wide
  questionnaire export as Dutch LimeSurvey/Excel writes it (``;``-separated,
  UTF-8 with BOM, CRLF line endings, fields quoted only when needed);
* ``input/npuls-docentondersteuning/ronde-2/questionnaire.csv``: the same
  kind of export for an invented second round on the revised profile (60
  respondents; 5 items reworded, 1 dropped, 1 added);
* ``input/npuls-docentondersteuning/README.md``: what the folder is.

Round 1 is what golden tests check against the publication: its
questionnaire is drawn first, from its own seed, exactly as before round 2
existed; round 2 draws from a second seed afterwards, so adding or changing
it never moves a byte of round 1.

The item texts are those of Tabel 1-6 of Vogel, D.Y.S., Timmer-Hekhuizen,
M.J.D., Papavoine, F., Stumpel, N.J.C., van As, M. (2025), *Competentieprofiel
voor netwerk docentondersteuning in het vervolgonderwijs*, Utrecht: Npuls
(CC BY-SA 4.0).

The ratings are SYNTHETIC. They are not the study's responses (which are not
public); they are generated from a simple latent model (item offset, area
level, per-respondent leniency, small sector effects, noise) with a fixed seed
and then tuned, by a deterministic search over one level per area and measure,
so that the figures peil computes from them agree with the aggregates that the
publication reports:

* 87 respondents from 47 institutions: 23 mbo (17 institutions), 38 hbo
  (17 institutions), 26 wo (13 institutions); 86 of them answered;
* mean recognisability (herkenbaarheid) per area, one decimal: bruggenbouwer
  2.9, adviseur 3.0, coach 3.0, didacticus 3.0, innovator 2.9.

Everything else (basis around 3.1, toepasbaarheid around 2.7-2.9, the item
spread, the sector differences, the deliberate defects listed in the README)
is invented to make the example useful.

Run from the repository root, with Python 3.11 or newer and nothing else::

    python3 scripts/gen_npuls_example.py

Re-running produces byte-identical files. At the end the script reads the
written files back, recomputes the figures by the definitions of peil's
contract (section 4, "Definitions") and exits with status 1 and a
message if any published aggregate or any documented defect does not hold.
"""

from __future__ import annotations

import csv
import io
import math
import random

import example_comments
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STUDY_DIR = ROOT / "input" / "npuls-docentondersteuning"
ROUND_ID = "ronde-1"
ROUND_DATE = "2025-03-31"
SEED = 2025
SEED_COMMENTS = 2027    # the open answers: a stream of their own, added after the
                        # ratings are drawn, so not one rating (nor figure) moves

# --------------------------------------------------------------------------
# Codebook data
# --------------------------------------------------------------------------

SCALE_LABELS = {1: "helemaal niet herkenbaar", 2: "niet herkenbaar",
                3: "herkenbaar", 4: "zeer herkenbaar"}
TOEP_LABELS = {1: "helemaal niet toepasbaar", 2: "niet toepasbaar",
               3: "toepasbaar", 4: "zeer toepasbaar"}
MISSING = ["weet niet", "n.v.t.", ""]
GROUPS = ["mbo", "hbo", "wo"]

# (measure id, label, column suffix, own labels or None)
MEASURES = [
    ("herkenbaarheid", "Herkenbaarheid", "herk", None),
    ("toepasbaarheid", "Toepasbaarheid", "toep", TOEP_LABELS),
]

# (area id, label, column code)
AREAS = [
    ("basis", "Basiscompetenties", "BAS"),
    ("bruggenbouwer", "Bruggenbouwer", "BRU"),
    ("adviseur", "Adviseur", "ADV"),
    ("coach", "Coach", "COA"),
    ("didacticus", "Didacticus", "DID"),
    ("innovator", "Innovator", "INN"),
]

# Open answers ([[comments]]): one "toelichting" column per area and one for
# general remarks. Invented, in the register of real consultation answers:
# rewording suggestions, doubts, general remarks; a few with an e-mail
# address or phone number (peil must scrub them), some "weet niet".
GENERAL_COMMENT_COLUMN = "Overige opmerkingen en suggesties"
AREA_COMMENTS = {
    "basis": [
        "Herkenbaar, maar 'professionele houding' is erg algemeen; maak concreter wat er verwacht wordt.",
        "Suggestie: splits de vaardigheid over samenwerken in samenwerken binnen en buiten de eigen instelling.",
        "Dit zijn eigenlijk competenties voor iedere medewerker in het onderwijs, niet specifiek voor docentondersteuning.",
        "Mis hier aandacht voor privacy en informatiebeveiliging.",
    ],
    "bruggenbouwer": [
        "Herformuleer: 'kent de netwerken' zegt weinig, beter 'weet de juiste mensen binnen en buiten de instelling te vinden'.",
        "Bij ons ligt deze rol vooral bij de teamleider, niet bij de docentondersteuner.",
        "Het item over besluitvorming is te abstract; geef een voorbeeld uit de praktijk.",
        "Goed dat dit erin staat, wordt vaak vergeten.",
    ],
    "adviseur": [
        "Adviseren over beleid gaat te ver voor een ondersteuner; maak er 'signaleren' van.",
        "Toekomstscenario's verkennen is meer iets voor een beleidsmedewerker.",
        "Suggestie: voeg toe dat de adviseur ook ongevraagd advies durft te geven.",
    ],
    "coach": [
        "Coachen van docenten vraagt een andere opleiding dan de meeste ondersteuners hebben.",
        "Herkenbaar, maar de items overlappen met die van de didacticus.",
        "Formuleer 'begeleidt docenten' liever als 'begeleidt docenten en teams'.",
    ],
    "didacticus": [
        "Didactische kennis is hier te zwaar aangezet voor het mbo.",
        "Voeg toe: kan digitale leermiddelen beoordelen op didactische kwaliteit.",
        "Prima zo.",
    ],
    "innovator": [
        "Innoveren is een teamtaak, niet van één persoon; herformuleer als 'draagt bij aan vernieuwing'.",
        "Het item over experimenteren is dubbel: het gaat over opzetten én evalueren.",
        "Mis de rol van AI en nieuwe technologie in deze competenties.",
    ],
}
GENERAL_COMMENTS = [
    "Mooi profiel, maar erg lang; sommige items kunnen worden samengevoegd.",
    "Het verschil tussen herkenbaar en toepasbaar was niet altijd duidelijk bij het invullen.",
    "Graag een toelichting op hoe het profiel gebruikt gaat worden bij functiebeschrijvingen.",
    "Veel items zijn voor het wo anders dan voor het mbo; overweeg een variant per sector.",
    "Dank voor de mogelijkheid om mee te denken.",
]
# Answers with contact details: these must never reach an output.
CONTACT_COMMENTS = [
    "Voor vragen kunt u mailen naar j.de.vries@hogeschool-voorbeeld.nl",
    "Bel gerust voor een toelichting: 06-12345678",
    "Ik denk graag verder mee, mijn nummer is +31 6 2345 6789.",
    "Neem contact op met a.bakker@roc-voorbeeld.nl, zij coördineert dit bij ons.",
]


def comment_columns() -> list[tuple[str, str | None]]:
    """(column, about) of the open-answer columns, in export order."""
    return [(f"Toelichting {label.lower()}", aid) for aid, label, _ in AREAS] + [
        (GENERAL_COMMENT_COLUMN, None)]


def add_comments(header: list[str], table: list[list[str]], seed: int) -> None:
    """Appends the open-answer columns, drawn from their own stream."""
    example_comments.add(header, table, seed, comment_columns(),
                         AREA_COMMENTS, GENERAL_COMMENTS, CONTACT_COMMENTS)


# The three columns of every table are headed "Kennis", "Vaardigheden",
# "Attitude"; the id letter is the dimension's initial.
DIMENSIONS = {"k": "kennis", "v": "vaardigheden", "a": "attitude"}

# (item id, area, dimension, text) -- texts from Tabel 1-6 of Vogel et al.
# (2025), Npuls, CC BY-SA 4.0; repaired only for PDF line breaks (hyphenated
# word breaks, double spaces).
ITEMS = [
    # Tabel 1. Basiscompetenties
    ("basis_k1", "basis", "kennis", "Basiskennis in digitale vaardigheden en inzicht in actuele ontwikkelingen in leertechnologie"),
    ("basis_k2", "basis", "kennis", "Inzicht in de rol van technologie bij het ondersteunen van leren en onderwijsverbetering."),
    ("basis_k3", "basis", "kennis", "Basiskennis van didactische en pedagogische begrippen die nodig is om samen te werken met docent en overige onderwijsprofessional"),
    ("basis_k4", "basis", "kennis", "Kennis van organisatiecultuur en besluitvormingsprocessen binnen de instelling."),
    ("basis_k5", "basis", "kennis", "Inzicht in evidence-informed werken en het gebruik van relevante databronnen"),
    ("basis_k6", "basis", "kennis", "Inzicht in hoe taken en rollen verdeeld zijn binnen en tussen ondersteunende teams, onderwijsteams en management"),
    ("basis_k7", "basis", "kennis", "Inzicht in de eigen rol en bijdrage in relatie tot andere ondersteuners, docenten en beleidsmakers."),
    ("basis_v1", "basis", "vaardigheden", "Werkt effectief samen met collega’s, docenten, management en externe partners"),
    ("basis_v2", "basis", "vaardigheden", "Verbindt mensen en ideeën door netwerkgericht te denken en te handelen"),
    ("basis_v3", "basis", "vaardigheden", "Communiceert helder en doelgericht met verschillende doelgroepen"),
    ("basis_v4", "basis", "vaardigheden", "Past zich aan bij veranderingen in technologie, beleid en organisatie"),
    ("basis_v5", "basis", "vaardigheden", "Toont eigenaarschap in het gebruiken én delen van digitale toepassingen voor onderwijs"),
    ("basis_v6", "basis", "vaardigheden", "Ondersteunt collega’s bij het kiezen en effectief inzetten van digitale leeromgevingen"),
    ("basis_v7", "basis", "vaardigheden", "Stelt gerichte vragen, reflecteert op eigen handelen en benut feedback actief"),
    ("basis_v8", "basis", "vaardigheden", "Ondersteunt leer- en ontwikkelprocessen bij anderen én zichzelf"),
    ("basis_a1", "basis", "attitude", "Toont professionele betrokkenheid en neemt verantwoordelijkheid voor kwaliteit"),
    ("basis_a2", "basis", "attitude", "Is samenwerkingsgericht, toegankelijk en stimuleert kennisdeling"),
    ("basis_a3", "basis", "attitude", "Werkt adaptief en wendbaar, ook bij onzekerheid of complexiteit"),
    ("basis_a4", "basis", "attitude", "Heeft een lerende en reflectieve houding en is gericht op persoonlijke en collectieve groei"),
    ("basis_a5", "basis", "attitude", "Denkt verbindend en ziet het grotere geheel van onderwijsontwikkeling"),
    ("basis_a6", "basis", "attitude", "Is sensitief voor context, cultuur en diversiteit binnen de organisatie"),
    ("basis_a7", "basis", "attitude", "Neemt initiatief in het verkennen en benutten van nieuwe digitale mogelijkheden"),
    ("basis_a8", "basis", "attitude", "Laat in het eigen handelen bewust en doelgericht gebruik van technologie zien"),
    # Tabel 2. Verbinden over grenzen heen; bruggenbouwer
    ("brug_k1", "bruggenbouwer", "kennis", "Weet hoe samenwerking over grenzen werkt"),
    ("brug_k2", "bruggenbouwer", "kennis", "Begrip van verschillende vakgebieden, culturen en hoe organisaties denken en werken."),
    ("brug_k3", "bruggenbouwer", "kennis", "Begrip van evidence-informed onderwijsinnovatie, technologische ontwikkelingen en de contextuele kansen en beperkingen daarvan."),
    ("brug_k4", "bruggenbouwer", "kennis", "Kent manieren om effectief samen te werken in netwerken of met verschillende belanghebbenden."),
    ("brug_k5", "bruggenbouwer", "kennis", "Begrip van communicatievormen, analysemodellen en strategische dynamieken binnen en tussen organisaties."),
    ("brug_k6", "bruggenbouwer", "kennis", "Is bekend met digitale samenwerkingstools en hoe deze effectief kunnen worden ingezet voor kennisdeling en netwerkvorming."),
    ("brug_v1", "bruggenbouwer", "vaardigheden", "Herkent verschillen in perspectieven, belangen en werkwijzen, en weet deze doelgericht te benutten."),
    ("brug_v2", "bruggenbouwer", "vaardigheden", "Past kennis aan en vertaalt deze naar nieuwe situaties en contexten."),
    ("brug_v3", "bruggenbouwer", "vaardigheden", "Werkt effectief samen en communiceert in interdisciplinaire en interculturele omgevingen."),
    ("brug_v4", "bruggenbouwer", "vaardigheden", "Verbindt en integreert uiteenlopende of tegenstrijdige informatie tot bruikbare inzichten en oplossingen."),
    ("brug_v5", "bruggenbouwer", "vaardigheden", "Gebruikt digitale tools bewust en doelgericht ter versterking van samenwerking, kennisdeling en leeromgevingen."),
    ("brug_v6", "bruggenbouwer", "vaardigheden", "Initieert en begeleidt netwerken, leergemeenschappen en samenwerkingen tussen teams of instellingen met verschillende achtergronden."),
    ("brug_a1", "bruggenbouwer", "attitude", "Zet zich in om mensen, ideeën en werelden met elkaar te verbinden."),
    ("brug_a2", "bruggenbouwer", "attitude", "Zet zich actief in voor inclusieve samenwerking en kennisdeling."),
    ("brug_a3", "bruggenbouwer", "attitude", "Staat open voor andere ideeën en manieren van werken."),
    ("brug_a4", "bruggenbouwer", "attitude", "Waardeert verschillen in denken, doen en cultuur."),
    ("brug_a5", "bruggenbouwer", "attitude", "Is nieuwsgierig en wil blijven leren over complexe vraagstukken."),
    ("brug_a6", "bruggenbouwer", "attitude", "Blijft flexibel en veerkrachtig, ook bij spanning of onzekerheid."),
    ("brug_a7", "bruggenbouwer", "attitude", "Staat open voor reflectie en leert graag van anderen."),
    ("brug_a8", "bruggenbouwer", "attitude", "Denkt scherp, en heeft oog voor heldere communicatie."),
    ("brug_a9", "bruggenbouwer", "attitude", "Heeft vertrouwen in het eigen vermogen om samenwerking op gang te brengen."),
    # Tabel 3. Strategisch en praktisch onderbouwd adviseren; adviseur
    ("adv_k1", "adviseur", "kennis", "Kennis van onderwijsinnovatie, inclusief relevante ICT-toepassingen en digitale trends"),
    ("adv_k2", "adviseur", "kennis", "Kennis van verandermodellen, implementatiestrategieën en veranderprocessen"),
    ("adv_k3", "adviseur", "kennis", "Kennis van actoren, belangen en posities in organisaties."),
    ("adv_k4", "adviseur", "kennis", "Kennis van relevante methoden voor behoefteanalyse en belangenafweging."),
    ("adv_k5", "adviseur", "kennis", "Herkent ontwikkelingen binnen het vervolgonderwijs."),
    ("adv_k6", "adviseur", "kennis", "Kent methoden voor procesanalyse en continue verbetering."),
    ("adv_v1", "adviseur", "vaardigheden", "Onderwijsinnovatie adviseren en begeleiden, waarbij technologie als versterkend middel wordt ingezet."),
    ("adv_v2", "adviseur", "vaardigheden", "Trends en ontwikkelingen in onderwijs en ICT signaleren en daarop anticiperen."),
    ("adv_v3", "adviseur", "vaardigheden", "Stakeholders, hun belangen en dynamiek analyseren; conflicten en krachtenvelden herkennen."),
    ("adv_v4", "adviseur", "vaardigheden", "Behoefteanalyses uitvoeren en vraagstukken helder formuleren."),
    ("adv_v5", "adviseur", "vaardigheden", "Adviezen onderbouwen met praktijkkennis en evidence-informed (onderwijs)onderzoek."),
    ("adv_v6", "adviseur", "vaardigheden", "Bijdragen aan de analyse van veranderprocessen en het inschatten van impact"),
    ("adv_v7", "adviseur", "vaardigheden", "Toepassen van passende verandermethodes met oog voor weerstand en succesfactoren."),
    ("adv_v8", "adviseur", "vaardigheden", "Procesverbeteringen signaleren en implementaties ondersteunen"),
    ("adv_v9", "adviseur", "vaardigheden", "Informatie helder en begrijpelijk overbrengen, zowel mondeling als schriftelijk."),
    ("adv_v10", "adviseur", "vaardigheden", "Scenario’s en toekomstverkenningen opstellen op basis van beleidstrends"),
    ("adv_a1", "adviseur", "attitude", "Proactieve, oplossingsgerichte en resultaatgerichte houding."),
    ("adv_a2", "adviseur", "attitude", "Reflectief, open voor feedback en lerend ingesteld"),
    ("adv_a3", "adviseur", "attitude", "Analytisch en kritisch, met oog voor nuance."),
    ("adv_a4", "adviseur", "attitude", "Staat open voor verschillende adviesstijlen en past deze aan op de situatie."),
    ("adv_a5", "adviseur", "attitude", "Zorgvuldig in analyse, afweging en rapportage"),
    ("adv_a6", "adviseur", "attitude", "Mensgericht en verbindend in samenwerking met stakeholders"),
    ("adv_a7", "adviseur", "attitude", "Communicatief sterk, gericht op vertrouwen en transparantie"),
    # Tabel 4. Professionele ontwikkeling begeleiden; coach
    ("coach_k1", "coach", "kennis", "Kennis van didactische principes en pedagogische modellen"),
    ("coach_k2", "coach", "kennis", "Kennis van coachingsmethodieken en gespreksvoering"),
    ("coach_k3", "coach", "kennis", "Kennis van professionele ontwikkeling en veranderprocessen"),
    ("coach_k4", "coach", "kennis", "Kennis van de onderwijspraktijk binnen verschillende contexten (mbo/hbo/wo)"),
    ("coach_k5", "coach", "kennis", "Basiskennis van technologische toepassingen ter ondersteuning van leren"),
    ("coach_v1", "coach", "vaardigheden", "Coacht docenten en overige onderwijsprofessionals in reflectie, het stellen van leerdoelen en het versterken van onderwijskundig handelen"),
    ("coach_v2", "coach", "vaardigheden", "Adviseert over effectieve onderwijsvormen en passende inzet van technologie."),
    ("coach_v3", "coach", "vaardigheden", "Signaleert didactische knelpunten en denkt mee in innovatieve oplossingen"),
    ("coach_v4", "coach", "vaardigheden", "Begeleidt docenten en overige onderwijsprofessionals gericht op blijvende integratie van onderwijsapplicaties in hun onderwijspraktijk."),
    ("coach_v5", "coach", "vaardigheden", "Begeleidt leerprocessen zonder over te nemen; werkt vanuit gelijkwaardigheid"),
    ("coach_v6", "coach", "vaardigheden", "Past coachende gespreksvoering effectief toe; herkent grenzen tussen coachen, adviseren en instrueren"),
    ("coach_v7", "coach", "vaardigheden", "Stimuleert eigenaarschap bij docenten"),
    ("coach_a1", "coach", "attitude", "Is toegankelijk, motiverend en ondersteunend."),
    ("coach_a2", "coach", "attitude", "Stimuleert groei en ontwikkeling; is onderzoekend, reflectief en lerend, ook op eigen handelen"),
    ("coach_a3", "coach", "attitude", "Oplossingsgericht en praktijkbewust"),
    ("coach_a4", "coach", "attitude", "Werkt faciliterend en gelijkwaardig samen met docenten en overige onderwijsprofessionals"),
    ("coach_a5", "coach", "attitude", "Flexibel en sensitief voor verschillen in context, ervaring en cultuur"),
    # Tabel 5. Onderwijskwaliteit versterken met didactiek; didacticus
    ("did_k1", "didacticus", "kennis", "Heeft actuele kennis van onderwijskundige principes, leerpsychologie en didactische methoden."),
    ("did_k2", "didacticus", "kennis", "Heeft kennis van blended en digitaal onderwijsontwerp."),
    ("did_k3", "didacticus", "kennis", "Kent methoden voor curriculumontwikkeling en afstemming op leerdoelen."),
    ("did_k4", "didacticus", "kennis", "Heeft begrip van het combineren van wetenschappelijke inzichten, praktijkervaring, contextkennis en publieke waarden bij het maken van didactische keuzes."),
    ("did_k5", "didacticus", "kennis", "Kent relevante bronnen, databronnen (zoals leerdata, evaluatie- en praktijkgegevens) en good practices voor evidence-informed onderwijsverbetering."),
    ("did_k6", "didacticus", "kennis", "Weet hoe contextfactoren invloed hebben op leerprocessen en didactische effectiviteit."),
    ("did_v1", "didacticus", "vaardigheden", "Ontwerpt leeractiviteiten, curricula en professionaliseringstrajecten, en evalueert deze op basis van verschillende typen kennisbronnen."),
    ("did_v2", "didacticus", "vaardigheden", "Analyseert en vertaalt wetenschappelijke en praktijkinformatie naar onderbouwde didactische keuzes"),
    ("did_v3", "didacticus", "vaardigheden", "Adviseert over leerdoelen, toetsing en de inzet van didactische werkvormen en digitale middelen met onderbouwing uit onderzoek en praktijk."),
    ("did_v4", "didacticus", "vaardigheden", "Verbindt trends in onderwijs aan concrete onderwijsvraagstukken met aandacht voor bewijs en toepasbaarheid."),
    ("did_v5", "didacticus", "vaardigheden", "Ondersteunt onderwijsprofessionals bij het implementeren van evidence-informed verbeteringen."),
    ("did_v6", "didacticus", "vaardigheden", "Faciliteert gezamenlijke reflectie op complexe onderwijsvraagstukken"),
    ("did_a1", "didacticus", "attitude", "Nieuwsgierig, kritisch en kwaliteitsgericht in het maken van didactische afwegingen"),
    ("did_a2", "didacticus", "attitude", "Gericht op vernieuwing en blijft zich ontwikkelen binnen het vakgebied."),
    ("did_a3", "didacticus", "attitude", "Sensitief voor inclusiviteit en leerbehoeften van diverse studentenpopulaties."),
    ("did_a4", "didacticus", "attitude", "Werkt toegankelijk en samenwerkingsgericht met collega’s."),
    ("did_a5", "didacticus", "attitude", "Gedreven om onderwijsontwerp en uitvoering duurzaam te versterken"),
    # Tabel 6. Onderwijsvernieuwing richting geven; innovator
    ("inno_k1", "innovator", "kennis", "Kennis van edtech-trends, digitale transformatie en hun implicaties voor het onderwijs."),
    ("inno_k2", "innovator", "kennis", "Kennis van onderwijskundige en pedagogische principes, in relatie tot innovatie."),
    ("inno_k3", "innovator", "kennis", "Kennis van innovatieprocessen, verandermanagement, en beleidsontwikkeling."),
    ("inno_k4", "innovator", "kennis", "Kennis van strategische doelen en publieke waarden (zoals inclusiviteit, toegankelijkheid en duurzaamheid) in relatie tot maatschappelijke onderwijsvraagstukken en onderwijsvernieuwing."),
    ("inno_k5", "innovator", "kennis", "Kennis van scenario-ontwikkeling, visievorming en de rol van organisatiecultuur daarin."),
    ("inno_k6", "innovator", "kennis", "Kennis van digitale geletterdheid (bijvoorbeeld DigCompEdu) en de rol daarvan bij onderwijsinnovatie."),
    ("inno_k7", "innovator", "kennis", "Kennis van digitale technologieën, tools en platforms die duurzame en inclusieve onderwijsvernieuwing ondersteunen."),
    ("inno_k8", "innovator", "kennis", "Kennis van datagedreven werken en de mogelijkheden van data en technologie om innovatie te onderbouwen en te monitoren."),
    ("inno_v1", "innovator", "vaardigheden", "Signaleert en analyseert ontwikkelingen en vertaalt deze naar concrete evidence informed innovatievoorstellen."),
    ("inno_v2", "innovator", "vaardigheden", "Initieert en adviseert over innovatieprojecten die beleid, praktijk en technologie verbinden."),
    ("inno_v3", "innovator", "vaardigheden", "Ontwikkelt scenario’s en visies voor toekomstgericht onderwijs, geïnspireerd door o.a. ontwerpgericht denken (zoals design thinking), praktijkinzichten, wetenschappelijke kennis én houdt rekening met de publieke waarden."),
    ("inno_v4", "innovator", "vaardigheden", "Faciliteert dialoog en betrokkenheid van stakeholders binnen verschillende lagen van de organisatie."),
    ("inno_v5", "innovator", "vaardigheden", "Stimuleert samenwerking en eigenaarschap binnen teams rond goed onderbouwde innovatie."),
    ("inno_v6", "innovator", "vaardigheden", "Bewaakt de haalbaarheid, impact, kwaliteit en duurzaamheid van onderwijsvernieuwing in lijn met instellingsdoelen."),
    ("inno_v7", "innovator", "vaardigheden", "Gebruikt digitale technologie en tools effectief bij het ontwikkelen en realiseren van onderwijsinnovatie."),
    ("inno_v8", "innovator", "vaardigheden", "Stimuleert digitale geletterdheid en digitaal bekwaam handelen bij docenten en overige onderwijsprofessionals"),
    ("inno_v9", "innovator", "vaardigheden", "Benut digitale middelen en data om innovatieprocessen te ondersteunen en te monitoren."),
    ("inno_v10", "innovator", "vaardigheden", "Verbindt technologische mogelijkheden met onderwijskundige en maatschappelijke doelen."),
    ("inno_a1", "innovator", "attitude", "Is nieuwsgierig, toekomstgericht en visiegedreven."),
    ("inno_a2", "innovator", "attitude", "Toont lef, ondernemerschap en strategisch denkvermogen."),
    ("inno_a3", "innovator", "attitude", "Werkt verbindend en betrekt belanghebbenden bij innovatieprocessen."),
    ("inno_a4", "innovator", "attitude", "Is empathisch en heeft oog voor context, cultuur en veranderbereidheid."),
    ("inno_a5", "innovator", "attitude", "Toegewijd aan duurzame en waardevolle verbetering van de onderwijspraktijk"),
    ("inno_a6", "innovator", "attitude", "Handelt digitaal competent en met verantwoordelijkheidsbesef bij het gebruik van technologie."),
    ("inno_a7", "innovator", "attitude", "Neemt een voorbeeldrol in het verantwoord en effectief gebruik van digitale technologie."),
    ("inno_a8", "innovator", "attitude", "Toont eigenaarschap in het ontwikkelen en toepassen van digitale vaardigheden."),
]

# --------------------------------------------------------------------------
# Round 2 (invented): the questionnaire on the revised profile
# --------------------------------------------------------------------------

ROUND2_ID = "ronde-2"
ROUND2_LABEL = "Vragenlijst herzien profiel"
ROUND2_DATE = "2025-06-16"
SEED2 = 2026            # a separate stream: round 1 draws exactly what it drew before
R2_SECTORS = {"mbo": 16, "hbo": 26, "wo": 18}

# Items reworded after round 1: (old id, new id, new text). The new wordings
# are invented for this example (they are not the publication's).
REWORDED = [
    ("brug_k5", "brug_k5r", "Begrijpt hoe organisaties communiceren en besluiten, en wat dat vraagt van samenwerking over grenzen."),
    ("brug_a8", "brug_a8r", "Denkt kritisch mee en communiceert helder."),
    ("adv_v10", "adv_v10r", "Verkent met de organisatie mogelijke toekomstscenario's op basis van beleidsontwikkelingen."),
    ("did_k4", "did_k4r", "Weegt bij didactische keuzes onderzoek, praktijkervaring en de eigen context tegen elkaar af."),
    ("inno_k5", "inno_k5r", "Kennis van visievorming en van de rol die organisatiecultuur speelt bij vernieuwing."),
]
DROPPED = ["inno_a2"]
# (id, area, dimension, text, inserted after): asked in round 2 only.
ADDED = [("basis_k8", "basis", "kennis",
          "Kennis van veilig en verantwoord gebruik van data en AI in het onderwijs, zoals privacy en ethiek.",
          "basis_k7")]
# Where the round-2 means are aimed, relative to round 1 (ALL).
R2_GAIN_KEPT = 0.08
R2_GAIN_REWORDED = 0.5
R2_LEVEL_ADDED = 3.1
R2_SD_NOISE = 0.55
R2_N_EMPTY = 4          # respondents who leave one cell empty
R2_NVT = "n.v.t."       # one cell holds this missing code

# --------------------------------------------------------------------------
# Published figures (seed document) and invented targets
# --------------------------------------------------------------------------

# sector -> (respondents, institutions), colofon of the publication
SECTORS = {"mbo": (23, 17), "hbo": (38, 17), "wo": (26, 13)}
N_RESPONDENTS = 87
N_INSTITUTIONS = 47
N_ANSWERED = 86

# Published mean recognisability per area (one decimal).
PUBLISHED_HERK = {"bruggenbouwer": 2.9, "adviseur": 3.0, "coach": 3.0,
                  "didacticus": 3.0, "innovator": 2.9}
# Where the unrounded means are aimed (well inside the rounding interval);
# basis and toepasbaarheid are not published: invented.
TARGETS = {
    "herkenbaarheid": {"basis": 3.10, "bruggenbouwer": 2.91, "adviseur": 3.005,
                       "coach": 3.01, "didacticus": 3.02, "innovator": 2.91},
    "toepasbaarheid": {"basis": 2.98, "bruggenbouwer": 2.78, "adviseur": 2.82,
                       "coach": 2.88, "didacticus": 2.89, "innovator": 2.72},
}
SAFE_MARGIN = 0.02        # distance kept from every x.x5 rounding boundary
TARGET_TOLERANCE = 0.01   # |achieved - target| after the search

# As written in the codebook (the contract's defaults).
RULES_TOML = [("min_answered", "0.5"), ("keep_min_mean", "3.0"),
              ("keep_min_pct_agree", "0.78"), ("drop_below_mean", "2.5"),
              ("drop_below_pct_agree", "0.50")]
RULES = {k: float(v) for k, v in RULES_TOML}
MIN_CELL = 5

# Latent model. Rating = clamp(round(level[area, measure] + item offset +
# sector effect + respondent leniency + noise), 1, 4).
SD_LENIENCY = 0.35
SD_NOISE = 0.55
SD_NOISE_TOEP = 0.35      # extra noise on toepasbaarheid (on top of herk's)
SD_ITEM = 0.12
# Items that respondents found clearly less recognisable (and a few strong ones).
ITEM_SHIFT = {
    "brug_k5": -0.36, "adv_v10": -0.55, "inno_k5": -0.42, "inno_a2": -0.50,
    "did_k4": -0.35, "brug_a8": -0.30,
    "basis_v1": 0.25, "coach_v1": 0.25, "did_k1": 0.20, "adv_v9": 0.15,
}
SECTOR_EFFECT = {
    "mbo": {"basis": 0.05, "coach": 0.12, "didacticus": 0.05, "adviseur": -0.08},
    "hbo": {"adviseur": 0.06, "bruggenbouwer": 0.03},
    "wo": {"innovator": -0.22, "coach": -0.10, "didacticus": 0.06},
}

N_LABEL_RESPONDENTS = 5    # cells hold the scale label ("herkenbaar")
N_COMMA_RESPONDENTS = 3    # cells hold a decimal-comma number ("3,0")
N_PARTIAL_RESPONDENTS = 5  # leave one to four cells empty

DEFECT_SPACED_LABEL = "  ZEER HERKENBAAR "
DEFECT_MISSING_CODE = "weet niet"
DEFECT_INVALID = "5"

# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def col_name(item_id: str, suffix: str) -> str:
    area_code = {a: code for a, _, code in AREAS}
    _, area, _, _ = ITEM_BY_ID[item_id]
    tail = item_id.rsplit("_", 1)[1]            # "k1", "v10", "a3"
    return f"{area_code[area]}{tail.upper()}_{suffix}"


ITEM_BY_ID_R1 = {it[0]: it for it in ITEMS}
# Round-2-only items (a reworded item keeps its predecessor's area and dimension).
R2_NEW_ITEMS = ([(new, ITEM_BY_ID_R1[old][1], ITEM_BY_ID_R1[old][2], text) for old, new, text in REWORDED]
                + [a[:4] for a in ADDED])
ITEM_BY_ID = {**ITEM_BY_ID_R1, **{it[0]: it for it in R2_NEW_ITEMS}}
PREVIOUS = {new: old for old, new, _ in REWORDED}
ROUND1_ONLY = {old for old, _, _ in REWORDED} | set(DROPPED)


def codebook_items() -> list[tuple[str, str, str, str, list[str] | None, str | None]]:
    """Every item in codebook order, (id, area, dimension, text, rounds, previous):
    a reworded item right after its predecessor, an added one where ADDED says."""
    after = defaultdict(list)
    for new, *_ in R2_NEW_ITEMS:
        anchor = PREVIOUS.get(new) or next(a[4] for a in ADDED if a[0] == new)
        after[anchor].append(new)
    out = []
    for iid, area, dim, text in ITEMS:
        out.append((iid, area, dim, text, [ROUND_ID] if iid in ROUND1_ONLY else None, None))
        for new in after[iid]:
            _, a, d, t = ITEM_BY_ID[new]
            out.append((new, a, d, t, [ROUND2_ID], PREVIOUS.get(new)))
    return out


def asked_in(rounds, round_id: str) -> bool:
    """Whether an item with this `rounds` key (None: every round) is asked."""
    return rounds is None or round_id in rounds



def round_half_away(x: float, nd: int = 1) -> float:
    f = 10 ** nd
    return math.copysign(math.floor(abs(x) * f + 0.5) / f, x)


def norm(cell: str) -> str:
    return " ".join(cell.split()).lower()


def toml_str(s: str) -> str:
    out = s.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{out}"'


def fail(msg: str) -> None:
    print(f"gen_npuls_example: VERIFICATION FAILED: {msg}", file=sys.stderr)
    sys.exit(1)


# --------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------


class Respondent:
    def __init__(self, rid, sector, inst):
        self.rid = rid
        self.sector = sector
        self.inst = inst
        self.style = "digit"       # digit | label | comma
        self.blank = False
        self.empty_cols: set[str] = set()
        self.leniency = 0.0


def build():
    rng = random.Random(SEED)
    area_ids = [a for a, _, _ in AREAS]

    # Respondents and institutions: every institution at least once.
    pool = []
    for sector in GROUPS:
        n, n_inst = SECTORS[sector]
        insts = [f"{sector}-instelling {i:02d}" for i in range(1, n_inst + 1)]
        assigned = insts + [rng.choice(insts) for _ in range(n - n_inst)]
        pool += [(sector, inst) for inst in assigned]
    rng.shuffle(pool)
    resp = [Respondent(f"R{i + 1:04d}", s, inst) for i, (s, inst) in enumerate(pool)]
    for r in resp:
        r.leniency = rng.gauss(0.0, SD_LENIENCY)

    # Roles, drawn once, all distinct respondents.
    idx = list(range(len(resp)))
    roles = rng.sample(idx, 1 + N_LABEL_RESPONDENTS + N_COMMA_RESPONDENTS
                       + N_PARTIAL_RESPONDENTS + 2)
    blank_i = roles[0]
    label_is = roles[1:1 + N_LABEL_RESPONDENTS]
    comma_is = roles[1 + N_LABEL_RESPONDENTS:1 + N_LABEL_RESPONDENTS + N_COMMA_RESPONDENTS]
    k0 = 1 + N_LABEL_RESPONDENTS + N_COMMA_RESPONDENTS
    partial_is = roles[k0:k0 + N_PARTIAL_RESPONDENTS]
    missing_i, invalid_i = roles[k0 + N_PARTIAL_RESPONDENTS:]
    resp[blank_i].blank = True
    for i in label_is:
        resp[i].style = "label"
    for i in comma_is:
        resp[i].style = "comma"
    all_cols = [col_name(it[0], suf) for it in ITEMS for _, _, suf, _ in MEASURES]
    for i in partial_is:
        resp[i].empty_cols = set(rng.sample(all_cols, rng.randint(1, 4)))

    # The resubmission: a respondent in the first third of the file, with no
    # other role, submits again near the end; the first row counts.
    dup_orig_i = rng.choice([i for i in range(len(resp) // 3) if i not in roles])
    dup_pos = len(resp) - 1 - rng.randrange(5)   # rows index where it is inserted

    # Defect cells (herkenbaarheid columns, different areas).
    missing_item = rng.choice([it[0] for it in ITEMS if it[1] == "coach"])
    invalid_item = rng.choice([it[0] for it in ITEMS if it[1] == "didacticus"])
    defects = {
        (missing_i, col_name(missing_item, "herk")): DEFECT_MISSING_CODE,
        (invalid_i, col_name(invalid_item, "herk")): DEFECT_INVALID,
    }

    # Item offsets and noise, drawn in a fixed order.
    item_off = {it[0]: rng.gauss(0.0, SD_ITEM) + ITEM_SHIFT.get(it[0], 0.0) for it in ITEMS}
    item_off_toep = {it[0]: rng.gauss(0.0, SD_ITEM / 2) for it in ITEMS}
    rows = resp[:]          # used respondents, then the duplicate
    latent = {}             # (row index, item) -> (L_herk, L_toep) without level
    dup = Respondent(resp[dup_orig_i].rid, resp[dup_orig_i].sector, resp[dup_orig_i].inst)
    dup.leniency = resp[dup_orig_i].leniency + rng.gauss(0.0, 0.2)
    rows.append(dup)
    for ri, r in enumerate(rows):
        for it in ITEMS:
            iid, area = it[0], it[1]
            base = item_off[iid] + SECTOR_EFFECT[r.sector].get(area, 0.0) + r.leniency
            lh = base + rng.gauss(0.0, SD_NOISE)
            lt = lh + item_off_toep[iid] + rng.gauss(0.0, SD_NOISE_TOEP)
            latent[ri, iid] = (lh, lt)

    def rating(x: float) -> int:
        return min(4, max(1, math.floor(x + 0.5)))

    def area_mean(level: float, area: str, m: int) -> float:
        items = [it[0] for it in ITEMS if it[1] == area]
        suffix = MEASURES[m][2]
        k = len(items)
        scores = []
        for ri, r in enumerate(resp):          # the duplicate row is excluded
            if r.blank:
                continue
            vals = []
            for iid in items:
                c = col_name(iid, suffix)
                if c in r.empty_cols or (ri, c) in defects:
                    continue
                vals.append(rating(level + latent[ri, iid][m]))
            if len(vals) >= RULES["min_answered"] * k:
                scores.append(sum(vals) / len(vals))
        return sum(scores) / len(scores)

    # Deterministic search: the level (grid of 0.001) whose area mean is
    # nearest the target. The mean is non-decreasing in the level: bisect.
    levels = {}
    for m, (mid, _, _, _) in enumerate(MEASURES):
        for area in area_ids:
            target = TARGETS[mid][area]
            lo, hi = 1500, 4500                 # level / 1000
            while lo < hi:
                mid_i = (lo + hi) // 2
                if area_mean(mid_i / 1000, area, m) >= target:
                    hi = mid_i
                else:
                    lo = mid_i + 1
            cands = [lo - 1, lo]
            best = min(cands, key=lambda li: (abs(area_mean(li / 1000, area, m) - target), li))
            levels[mid, area] = best / 1000

    # Ratings for every row.
    values = []
    for ri, r in enumerate(rows):
        row = {}
        for it in ITEMS:
            iid, area = it[0], it[1]
            for m, (mid, _, suf, _) in enumerate(MEASURES):
                row[col_name(iid, suf)] = rating(levels[mid, area] + latent[ri, iid][m])
        values.append(row)

    # The spaced capital label: a label respondent's first 4 on an adviseur
    # herkenbaarheid item.
    lab_i = label_is[0]
    for it in ITEMS:
        if it[1] == "adviseur":
            c = col_name(it[0], "herk")
            if values[lab_i][c] == 4 and c not in resp[lab_i].empty_cols:
                defects[lab_i, c] = DEFECT_SPACED_LABEL
                break
    else:
        fail("no rating 4 found for the spaced-label defect")

    # Cells.
    header = ["respondent", "sector", "instelling"] + all_cols
    table = []
    for ri, r in enumerate(rows):
        cells = [r.rid, r.sector, r.inst]
        for c in all_cols:
            v = values[ri][c]
            labels = TOEP_LABELS if c.endswith("_toep") else SCALE_LABELS
            if r.blank or c in r.empty_cols:
                cell = ""
            elif (ri, c) in defects:
                cell = defects[ri, c]
            elif r.style == "label":
                cell = labels[v]
            elif r.style == "comma":
                cell = f"{v},0"
            else:
                cell = str(v)
            cells.append(cell)
        table.append(cells)
    # Put the resubmission in its place in the file.
    dup_row = table.pop()
    table.insert(dup_pos, dup_row)
    return header, table, levels


# --------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------


def write_csv(path: Path, header, table) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    w.writerows(table)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))


def codebook_text() -> str:
    L = []
    L.append("# Example study bundled with peil: SYNTHETIC ratings, generated by")
    L.append("# scripts/gen_npuls_example.py (do not edit by hand; re-run the script).")
    L.append("# The ratings are invented; they agree only with the published aggregates")
    L.append("# (respondent counts, institutions, mean recognisability per area).")
    L.append("# Item texts from Tabel 1-6 of Vogel et al. (2025), Npuls, \"Competentieprofiel")
    L.append("# voor netwerk docentondersteuning in het vervolgonderwijs\", CC BY-SA 4.0.")
    L.append("")
    L.append("[study]")
    L.append('name = "Competentieprofiel netwerk docentondersteuning"')
    L.append('language = "nl"')
    L.append("")
    L.append("[scale]")
    L.append("min = 1")
    L.append("max = 4")
    L.append("missing = [" + ", ".join(toml_str(m) for m in MISSING) + "]")
    L.append("")
    L.append("[scale.labels]")
    for k, v in SCALE_LABELS.items():
        L.append(f"{k} = {toml_str(v)}")
    L.append("")
    L.append("[respondents]")
    L.append('id = "respondent"')
    L.append('group = "sector"')
    L.append('institution = "instelling"')
    L.append("groups = [" + ", ".join(toml_str(g) for g in GROUPS) + "]")
    for mid, label, _, own in MEASURES:
        L.append("")
        L.append("[[measures]]")
        L.append(f"id = {toml_str(mid)}")
        L.append(f"label = {toml_str(label)}")
        if own:
            inner = ", ".join(f"{k} = {toml_str(v)}" for k, v in own.items())
            L.append(f"labels = {{ {inner} }}")
    for aid, label, _ in AREAS:
        L.append("")
        L.append("[[areas]]")
        L.append(f"id = {toml_str(aid)}")
        L.append(f"label = {toml_str(label)}")
    for iid, area, dim, text, rounds, previous in codebook_items():
        L.append("")
        L.append("[[items]]")
        L.append(f"id = {toml_str(iid)}")
        L.append(f"area = {toml_str(area)}")
        L.append(f"dimension = {toml_str(dim)}")
        L.append(f"text = {toml_str(text)}")
        cols = ", ".join(f"{mid} = {toml_str(col_name(iid, suf))}" for mid, _, suf, _ in MEASURES)
        L.append(f"columns = {{ {cols} }}")
        if rounds:
            L.append("rounds = [" + ", ".join(toml_str(r) for r in rounds) + "]")
        if previous:
            L.append(f"previous = {toml_str(previous)}")
    for column, about in comment_columns():
        L.append("")
        L.append("[[comments]]")
        L.append(f"column = {toml_str(column)}")
        if about:
            L.append(f"about = {toml_str(about)}")
    L.append("")
    L.append("[rules]")
    for k, v in RULES_TOML:
        L.append(f"{k} = {v}")
    L.append("")
    L.append("[privacy]")
    L.append(f"min_cell = {MIN_CELL}")
    L.append("")
    L.append("[[rounds]]")
    L.append(f"id = {toml_str(ROUND_ID)}")
    L.append('label = "Vragenlijst eerste profiel"')
    L.append(f"date = {toml_str(ROUND_DATE)}")
    L.append(f'questionnaire = "{ROUND_ID}/questionnaire.csv"')
    L.append("")
    L.append("[[rounds]]")
    L.append(f"id = {toml_str(ROUND2_ID)}")
    L.append(f"label = {toml_str(ROUND2_LABEL)}")
    L.append(f"date = {toml_str(ROUND2_DATE)}")
    L.append(f'questionnaire = "{ROUND2_ID}/questionnaire.csv"')
    L.extend(published_toml())
    return "\n".join(L) + "\n"


# The figures the source report prints (seed 004), checked by peil at every
# run ([[published]]); the golden test checks the same figures on its own.
PUBLISHED_SOURCE = "Npuls (2025), Competentieprofiel netwerk docentondersteuning"
PUBLISHED = (
    [("respondents", {"group": "ALL"}, "respondents", "87"),
     ("respondents", {"group": "ALL"}, "institutions", "47"),
     ("respondents", {"group": "ALL"}, "answered", "86")]
    + [("respondents", {"group": g}, "respondents", n) for g, n in (("mbo", "23"), ("hbo", "38"), ("wo", "26"))]
    + [("respondents", {"group": g}, "institutions", n) for g, n in (("mbo", "17"), ("hbo", "17"), ("wo", "13"))]
    + [("area_scores", {"measure": "herkenbaarheid", "area": a, "group": "ALL"}, "mean", v)
       for a, v in (("bruggenbouwer", "2,9"), ("adviseur", "3,0"), ("coach", "3,0"),
                    ("didacticus", "3,0"), ("innovator", "2,9"))]
)


def published_toml() -> list[str]:
    """The [[published]] entries of round 1, one block each."""
    L = []
    for table, where, column, value in PUBLISHED:
        keys = ", ".join(f"{k} = {toml_str(v)}" for k, v in where.items())
        L.append("")
        L.append("[[published]]")
        L.append(f"round = {toml_str(ROUND_ID)}")
        L.append(f"table = {toml_str(table)}")
        L.append(f"where = {{ {keys} }}")
        L.append(f"column = {toml_str(column)}")
        L.append(f"value = {toml_str(value)}")
        L.append(f"source = {toml_str(PUBLISHED_SOURCE)}")
    return L


def readme_text(header, table, stats, stats2) -> str:
    d = stats["defects"]
    herk = stats["area_means"]["herkenbaarheid"]
    toep = stats["area_means"]["toepasbaarheid"]
    lines = [
        "# Example study: Competentieprofiel netwerk docentondersteuning",
        "",
        "A complete study folder for `peil`, modelled on the questionnaire round with",
        "which Npuls validated its competency profile for teacher-support",
        "professionals (docentondersteuners) in Dutch vocational and higher",
        "education. Respondents from mbo, hbo and wo rated every competency of the",
        f"first profile on recognisability (herkenbaarheid) and applicability",
        f"(toepasbaarheid), 1-4. `study.toml` is the codebook: 6 areas (the base",
        f"competencies and five competency areas), {len(codebook_items())} items, 2 measures, 2 rounds",
        f"({len(ITEMS)} items asked in each); `ronde-1/questionnaire.csv` and",
        "`ronde-2/questionnaire.csv` are wide exports as Dutch LimeSurvey/Excel",
        "writes them (`;`, UTF-8 with BOM, CRLF). Round 2 is invented: see",
        "[Round 2](#round-2-the-revised-profile-invented) below.",
        "",
        "Run it with `peil run input/npuls-docentondersteuning` (both rounds and",
        "their comparison), or compare only with",
        "`peil compare input/npuls-docentondersteuning --from ronde-1 --to ronde-2`.",
        "",
        "## The ratings are synthetic",
        "",
        "The individual responses of the real study are not public. Every rating in",
        "`questionnaire.csv` is **synthetic**, generated by",
        "`scripts/gen_npuls_example.py` (fixed seed; re-running it gives byte-identical",
        "files; do not edit the files by hand). The data are consistent with the",
        "aggregates published in the source, and with nothing else:",
        "",
        "| published figure | value |",
        "|---|---|",
        "| respondents | 87 (23 mbo, 38 hbo, 26 wo) |",
        "| institutions | 47 (17 mbo, 17 hbo, 13 wo) |",
        "| respondents who answered | 86 |",
    ]
    for a in PUBLISHED_HERK:
        lines.append(f"| mean herkenbaarheid, {a} | {PUBLISHED_HERK[a]:.1f} (data: {herk[a]:.4f}) |")
    lines += [
        "",
        "Invented, not published: every item-level figure, every sector difference,",
        f"the base competencies' herkenbaarheid (data: {herk['basis']:.4f}) and all",
        "toepasbaarheid means (data: "
        + ", ".join(f"{a} {toep[a]:.4f}" for a in list(toep)[:3]) + ",",
        ", ".join(f"{a} {toep[a]:.4f}" for a in list(toep)[3:]) + "). They are",
        "made plausible, not true: items differ (a few are clearly weaker and are",
        "dropped by the default rules, others are reworded or kept), respondents differ",
        "in leniency, and wo rates the innovator area a little lower.",
        "",
        "Both exports end in open-answer columns (`[[comments]]`: a `Toelichting`",
        "per area and `Overige opmerkingen en suggesties`), drawn after the ratings",
        "from a stream of their own, so they move no figure: invented rewording",
        "suggestions and remarks, some `weet niet`, and four answers with an e-mail",
        "address or phone number that peil must scrub before `comments.csv` and the",
        "reports.",
        "",
        "## Deliberate defects",
        "",
        "The export contains a few problems on purpose, so that the example exercises",
        "peil's data-quality ledger. Line numbers count the header as line 1.",
        "",
        "| line | column | cell | what peil does |",
        "|---|---|---|---|",
    ] + [row for _, row in sorted([
        (d["missing"][0], f"| {d['missing'][0]} | `{d['missing'][1]}` | `weet niet` | a missing code: no rating, counted as missing (`n_missing`), not as invalid |"),
        (d["invalid"][0], f"| {d['invalid'][0]} | `{d['invalid'][1]}` | `5` | outside 1-4: invalid, excluded, counted in `cells_invalid` and listed with file, line {d['invalid'][0]}, column `{d['invalid'][1]}`, value `5` |"),
        (d["spaced"][0], f"| {d['spaced'][0]} | `{d['spaced'][1]}` | `  ZEER HERKENBAAR ` | matched to the label after trimming, collapsing spaces and ignoring case: a valid 4, no ledger entry |"),
        (d["dup_line"], f"| {d['dup_line']} | `respondent` | `{d['dup_id']}` | a resubmission: duplicate id (first row on line {d['dup_first_line']}); the later row is excluded whole (its cells are neither invalid nor missing), the first is used |"),
    ])] + [
        "",
        f"Expected ledger for `ronde-1/questionnaire.csv`: `rows_read` {stats['n_rows']}, `rows_used` 87,",
        "`rows_excluded` 1 (duplicate id), `cells_invalid` 1. The used rows hold",
        f"{stats['cells_missing']} rating cells with a missing code, over both measures: the",
        f"{stats['blank_cells']} empty cells of {d['blank_id']}, {stats['cells_missing'] - stats['blank_cells'] - 1} cells left empty by a handful of other",
        "respondents, and the `weet niet`.",
        "",
        "Not defects but normal export variety, all read as ratings: some",
        "respondents' cells hold the scale label (`herkenbaar`, `zeer toepasbaar`),",
        "a few respondents' cells hold a decimal-comma number (`3,0`). One respondent",
        f"({d['blank_id']}, line {d['blank_line']}) answered nothing at all: counted in `respondents` and",
        "`institutions`, but not in `answered` (86), and without area scores.",
        "",
        "## Credit",
        "",
        "Item texts (the competency wordings in `study.toml`) are taken from Tabel 1-6 of",
        "Vogel, D.Y.S., Timmer-Hekhuizen, M.J.D., Papavoine, F., Stumpel, N.J.C., van",
        "As, M. (2025), *Competentieprofiel voor netwerk docentondersteuning in het",
        "vervolgonderwijs*, Utrecht: Npuls, licensed CC BY-SA 4.0; only PDF line breaks",
        "were repaired. The item texts in this folder are shared under the same licence.",
        "The round date is an assumption (the source dates the profile September 2025",
        "and places the questionnaire before the focus groups; it gives no date).",
    ]
    lines += round2_readme(stats, stats2)
    return "\n".join(lines) + "\n"


def round2_readme(stats, s2) -> list[str]:
    r1 = {s[0]: s for s in stats["items"]["herkenbaarheid"]}
    r2 = {s[0]: s for s in s2["items"]["herkenbaarheid"]}
    g = s2["groups"]
    lines = [
        "",
        "## Round 2: the revised profile (invented)",
        "",
        "The publication reports one questionnaire round. To give `peil compare`",
        "something to show, `ronde-2` (\"" + ROUND2_LABEL + "\", dated " + ROUND2_DATE + ", an",
        "assumption) is **invented entirely**: a second questionnaire on a revised",
        "profile, with new respondents and new ids (`R2-001` ...), generated by the same",
        "script from a second seed. Nothing in it is published; the rewordings and the",
        "added item are this example's own, not the final profile's.",
        "",
        f"Respondents: {g['ALL'][0]} ({', '.join(f'{g[x][0]} {x}' for x in GROUPS)}), from "
        f"{g['ALL'][1]} institutions; {g['ALL'][2]} answered.",
        "",
        "What changed after round 1 (herkenbaarheid, group `ALL`; decisions by the",
        "default rules):",
        "",
        "| ronde-1 item | mean, decision | ronde-2 item | mean, decision | status |",
        "|---|---|---|---|---|",
    ]
    for old, new, _ in REWORDED:
        lines.append(f"| `{old}` | {r1[old][3]:.2f}, {r1[old][5]} | `{new}` | {r2[new][3]:.2f}, "
                     f"{r2[new][5]} | reworded (`previous = \"{old}\"`) |")
    for old in DROPPED:
        lines.append(f"| `{old}` | {r1[old][3]:.2f}, {r1[old][5]} | (none) | | dropped |")
    for new, *_ in ADDED:
        lines.append(f"| (none) | | `{new}` | {r2[new][3]:.2f}, {r2[new][5]} | new |")
    kept = [i for i in r2 if i in r1]
    lines += [
        "",
        "In `study.toml` the old wording of a reworded item and the dropped item carry",
        "`rounds = [\"ronde-1\"]`; the new wordings and the added item carry",
        "`rounds = [\"ronde-2\"]`, a reworded one also `previous`. The other "
        f"{len(kept)} items",
        "are asked in both rounds under the same id and column (status `same`); they",
        "score a little higher in round 2 (mean of the item means "
        f"{sum(r1[i][3] for i in kept) / len(kept):.3f} -> {sum(r2[i][3] for i in kept) / len(kept):.3f}).",
        "",
        "Mean herkenbaarheid per area, ronde-1 -> ronde-2: "
        + ", ".join(f"{a} {stats['area_means']['herkenbaarheid'][a]:.2f} -> "
                    f"{s2['area_means']['herkenbaarheid'][a]:.2f}" for a, _, _ in AREAS) + ".",
        "",
        "Round 2 has no deliberate defects beyond ordinary missing answers: "
        + ", ".join(f"line {line} `{col}` {'empty' if val == '' else '`' + val + '`'}"
                    for line, col, val in s2["missing_cells"])
        + f" (`cells_missing` {len(s2['missing_cells'])}, `cells_invalid` 0, no row excluded).",
    ]
    return lines


# --------------------------------------------------------------------------
# Verification: read the written files back, compute by the contract
# --------------------------------------------------------------------------


def parse_cell(cell: str, labels: dict[int, str]):
    """Return ('missing', None), ('valid', int) or ('invalid', None)."""
    n = norm(cell)
    if n in [norm(m) for m in MISSING]:
        return "missing", None
    for k, v in labels.items():
        if n == norm(v):
            return "valid", k
    try:
        x = float(n.replace(",", "."))
    except ValueError:
        return "invalid", None
    if x != math.floor(x) or not (1 <= x <= 4):
        return "invalid", None
    return "valid", int(x)


def verify(csv_path: Path, toml_path: Path):
    raw = csv_path.read_bytes()
    if not raw.startswith(b"\xef\xbb\xbf"):
        fail("questionnaire.csv has no UTF-8 BOM")
    body = raw[3:]
    if body.count(b"\r\n") != body.count(b"\n"):
        fail("questionnaire.csv has a line ending that is not CRLF")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline=""), delimiter=";"))
    header, data = rows[0], rows[1:]

    cb = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    allowed = {"study", "scale", "respondents", "measures", "areas", "items",
               "comments", "rules", "privacy", "rounds", "published"}
    if set(cb) - allowed:
        fail(f"unexpected codebook keys {set(cb) - allowed}")
    every = [c for it in cb["items"] for c in it["columns"].values()]
    if len(every) != len(set(every)):
        fail("a column is named twice in study.toml")
    # From here on, the codebook as round 1 sees it: the items asked in it.
    cb["items"] = [it for it in cb["items"] if asked_in(it.get("rounds"), ROUND_ID)]
    if len(cb["items"]) != len(ITEMS):
        fail(f"{len(cb['items'])} items asked in {ROUND_ID}, expected {len(ITEMS)}")
    cols = [c for it in cb["items"] for c in it["columns"].values()]
    if header != ["respondent", "sector", "instelling"] + cols + [c for c, _ in comment_columns()]:
        fail("CSV header does not match the codebook's columns")
    if len(header) != len(set(header)):
        fail("duplicate header names")
    scale_labels = {int(k): v for k, v in cb["scale"]["labels"].items()}
    mlabels = {}
    for m in cb["measures"]:
        mlabels[m["id"]] = {int(k): v for k, v in m.get("labels", {}).items()} or scale_labels
    ci = {c: i for i, c in enumerate(header)}

    # Rows: duplicate id -> later row excluded.
    seen, used, dup_lines = {}, [], []
    for j, row in enumerate(data):
        line = j + 2
        if len(row) != len(header):
            fail(f"line {line}: {len(row)} fields, expected {len(header)}")
        rid = row[0].strip()
        if rid in seen:
            dup_lines.append((line, rid, seen[rid]))
            continue
        seen[rid] = line
        if row[1].strip() not in cb["respondents"]["groups"]:
            fail(f"line {line}: group {row[1]!r} not allowed")
        used.append((line, row))
    if len(dup_lines) != 1:
        fail(f"expected exactly one duplicate row, found {len(dup_lines)}")

    # Parse every cell of the used rows.
    parsed = []    # (line, row, {col: (status, value)})
    invalid, missing_codes = [], []
    for line, row in used:
        cells = {}
        for it in cb["items"]:
            for mid, c in it["columns"].items():
                st, v = parse_cell(row[ci[c]], mlabels[mid])
                cells[c] = (st, v)
                if st == "invalid":
                    invalid.append((line, c, row[ci[c]]))
                if st == "missing" and norm(row[ci[c]]) != "":
                    missing_codes.append((line, c, row[ci[c]]))
        parsed.append((line, row, cells))
    spaced = [(j + 2, header[k]) for j, row in enumerate(data) for k, cell in enumerate(row)
              if cell == DEFECT_SPACED_LABEL]
    if len(invalid) != 1 or invalid[0][2] != DEFECT_INVALID:
        fail(f"expected exactly one invalid cell '5', found {invalid}")
    if len(missing_codes) != 1 or missing_codes[0][2] != DEFECT_MISSING_CODE:
        fail(f"expected exactly one 'weet niet' cell, found {missing_codes}")
    if len(spaced) != 1:
        fail(f"expected exactly one spaced capital label, found {spaced}")
    n_label_cells = sum(1 for row in data for cell in row[3:]
                        if any(cell == lab for lab in list(SCALE_LABELS.values()) + list(TOEP_LABELS.values())))
    n_comma_cells = sum(1 for row in data for cell in row[3:] if "," in cell)
    if n_label_cells == 0 or n_comma_cells == 0:
        fail("no label cells or no decimal-comma cells")

    # Respondent counts.
    stats = {"groups": {}}
    for g in GROUPS + ["ALL"]:
        rs = [(line, row, cells) for line, row, cells in parsed if g == "ALL" or row[1] == g]
        insts = {row[2].strip() for _, row, _ in rs if row[2].strip()}
        answered = sum(1 for _, _, cells in rs if any(st == "valid" for st, _ in cells.values()))
        complete = sum(1 for _, _, cells in rs if all(st == "valid" for st, _ in cells.values()))
        stats["groups"][g] = (len(rs), len(insts), answered, complete)
    for g, (n, ni) in SECTORS.items():
        if stats["groups"][g][:2] != (n, ni):
            fail(f"sector {g}: {stats['groups'][g][:2]}, expected {(n, ni)}")
    if stats["groups"]["ALL"][:3] != (N_RESPONDENTS, N_INSTITUTIONS, N_ANSWERED):
        fail(f"ALL: {stats['groups']['ALL'][:3]}, expected {(N_RESPONDENTS, N_INSTITUTIONS, N_ANSWERED)}")

    # Area means by the contract's definition.
    area_means = {m["id"]: {} for m in cb["measures"]}
    group_means = {m["id"]: {} for m in cb["measures"]}
    for m in cb["measures"]:
        mid = m["id"]
        for a in cb["areas"]:
            items = [it for it in cb["items"] if it["area"] == a["id"]]
            k = len(items)
            per_group = {g: [] for g in GROUPS}
            scores = []
            for line, row, cells in parsed:
                vals = [cells[it["columns"][mid]][1] for it in items
                        if cells[it["columns"][mid]][0] == "valid"]
                if vals and len(vals) >= cb["rules"]["min_answered"] * k:
                    s = sum(vals) / len(vals)
                    scores.append(s)
                    per_group[row[1]].append(s)
            area_means[mid][a["id"]] = sum(scores) / len(scores)
            group_means[mid][a["id"]] = {g: (sum(v) / len(v) if v else float("nan"))
                                         for g, v in per_group.items()}
    stats["area_means"] = area_means
    stats["group_means"] = group_means

    def safe(x: float) -> bool:
        frac = (x * 10) % 1.0
        return abs(frac - 0.5) >= SAFE_MARGIN * 10

    for a, pub in PUBLISHED_HERK.items():
        x = area_means["herkenbaarheid"][a]
        if round_half_away(x) != pub:
            fail(f"herkenbaarheid {a}: {x:.6f} rounds to {round_half_away(x)}, published {pub}")
        if not safe(x):
            fail(f"herkenbaarheid {a}: {x:.6f} is within {SAFE_MARGIN} of a rounding boundary")
    for mid, targets in TARGETS.items():
        for a, t in targets.items():
            x = area_means[mid][a]
            if abs(x - t) > TARGET_TOLERANCE or not safe(x):
                fail(f"{mid} {a}: {x:.6f}, target {t}")
    if round_half_away(area_means["herkenbaarheid"]["basis"]) != 3.1:
        fail("basis herkenbaarheid does not round to 3.1")
    for a in PUBLISHED_HERK:
        t = area_means["toepasbaarheid"][a]
        if not (2.7 <= t <= 2.9 and t < area_means["herkenbaarheid"][a]):
            fail(f"toepasbaarheid {a}: {t:.6f} not in 2.7-2.9 below herkenbaarheid")

    # Items: mean, pct_agree, decision (ALL).
    item_stats = {m["id"]: [] for m in cb["measures"]}
    R = cb["rules"]
    for m in cb["measures"]:
        mid = m["id"]
        for it in cb["items"]:
            vals = [cells[it["columns"][mid]][1] for _, _, cells in parsed
                    if cells[it["columns"][mid]][0] == "valid"]
            mean = sum(vals) / len(vals)
            pct = sum(1 for v in vals if v >= 3) / len(vals)
            if mean >= R["keep_min_mean"] and pct >= R["keep_min_pct_agree"]:
                dec = "keep"
            elif mean < R["drop_below_mean"] or pct < R["drop_below_pct_agree"]:
                dec = "drop"
            else:
                dec = "reword"
            item_stats[mid].append((it["id"], it["area"], len(vals), mean, pct, dec))
    stats["items"] = item_stats
    decs = [s[5] for s in item_stats["herkenbaarheid"]]
    for d in ("keep", "reword", "drop"):
        if d not in decs:
            fail(f"no herkenbaarheid item with decision {d}")
    weak = [s for s in item_stats["herkenbaarheid"] if 2.4 <= s[3] <= 2.6 and s[4] < 0.5]
    if not weak:
        fail("no clearly weak item (mean 2.4-2.6, under half agreeing)")

    # Defect locations for the report.
    dl, did, dfirst = dup_lines[0]
    blank = [(line, row[0]) for line, row, cells in parsed
             if all(st == "missing" for st, _ in cells.values())
             and all(row[ci[c]] == "" for c in cols)]
    if len(blank) != 1:
        fail(f"expected exactly one respondent with no answer, found {blank}")
    dup_row = data[dl - 2]
    first_row = data[dfirst - 2]
    if dup_row[1:3] != first_row[1:3] or dup_row[3:] == first_row[3:]:
        fail("the resubmission must share sector/institution and differ in ratings")
    stats["defects"] = {
        "missing": missing_codes[0][:2], "invalid": invalid[0][:2], "spaced": spaced[0],
        "dup_line": dl, "dup_id": did, "dup_first_line": dfirst,
        "blank_line": blank[0][0], "blank_id": blank[0][1],
    }
    stats["n_rows"] = len(data)
    stats["cells_missing"] = sum(1 for _, _, cells in parsed for st, _ in cells.values()
                                 if st == "missing")
    stats["blank_cells"] = len(cols)
    return stats


# --------------------------------------------------------------------------
# Round 2: drawn after round 1, from its own seed
# --------------------------------------------------------------------------


def round2_items():
    return [it for it in codebook_items() if asked_in(it[4], ROUND2_ID)]


def build_round2(stats):
    """Header and rows of ronde-2/questionnaire.csv. Item levels are aimed
    from round 1's item means: kept items a little higher, rewordings
    clearly higher, the added item at R2_LEVEL_ADDED."""
    rng = random.Random(SEED2)
    r1 = {mid: {s[0]: s[3] for s in stats["items"][mid]} for mid, *_ in MEASURES}

    def target(mid: str, iid: str) -> float:
        if iid in PREVIOUS:
            return min(3.3, r1[mid][PREVIOUS[iid]] + R2_GAIN_REWORDED)
        if iid in r1[mid]:
            return r1[mid][iid] + R2_GAIN_KEPT
        return R2_LEVEL_ADDED - (0.2 if mid == "toepasbaarheid" else 0.0)

    items = round2_items()
    people = [s for s in GROUPS for _ in range(R2_SECTORS[s])]
    rng.shuffle(people)
    header = ["respondent", "sector", "instelling"] + [
        col_name(it[0], suf) for it in items for _, _, suf, _ in MEASURES]
    table = []
    for k, sector in enumerate(people):
        inst = f"{sector}-instelling {rng.randint(1, SECTORS[sector][1]):02d}"
        lenient = rng.gauss(0.0, SD_LENIENCY)
        cells = [f"R2-{k + 1:03d}", sector, inst]
        for iid, area, *_ in items:
            eff = SECTOR_EFFECT[sector].get(area, 0.0) / 2
            noise = rng.gauss(0.0, R2_SD_NOISE)
            lh = target("herkenbaarheid", iid) + eff + lenient + noise
            lt = target("toepasbaarheid", iid) + eff + lenient + noise + rng.gauss(0.0, SD_NOISE_TOEP)
            cells += [str(min(4, max(1, math.floor(x + 0.5)))) for x in (lh, lt)]
        table.append(cells)
    roles = rng.sample(range(len(table)), R2_N_EMPTY + 1)
    for r in roles[:-1]:
        table[r][rng.randrange(3, len(header))] = ""
    table[roles[-1]][rng.randrange(3, len(header))] = R2_NVT
    return header, table


def verify_round2(csv_path: Path, toml_path: Path, stats):
    raw = csv_path.read_bytes()
    if not raw.startswith(b"\xef\xbb\xbf"):
        fail("ronde-2/questionnaire.csv has no UTF-8 BOM")
    rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline=""), delimiter=";"))
    header, data = rows[0], rows[1:]
    cb = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    if [r["id"] for r in cb["rounds"]] != [ROUND_ID, ROUND2_ID]:
        fail("study.toml must list ronde-1 and ronde-2")
    items = [it for it in cb["items"] if asked_in(it.get("rounds"), ROUND2_ID)]
    ids = {it["id"] for it in cb["items"]}
    for it in cb["items"]:
        prev = it.get("previous")
        if prev is not None and (prev not in ids or it.get("rounds") != [ROUND2_ID]):
            fail(f"item {it['id']}: previous {prev!r} must name an item, and the item be ronde-2-only")
    n_dropped = sum(1 for it in cb["items"] if it.get("rounds") == [ROUND_ID]
                    and not any(x.get("previous") == it["id"] for x in cb["items"]))
    n_new = sum(1 for it in cb["items"] if it.get("rounds") == [ROUND2_ID] and "previous" not in it)
    n_reworded = sum(1 for it in cb["items"] if "previous" in it)
    if (n_dropped, n_new) != (1, 1) or not 4 <= n_reworded <= 6:
        fail(f"dropped {n_dropped}, new {n_new}, reworded {n_reworded}")
    cols = [c for it in items for c in it["columns"].values()]
    if header != ["respondent", "sector", "instelling"] + cols + [c for c, _ in comment_columns()]:
        fail("ronde-2 header does not match the items asked in ronde-2")
    if len({r[0] for r in data}) != len(data) or {r[0] for r in data} & {f"R{i:04d}" for i in range(1, 100)}:
        fail("ronde-2 ids must be unique and new")
    ci = {c: i for i, c in enumerate(header)}
    labels = {m["id"]: {int(k): v for k, v in m.get("labels", cb["scale"]["labels"]).items()}
              for m in cb["measures"]}
    s2 = {"groups": {}, "items": {}, "area_means": {}, "missing_cells": []}
    parsed = []
    for j, row in enumerate(data):
        cells = {}
        for it in items:
            for mid, c in it["columns"].items():
                st, v = parse_cell(row[ci[c]], labels[mid])
                if st == "invalid":
                    fail(f"ronde-2 line {j + 2}: invalid cell {row[ci[c]]!r}")
                if st == "missing":
                    s2["missing_cells"].append((j + 2, c, row[ci[c]]))
                cells[c] = v
        parsed.append((row, cells))
    if len(s2["missing_cells"]) != R2_N_EMPTY + 1:
        fail(f"ronde-2: {len(s2['missing_cells'])} missing cells")
    for g in GROUPS + ["ALL"]:
        rs = [(row, cells) for row, cells in parsed if g == "ALL" or row[1] == g]
        s2["groups"][g] = (len(rs), len({row[2] for row, _ in rs}),
                           sum(1 for _, cells in rs if any(v is not None for v in cells.values())))
        if g != "ALL" and s2["groups"][g][0] != R2_SECTORS[g]:
            fail(f"ronde-2 {g}: {s2['groups'][g][0]} rows")
    for m in cb["measures"]:
        mid = m["id"]
        s2["items"][mid] = []
        for it in items:
            vals = [cells[it["columns"][mid]] for _, cells in parsed if cells[it["columns"][mid]] is not None]
            mean, pct = sum(vals) / len(vals), sum(1 for v in vals if v >= 3) / len(vals)
            dec = ("keep" if mean >= 3.0 and pct >= 0.78 else
                   "drop" if mean < 2.5 or pct < 0.5 else "reword")
            s2["items"][mid].append((it["id"], it["area"], len(vals), mean, pct, dec))
        s2["area_means"][mid] = {}
        for a, _, _ in AREAS:
            k_items = [it for it in items if it["area"] == a]
            scores = []
            for _, cells in parsed:
                vals = [cells[it["columns"][mid]] for it in k_items if cells[it["columns"][mid]] is not None]
                if vals and len(vals) >= 0.5 * len(k_items):
                    scores.append(sum(vals) / len(vals))
            s2["area_means"][mid][a] = sum(scores) / len(scores)
    # The direction of the revision, herkenbaarheid, ALL.
    r1 = {s[0]: s for s in stats["items"]["herkenbaarheid"]}
    r2 = {s[0]: s for s in s2["items"]["herkenbaarheid"]}
    for old, new, _ in REWORDED:
        if r2[new][3] < r1[old][3] + 0.25 or r2[new][5] == "drop":
            fail(f"reworded {old} {r1[old][3]:.3f} -> {new} {r2[new][3]:.3f} {r2[new][5]}: must score higher")
    kept = [i for i in r2 if i in r1]
    if sum(r2[i][3] for i in kept) <= sum(r1[i][3] for i in kept):
        fail("kept items must score a little higher in ronde-2")
    for old in DROPPED:
        if r1[old][5] != "drop":
            fail(f"the dropped item {old} must have decision drop in ronde-1")
    return s2


def print_report2(s2, stats) -> None:
    out = sys.stdout
    out.write(f"\n{ROUND2_ID}: respondents " + ", ".join(f"{g} {s2['groups'][g][0]}" for g in GROUPS + ["ALL"])
              + f"; missing cells {len(s2['missing_cells'])}\n")
    r1 = {s[0]: s for s in stats["items"]["herkenbaarheid"]}
    r2 = {s[0]: s for s in s2["items"]["herkenbaarheid"]}
    for old, new, _ in REWORDED:
        out.write(f"  reworded {old:<9}{r1[old][3]:.3f} {r1[old][5]:<7} -> {new:<10}{r2[new][3]:.3f} {r2[new][5]}\n")
    for old in DROPPED:
        out.write(f"  dropped  {old:<9}{r1[old][3]:.3f} {r1[old][5]}\n")
    for new, *_ in ADDED:
        out.write(f"  added    {new:<9}{r2[new][3]:.3f} {r2[new][5]}\n")
    for mid in ("herkenbaarheid", "toepasbaarheid"):
        out.write(f"  area means {mid}: " + ", ".join(
            f"{a} {stats['area_means'][mid][a]:.3f}->{s2['area_means'][mid][a]:.3f}" for a, _, _ in AREAS) + "\n")


def print_report(stats) -> None:
    out = sys.stdout
    out.write("\nrespondents (rows used)\n")
    out.write(f"  {'group':<6}{'resp':>6}{'inst':>6}{'answ':>6}{'compl':>7}\n")
    for g, (n, ni, an, co) in stats["groups"].items():
        out.write(f"  {g:<6}{n:>6}{ni:>6}{an:>6}{co:>7}\n")
    out.write(f"  data rows in file: {stats['n_rows']}\n")
    for mid in ("herkenbaarheid", "toepasbaarheid"):
        out.write(f"\narea means, {mid} (ALL; then mbo / hbo / wo)\n")
        for a, x in stats["area_means"][mid].items():
            pub = PUBLISHED_HERK.get(a) if mid == "herkenbaarheid" else None
            gm = stats["group_means"][mid][a]
            out.write(f"  {a:<14}{x:10.6f}  -> {round_half_away(x):.1f}"
                      + (f"  (published {pub:.1f})" if pub is not None else "              ")
                      + "   " + " / ".join(f"{gm[g]:.3f}" for g in GROUPS) + "\n")
    out.write("\nlowest five items, herkenbaarheid (ALL)\n")
    low = sorted(stats["items"]["herkenbaarheid"], key=lambda s: (s[3], s[0]))[:5]
    for iid, area, n, mean, pct, dec in low:
        out.write(f"  {iid:<10}{area:<14} n={n:<3} mean={mean:.3f}  pct_agree={pct:.3f}  {dec}\n")
    for mid in ("herkenbaarheid", "toepasbaarheid"):
        decs = [s[5] for s in stats["items"][mid]]
        out.write(f"decisions {mid}: keep {decs.count('keep')}, reword {decs.count('reword')}, "
                  f"drop {decs.count('drop')}\n")
    d = stats["defects"]
    out.write("\ndeliberate defects (line: header = 1)\n")
    out.write(f"  'weet niet'          line {d['missing'][0]}, column {d['missing'][1]}\n")
    out.write(f"  '  ZEER HERKENBAAR ' line {d['spaced'][0]}, column {d['spaced'][1]}\n")
    out.write(f"  invalid '5'          line {d['invalid'][0]}, column {d['invalid'][1]}\n")
    out.write(f"  duplicate {d['dup_id']}      line {d['dup_line']} (first on line {d['dup_first_line']})\n")
    out.write(f"  no answers: {d['blank_id']} on line {d['blank_line']}\n")


def main() -> None:
    header, table, levels = build()
    add_comments(header, table, SEED_COMMENTS)
    csv_path = STUDY_DIR / ROUND_ID / "questionnaire.csv"
    toml_path = STUDY_DIR / "study.toml"
    write_csv(csv_path, header, table)
    toml_path.write_text(codebook_text(), encoding="utf-8", newline="\n")
    stats = verify(csv_path, toml_path)
    csv2_path = STUDY_DIR / ROUND2_ID / "questionnaire.csv"
    header2, table2 = build_round2(stats)
    add_comments(header2, table2, SEED_COMMENTS + 1)
    write_csv(csv2_path, header2, table2)
    stats2 = verify_round2(csv2_path, toml_path, stats)
    (STUDY_DIR / "README.md").write_text(readme_text(header, table, stats, stats2),
                                         encoding="utf-8", newline="\n")
    print(f"wrote {toml_path.relative_to(ROOT)}, {csv_path.relative_to(ROOT)}, "
          f"{csv2_path.relative_to(ROOT)}, {(STUDY_DIR / 'README.md').relative_to(ROOT)}")
    print("levels found by the search: "
          + ", ".join(f"{m[:4]}/{a}={v:.3f}" for (m, a), v in levels.items()))
    print_report(stats)
    print_report2(stats2, stats)
    print("\nverification passed")


if __name__ == "__main__":
    main()
