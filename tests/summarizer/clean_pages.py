"""Invented web pages rendered to plain text, in the shapes the plain-text cleaner meets.

Everything here is made up for the tests (no copy of evaluation data): an agency story under
a site menu with a long "More news" block of other headlines and teasers, the same story under
a "Key Points" box, a lead full of names above a photo, and an article that sets out a list of
its own.
"""

from __future__ import annotations

HEADLINE = "Rescuers search flooded Michigan town after levee breach"

STORY = (
    "ST. JOSEPH, Mich. (AP) — Rescue crews in flat-bottomed boats went door to door on Saturday "
    "in a river town where a levee gave way overnight, pulling dozens of residents from flooded "
    "homes.",
    "The St. Joseph River crested about 4 feet above flood stage early Saturday, the National "
    "Weather Service said, after three days of heavy rain across southwest Michigan.",
    "No deaths had been reported by midday, but officials said two people were taken to a "
    "hospital with minor injuries and several families had not yet been reached.",
    "“We had water coming in under the doors faster than we could move the furniture,” said "
    "Linda Harmon, 62, who waited on her porch roof with her husband until a boat arrived.",
    "The governor declared a state of emergency for Berrien County and said the state would "
    "send National Guard trucks to help move people to shelters.",
    "The Army Corps of Engineers said it would inspect the levee once the water receded. Local "
    "officials said the earthen barrier had last been repaired in 2009.",
)

MENU = (
    "World",
    "U.S.",
    "Politics",
    "Sports",
    "Entertainment",
    "Business",
    "Science",
    "Fact Check",
    "Oddities",
    "Newsletters",
    "Photography",
    "Climate",
    "Health",
    "Personal Finance",
    "Investigations",
    "Tech",
    "Lifestyle",
    "Religion",
    "Press Releases",
    "My Account",
    "Middle East",
    "Asia Pacific",
    "Latin America",
    "Europe",
    "Africa",
)

# Other stories: (headline, one-paragraph teaser).
TEASERS = (
    (
        "Judge blocks state law on voter rolls ahead of election",
        "A federal judge has temporarily blocked a new law that would have let officials remove "
        "voters from the rolls within 90 days of an election.",
    ),
    (
        "Wildfire forces evacuations near Oregon resort town",
        "Hundreds of residents were ordered to leave their homes as a fast-moving wildfire spread "
        "through dry timber east of the Cascades on Friday.",
    ),
    (
        "Stocks slip as investors weigh inflation data",
        "Wall Street drifted lower on Friday after a report showed consumer prices rose more than "
        "economists had expected last month.",
    ),
    (
        "Man charged in killing of store clerk during robbery",
        "Prosecutors charged a 24-year-old man with murder in the shooting death of a convenience "
        "store clerk during a robbery last week.",
    ),
    (
        "Airline cancels hundreds of flights after computer outage",
        "A nationwide computer outage forced a major airline to cancel hundreds of flights on "
        "Friday, stranding travelers at airports across the country.",
    ),
    (
        "Zoo welcomes rare twin red panda cubs",
        "A zoo in Ohio says two red panda cubs born last month are healthy and growing, a rare "
        "birth for the endangered species.",
    ),
    (
        "School board votes to keep library books after challenge",
        "A school board in Tennessee voted 5-2 on Thursday night to keep a dozen books on library "
        "shelves after parents asked for their removal.",
    ),
    (
        "Coast Guard rescues fishermen after boat sinks off Maine",
        "The Coast Guard rescued three fishermen from a life raft early Friday after their boat "
        "sank in rough seas about 20 miles off the coast.",
    ),
    (
        "Senate passes bill to expand veterans' health benefits",
        "The Senate on Thursday passed a bill expanding health care for veterans exposed to toxic "
        "burn pits, sending the measure to the House.",
    ),
    (
        "Teen driver killed in crash on interstate, police say",
        "A 17-year-old driver was killed early Friday when his car left the interstate and struck "
        "a tree, state police said in a statement.",
    ),
    (
        "Museum returns looted statues to Cambodia",
        "A New York museum has returned three ancient statues to Cambodia after investigators "
        "found they had been looted during the civil war.",
    ),
    (
        "City council approves budget with raises for firefighters",
        "The city council approved a $1.2 billion budget late Thursday that includes raises for "
        "police officers and firefighters.",
    ),
    (
        "Hurricane strengthens as it nears Caribbean islands",
        "Forecasters said the storm could reach the Leeward Islands by Monday with winds of more "
        "than 100 mph and dangerous surf.",
    ),
    (
        "Farmers brace for low prices as harvest begins",
        "Corn and soybean growers across the Midwest expect a large harvest this fall, but prices "
        "have fallen to their lowest level in four years.",
    ),
    (
        "Former mayor sentenced to prison in bribery case",
        "A former mayor was sentenced to six years in federal prison on Thursday for taking bribes "
        "from developers in exchange for city contracts.",
    ),
    (
        "Scientists find new species of frog in Andes cloud forest",
        "Researchers say the tiny frog, no bigger than a thumbnail, lives only on a few mountain "
        "ridges and may already be endangered.",
    ),
    (
        "Transit workers reach deal, averting weekend strike",
        "Bus and subway workers reached a tentative contract agreement early Friday, hours before "
        "a strike deadline that would have halted service.",
    ),
    (
        "Pope names new bishops for dioceses in Africa and Asia",
        "The Vatican announced the appointments on Saturday, filling posts that had been vacant "
        "for more than a year in several countries.",
    ),
    (
        "Measles cases rise in county with low vaccination rates",
        "Health officials confirmed 14 new measles cases this week and urged parents to check "
        "that their children's vaccinations are up to date.",
    ),
    (
        "Baseball team unveils plans for new waterfront stadium",
        "The team said the ballpark would seat 34,000 fans and open in 2030 if the city approves "
        "the financing plan later this year.",
    ),
    (
        "Power restored to most homes after ice storm",
        "Utility crews restored electricity to more than 90% of customers by Saturday after an ice "
        "storm brought down lines across three states.",
    ),
    (
        "Bridge reopens after two years of repairs",
        "Drivers returned to the river crossing on Friday after engineers finished replacing the "
        "deck and strengthening its steel supports.",
    ),
    (
        "Lawmakers debate bill to ban phones in classrooms",
        "Supporters say the measure would help students focus, while opponents argue parents need "
        "to be able to reach their children during the day.",
    ),
    (
        "Chef opens restaurant staffed by people leaving prison",
        "The new restaurant trains former inmates to cook and serve, and its owner says most of "
        "the first class has already found other kitchen jobs.",
    ),
)

FOOTER = (
    "Copyright 2026 The Associated Press. All Rights Reserved.",
    "About",
    "Contact us",
    "Terms of Use",
    "Privacy Policy",
)


def agency_page(*, header: bool = True, dated_teasers: bool = False) -> str:
    """A plain-text news page: menu, headline, the dateline story, share buttons, then a
    "More news" block of other headlines with teasers, longer than the story, and a footer.

    Args:
        header: whether a "More news" header opens the block of other stories.
        dated_teasers: whether a time line ("2 hours ago") follows each teaser.
    """
    lines = [f"{HEADLINE} | AP News", *MENU, HEADLINE, "By JANE WALKER", "Updated 4:12 PM EDT"]
    lines += [*STORY, "Share", "Copy Link", "Email", "Facebook", "Print"]
    if header:
        lines.append("More news")
    for headline, teaser in TEASERS:
        lines += [headline, teaser, "2 hours ago"] if dated_teasers else [headline, teaser]
    lines += FOOTER
    return "\n\n".join(lines)


KEY_POINTS = (
    "Key Points",
    "A levee on the St. Joseph River gave way overnight and crews pulled dozens of people from "
    "flooded homes.",
    "The governor declared a state of emergency and sent National Guard trucks.",
    "Residents wade through a flooded street in St. Joseph, Mich., on Saturday. (AP Photo/Tom "
    "Example)",
)


def key_points_page() -> str:
    """A page with a "Key Points" box and a photo between the headline and the dateline."""
    lines = ["Example Gazette", *MENU[:8], HEADLINE, "By JANE WALKER", *KEY_POINTS, *STORY]
    return "\n\n".join([*lines, "Share", "Email", "© 2026 Example Gazette"])


LEAD = (
    "Senate President Ada Obi, Senator Musa Bello and Senator Grace Eze have taken the "
    "Inspector-General of Police, Tunde Ade, to the Federal High Court in Abuja."
)
LEAD_BODY = (
    "The three lawmakers said officers had questioned them without cause after a protest march "
    "to the electoral commission last week, and asked the court to stop further summonses.",
    "A police spokesman said on Monday that the force would respond in court and that the "
    "summonses had followed complaints that officers were assaulted during the march.",
    "The case has been adjourned to next month, when the judge is expected to rule on whether "
    "the police may question the senators before the suit is decided.",
)


def lead_page() -> str:
    """A page whose lead, full of names, sits above a photo and its caption."""
    lines = [
        "Senators take police chief to court - The Daily Example",
        *MENU[:10],
        "Senators take police chief to court",
        "Ngozi Ibe",
        "12 Nov 2026, 09:14",
        LEAD,
        "3",
        "Protesters outside the electoral commission in Abuja last week Credit: Example Photos",
        *LEAD_BODY,
        "Share this:",
        "Facebook",
    ]
    return "\n\n".join(lines)


PLAN_INTRO = (
    "If you are training for a spring half marathon, the weeks before the race are when what "
    "you eat matters most, and a plan that repeats each day makes the shopping easy.",
    "This plan follows the same pattern every day, so you can prepare most of it on Sunday and "
    "keep it in the refrigerator until you need it.",
    "Each day has three meals and two snacks, timed around a morning run.",
)
PLAN_ROWS = (
    "Breakfast",
    "Eat within an hour of your run",
    "Oatmeal with a sliced banana, 1 tbsp. peanut butter and a glass of milk",
    "Lunch",
    "Eat every 3 to 4 hours",
    "Snack",
    "Eat every 3 to 4 hours",
    "Dinner",
    "Eat at least two hours before bed",
    "Portion: 1 cup of cooked grains, 4 oz. of protein and 2 cups of vegetables.",
)
PLAN_MEALS = (
    "Brown rice bowl with chicken, black beans, peppers and salsa",
    "Whole-wheat pasta with tomato sauce, spinach and grilled salmon",
    "Lentil soup with crusty bread and a green salad with olive oil",
)


def plan_page() -> str:
    """An article that introduces a list of its own (a meal plan whose days repeat the same
    labels), followed by related articles and a footer."""
    rows: list[str] = []
    for plan, meal in zip("ABC", PLAN_MEALS, strict=True):
        rows += [f"Plan {plan}", *PLAN_ROWS[:4], meal, *PLAN_ROWS[4:]]
    lines = [
        "A simple meal plan for race week | Example Running",
        *MENU[:12],
        "A simple meal plan for race week",
        *PLAN_INTRO,
        *rows,
        "Related Articles",
        "Running",
        "Why rest days matter as much as long runs",
        "Running",
        "Five stretches to do after every run",
        "© 2026 Example Running. All rights reserved.",
        "Privacy Policy",
    ]
    return "\n\n".join(lines)


def plan_body() -> tuple[str, ...]:
    """The body expected from plan_page: the introduction and every row of each day."""
    rows: list[str] = []
    for plan, meal in zip("ABC", PLAN_MEALS, strict=True):
        rows += [f"Plan {plan}", *PLAN_ROWS[:4], meal, *PLAN_ROWS[4:]]
    return (*PLAN_INTRO, *rows)
