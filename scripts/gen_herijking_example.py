#!/usr/bin/env python3
"""Generate peil's second bundled example study ``input/herijking-instructeurs/``.

What it writes
--------------
* ``study.toml``: the codebook. Four areas (the domains inhoudelijk,
  didactisch, pedagogisch, professioneel bekwaam), items split into kennis
  and kunde after the structure of the instructeur requirements (Besluit
  bekwaamheidseisen onderwijspersoneel, art. 3.5-3.9), two measures
  (herkenbaarheid, relevantie), two rounds, consultation codes;
* ``ronde-1/consultation.csv`` and ``ronde-1/questionnaire.csv``: round 1,
  "Evaluatie en input" (Sept-Nov 2024): coded statements from consultation
  sessions of 1 to 5 people, and the participants' ratings of the CURRENT
  (2018) requirements;
* ``ronde-2/consultation.csv`` and ``ronde-2/questionnaire.csv``: round 2,
  "Schriftelijke validatie" (Feb-Mar 2025): written responses of about 20
  instructeurs and of 8 organisations, and ratings of the REVISED
  requirements;
* ``README.md``: what the folder is, and where its deliberate defects are.

Everything in the folder is SYNTHETIC. The figures that carry over from the
verantwoordingsrapportage of the Herijking Bekwaamheidseisen Instructeurs mbo
(2025; seed 000) are the participation counts (15 instructeurs, about 25
docenten, 8 opleiders, 20 werkgevers, 10 overige experts in sessions of 1 to
5 people; about 20 instructeurs and 8 organisations in the written round),
the four central themes, the four domains and the direction of what was said
and changed (the pedagogical relation, the general subjects, differentiation
removed, professioneel bekwaam added). Every sentence, item text, name and
rating is written or drawn here.

Run from the repository root with Python 3.11 or newer and nothing else::

    python3 scripts/gen_herijking_example.py

Re-running produces byte-identical files. The script then reads the written
files back, checks the totals (participants per group, rows per group,
statements per theme, the documented defects, the direction of the round-1 to
round-2 change) and exits with status 1 if any does not hold.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import random

import example_comments
import re
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STUDY_DIR = ROOT / "input" / "herijking-instructeurs"
SEED = 20241128
SEED_COMMENTS = 20241129   # open answers: drawn after everything else, from their
                           # own stream, so no rating, statement or figure moves
SEED_CODERS = 20241130     # the second and third coder of ronde-1: their own
                           # stream too, and their rows come after every other

# --------------------------------------------------------------------------
# Study design
# --------------------------------------------------------------------------

GROUPS = ["instructeurs", "docenten", "opleiders", "werkgevers", "overige experts", "organisaties"]

# Seed 000, 4.1: people who took part in the round-1 consultations.
R1_PARTICIPANTS = {"instructeurs": 15, "docenten": 25, "opleiders": 8,
                   "werkgevers": 20, "overige experts": 10}
# Round-1 sessions holding two groups (people of both together at most 5).
R1_MIXED_PAIRS = [("instructeurs", "docenten"), ("opleiders", "werkgevers"),
                  ("werkgevers", "overige experts")]
R1_FIRST_DAY, R1_LAST_DAY = dt.date(2024, 9, 9), dt.date(2024, 11, 28)

# Seed 000, 4.1 and 5.2: the written round. Instructeurs wrote alone or in
# small groups (one "session" is one written response); each of the 8
# organisations sent one response.
R2_INSTRUCTEUR_RESPONSES = [1] * 10 + [2, 2, 3, 3]      # 20 people
R2_ORGANISATIONS = 8
R2_FIRST_DAY, R2_LAST_DAY = dt.date(2025, 2, 27), dt.date(2025, 3, 21)

# Round-2 questionnaire respondents: overige experts below min_cell on purpose.
R2_RESPONDENTS = {"instructeurs": 20, "docenten": 12, "opleiders": 6,
                  "werkgevers": 9, "overige experts": 4, "organisaties": 8}
MIN_CELL = 5

THEMES = ["positionering", "werkzaamheden", "opleiding", "bekwaamheidseisen"]
STANCES = ["steun", "zorg", "suggestie"]
DOMAINS = ["inhoudelijk", "didactisch", "pedagogisch", "professioneel"]

ROUNDS = [
    ("ronde-1", "Evaluatie en input", "2024-11-28"),
    ("ronde-2", "Schriftelijke validatie", "2025-02-27"),
]

SCALE_LABELS = {1: "helemaal niet herkenbaar", 2: "niet herkenbaar",
                3: "herkenbaar", 4: "zeer herkenbaar"}
REL_LABELS = {1: "helemaal niet relevant", 2: "niet relevant",
              3: "relevant", 4: "zeer relevant"}
MISSING = ["weet niet", "n.v.t.", ""]
# (measure id, label, column suffix, own labels or None)
MEASURES = [("herkenbaarheid", "Herkenbaarheid", "herk", None),
            ("relevantie", "Relevantie", "rel", REL_LABELS)]

AREAS = [
    ("inhoudelijk", "Inhoudelijk bekwaam"),
    ("didactisch", "Didactisch bekwaam"),
    ("pedagogisch", "Pedagogisch bekwaam"),
    ("professioneel", "Professioneel bekwaam"),
]

# Open answers ([[comments]]) of the questionnaires: a "toelichting" per
# domain and general remarks. Invented; a few carry contact details that
# peil must scrub.
AREA_COMMENTS = {
    "inhoudelijk": [
        "Vakkennis is voor een instructeur vanzelfsprekend; formuleer liever wat er actueel gehouden moet worden.",
        "Suggestie: noem de beroepspraktijk expliciet, niet alleen 'het vakgebied'.",
        "Herkenbaar, maar de eis over veiligheid hoort ook hier.",
    ],
    "didactisch": [
        "Herformuleer 'ontwerpt onderwijs': instructeurs voeren vooral uit, ontwerpen doet de docent.",
        "Het beoordelen van studenten is te zwaar aangezet; het gaat om feedback geven.",
        "Mis aandacht voor werken met digitale leermiddelen.",
    ],
    "pedagogisch": [
        "Goed dat het pedagogisch klimaat in de werkplaats erin staat.",
        "Suggestie: 'signaleert problemen en verwijst door' is duidelijker dan 'begeleidt studenten'.",
        "Lastig in te schatten voor instructeurs met weinig lesuren.",
    ],
    "professioneel": [
        "Samenwerken met het bedrijfsleven verdient een eigen eis.",
        "Reflectie op eigen handelen: graag concreter, bijvoorbeeld via intervisie.",
        "Prima zo.",
    ],
}
GENERAL_COMMENTS = [
    "De eisen zijn herkenbaar, maar het verschil met de docenteisen mag scherper.",
    "Graag aandacht voor de positie van instructeurs in de cao.",
    "Sommige eisen zijn dubbel geformuleerd; een kortere lijst leest beter.",
    "Dank voor de zorgvuldige consultatie.",
]
CONTACT_COMMENTS = [
    "Voor een toelichting: p.jansen@mbo-college-voorbeeld.nl",
    "U kunt mij bellen op 06 1234 5678.",
    "Bereikbaar via 030-2345678 (secretariaat).",
]


def comment_columns() -> list[tuple[str, str | None]]:
    """(column, about) of the open-answer columns, in export order."""
    return [(f"Toelichting {label.lower()}", aid) for aid, label in AREAS] + [
        ("Algemene opmerkingen", None)]


R1, R2 = "ronde-1", "ronde-2"
# (id, area, dimension, text, rounds or None for every round, previous or None)
# Round 1 rates the 2018 requirements, grouped by the four domains of the
# concept: the evaluation and help-seeking requirements that the concept moves
# to professioneel bekwaam are rated there already. The wordings are this
# script's own short paraphrases.
ITEMS = [
    ("inh_ken_a", "inhoudelijk", "kennis", "Kent de vaktaal en de beroepsethiek van het vak.", None, None),
    ("inh_ken_b", "inhoudelijk", "kennis", "Heeft beroepskennis die actueel is en ertoe doet.", None, None),
    ("inh_kun_c", "inhoudelijk", "kunde", "Laat studenten zien hoe de beroepskennis in de praktijk wordt gebruikt.", None, None),
    ("inh_ken_d", "inhoudelijk", "kennis", "Beheerst Nederlands, Engels en rekenen voor zover het vak dat vraagt.", [R1], None),
    ("inh_ken_d_r2", "inhoudelijk", "kennis", "Beheerst taal, rekenen, burgerschap en digitale vaardigheden op het niveau dat het vak vraagt.", [R2], "inh_ken_d"),
    ("inh_ken_e", "inhoudelijk", "kennis", "Heeft de technische en instrumentele kennis die het vak vraagt.", None, None),
    ("inh_ken_f", "inhoudelijk", "kennis", "Kent de veiligheidsregels die in het vak gelden.", None, None),
    ("inh_kun_g", "inhoudelijk", "kunde", "Beheerst de inhoud van de les of taak die hij of zij uitvoert.", None, None),
    ("did_ken_a", "didactisch", "kennis", "Weet hoe ICT in didactische werkvormen kan worden ingezet.", [R1], None),
    ("did_ken_a_r2", "didactisch", "kennis", "Weet wanneer digitale leermiddelen de instructie versterken en zet ze dan in.", [R2], "did_ken_a"),
    ("did_ken_b", "didactisch", "kennis", "Weet hoe een studentvolgsysteem wordt gebruikt.", None, None),
    ("did_ken_c", "didactisch", "kennis", "Kent de didactiek van het beroepsgericht leren.", None, None),
    ("did_ken_d3", "didactisch", "kennis", "Kent werkvormen die aansluiten bij de verschillen tussen studenten.", [R1], None),
    ("did_kun_b", "didactisch", "kunde", "Doet het leerdoel voor en legt het uit op het niveau van de studenten.", None, None),
    ("did_kun_d", "didactisch", "kunde", "Geeft opdrachten waarvan studenten weten wat, hoe en waarom.", None, None),
    ("did_kun_f", "didactisch", "kunde", "Houdt de leeromgeving ordelijk en gericht op de taak.", None, None),
    ("did_kun_i", "didactisch", "kunde", "Volgt de voortgang van studenten en meldt bijzonderheden aan de docent.", None, None),
    ("ped_ken_a", "pedagogisch", "kennis", "Kent de bedrijfsculturen waar studenten mee te maken krijgen.", None, None),
    ("ped_ken_b1", "pedagogisch", "kennis", "Kent de sociaal-emotionele ontwikkeling van jongeren.", None, None),
    ("ped_ken_b3", "pedagogisch", "kennis", "Herkent veelvoorkomende gedrags- en ontwikkelingsstoornissen.", [R1], None),
    ("ped_ken_b3_r2", "pedagogisch", "kennis", "Herkent veelvoorkomende gedrags- en leerproblemen en weet bij wie de student terecht kan.", [R2], "ped_ken_b3"),
    ("ped_ken_b5", "pedagogisch", "kennis", "Kent ontwikkelingspsychologische en pedagogische uitgangspunten.", [R1], None),
    ("ped_kun_a", "pedagogisch", "kunde", "Stuurt een groep studenten aan en begeleidt die.", None, None),
    ("ped_kun_c", "pedagogisch", "kunde", "Signaleert op tijd problemen bij studenten en verwijst zo nodig door.", None, None),
    ("ped_kun_d", "pedagogisch", "kunde", "Draagt bij aan een veilige leeromgeving.", None, None),
    ("ped_kun_g", "pedagogisch", "kunde", "Treedt op bij gedrag dat over de grens gaat.", None, None),
    ("ped_kun_relatie", "pedagogisch", "kunde", "Bouwt met elke student een pedagogische relatie op en bewaakt daarin de grenzen.", [R2], None),
    ("pro_kun_1", "professioneel", "kunde", "Evalueert geregeld met de docent de didactische aanpak en stelt die bij.", None, None),
    ("pro_kun_2", "professioneel", "kunde", "Draagt bij aan evaluaties in de instelling en gebruikt die voor de eigen lessen.", None, None),
    ("pro_kun_3", "professioneel", "kunde", "Vraagt hulp bij organisatorische belemmeringen in het werk.", [R1], None),
    ("pro_kun_3_r2", "professioneel", "kunde", "Kent de eigen plek in het team en vraagt collega's om hulp waar dat nodig is.", [R2], "pro_kun_3"),
    ("pro_ken_1", "professioneel", "kennis", "Heeft basiskennis van de cao en van de regels over de eigen positie.", [R2], None),
]
ITEM = {it[0]: it for it in ITEMS}


def asked_in(item, round_id: str) -> bool:
    return item[4] is None or round_id in item[4]


def column(item_id: str, suffix: str) -> str:
    return f"{item_id.upper()}_{suffix}"


# Latent item levels (herkenbaarheid, before group effect, leniency, noise).
AREA_LEVEL_R1 = {"inhoudelijk": 3.0, "didactisch": 2.9, "pedagogisch": 2.85, "professioneel": 2.9}
ITEM_SHIFT_R1 = {
    "inh_ken_d": -0.55, "did_ken_a": -0.45, "ped_ken_b3": -0.4, "pro_kun_3": -0.4,   # reworded
    "did_ken_d3": -0.85, "ped_ken_b5": -0.75,                                        # dropped
    "inh_ken_f": 0.3, "inh_ken_b": 0.2, "did_kun_f": 0.25, "did_kun_b": 0.15, "ped_kun_d": 0.1,
}
# Round 2 rates the revision: kept items a little higher, rewordings well up.
R2_GAIN = 0.15
R2_LEVEL_NEW = {"inh_ken_d_r2": 3.15, "did_ken_a_r2": 3.1, "ped_ken_b3_r2": 3.15,
                "pro_kun_3_r2": 3.1, "ped_kun_relatie": 3.3, "pro_ken_1": 3.05}
GROUP_EFFECT = {  # (round, group) -> {area or item id: shift}
    (R1, "instructeurs"): {"pedagogisch": -0.25, "didactisch": -0.05},
    (R1, "docenten"): {"inhoudelijk": 0.05, "didactisch": 0.1},
    (R1, "werkgevers"): {"inh_ken_d": -0.35, "pedagogisch": 0.05},
    (R1, "overige experts"): {"professioneel": -0.1},
    (R2, "instructeurs"): {"ped_kun_relatie": 0.2},
    (R2, "organisaties"): {"professioneel": 0.1},
}
REL_SHIFT = {"inh_ken_d": -0.35, "did_ken_b": -0.2, "ped_ken_b5": -0.2, "pro_ken_1": -0.1}
SD_LENIENCY, SD_NOISE, SD_REL = 0.3, 0.6, 0.35

# Fictional organisation names (invented places: any likeness is chance).
PLACES = ["Aabeek", "Bremhoven", "Dellewijk", "Hazelburg", "Kortveen", "Lindendaal",
          "Oosterbrug", "Ravenstede", "Zandhoven", "Ekelmonde", "Wilgendorp", "Veldhaven"]
ORGS_R1 = {
    "instructeurs": ["ROC {p}", "Vakcollege {p}", "Zorgcollege {p}", "Techniekcollege {p}"],
    "docenten": ["ROC {p}", "Vakcollege {p}", "Zorgcollege {p}", "Groencollege {p}"],
    "opleiders": ["Instructeursopleiding {p}", "Hogeschool {p}"],
    "werkgevers": ["ROC {p}", "Vakcollege {p}", "Techniekcollege {p}"],
    "overige experts": ["Kenniscentrum Beroepsonderwijs {p}", "Lectoraat Praktijkleren {p}",
                        "Adviesbureau Leerwerk {p}"],
}
# The eight organisations of the written round, by role, not by name.
ORGANISATIONS = ["arbeidsmarktplatform mbo", "denktank instructeurs", "overleg lerarenopleidingen",
                 "ministerie", "vakbond A", "vakbond B", "vereniging van opleidingen",
                 "beroepsvereniging mbo"]

# --------------------------------------------------------------------------
# Statements: cores per theme and stance, (domain or "", text), plus tails
# --------------------------------------------------------------------------

CORES_R1 = {
    ("positionering", "steun"): [
        ("", "Sinds de eisen er zijn, wordt de instructeur in het team serieuzer genomen."),
        ("", "De bekwaamheidseisen geven houvast in het gesprek met de leidinggevende over ontwikkeling."),
        ("", "Het helpt dat de rol van instructeur nu wettelijk is vastgelegd."),
        ("", "Er is meer waardering voor het werk in de praktijklokalen dan een paar jaar geleden."),
        ("professioneel", "Instructeurs worden vaker betrokken bij het overleg in het onderwijsteam."),
        ("", "De rol van instructeur is voor veel studenten een goede opstap naar het docentschap."),
    ],
    ("positionering", "zorg"): [
        ("", "Veel opleidingsmanagers kennen de bekwaamheidseisen voor instructeurs niet."),
        ("", "In sommige teams verzorgen instructeurs hele lessen omdat er geen bevoegde docent is."),
        ("", "Het verschil tussen instructeur en docent is op papier helder, maar in de praktijk vervaagt het."),
        ("", "De eisen worden in de jaarlijkse gesprekken nauwelijks gebruikt."),
        ("professioneel", "Instructeurs weten niet altijd waar hun verantwoordelijkheid ophoudt."),
        ("", "Als er meer instructeurs dan docenten in een team werken, komt de kwaliteit onder druk."),
        ("", "De positie van de instructeur verschilt sterk per instelling en soms zelfs per opleiding."),
    ],
    ("positionering", "suggestie"): [
        ("", "Neem de eisen op in de gesprekscyclus van de instelling, dan gaan ze leven."),
        ("", "Maak in de eisen zichtbaar dat de docent eindverantwoordelijk blijft."),
        ("professioneel", "Geef instructeurs een vaste plek in het teamoverleg."),
        ("", "Onderscheid een junior- en een seniorinstructeur, zoals bij leraren start- en vakbekwaam."),
        ("", "Informeer leidinggevenden actief over wat de eisen van een instructeur vragen."),
    ],
    ("werkzaamheden", "steun"): [
        ("", "De kern van het werk, praktijkles geven en begeleiden, staat goed in de eisen."),
        ("didactisch", "Voordoen en uitleggen aan de werkbank is precies wat een instructeur doet."),
        ("pedagogisch", "Instructeurs staan dicht bij studenten en merken problemen vaak als eerste op."),
        ("inhoudelijk", "Het beheer van materiaal en praktijklokaal hoort er echt bij."),
    ],
    ("werkzaamheden", "zorg"): [
        ("", "Instructeurs doen veel meer dan in de eisen staat, van roosters tot stagebezoek."),
        ("", "Het takenpakket verschilt zo sterk per opleiding dat één set eisen lastig is."),
        ("pedagogisch", "Instructeurs krijgen mentortaken zonder dat ze daarvoor zijn toegerust."),
        ("didactisch", "Soms ontwerpt een instructeur zelf lessen, terwijl dat de taak van de docent is."),
        ("inhoudelijk", "Theorielessen gaan soms naar instructeurs zonder dat de kennis er is."),
    ],
    ("werkzaamheden", "suggestie"): [
        ("", "Beschrijf de centrale werkzaamheden los van de eisen, als kader voor instellingen."),
        ("pedagogisch", "Benoem dat signaleren bij de instructeur ligt en ingrijpen bij de docent."),
        ("professioneel", "Neem het samenwerken met de docent op als vaste werkzaamheid."),
        ("inhoudelijk", "Noem het beheer van praktijkruimtes en materialen expliciet."),
    ],
    ("opleiding", "steun"): [
        ("", "De opleiding was vooral waardevol door het contact met andere instructeurs."),
        ("", "Dankzij de instructeursbeurs hebben veel collega's een vervolgopleiding kunnen doen."),
        ("didactisch", "In de AD-route krijg je veel meer pedagogisch-didactische bagage."),
        ("", "Het is goed dat er verschillende routes zijn; die diversiteit is juist prettig."),
    ],
    ("opleiding", "zorg"): [
        ("inhoudelijk", "De opleiding besteedt veel tijd aan taal en rekenen en weinig aan het vak."),
        ("pedagogisch", "Omgaan met lastig gedrag en culturele verschillen komt in de opleiding te weinig aan bod."),
        ("", "Voor wie al jaren in de praktijk staat, voegt de opleiding weinig toe."),
        ("", "Het is onduidelijk welke opleidingsvariant bij welke taken hoort."),
        ("", "Een AD of bachelor is niet voor iedere instructeur haalbaar of nodig."),
        ("didactisch", "Afstemmen op heel verschillende studenten leer je niet in de huidige opleiding."),
    ],
    ("opleiding", "suggestie"): [
        ("pedagogisch", "Besteed in de opleiding meer tijd aan studentbegeleiding en gedrag."),
        ("", "Maak duidelijker welke route bij welk niveau van instructeur past."),
        ("didactisch", "Laat de opleiding beter aansluiten op het instructie geven in de praktijk."),
        ("", "Gebruik de bekwaamheidseisen als basis voor het programma van de opleidingen."),
        ("", "Maak het makkelijker om na de instructeursopleiding door te stromen naar docent."),
    ],
    ("bekwaamheidseisen", "steun"): [
        ("inhoudelijk", "De inhoudelijke eisen geven een goed beeld van wat een instructeur moet kennen."),
        ("inhoudelijk", "Actuele beroepskennis hoort voorop te staan; dat is de kracht van de instructeur."),
        ("didactisch", "Heldere opdrachten en een ordelijke werkplaats zijn de kern van goede instructie."),
        ("didactisch", "De didactische eisen worden door instructeurs wel herkend."),
        ("pedagogisch", "Het signaleren van problemen bij studenten staat er terecht in."),
        ("pedagogisch", "Optreden bij grensoverschrijdend gedrag hoort bij het vak."),
        ("professioneel", "Terugkijken op het eigen handelen hoort bij elke professional."),
        ("professioneel", "Samen met de docent de aanpak evalueren werkt in de praktijk goed."),
    ],
    ("bekwaamheidseisen", "zorg"): [
        ("inhoudelijk", "De eis over Nederlands, Engels en rekenen sluit slecht aan bij veel praktijkvakken."),
        ("inhoudelijk", "Niemand toetst echt of een instructeur het vak inhoudelijk beheerst."),
        ("inhoudelijk", "Een manager beoordeelt de vakkennis vaak zonder zelf van het vak te zijn."),
        ("didactisch", "De volgorde wekt de indruk dat ICT belangrijker is dan duidelijke instructie."),
        ("didactisch", "Differentiëren tussen studenten is eerder een taak van de docent."),
        ("didactisch", "Het gebruik van studentvolgsystemen staat te prominent in de eisen."),
        ("pedagogisch", "De pedagogische relatie met de student krijgt te weinig gewicht."),
        ("pedagogisch", "Instructeurs zien studenten soms vaker dan de docent, maar dat staat nergens."),
        ("pedagogisch", "De eis over gedrags- en ontwikkelingsstoornissen vraagt te veel specialistische kennis."),
        ("professioneel", "Instructeurs vinden het lastig hun grenzen aan te geven in het team."),
        ("professioneel", "Er is weinig tijd om samen met de docent terug te kijken."),
    ],
    ("bekwaamheidseisen", "suggestie"): [
        ("inhoudelijk", "Laat het onderwijsteam beoordelen of de vakkennis op peil is."),
        ("inhoudelijk", "Vervang de taaleis door basisvaardigheden voor zover het vak ze vraagt."),
        ("inhoudelijk", "Vraag expliciet dat instructeurs hun beroepskennis actueel houden."),
        ("didactisch", "Zet duidelijke instructie in een veilige praktijkomgeving bovenaan."),
        ("didactisch", "Schrap de eis over differentiatie of leg die bij de docent."),
        ("didactisch", "Neem het begeleiden van leren op de werkplek op als aparte eis."),
        ("pedagogisch", "Benoem de pedagogische relatie als eigen eis."),
        ("pedagogisch", "Beschrijf concreter hoe een student naar de juiste persoon wordt doorverwezen."),
        ("pedagogisch", "Leg vast dat complexe begeleiding onder regie van de docent gebeurt."),
        ("professioneel", "Voeg een domein toe over de eigen professionele ontwikkeling."),
        ("professioneel", "Neem het contact met de beroepspraktijk op als eis."),
        ("professioneel", "Vraag basiskennis van de cao en de eigen rechtspositie."),
    ],
}

CORES_R2 = {
    ("positionering", "steun"): [
        ("", "Het concept maakt de positie van de instructeur in het team duidelijker."),
        ("", "Het onderscheid met de eisen voor docenten is voldoende helder."),
        ("professioneel", "Het concept laat zien dat de instructeur een volwaardige collega is."),
    ],
    ("positionering", "zorg"): [
        ("", "Zonder afspraken in de instelling blijft het concept papier."),
        ("", "Het risico blijft dat instructeurs worden ingezet als vervanging van docenten."),
    ],
    ("positionering", "suggestie"): [
        ("", "Werk een onderscheid tussen junior- en seniorinstructeur uit."),
        ("", "Maak onderscheid naar sector, dan worden de eisen concreter."),
        ("", "Zorg dat ook leidinggevenden het concept onder ogen krijgen."),
    ],
    ("werkzaamheden", "steun"): [
        ("", "De centrale werkzaamheden zijn in het concept goed herkenbaar."),
        ("", "Het concept doet recht aan de breedte van het werk."),
    ],
    ("werkzaamheden", "zorg"): [
        ("", "Het concept zegt weinig over taken buiten het praktijklokaal."),
        ("inhoudelijk", "Theorie die instructeurs lastig vinden, wordt in de praktijk soms overgeslagen."),
    ],
    ("werkzaamheden", "suggestie"): [
        ("professioneel", "Noem bij elke werkzaamheid de samenwerking met de docent."),
        ("", "Geef voorbeelden van werkzaamheden per sector in een toelichting."),
    ],
    ("opleiding", "steun"): [
        ("", "Het concept is een bruikbare basis voor de opleidingen."),
        ("didactisch", "De opleidingen kunnen de didactische eisen direct gebruiken."),
    ],
    ("opleiding", "zorg"): [
        ("", "Het blijft onduidelijk welke opleidingsvariant bij welk niveau past."),
        ("", "Met een pabo-diploma kom je nog steeds niet in aanmerking; dat is vreemd."),
        ("inhoudelijk", "Het is niet duidelijk wie instructeurs helpt hun theoretische niveau te verhogen."),
    ],
    ("opleiding", "suggestie"): [
        ("", "Leid meer instructeurs op tot AD-niveau."),
        ("", "Geef meer duidelijkheid over de verschillende opleidingsvarianten."),
    ],
    ("bekwaamheidseisen", "steun"): [
        ("inhoudelijk", "De formulering over basisvaardigheden is beter dan de oude taaleis."),
        ("didactisch", "Duidelijke instructie staat nu terecht voorop."),
        ("pedagogisch", "De pedagogische relatie heeft nu een eigen plek."),
        ("professioneel", "Het nieuwe domein professioneel bekwaam is een sterke toevoeging."),
        ("professioneel", "Professioneel bekwaam maakt de rol als collega zichtbaar."),
        ("", "De herijkte eisen zijn helder en volledig."),
    ],
    ("bekwaamheidseisen", "zorg"): [
        ("didactisch", "De eis over afstemmen op verschillen tussen studenten schuift richting de docent."),
        ("pedagogisch", "Doorverwijzen lukt alleen als de instelling de route duidelijk heeft."),
        ("professioneel", "Grenzen aangeven is lastig zonder steun van de leidinggevende."),
        ("inhoudelijk", "De vakkennis wordt nog steeds vooral door de manager beoordeeld."),
    ],
    ("bekwaamheidseisen", "suggestie"): [
        ("inhoudelijk", "Laat het onderwijsteam de vakinhoudelijke bekwaamheid beoordelen, niet alleen de manager."),
        ("didactisch", "Schrap de eis over differentiatie; die hoort bij de docent."),
        ("pedagogisch", "Noem expliciet dat de instructeur de eigen grenzen bewaakt."),
        ("professioneel", "Neem reflectie op ethische vragen op in het professionele domein."),
        ("professioneel", "Formuleer de eis over de cao iets ruimer."),
        ("", "Een paar formuleringen kunnen korter; wij hebben voorstellen bijgevoegd."),
    ],
}

TAILS = ["Dat geldt bij meerdere opleidingen.", "Dat speelt vooral in de techniek.",
         "In de zorgopleidingen is dat niet anders.", "Bij de opleidingen op niveau 2 valt dat extra op.",
         "Dat verschilt wel per team."]
# Only where more than one person spoke.
GROUP_SESSION_TAILS = ["Daar was de groep het over eens.", "Niet iedereen in de groep deelde dat."]
GROUP_TAILS = {
    "instructeurs": ["Dat merk ik elke week in het praktijklokaal.", "Collega-instructeurs herkennen dit ook.",
                     "Zo ervaar ik het zelf in de werkplaats."],
    "docenten": ["In ons team zien we dat regelmatig.", "Als docent merk ik dat direct."],
    "opleiders": ["Dat zien we terug bij studenten van de instructeursopleiding.",
                  "In de opleiding merken we dat al bij de intake."],
    "werkgevers": ["Bij de werving letten we daar al op.", "Voor ons als werkgever is dat een belangrijk punt."],
    "overige experts": ["Dat komt ook uit eerder onderzoek naar voren.", "Landelijk zien we hetzelfde beeld."],
    "organisaties": ["Onze achterban onderschrijft dit.", "Dit punt leeft breed onder onze leden.",
                     "Wij vragen hier in de definitieve versie aandacht voor."],
}
TAIL_SHARE = 0.45

# Emphasis per group (weights; 1 when not named).
THEME_WEIGHT = {
    "instructeurs": {"werkzaamheden": 2, "opleiding": 2, "bekwaamheidseisen": 3},
    "docenten": {"positionering": 3, "werkzaamheden": 2, "bekwaamheidseisen": 2},
    "opleiders": {"opleiding": 4, "bekwaamheidseisen": 2},
    "werkgevers": {"positionering": 2, "opleiding": 2, "bekwaamheidseisen": 3},
    "overige experts": {"positionering": 3, "opleiding": 2, "bekwaamheidseisen": 2},
    "organisaties": {"bekwaamheidseisen": 4, "opleiding": 2},
}
STANCE_WEIGHT = {  # (group, theme) -> {stance: weight}; default 3 each
    ("instructeurs", "bekwaamheidseisen"): {"zorg": 5},
    ("instructeurs", "opleiding"): {"zorg": 5},
    ("docenten", "positionering"): {"zorg": 6},
    ("werkgevers", "bekwaamheidseisen"): {"suggestie": 6},
    ("overige experts", "positionering"): {"steun": 5},
}
STANCE_WEIGHT_R2 = {"steun": 4, "zorg": 2, "suggestie": 4}
DOMAIN_WEIGHT = {
    "instructeurs": {"pedagogisch": 3, "didactisch": 2},
    "docenten": {"inhoudelijk": 2, "didactisch": 2},
    "werkgevers": {"inhoudelijk": 3, "didactisch": 2, "pedagogisch": 2},
    "organisaties": {"professioneel": 2},
}

# Deliberate defects in ronde-1/consultation.csv.
DEFECT_EMAIL = "Wie de voorbeelden van onze werkplaats wil zien, kan mailen naar j.devries@voorbeeld.nl."
DEFECT_PHONE = "Bel gerust met vragen over de inrichting van het praktijklokaal: 06-12345678."
DEFECT_FORMULA = "=eens met de vorige spreker: de pedagogische relatie verdient een eigen eis."
# Deliberate cells in the questionnaires.
DEFECT_INVALID = "2,5"
N_WEET_NIET = {R1: 3, R2: 2}
N_EMPTY = {R1: 6, R2: 4}

# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def fail(msg: str) -> None:
    print(f"gen_herijking_example: VERIFICATION FAILED: {msg}", file=sys.stderr)
    sys.exit(1)


def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def norm(cell: str) -> str:
    return " ".join(cell.split()).lower()


def weekdays(first: dt.date, last: dt.date) -> list[dt.date]:
    days, d = [], first
    while d <= last:
        if d.weekday() < 5:
            days.append(d)
        d += dt.timedelta(days=1)
    return days


def pick(rng: random.Random, options: list[str], weights: dict[str, int], default: int = 1) -> str:
    return rng.choices(options, weights=[weights.get(o, default) for o in options])[0]


def write_table(path: Path, header, rows, delimiter: str, bom: bool, crlf: bool) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n",
                   quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    w.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode("utf-8"))


def read_table(path: Path) -> tuple[list[str], list[list[str]], str]:
    raw = path.read_bytes()
    text = raw[3:].decode("utf-8") if raw.startswith(b"\xef\xbb\xbf") else raw.decode("utf-8")
    delim = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    return rows[0], rows[1:], delim


# --------------------------------------------------------------------------
# Consultations
# --------------------------------------------------------------------------


def partition(rng: random.Random, total: int) -> list[int]:
    """Session sizes of one group, 1 to 5 people, summing to `total`."""
    sizes = []
    while total > 0:
        s = min(total, rng.choices([1, 2, 3, 4, 5], weights=[3, 4, 4, 2, 1])[0])
        sizes.append(s)
        total -= s
    return sizes


def r1_sessions(rng: random.Random) -> list[list[tuple[str, int]]]:
    """Round-1 sessions as lists of (group, participants), in date order."""
    parts = {g: partition(rng, n) for g, n in R1_PARTICIPANTS.items()}
    pool = [(g, s) for g in R1_PARTICIPANTS for s in parts[g]]
    sessions: list[list[tuple[str, int]]] = []
    for a, b in R1_MIXED_PAIRS:
        pair = next(((x, y) for x in pool if x[0] == a for y in pool
                     if y[0] == b and x[1] + y[1] <= 5), None)
        if pair is None:
            fail(f"no two sessions of {a} and {b} fit together in 5 people")
        pool.remove(pair[0])
        pool.remove(pair[1])
        sessions.append([pair[0], pair[1]])
    sessions += [[p] for p in pool]
    rng.shuffle(sessions)
    return sessions


def statement(rng, cores, group, people, theme, stance, used, said) -> tuple[str, str]:
    """(domain, text) for one coded statement: a point not yet made by this
    group in this session (`said`), a text not yet in this file (`used`)."""
    options = [o for o in cores[theme, stance] if o[1] not in said] or cores[theme, stance]
    weights = [DOMAIN_WEIGHT.get(group, {}).get(d, 1) for d, _ in options]
    tails = TAILS + GROUP_TAILS[group] * 2 + (GROUP_SESSION_TAILS if people > 1 else [])
    for _ in range(50):
        domain, core = rng.choices(options, weights=weights)[0]
        text = core + (" " + rng.choice(tails) if rng.random() < TAIL_SHARE else "")
        if text not in used:
            break
    # After 50 tries a text may repeat (a real note may repeat a point).
    used.add(text)
    said.add(core)
    return domain, text


def statements_of(rng, cores, group, people, n, stance_weights, used) -> list[tuple[str, str, str, str]]:
    """n statements of one group in one session: (theme, domain, stance, text),
    every theme at least once (all themes were discussed in every session)."""
    themes = THEMES[:] + [pick(rng, THEMES, THEME_WEIGHT[group]) for _ in range(n - len(THEMES))]
    out, said = [], set()
    for theme in themes:
        sw = stance_weights(group, theme)
        stance = pick(rng, STANCES, sw, default=3)
        domain, text = statement(rng, cores, group, people, theme, stance, used, said)
        out.append((theme, domain, stance, text))
    return out


def r1_consultation(rng: random.Random):
    sessions = r1_sessions(rng)
    days = sorted(rng.sample(weekdays(R1_FIRST_DAY, R1_LAST_DAY), len(sessions)))
    used: set[str] = set()
    rows = []
    for k, (day, groups) in enumerate(zip(days, sessions)):
        sid = f"S{k + 1:02d}"
        block = []
        for g, p in groups:
            n = 3 + 2 * p + rng.randint(0, 2)
            for j, st in enumerate(statements_of(rng, CORES_R1, g, p, n,
                                                 lambda g, t: STANCE_WEIGHT.get((g, t), {}), used)):
                block.append((THEMES.index(st[0]), j, g, p, st))
        # Notes follow the discussion: theme by theme, groups interleaved.
        block.sort(key=lambda b: (b[0], b[1], GROUPS.index(b[2])))
        for _, _, g, p, (theme, domain, stance, text) in block:
            rows.append([sid, day.isoformat(), g, str(p), theme, domain, stance, text])
    return rows


def r1_defects(rng: random.Random, rows) -> dict:
    """Plant the documented defects; return their data-row indices."""
    by_sg = defaultdict(list)
    for i, r in enumerate(rows):
        by_sg[r[0], r[2]].append(i)
    # The participants conflict: a later row of a (session, group) of 2 or
    # more people carries one person more; the first row's number counts.
    cands = [k for k, idx in sorted(by_sg.items()) if int(rows[idx[0]][3]) >= 2 and len(idx) >= 6]
    key = rng.choice(cands)
    conflict_i = by_sg[key][len(by_sg[key]) // 2]
    rows[conflict_i][3] = str(int(rows[conflict_i][3]) + 1)
    # Scrub and formula cases replace the text of three statements in three
    # other sessions; the codes stay what the text fits.
    taken = {key[0]}
    planted = {}
    for name, text, theme, domain, stance, group in [
        ("email", DEFECT_EMAIL, "werkzaamheden", "inhoudelijk", "suggestie", "instructeurs"),
        ("phone", DEFECT_PHONE, "werkzaamheden", "inhoudelijk", "suggestie", "werkgevers"),
        ("formula", DEFECT_FORMULA, "bekwaamheidseisen", "pedagogisch", "suggestie", "instructeurs"),
    ]:
        idx = [i for i, r in enumerate(rows) if r[2] == group and r[4] == theme and r[0] not in taken]
        i = idx[len(idx) // 2]
        taken.add(rows[i][0])
        rows[i][5], rows[i][6], rows[i][7] = domain, stance, text
        planted[name] = i
    planted["conflict"] = conflict_i
    return planted


# Ronde-1's notes were coded by coder A; coder B coded the statements of
# some sessions again, coder C the statements of a few of those as well,
# each agreeing with A on most codes. Their rows follow A's in the file, so
# A is every statement's first coder and every count stays A's.
CODERS = ["A", "B", "C"]
B_SESSIONS, C_SESSIONS = 8, 3
AGREE = {"theme": 0.85, "domain": 0.75, "stance": 0.8}
B_NO_DOMAIN = 0.04   # B leaves the domain empty: missing for B


def other_code(rng: random.Random, code: str, choices: list[str], p_same: float) -> str:
    if rng.random() < p_same:
        return code
    return rng.choice([c for c in choices if c != code])


def second_coders(rows, planted: dict) -> list[list[str]]:
    """Coder B's and C's rows for ronde-1, appended after A's; the sessions
    of the planted defects are left to A alone."""
    rng = random.Random(SEED_CODERS)
    defects = {rows[i][0] for i in planted.values()}
    sessions = sorted({r[0] for r in rows} - defects)
    b_sessions = sorted(rng.sample(sessions, B_SESSIONS))
    c_sessions = set(rng.sample(b_sessions, C_SESSIONS))
    extra = []
    for coder, chosen in [("B", set(b_sessions)), ("C", c_sessions)]:
        for r in rows:
            if r[0] not in chosen:
                continue
            theme = other_code(rng, r[4], THEMES, AGREE["theme"])
            domain = other_code(rng, r[5], DOMAINS, AGREE["domain"]) if r[5] else ""
            if coder == "B" and rng.random() < B_NO_DOMAIN:
                domain = ""
            stance = other_code(rng, r[6], STANCES, AGREE["stance"])
            extra.append(r[:4] + [theme, domain, stance, r[7], coder])
    return extra


def r2_consultation(rng: random.Random):
    responders = ([("instructeurs", p) for p in R2_INSTRUCTEUR_RESPONSES]
                  + [("organisaties", 1)] * R2_ORGANISATIONS)
    rng.shuffle(responders)
    days = sorted(rng.choices(weekdays(R2_FIRST_DAY, R2_LAST_DAY), k=len(responders)))
    used: set[str] = set()
    rows = []
    for k, (day, (g, p)) in enumerate(zip(days, responders)):
        sid = f"W{k + 1:02d}"
        n = (4 if g == "instructeurs" else 6) + rng.randint(0, 3) + (p - 1)
        for theme, domain, stance, text in sorted(
                statements_of(rng, CORES_R2, g, p, n, lambda g, t: STANCE_WEIGHT_R2, used),
                key=lambda s: THEMES.index(s[0])):
            rows.append([sid, day.isoformat(), g, str(p), theme, domain, stance, text])
    return rows


# --------------------------------------------------------------------------
# Questionnaires
# --------------------------------------------------------------------------


def rating(x: float) -> int:
    return min(4, max(1, math.floor(x + 0.5)))


def item_level(round_id: str, iid: str) -> float:
    it = ITEM[iid]
    if round_id == R1:
        return AREA_LEVEL_R1[it[1]] + ITEM_SHIFT_R1.get(iid, 0.0)
    if iid in R2_LEVEL_NEW:
        return R2_LEVEL_NEW[iid]
    return AREA_LEVEL_R1[it[1]] + ITEM_SHIFT_R1.get(iid, 0.0) + R2_GAIN


def institutions(rng: random.Random, round_id: str, group: str, n: int) -> list[str]:
    if group == "organisaties":
        return ORGANISATIONS[:n]
    kinds = ORGS_R1[group]
    names = [rng.choice(kinds).format(p=rng.choice(PLACES)) for _ in range(n)]
    # People come in twos and threes from one place: reuse some names.
    for i in range(1, n):
        if rng.random() < 0.3:
            names[i] = names[rng.randrange(i)]
    return names


def questionnaire(rng: random.Random, round_id: str, counts: dict[str, int], prefix: str, as_labels: bool):
    items = [it for it in ITEMS if asked_in(it, round_id)]
    header = ["respondent", "doelgroep", "organisatie"] + [
        column(it[0], suf) for it in items for _, _, suf, _ in MEASURES]
    people = []
    for g, n in counts.items():
        for inst in institutions(rng, round_id, g, n):
            people.append((g, inst))
    rng.shuffle(people)
    item_rel = {it[0]: rng.gauss(0.0, 0.1) + REL_SHIFT.get(it[0], 0.0) for it in items}
    table = []
    for k, (g, inst) in enumerate(people):
        len_ = rng.gauss(0.0, SD_LENIENCY)
        eff = GROUP_EFFECT.get((round_id, g), {})
        cells = [f"{prefix}-{k + 1:03d}", g, inst]
        for it in items:
            iid = it[0]
            lh = item_level(round_id, iid) + eff.get(it[1], 0.0) + eff.get(iid, 0.0) \
                + len_ + rng.gauss(0.0, SD_NOISE)
            lr = lh + 0.15 + item_rel[iid] + rng.gauss(0.0, SD_REL)
            for (_, _, _, own), x in zip(MEASURES, (lh, lr)):
                v = rating(x)
                cells.append((own or SCALE_LABELS)[v] if as_labels else str(v))
        table.append(cells)
    # Missing codes and empty cells in distinct rows, one invalid cell (R1).
    roles = rng.sample(range(len(table)), N_WEET_NIET[round_id] + N_EMPTY[round_id] + 1)
    width = len(header)
    for r in roles[:N_WEET_NIET[round_id]]:
        table[r][rng.randrange(3, width)] = "weet niet"
    for r in roles[N_WEET_NIET[round_id]:-1]:
        table[r][rng.randrange(3, width)] = ""
    if round_id == R1:
        table[roles[-1]][rng.randrange(3, width)] = DEFECT_INVALID
    return header, table


# --------------------------------------------------------------------------
# Codebook and README
# --------------------------------------------------------------------------


def codebook_text() -> str:
    L = [
        "# Example study bundled with peil: everything here is SYNTHETIC, generated by",
        "# scripts/gen_herijking_example.py (do not edit by hand; re-run the script).",
        "# Modelled on the Herijking Bekwaamheidseisen Instructeurs mbo (2024-2025): the",
        "# participation counts, themes and domains carry over; items, ratings and",
        "# statements are invented. Items follow art. 3.5-3.9 of the Besluit",
        "# bekwaamheidseisen onderwijspersoneel (domain x kennis/kunde), own wording.",
        "",
        "[study]",
        'name = "Herijking bekwaamheidseisen instructeurs mbo"',
        'language = "nl"',
        "",
        "[scale]",
        "min = 1",
        "max = 4",
        "missing = [" + ", ".join(toml_str(m) for m in MISSING) + "]",
        "",
        "[scale.labels]",
    ]
    L += [f"{k} = {toml_str(v)}" for k, v in SCALE_LABELS.items()]
    L += ["", "[respondents]", 'id = "respondent"', 'group = "doelgroep"', 'institution = "organisatie"',
          "groups = [" + ", ".join(toml_str(g) for g in GROUPS) + "]"]
    for mid, label, _, own in MEASURES:
        L += ["", "[[measures]]", f"id = {toml_str(mid)}", f"label = {toml_str(label)}"]
        if own:
            L.append("labels = { " + ", ".join(f"{k} = {toml_str(v)}" for k, v in own.items()) + " }")
    for aid, label in AREAS:
        L += ["", "[[areas]]", f"id = {toml_str(aid)}", f"label = {toml_str(label)}"]
    for iid, area, dim, text, rounds, previous in ITEMS:
        L += ["", "[[items]]", f"id = {toml_str(iid)}", f"area = {toml_str(area)}",
              f"dimension = {toml_str(dim)}", f"text = {toml_str(text)}",
              "columns = { " + ", ".join(f"{mid} = {toml_str(column(iid, suf))}"
                                         for mid, _, suf, _ in MEASURES) + " }"]
        if rounds:
            L.append("rounds = [" + ", ".join(toml_str(r) for r in rounds) + "]")
        if previous:
            L.append(f"previous = {toml_str(previous)}")
    for col, about in comment_columns():
        L += ["", "[[comments]]", f"column = {toml_str(col)}"]
        if about:
            L.append(f"about = {toml_str(about)}")
    L += ["", "[rules]", "min_answered = 0.5", "keep_min_mean = 3.0", "keep_min_pct_agree = 0.78",
          "drop_below_mean = 2.5", "drop_below_pct_agree = 0.50",
          "", "[privacy]", f"min_cell = {MIN_CELL}",
          "", "[consultation]",
          "themes = [" + ", ".join(toml_str(t) for t in THEMES) + "]",
          "stances = [" + ", ".join(toml_str(s) for s in STANCES) + "]",
          # The consultation's own groups (the questionnaire's are [respondents]').
          "groups = [" + ", ".join(toml_str(g) for g in GROUPS) + "]"]
    for rid, label, date in ROUNDS:
        L += ["", "[[rounds]]", f"id = {toml_str(rid)}", f"label = {toml_str(label)}",
              f"date = {toml_str(date)}", f'questionnaire = "{rid}/questionnaire.csv"',
              f'consultation = "{rid}/consultation.csv"']
    return "\n".join(L) + "\n"


def status_table() -> list[str]:
    later = {it[5]: it[0] for it in ITEMS if it[5]}
    out = ["| item in ronde-1 | item in ronde-2 | status |", "|---|---|---|"]
    for iid, _, _, _, rounds, previous in ITEMS:
        if previous:
            continue
        if rounds == [R1] and iid in later:
            out.append(f"| `{iid}` | `{later[iid]}` | reworded (`previous = \"{iid}\"`) |")
        elif rounds == [R1]:
            out.append(f"| `{iid}` | (none) | dropped |")
        elif rounds == [R2]:
            out.append(f"| (none) | `{iid}` | new |")
    return out


def readme_text(s) -> str:
    d = s["defects"]
    c1, c2 = s["consult"][R1], s["consult"][R2]
    q1, q2 = s["quest"][R1], s["quest"][R2]
    herk = s["area_means"]
    L = [
        "# Example study: Herijking bekwaamheidseisen instructeurs mbo",
        "",
        "A second study folder for `peil`, with two rounds and consultation notes,",
        "modelled on how the professional organisations revised the competency",
        "requirements (bekwaamheidseisen) of mbo instructeurs in 2024-2025:",
        "",
        "* **ronde-1, Evaluatie en input** (September-November 2024): consultation",
        "  sessions of 1 to 5 people with instructeurs, docenten, opleiders, werkgevers",
        "  and overige experts, every statement coded by theme, domain and stance",
        "  (`ronde-1/consultation.csv`), and a 1-4 questionnaire in which the same",
        "  participants rated the CURRENT (2018) requirements on recognisability",
        "  (herkenbaarheid) and relevance (relevantie) (`ronde-1/questionnaire.csv`);",
        "* **ronde-2, Schriftelijke validatie** (concept sent 27 February 2025, answers",
        "  until 21 March): written responses of instructeurs (alone or in small groups)",
        "  and of eight organisations (`ronde-2/consultation.csv`), and a 1-4",
        "  questionnaire on the REVISED requirements (`ronde-2/questionnaire.csv`).",
        "",
        "The codebook (`study.toml`) has four areas, the domains of the revised",
        "requirements (inhoudelijk, didactisch, pedagogisch, professioneel bekwaam),",
        "with items split into kennis and kunde after the structure of the current",
        "requirements (Besluit bekwaamheidseisen onderwijspersoneel, art. 3.5-3.9,",
        "lettered sub-items). Round 1 rates the 2018 requirements grouped by the",
        "concept's domains: the evaluation and help-seeking requirements, which the",
        "concept moves to professioneel bekwaam, are rated there already.",
        "",
        "Run it with `peil run input/herijking-instructeurs` (both rounds and their",
        "comparison) or `peil compare input/herijking-instructeurs --from ronde-1 --to ronde-2`.",
        "",
        "## Everything here is synthetic",
        "",
        "Every statement, item text, organisation name, respondent and rating is",
        "**synthetic**, generated by `scripts/gen_herijking_example.py` (fixed seed,",
        "Python 3.11 standard library only; `python3 scripts/gen_herijking_example.py`",
        "from the repository root rewrites the folder byte for byte; do not edit the",
        "files by hand). Places and organisation names are invented; the eight",
        "organisations of the written round are named by role only. The data are",
        "consistent with these facts of the verantwoordingsrapportage (2025) and",
        "with nothing else:",
        "",
        "| fact in the source | in the data |",
        "|---|---|",
        "| 15 instructeurs in the consultations | ronde-1 participants: instructeurs "
        f"{c1['participants']['instructeurs']} |",
        "| about 25 docenten, 8 opleiders, 20 werkgevers, 10 overige experts | ronde-1 participants: "
        + ", ".join(f"{g} {c1['participants'][g]}" for g in GROUPS[1:5]) + " |",
        "| sessions of 1 to 5 people | ronde-1: "
        f"{c1['sessions']} sessions of {c1['min_size']} to {c1['max_size']} people, "
        f"{c1['mixed']} of them with two groups |",
        "| all four central themes discussed in every session | every group in every ronde-1 session "
        "has a statement on each theme |",
        "| about 20 instructeurs in the written round | ronde-2 participants: instructeurs "
        f"{c2['participants']['instructeurs']} in {c2['sessions_by_group']['instructeurs']} written responses |",
        "| all 8 organisations responded in writing | ronde-2 participants: organisaties "
        f"{c2['participants']['organisaties']} (one response each) |",
        "| concept sent on 27 February 2025 | ronde-2 date 2025-02-27 |",
        "",
        "Participants are counted once per session and group (contract, section 1),",
        "so `participants.csv` for ronde-1 must read "
        + " / ".join(str(c1["participants"][g]) for g in GROUPS[:5])
        + " for the five groups (" + str(sum(c1["participants"].values())) + " in all).",
        "",
        "What was said follows the source's direction, in the script's own words:",
        "instructeurs miss the pedagogical relation and the weight of practice,",
        "docenten worry about instructeurs giving whole lessons, werkgevers find the",
        "general subjects (Nederlands, Engels, rekenen) too prominent, the written",
        "round welcomes the new domain professioneel bekwaam and asks to drop the",
        "differentiation requirement.",
        "",
        "## The rounds in figures",
        "",
        "| | ronde-1 | ronde-2 |",
        "|---|---|---|",
        f"| consultation sessions / written responses | {c1['sessions']} | {c2['sessions']} |",
        f"| coded statements | {c1['statements']} | {c2['statements']} |",
        "| statements per theme | " + ", ".join(f"{t} {c1['themes'][t]}" for t in THEMES)
        + " | " + ", ".join(f"{t} {c2['themes'][t]}" for t in THEMES) + " |",
        f"| questionnaire rows | {q1['rows']} | {q2['rows']} |",
        "| rows per group | " + ", ".join(f"{g} {q1['groups'].get(g, 0)}" for g in GROUPS)
        + " | " + ", ".join(f"{g} {q2['groups'].get(g, 0)}" for g in GROUPS) + " |",
        f"| items asked | {q1['items']} | {q2['items']} |",
        "| mean herkenbaarheid per area (ALL) | "
        + ", ".join(f"{a} {herk[R1][a]:.2f}" for a, _ in AREAS) + " | "
        + ", ".join(f"{a} {herk[R2][a]:.2f}" for a, _ in AREAS) + " |",
        "",
        "In ronde-2 only 4 overige experts filled in the questionnaire: below",
        f"`min_cell = {MIN_CELL}`, so every score row of that group is written with",
        "`suppressed = true` (its `n` kept, every other figure empty); the group still",
        "counts in `respondents.csv` and in `ALL`.",
        "",
        "From ronde-1 to ronde-2 the requirements were revised. The comparison links",
        "items as follows (every other item is asked in both rounds under the same id:",
        "status `same`):",
        "",
    ] + status_table() + [
        "",
        "The dropped and reworded items are the ones that scored low in ronde-1 "
        "(herkenbaarheid, ALL): "
        + ", ".join(f"`{i}` {s['item_means'][R1][i]:.2f}" for i in s["changed_r1"]) + ";",
        "their successors score higher in ronde-2: "
        + ", ".join(f"`{i}` {s['item_means'][R2][i]:.2f}" for i in s["successors"]) + ".",
        "",
        "## Deliberate defects",
        "",
        "The files contain a few problems on purpose, so that the example exercises",
        "peil's ledger, scrubbing and escaping. Line numbers count the header as line 1.",
        "",
        "| file | line | what | what peil must do |",
        "|---|---|---|---|",
        f"| `ronde-1/consultation.csv` | {d['conflict']['line']} | session {d['conflict']['session']}, "
        f"{d['conflict']['group']}: `participants` {d['conflict']['value']} where the session's first row "
        f"(line {d['conflict']['first_line']}) says {d['conflict']['first']} | a participants conflict: "
        f"the first row's {d['conflict']['first']} counts, the conflict is a ledger entry |",
        f"| `ronde-1/consultation.csv` | {d['email']} | a statement holding the e-mail address "
        "`j.devries@voorbeeld.nl` | scrubbed before it reaches any output |",
        f"| `ronde-1/consultation.csv` | {d['phone']} | a statement holding the mobile number "
        "`06-12345678` | scrubbed before it reaches any output |",
        f"| `ronde-1/consultation.csv` | {d['formula']} | a statement that begins with `=` | "
        "prefixed with `'` in CSV and XLSX outputs |",
    ]
    for rid in (R1, R2):
        for line, col, val in s["quest"][rid]["cells"]:
            what = {"weet niet": ("`weet niet`", "a missing code: counted in `n_missing`, not invalid"),
                    "": ("an empty cell", "missing: counted in `n_missing`"),
                    DEFECT_INVALID: (f"`{DEFECT_INVALID}`", "not a whole number: invalid, excluded, "
                                     "listed with file, line, column and value")}[val]
            L.append(f"| `{rid}/questionnaire.csv` | {line} | `{col}`: {what[0]} | {what[1]} |")
    L += [
        "",
        f"Expected ledger: `ronde-1/questionnaire.csv` {q1['rows']} rows read and used, "
        f"`cells_invalid` {q1['invalid']}, `cells_missing` {q1['missing']}; "
        f"`ronde-2/questionnaire.csv` {q2['rows']} rows read and used, `cells_invalid` "
        f"{q2['invalid']}, `cells_missing` {q2['missing']}.",
        "",
        "Not defects but normal export variety: `ronde-1/questionnaire.csv` is a",
        "Dutch Excel export (`;`, UTF-8 with BOM, CRLF, numbers 1-4);",
        "`ronde-2/questionnaire.csv` is an online-form export (`,`, UTF-8 without BOM,",
        "LF, the answer labels such as `zeer herkenbaar` and `relevant` instead of",
        "numbers); `ronde-1/consultation.csv` is `,`-separated UTF-8 and",
        "`ronde-2/consultation.csv` `;`-separated UTF-8 with BOM and CRLF. Statements",
        "with no single domain have an empty `domain`.",
        "",
        "`ronde-1/consultation.csv` has a `coder` column. Coder A coded every",
        f"statement; coder B coded the {c1['coded']['again']['B']} statements of "
        f"{B_SESSIONS} sessions again and coder C",
        f"the {c1['coded']['again']['C']} statements of {C_SESSIONS} of those (their rows follow A's), "
        "so the report shows",
        "the agreement between the coders (`tables/coding_agreement.csv`). Every count",
        "uses each statement once, with A's codes: the figures above are A's.",
        "",
    ]
    return "\n".join(L)


# --------------------------------------------------------------------------
# Verification: read the files back
# --------------------------------------------------------------------------


def parse_cell(cell: str, labels: dict[int, str]):
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
    if x != math.floor(x) or not 1 <= x <= 4:
        return "invalid", None
    return "valid", int(x)


def verify_consultation(path: Path, cb) -> dict:
    header, rows, _ = read_table(path)
    base = ["session", "date", "group", "participants", "theme", "domain", "stance", "statement"]
    if header not in (base, base + ["coder"]):
        fail(f"{path.name}: header {header}")
    coded = verify_coders(path, header, rows) if header[-1] == "coder" else None
    if coded:
        rows = coded["first"]
    first, conflicts, by_sg_rows = {}, [], Counter()
    themes, stances = Counter(), Counter()
    for j, r in enumerate(rows):
        line = j + 2
        sid, date, g, p, theme, domain, stance, text = r
        if g not in cb["respondents"]["groups"] or theme not in cb["consultation"]["themes"] \
                or stance not in cb["consultation"]["stances"] or domain not in DOMAINS + [""]:
            fail(f"{path.name} line {line}: code outside the codebook: {r[2:7]}")
        dt.date.fromisoformat(date)
        if not text.strip():
            fail(f"{path.name} line {line}: empty statement")
        if (sid, g) not in first:
            first[sid, g] = (line, int(p))
        elif int(p) != first[sid, g][1]:
            conflicts.append((line, sid, g, int(p), first[sid, g]))
        by_sg_rows[sid, g] += 1
        themes[theme] += 1
        stances[stance] += 1
    participants, sessions_by_group = Counter(), Counter()
    size = Counter()
    for (sid, g), (_, p) in first.items():
        participants[g] += p
        sessions_by_group[g] += 1
        size[sid] += p
    groups_in = Counter(sid for sid, _ in first)
    return {
        "statements": len(rows), "rows": rows, "themes": themes, "stances": stances,
        "participants": {g: participants[g] for g in GROUPS if participants[g]},
        "sessions": len(size), "sessions_by_group": sessions_by_group,
        "min_size": min(size.values()), "max_size": max(size.values()),
        "mixed": sum(1 for n in groups_in.values() if n == 2),
        "three_groups": sum(1 for n in groups_in.values() if n > 2),
        "conflicts": conflicts, "first": first, "coded": coded,
    }


def verify_coders(path: Path, header, rows) -> dict:
    """A's rows come first and are every statement once; B and C only code
    statements A coded, each at most once. Returns A's rows (without the
    coder) and how many statements each coder coded again."""
    first, seen, again = [], set(), Counter()
    for j, r in enumerate(rows):
        unit, coder = (r[0], r[7].strip()), r[8]
        if coder == "A":
            if again or unit in seen:
                fail(f"{path.name} line {j + 2}: coder A must code each statement once, first")
            seen.add(unit)
            first.append(r[:8])
        elif coder in CODERS and unit in seen:
            again[coder] += 1
        else:
            fail(f"{path.name} line {j + 2}: coder {coder!r} of a statement A did not code")
    if len(set((r[0], r[7].strip(), r[8]) for r in rows)) != len(rows):
        fail(f"{path.name}: a coder coded a statement twice")
    return {"first": first, "again": dict(again)}


def verify_questionnaire(path: Path, cb, round_id: str) -> dict:
    header, rows, _ = read_table(path)
    items = [it for it in cb["items"] if round_id in it.get("rounds", [r["id"] for r in cb["rounds"]])]
    cols = [c for it in items for c in it["columns"].values()]
    if header != ["respondent", "doelgroep", "organisatie"] + cols + [c for c, _ in comment_columns()]:
        fail(f"{path.name}: header does not match the items asked in {round_id}")
    scale = {int(k): v for k, v in cb["scale"]["labels"].items()}
    mlabels = {m["id"]: {int(k): v for k, v in m.get("labels", {}).items()} or scale for m in cb["measures"]}
    ci = {c: i for i, c in enumerate(header)}
    ids = [r[0] for r in rows]
    if len(set(ids)) != len(ids) or any(len(r) != len(header) for r in rows):
        fail(f"{path.name}: duplicate ids or ragged rows")
    groups = Counter(r[1] for r in rows)
    cells, invalid, missing = [], 0, 0
    vals = defaultdict(list)     # (measure, item) -> ratings; (measure, item, group) too
    area_scores = defaultdict(list)
    for j, r in enumerate(rows):
        per_area = defaultdict(list)
        for it in items:
            for mid, c in it["columns"].items():
                st, v = parse_cell(r[ci[c]], mlabels[mid])
                if st == "invalid":
                    invalid += 1
                if st == "missing":
                    missing += 1
                if st != "valid":
                    cells.append((j + 2, c, r[ci[c]]))
                if st == "valid":
                    vals[mid, it["id"]].append(v)
                    vals[mid, it["id"], r[1]].append(v)
                    if mid == "herkenbaarheid":
                        per_area[it["area"]].append(v)
        for a, vs in per_area.items():
            k = sum(1 for it in items if it["area"] == a)
            if len(vs) >= 0.5 * k:
                area_scores[a].append(sum(vs) / len(vs))
    return {
        "rows": len(rows), "groups": groups, "cells": cells, "invalid": invalid, "missing": missing,
        "items": len(items), "vals": vals,
        "area_means": {a: sum(v) / len(v) for a, v in area_scores.items()},
    }


def decision(vs: list[int]) -> str:
    mean = sum(vs) / len(vs)
    pct = sum(1 for v in vs if v >= 3) / len(vs)
    if mean >= 3.0 and pct >= 0.78:
        return "keep"
    if mean < 2.5 or pct < 0.5:
        return "drop"
    return "reword"


def verify() -> dict:
    cb = tomllib.loads((STUDY_DIR / "study.toml").read_text(encoding="utf-8"))
    if cb["respondents"]["groups"] != GROUPS:
        fail("groups in study.toml")
    cols = [c for it in cb["items"] for c in it["columns"].values()]
    if len(cols) != len(set(cols)):
        fail("a column is named twice in study.toml")
    ids = {it["id"] for it in cb["items"]}
    for it in cb["items"]:
        if "previous" in it and (it["previous"] not in ids or it.get("rounds") != [R2]
                                 or ITEM[it["previous"]][4] != [R1]):
            fail(f"item {it['id']}: previous must name a ronde-1-only item and itself be ronde-2-only")
    s = {"consult": {}, "quest": {}, "item_means": {}, "area_means": {}}
    for rid, _, _ in ROUNDS:
        s["consult"][rid] = verify_consultation(STUDY_DIR / rid / "consultation.csv", cb)
        q = verify_questionnaire(STUDY_DIR / rid / "questionnaire.csv", cb, rid)
        s["quest"][rid] = q
        s["item_means"][rid] = {k[1]: sum(v) / len(v) for k, v in q["vals"].items()
                                if len(k) == 2 and k[0] == "herkenbaarheid"}
        s["area_means"][rid] = q["area_means"]

    c1, c2 = s["consult"][R1], s["consult"][R2]
    # Participation (seed 000).
    if c1["participants"] != R1_PARTICIPANTS:
        fail(f"ronde-1 participants {c1['participants']}, expected {R1_PARTICIPANTS}")
    want2 = {"instructeurs": sum(R2_INSTRUCTEUR_RESPONSES), "organisaties": R2_ORGANISATIONS}
    if c2["participants"] != want2:
        fail(f"ronde-2 participants {c2['participants']}, expected {want2}")
    if c2["sessions_by_group"]["organisaties"] != R2_ORGANISATIONS:
        fail("every organisation must be one response")
    if not (1 <= c1["min_size"] and c1["max_size"] <= 5):
        fail(f"ronde-1 session sizes {c1['min_size']}-{c1['max_size']}, expected 1-5")
    if not (2 <= c1["mixed"] <= 3 and c1["three_groups"] == 0):
        fail(f"ronde-1: {c1['mixed']} sessions with two groups, expected 2-3")
    if not (25 <= c1["sessions"] <= 35 and 250 <= c1["statements"] <= 400):
        fail(f"ronde-1: {c1['sessions']} sessions, {c1['statements']} statements")
    for (sid, g), _ in c1["first"].items():
        if {r[4] for r in c1["rows"] if r[0] == sid and r[2] == g} != set(THEMES):
            fail(f"ronde-1 session {sid}, {g}: not every theme has a statement")
    # Defects in ronde-1/consultation.csv.
    if len(c1["conflicts"]) != 1 or c2["conflicts"]:
        fail(f"expected one participants conflict in ronde-1 and none in ronde-2: "
             f"{c1['conflicts']} {c2['conflicts']}")
    texts1 = [r[7] for r in c1["rows"]]
    texts_all = texts1 + [r[7] for r in c2["rows"]]
    lines = {}
    for name, pat in [("email", r"@"), ("phone", r"\b06-\d{8}\b"), ("formula", r"^[=+\-@]")]:
        hits = [j + 2 for j, t in enumerate(texts1) if re.search(pat, t)]
        if len(hits) != 1 or sum(1 for t in texts_all if re.search(pat, t)) != 1:
            fail(f"expected exactly one statement matching {pat!r}, found lines {hits}")
        lines[name] = hits[0]
    if "@voorbeeld.nl" not in texts1[lines["email"] - 2]:
        fail("the e-mail address must be at voorbeeld.nl")
    line, sid, g, p, (fline, fp) = c1["conflicts"][0]
    s["defects"] = dict(lines, conflict={"line": line, "session": sid, "group": g, "value": p,
                                         "first_line": fline, "first": fp})
    # Questionnaires.
    q1, q2 = s["quest"][R1], s["quest"][R2]
    if dict(q1["groups"]) != R1_PARTICIPANTS or q1["rows"] != sum(R1_PARTICIPANTS.values()):
        fail(f"ronde-1 questionnaire rows per group {dict(q1['groups'])}: must be the participants")
    if dict(q2["groups"]) != R2_RESPONDENTS:
        fail(f"ronde-2 questionnaire rows per group {dict(q2['groups'])}")
    if q2["groups"]["overige experts"] >= MIN_CELL:
        fail("overige experts in ronde-2 must stay below min_cell")
    if (q1["invalid"], q2["invalid"]) != (1, 0):
        fail(f"invalid cells {q1['invalid']}, {q2['invalid']}: expected 1 in ronde-1 only")
    if q1["missing"] != N_WEET_NIET[R1] + N_EMPTY[R1] or q2["missing"] != N_WEET_NIET[R2] + N_EMPTY[R2]:
        fail(f"missing cells {q1['missing']}, {q2['missing']}")
    # Direction of the revision (herkenbaarheid, ALL).
    m1, m2 = s["item_means"][R1], s["item_means"][R2]
    dec1 = {iid: decision(v) for (mid, iid, *g), v in q1["vals"].items() if mid == "herkenbaarheid" and not g}
    dropped = [it[0] for it in ITEMS if it[4] == [R1] and not any(x[5] == it[0] for x in ITEMS)]
    reworded = [(it[5], it[0]) for it in ITEMS if it[5]]
    new = [it[0] for it in ITEMS if it[4] == [R2] and not it[5]]
    if not (1 <= len(dropped) <= 2 and 3 <= len(reworded) <= 4 and 1 <= len(new) <= 2):
        fail("expected 1-2 dropped, 3-4 reworded and 1-2 new items")
    for iid in dropped:
        if dec1[iid] != "drop":
            fail(f"dropped item {iid} must have decision drop in ronde-1, has {dec1[iid]} ({m1[iid]:.3f})")
    for old, newid in reworded:
        if dec1[old] == "keep" or m2[newid] < m1[old] + 0.3:
            fail(f"reworded {old} ({m1[old]:.3f}, {dec1[old]}) -> {newid} ({m2[newid]:.3f})")
    kept = [i for i in m1 if i in m2]
    if sum(m2[i] for i in kept) / len(kept) <= sum(m1[i] for i in kept) / len(kept):
        fail("kept items must score a little higher in ronde-2")
    for a, _ in AREAS:
        if not s["area_means"][R2][a] > s["area_means"][R1][a]:
            fail(f"area {a}: ronde-2 mean must be above ronde-1")
    if min(m1[i] for i in m1 if i not in dropped and i not in dict(reworded)) < 2.6:
        fail("a kept item scores too low in ronde-1")
    s["changed_r1"] = dropped + [o for o, _ in reworded]
    s["successors"] = [n for _, n in reworded] + new
    s["dec1"] = dec1
    s["dec2"] = {iid: decision(v) for (mid, iid, *g), v in q2["vals"].items()
                 if mid == "herkenbaarheid" and not g}
    return s


def print_report(s) -> None:
    w = sys.stdout.write
    for rid, _, _ in ROUNDS:
        c, q = s["consult"][rid], s["quest"][rid]
        w(f"\n{rid}: consultation\n")
        w(f"  sessions {c['sessions']} (sizes {c['min_size']}-{c['max_size']}, with two groups {c['mixed']}),"
          f" statements {c['statements']}\n")
        w("  participants per group: " + ", ".join(f"{g} {n}" for g, n in c["participants"].items())
          + f" (total {sum(c['participants'].values())})\n")
        w("  statements per theme:   " + ", ".join(f"{t} {c['themes'][t]}" for t in THEMES) + "\n")
        w("  statements per stance:  " + ", ".join(f"{t} {c['stances'][t]}" for t in STANCES) + "\n")
        w(f"{rid}: questionnaire, {q['rows']} rows, {q['items']} items, invalid {q['invalid']},"
          f" missing {q['missing']}\n")
        w("  rows per group: " + ", ".join(f"{g} {q['groups'][g]}" for g in GROUPS if q["groups"][g]) + "\n")
        w("  herkenbaarheid per area: "
          + ", ".join(f"{a} {s['area_means'][rid][a]:.3f}" for a, _ in AREAS) + "\n")
    w("\nchanged items, herkenbaarheid (ALL): ronde-1 -> ronde-2\n")
    for it in ITEMS:
        if it[4] == [R1] or it[4] == [R2]:
            iid = it[0]
            if it[4] == [R1]:
                w(f"  {iid:<16} ronde-1 {s['item_means'][R1][iid]:.3f} {s['dec1'][iid]}\n")
            else:
                w(f"  {iid:<16} ronde-2 {s['item_means'][R2][iid]:.3f} {s['dec2'][iid]}"
                  + (f"  (previous {it[5]})" if it[5] else "  (new)") + "\n")
    for rid, key in ((R1, "dec1"), (R2, "dec2")):
        w(f"decisions {rid}: " + ", ".join(f"{d} {list(s[key].values()).count(d)}"
                                          for d in ("keep", "reword", "drop")) + "\n")
    d = s["defects"]
    w(f"\ndefects in ronde-1/consultation.csv: conflict line {d['conflict']['line']} "
      f"(session {d['conflict']['session']}, {d['conflict']['group']}, first line {d['conflict']['first_line']}),"
      f" e-mail line {d['email']}, phone line {d['phone']}, '=' line {d['formula']}\n")


def main() -> None:
    rng = random.Random(SEED)
    c1 = r1_consultation(rng)
    planted = r1_defects(rng, c1)
    c2 = r2_consultation(rng)
    h1, t1 = questionnaire(rng, R1, R1_PARTICIPANTS, "h1", as_labels=False)
    h2, t2 = questionnaire(rng, R2, R2_RESPONDENTS, "h2", as_labels=True)
    for k, (h, t) in enumerate([(h1, t1), (h2, t2)]):
        example_comments.add(h, t, SEED_COMMENTS + k, comment_columns(),
                             AREA_COMMENTS, GENERAL_COMMENTS, CONTACT_COMMENTS)
    header = ["session", "date", "group", "participants", "theme", "domain", "stance", "statement"]
    (STUDY_DIR).mkdir(parents=True, exist_ok=True)
    (STUDY_DIR / "study.toml").write_text(codebook_text(), encoding="utf-8", newline="\n")
    coded = [r + ["A"] for r in c1] + second_coders(c1, planted)
    write_table(STUDY_DIR / R1 / "consultation.csv", header + ["coder"], coded, ",", bom=False, crlf=False)
    write_table(STUDY_DIR / R2 / "consultation.csv", header, c2, ";", bom=True, crlf=True)
    write_table(STUDY_DIR / R1 / "questionnaire.csv", h1, t1, ";", bom=True, crlf=True)
    write_table(STUDY_DIR / R2 / "questionnaire.csv", h2, t2, ",", bom=False, crlf=False)
    s = verify()
    (STUDY_DIR / "README.md").write_text(readme_text(s), encoding="utf-8", newline="\n")
    print(f"wrote {STUDY_DIR.relative_to(ROOT)}/: study.toml, README.md, "
          "ronde-1/{consultation,questionnaire}.csv, ronde-2/{consultation,questionnaire}.csv")
    print_report(s)
    print("\nverification passed")


if __name__ == "__main__":
    main()
