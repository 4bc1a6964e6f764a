"""The words of the six constructed sample reports (not real coverage), one list per report.

Each report is a headline, some facts about it and a list of paragraphs. The reports differ from
the reference article on purpose (see README.md and labels.json); the portal page reprints the
wire story almost word for word so that the engine can recognise the two as one source.
"""

from __future__ import annotations

from dataclasses import dataclass

NOTE = "Constructed sample for Crosscheck; not real coverage."


@dataclass(frozen=True)
class Sample:
    """One constructed report: where it claims to come from and what it says."""

    headline: str
    outlet: str
    author: str
    published: str  # ISO date
    paragraphs: tuple[str, ...]


WIRE_PARAGRAPHS = (
    "LONDON, Nov 19 (Newswire) – Russia and Iran have agreed to build Iranian-designed drones "
    "on Russian soil for use in Ukraine, the Washington Post reported on Saturday, citing "
    "Western security officials.",
    "The deal would give Moscow its own assembly line and let it rapidly expand its arsenal of "
    "cheap and highly effective Iranian drones, the newspaper said. "
    "The deal was agreed earlier this month at a meeting in Iran.",
    "Russia and Iran are moving quickly to transfer designs and key components for the drones, "
    "and production could begin within months, according to the Post.",
    "Russian forces have already launched more than 400 Iranian-made attack drones since "
    "August as part of a campaign of relentless air assaults on Ukrainian cities, according to "
    "the report. "
    "Self-detonating drones packed with explosives have reportedly been used to knock out power "
    "plants and other infrastructure.",
    "Iranian leaders believe they can avoid further sanctions because the drones would not be "
    "assembled in Iran, the Post said.",
    "Moscow and Tehran have previously denied that arms deliveries took place amid the conflict "
    "between Moscow and Kyiv.",
    "Ukraine says the drones, which Russia calls Geran-2, are in fact Iranian Shahed-136 models. "
    "The United States and its allies say Iran has been supplying Russia with drones in breach "
    "of a UN Security Council resolution.",
    "Iranian Foreign Minister Hossein Amir-Abdollahian has said his country only supplied Russia "
    "with a small number of drones months before the war began.",
    "Kremlin spokesman Dmitry Peskov said in October that all weapons used by Russian troops "
    "came from domestic stockpiles.",
    "Neither the Russian nor the Iranian embassy in London responded to requests for comment "
    "on Saturday. "
    "Iran's mission to the United Nations did not immediately respond to a request for comment.",
)

# The portal reprints the wire story: a few words changed or cut, one sentence dropped.
PORTAL_PARAGRAPHS = (
    WIRE_PARAGRAPHS[0],
    "The deal would give Moscow its own assembly line and let it rapidly expand its arsenal of "
    "cheap and effective Iranian drones, the newspaper said. "
    "The deal was agreed earlier this month at a meeting in Iran.",
    WIRE_PARAGRAPHS[2],
    "Russian forces have already launched more than 400 Iranian-made attack drones since "
    "August as part of a campaign of relentless air assaults on Ukrainian cities, according to "
    "the report. "
    "Self-detonating drones packed with explosives have reportedly been used to knock out power "
    "stations and other infrastructure.",
    WIRE_PARAGRAPHS[4],
    WIRE_PARAGRAPHS[5],
    "Ukraine says the drones, which Russia calls Geran-2, are in fact Iranian Shahed-136 models. "
    "The US and its allies say Iran has been supplying Russia with drones in breach "
    "of a UN Security Council resolution.",
    WIRE_PARAGRAPHS[7],
    WIRE_PARAGRAPHS[8],
    "Iran's mission to the United Nations did not immediately respond to a request for comment.",
)

BLOG_PARAGRAPHS = (
    "Moscow and Tehran have deepened their defence ties under a deal in which Iranian-designed "
    "drones will be built in Russia for use in Ukraine, Western security officials have told "
    "the New York Times.",
    "Moscow has denied that arms deliveries had taken place amid the conflict between Moscow "
    "and Kiev. "
    "The deal was reportedly agreed earlier this month at a meeting in Moscow.",
    "The agreement gives Russia its own assembly line, which will let Moscow rapidly expand its "
    "arsenal of relatively inexpensive and highly effective Iranian drones, the newspaper "
    "reported on Saturday, citing three unidentified people familiar with the matter.",
    "Russian forces have already deployed 450 Iranian-made attack drones since August, advancing "
    "a strategy of “relentless air assaults on Ukrainian cities,” according to the Post.",
    "Iran's foreign minister, Hossein Amirabdollahian, has said that Tehran provided Russia with "
    "hundreds of drones months before the conflict began.",
    "According to the Post, the manufacturing deal would let Russia shore up its supply of "
    "precision-guided munitions, and Iranian leaders believe they can avoid more sanctions "
    "because the drones would not be assembled in Iran.",
    "Kyiv insists that the drones, known as Geran-2, are actually Iranian-made Shahed-136 UAVs. "
    "Allegations of Iranian arms deliveries to Russia surfaced after Moscow began using kamikaze "
    "drones in Ukraine.",
    "The US claims that Iran has been supplying Russia with drones in violation of a UN Security "
    "Council resolution.",
    "Kremlin spokesman Dmitry Peskov said in October that all weapons used by Russian troops are "
    "from domestic stockpiles, and that all further questions can be addressed to the Defense "
    "Ministry.",
    "I have followed the Shahed story since the first strikes on Kyiv in October, and this is the "
    "clearest account yet of how the supply chain works. "
    "If the account holds up, sanctions on Iranian drone parts will matter far less than they "
    "did a year ago.",
)

DAILY_PARAGRAPHS = (
    "Iran and Russia have deepened their military cooperation with a deal under which "
    "Iranian-designed drones will be assembled in Russia for use in Ukraine, according to Western "
    "security officials quoted by the Washington Post. "
    "The deal was reportedly agreed earlier this month at a meeting in Iran.",
    "According to the Post, Russia and Iran are working rapidly to transfer designs and key "
    "components for the drones, which could allow production to start within months.",
    "Russian forces have already deployed four hundred Iranian-made attack drones since "
    "September, advancing a strategy of relentless air assaults on Ukrainian cities, according "
    "to the report. "
    "Self-detonating drones packed with explosives have been used to knock out electricity "
    "facilities and other infrastructure.",
    "The manufacturing deal would allow Russia to shore up its supply of precision-guided "
    "munitions, the Post said.",
    "Denials and admissions",
    "Tehran has confirmed that arms deliveries to Moscow had taken place amid the conflict in "
    "Ukraine. "
    "Iranian Foreign Minister Hossein Amirabdollahian has said that his nation only provided "
    "Russia with a small number of drones months before the conflict began.",
    "Allegations of arms deliveries from Iran to Russia surfaced in recent months after Moscow "
    "began using kamikaze drones in Ukraine. "
    "Kiev says the drones, known as Geran-2, are Iranian-made Shahed-136 drones.",
    "Foreign Minister Sergei Lavrov said in October that all weapons used by Russian troops are "
    "from domestic stockpiles, and that all further questions could be addressed to the Defense "
    "Ministry.",
    "The Shahed-136 has a range of more than 1,000 kilometres, according to military analysts. "
    "Ukraine's air force said on Saturday that it had shot down most of the drones launched in "
    "the past week.",
)

WEEKLY_PARAGRAPHS = (
    "Moscow and Tehran have deepened their military ties under a deal in which Iranian-designed "
    "drones will be built in Russia for use in Ukraine, Western security officials have told the "
    "Washington Post.",
    "The agreement will give Russia its own assembly line and enable Moscow to rapidly expand its "
    "arsenal of inexpensive and highly effective Iranian drones, according to US intelligence "
    "officials.",
    "According to the Post, Russia and Iran are working rapidly to transfer designs and key "
    "components, and production could begin within weeks.",
    "Since August, Russian forces have already deployed 400 Iranian-made attack drones, advancing "
    "a strategy of “relentless air assaults on Ukrainian cities,” according to the report. "
    "Self-detonating UAVs packed with explosives have reportedly been used to knock out "
    "electricity facilities and other infrastructure.",
    "The manufacturing deal would enable Russia to shore up its supply of precision-guided "
    "munitions, while Iranian leaders believe they can avoid further sanctions because the drones "
    "would not be assembled in Iran, the Post said.",
    "Moscow and Tehran have repeatedly denied that any arms deliveries have taken place amid the "
    "conflict in Ukraine.",
    "Kiev insists that the drones, which Russia calls Geran-2, are actually Iranian-made "
    "Shahed-136 UAVs. "
    "The US and its allies claim that Iran has been supplying Russia with drones in violation of "
    "a UN Security Council resolution.",
    "Iran’s foreign minister, Hossein Amir-Abdollahian, has said his country only provided "
    "Russia with a “small number of drones” months before the conflict began.",
    "Kremlin spokesman Dmitry Peskov said in September that all weapons used by Russian troops "
    "were from domestic stockpiles.",
    "Analysts at the Institute for the Study of War have tracked Shahed strikes on Ukraine’s power "
    "grid since October. "
    "A drone assembly line inside Russia would be much harder for Western export controls to "
    "reach.",
)

AGENCY_PARAGRAPHS = (
    "Iranian-designed drones will be built in Russia for use in Ukraine under a deal that "
    "strengthens defence ties between Moscow and Tehran, Western security officials have told the "
    "Washington Post.",
    "The agreement was reached at a meeting in Iran in early November, the newspaper reported, "
    "citing three unidentified people familiar with the matter.",
    "Russian forces have already deployed 400 Iranian-made attack drones since August, the Post "
    "said. "
    "Russia and Iran are working rapidly to transfer designs and key components for the drones, "
    "according to the Post.",
    "Moscow and Tehran denied that arms deliveries had taken place amid the conflict between "
    "Moscow and Kiev. "
    "Iranian Foreign Minister Hossein Amirabdollahian has denied that his nation provided Russia "
    "with any drones.",
    "A spokesman for Iran's foreign ministry called the report baseless in a statement on "
    "Saturday. "
    "The Kremlin did not comment on the report on Saturday.",
    "Kremlin spokesman Dmitry Peskov said in October that all weapons used by Russian troops are "
    "from domestic stockpiles, and that further questions should go to the Foreign Ministry.",
    "The US and its allies claim that Iran has been supplying Russia with drones in violation of "
    "a UN Security Council resolution, a charge Tehran rejects. "
    "Kyiv insists that the drones, known as Geran-2, are actually Iranian-made Shahed-136 UAVs.",
    "Allegations of arms deliveries from Iran to Russia surfaced in recent months after Moscow "
    "began using kamikaze drones in Ukraine, Ukrainian officials said.",
)

SAMPLES = {
    "report-01-wire.txt": Sample(
        "Russia to build Iranian-designed drones under new deal, Washington Post says",
        "Newswire",
        "Newswire staff",
        "2022-11-19",
        WIRE_PARAGRAPHS,
    ),
    "report-02-blog.md": Sample(
        "Russia has made drone deal with Iran, says WaPo",
        "The Drone Desk (blog)",
        "Alex Blogger",
        "2022-11-20",
        BLOG_PARAGRAPHS,
    ),
    "report-03-daily.docx": Sample(
        "Iran and Russia strike drone manufacturing deal",
        "The Daily Courier",
        "Staff Reporter",
        "2022-11-20",
        DAILY_PARAGRAPHS,
    ),
    "report-04-portal.html": Sample(
        "Russia to make Iranian drones at home, report says",
        "NewsPortal24",
        "Newswire",
        "2022-11-19",
        PORTAL_PARAGRAPHS,
    ),
    "report-05-weekly.pdf": Sample(
        "The drone factory: how Iran’s Shaheds came to be made in Russia",
        "The Weekly Review",
        "Foreign desk",
        "2022-11-24",
        WEEKLY_PARAGRAPHS,
    ),
    "report-06-agency.odt": Sample(
        "Tehran denies supplying drones as report says Russia will build them",
        "Intermedia Press Agency",
        "IPA correspondent",
        "2022-11-19",
        AGENCY_PARAGRAPHS,
    ),
}
