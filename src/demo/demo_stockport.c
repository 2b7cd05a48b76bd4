/*
 * demo_stockport.c: the Stockport demo, built from five public records
 * of Stockport's community safety partnership (scrutiny reports and
 * minutes of 2014, 2016, 2021 and later, and the 2020/21 annual review).
 *
 * What the records say is loaded as fact: the partnership and its former
 * name; the Safer Stockport Partnership Plan 2018/21 with its five themes,
 * their leads and the 14 priority areas for action (updated October 2019;
 * Radicalisation and Extremism lists none); the GM Police and Crime Plan
 * 2018-21 "Standing Together" outcomes 1-17 in their four groups; the
 * 2020/21 funding streams with their allocations and the examples of
 * awards; the OSSP 2022-2025 plan (approved March 2022); the Domestic
 * Abuse Strategy 2015-16 and the Serious Violence Plan 2024/25; the people
 * named, with their roles (no contact details).  The annual review was
 * taken from slides and lost letters ("Fransforming Justice", "afer
 * Stockport", cut-off outcome texts); the intended words are used.
 *
 * Everything else is example data, marked is_example and shown as such:
 * the actions and their progress updates, award amounts, links from
 * priority areas to outcomes, board membership and reporting lines.  The
 * crime data for the ten Greater Manchester districts is generated
 * (demo_crime.c) and marked as such.
 */
#include "demo.h"
#include "store/store_action.h"
#include "store/store_fund.h"
#include "store/store_governance.h"
#include "store/store_outcome.h"
#include "store/store_people.h"
#include "store/store_plan.h"

/* ---------------------------------------------------------------------
 * The data
 */

static const struct {
	const char *name, *short_name, *sector;
	bool member, example;
	const char *note;
} organisations[] = {
	{ "Stockport Metropolitan Borough Council", "SMBC", "council", true, false, NULL },
	{ "Greater Manchester Police", "GMP", "police", true, false, NULL },
	{ "National Probation Service", "NPS", "probation", true, false,
	  "Reunified with the Community Rehabilitation Companies into a single "
	  "probation service for Greater Manchester from June 2021." },
	{ "Community Rehabilitation Company", "CRC", "probation", false, false,
	  "Delivered probation services with the NPS until unification in 2021." },
	{ "Greater Manchester Fire and Rescue Service", "GMFRS", "fire", true, true,
	  "A responsible authority under the Crime and Disorder Act 1998; not "
	  "named in the records the demo is built from." },
	{ "NHS Stockport Clinical Commissioning Group", "CCG", "health", true, true,
	  "A responsible authority under the Crime and Disorder Act 1998; not "
	  "named in the records the demo is built from." },
	{ "Stockport Homes", NULL, "housing", false, false,
	  "Named in the 2020/21 annual review for its part in the pandemic response." },
	{ "Greater Manchester Violence Reduction Unit", "VRU", "regional", false, false,
	  "Works with services to reduce serious violence through a public health approach." },
	{ "Remedi", NULL, "voluntary", false, false,
	  "Operates the GM Restorative Justice Service with statutory services." },
	{ "Greater Manchester Combined Authority", "GMCA", "regional", false, false,
	  "Owner of the GM Police and Crime Plan." },
};

static const struct {
	const char *name, *role, *org;
} people[] = {
	{ "Caroline Simpson",
	  "Corporate Director - Services to Place Management & Regeneration", "SMBC" },
	{ "Chris McLoughlin", "Director of Children's Services", "SMBC" },
	{ "Marcus Noden", "Superintendent", "GMP" },
	{ "Val Mullock", "Area Manager", "NPS" },
	{ "Nuala O'Rourke",
	  "Head of Safeguarding and Learning (interim Prevent Lead)", "SMBC" },
	{ "Mark Glynn", "Presented the 2020/21 annual review", "SMBC" },
	{ "Steve Skelton", "Officer contact, Safer Stockport Partnership", "SMBC" },
	{ "Jo Rogerson", "Superintendent", "GMP" },
	{ "Michael Cullen", "Deputy Chief Executive", "SMBC" },
	{ "John Webster", "Chief Superintendent, District Commander", "GMP" },
	{ "Frankie Singleton",
	  "Councillor; Cabinet Member for Communities, Culture & Sport", "SMBC" },
	{ "Karishma Chandaria", "Officer contact, One Stockport Safety Partnership",
	  "SMBC" },
	{ "Alan Lawson", "Officer contact, serious violence", "SMBC" },
	{ "Jacqui Belfield-Smith", "Officer contact, serious violence", "SMBC" },
	{ "Helen Boyle", "Officer contact, domestic abuse strategy", "SMBC" },
	{ "Iain Roberts",
	  "Councillor; Deputy Executive Leader and Portfolio Holder for Corporate, "
	  "Customer and Community Services", "SMBC" },
	{ "Councillor Meikle", "The Council's Domestic Abuse Champion", "SMBC" },
};

struct demo_theme {
	const char *name;
	const char *lead;
	const char *priorities[7];
};

static const struct demo_theme themes_2018[] = {
	{ "Public Safety and Protection", "Caroline Simpson",
	  { "Anti-Social Behaviour", "Crime", "Locations/Hotspots" } },
	{ "Protecting Vulnerable People", "Chris McLoughlin",
	  { "Missing from Home or Care", "Domestic Abuse",
	    "Child Sexual Exploitation", "Drugs and Alcohol", "Hate Crime",
	    "Complex Safeguarding (including modern slavery, human trafficking, "
	    "female genital mutilation (FGM) and honour-based violence)" } },
	{ "Serious and Organised Crime", "Marcus Noden",
	  { "Organised Crime Groups",
	    "Young People at Risk of Involvement in Serious and Organised Crime" } },
	{ "Transforming Justice", "Val Mullock",
	  { "Adult Offending and Reoffending", "Youth Offending and Reoffending",
	    "Victims" } },
	{ "Radicalisation and Extremism", "Nuala O'Rourke", { NULL } },
};

static const struct {
	const char *group;
	int number;
	const char *text;
} outcomes[] = {
	{ "Overarching", 1, "People feel safe at home, at work, socialising and "
	  "when travelling in Greater Manchester" },
	{ "Overarching", 2, "There is increased confidence in the organisations "
	  "that contribute to community safety" },
	{ "Overarching", 3, "The police and community safety services are believed "
	  "to be effective, efficient and fair by direct users of the services "
	  "and the wider community" },
	{ "Overarching", 4, "The justice services are believed to be effective, "
	  "efficient and fair by direct users of the services and the wider "
	  "community" },
	{ "Overarching", 5, "Places are believed to be safe / secure and "
	  "communities perceived to be strong" },
	{ "Keeping people safe", 6, "There are fewer repeat victims" },
	{ "Keeping people safe", 7, "Those who have been abused or exploited are "
	  "cared for and helped to recover" },
	{ "Keeping people safe", 8, "Service users are satisfied with the services "
	  "they received from the police and other organisations that contribute "
	  "to community safety" },
	{ "Keeping people safe", 9, "There are fewer inequalities in satisfaction "
	  "and confidence" },
	{ "Reducing harm and reoffending", 10, "There are fewer recidivists" },
	{ "Reducing harm and reoffending", 11, "There is a reduction in the "
	  "frequency and seriousness of offending" },
	{ "Reducing harm and reoffending", 12, "Justice is perceived to be fair "
	  "and equitable" },
	{ "Reducing harm and reoffending", 13, "There is increased confidence in "
	  "the Criminal Justice System" },
	{ "Reducing harm and reoffending", 14, "There is increased confidence in "
	  "restorative approaches, rehabilitation / recovery" },
	{ "Strengthening communities and places", 15, "Places are believed to be "
	  "secure" },
	{ "Strengthening communities and places", 16, "People have better "
	  "perceptions of the places they live, work and travel through" },
	{ "Strengthening communities and places", 17, "People feel communities "
	  "are stronger" },
};

/* Example links from priority areas (by the start of their name) to
 * outcome numbers. */
static const struct {
	const char *priority;
	int numbers[4];
} links[] = {
	{ "Anti-Social Behaviour", { 5, 15, 16 } },
	{ "Crime", { 1, 11 } },
	{ "Locations/Hotspots", { 5, 15 } },
	{ "Missing from Home or Care", { 7 } },
	{ "Domestic Abuse", { 6, 7 } },
	{ "Child Sexual Exploitation", { 7 } },
	{ "Drugs and Alcohol", { 11, 14 } },
	{ "Hate Crime", { 9, 17 } },
	{ "Complex Safeguarding", { 7 } },
	{ "Organised Crime Groups", { 11 } },
	{ "Young People at Risk", { 7, 11 } },
	{ "Adult Offending", { 10, 11, 14 } },
	{ "Youth Offending", { 10, 14 } },
	{ "Victims", { 6, 8, 13 } },
};

static const struct {
	const char *name;
	int64_t allocation_pence;
	const char *note;
} funds_2020[] = {
	{ "Community Safety Grant", 21897300, NULL },
	{ "Voluntary and Community Sector Grant", 10000000,
	  "Distributed via the Stockport Local Fund process." },
	{ "Serious Violence Fund", 15000000, NULL },
	{ "Hate Crime Fund", 1000000, NULL },
};

static const struct {
	const char *fund, *recipient, *purpose, *priority;
	int64_t example_amount_pence;
} awards[] = {
	{ "Community Safety Grant", "Independent Domestic Violence Advocates (IDVAs)",
	  "Domestic abuse", "Domestic Abuse", 6000000 },
	{ "Community Safety Grant", "Target hardening (domestic abuse)",
	  "Domestic abuse", "Domestic Abuse", 1500000 },
	{ "Community Safety Grant", "Emergency accommodation", "Domestic abuse",
	  "Domestic Abuse", 2000000 },
	{ "Community Safety Grant", "Orange Umbrella project", "Domestic abuse",
	  "Domestic Abuse", 1000000 },
	{ "Community Safety Grant", "Target hardening (neighbourhoods)",
	  "Reducing criminal activity and anti-social behaviour in neighbourhood areas",
	  "Crime", 2500000 },
	{ "Community Safety Grant", "Street improvements to tackle environmental crime",
	  "Reducing criminal activity and anti-social behaviour in neighbourhood areas",
	  "Locations/Hotspots", 3000000 },
	{ "Community Safety Grant", "Additional no cold calling zones",
	  "Reducing criminal activity and anti-social behaviour in neighbourhood areas",
	  "Crime", 800000 },
	{ "Community Safety Grant", "Awareness raising campaigns",
	  "Reducing criminal activity and anti-social behaviour in neighbourhood areas",
	  "Anti-Social Behaviour", 1200000 },
	{ "Voluntary and Community Sector Grant", "Owls", "Domestic abuse",
	  "Domestic Abuse", 3000000 },
	{ "Voluntary and Community Sector Grant", "Man about a Dog",
	  "Suicide prevention", NULL, 2000000 },
	{ "Voluntary and Community Sector Grant", "PIE Radio UK",
	  "Diversionary activities for young people", "Young People at Risk",
	  2500000 },
	{ "Voluntary and Community Sector Grant", "Culture Bridge",
	  "Community cohesion and inclusion", "Hate Crime", 1500000 },
	{ "Serious Violence Fund", "Schools-based knife crime awareness programme",
	  "Serious youth violence", "Young People at Risk", 5000000 },
	{ "Serious Violence Fund", "Education Officer", "Serious youth violence",
	  "Young People at Risk", 3500000 },
	{ "Serious Violence Fund", "Post 16 Learning Mentor",
	  "Serious youth violence", "Young People at Risk", 3000000 },
	{ "Serious Violence Fund", "Parent and carers programme",
	  "Raising awareness of serious youth violence and of parents' and "
	  "carers' responsibilities", "Young People at Risk", 2000000 },
	{ "Hate Crime Fund", "Black History Month (education packs)",
	  "Hate crime awareness", "Hate Crime", 300000 },
	{ "Hate Crime Fund", "Stockport LGBT+ History Month",
	  "Hate crime awareness", "Hate Crime", 300000 },
	{ "Hate Crime Fund", "Making a difference workshops",
	  "Raising awareness about recognising hate crime", "Hate Crime", 250000 },
};

static const struct {
	const char *name, *kind, *parent, *tor;
	bool example;
} boards[] = {
	{ "Safer Stockport Partnership Board", "board", NULL,
	  "Example terms of reference: to set the partnership's priorities in a "
	  "three-year plan based on an annual strategic assessment; to hold theme "
	  "leads to account for delivery; to allocate community safety funding; "
	  "and to report each year to the council's scrutiny committee.",
	  true },
	{ "Domestic Abuse Partnership Board", "subgroup",
	  "Safer Stockport Partnership Board", NULL, true },
	{ "Hate Crime Partnership Group", "subgroup",
	  "Safer Stockport Partnership Board", NULL, true },
	{ "Stockport Channel Panel", "subgroup", "Safer Stockport Partnership Board",
	  NULL, true },
	{ "YOS Partnership Board", "subgroup", "Safer Stockport Partnership Board",
	  NULL, true },
	{ "Communities & Housing Scrutiny Committee", "committee", NULL,
	  "Receives the partnership's annual review and update.", false },
	{ "Corporate, Resource Management & Governance Scrutiny Committee",
	  "committee", NULL, NULL, false },
	{ "Health & Wellbeing Board", "committee", NULL, NULL, false },
	{ "Executive", "committee", NULL, NULL, false },
};

/* Example members of the partnership board: the theme leads. */
static const struct {
	const char *board, *person, *role;
} members[] = {
	{ "Safer Stockport Partnership Board", "Caroline Simpson",
	  "Lead, Public Safety and Protection" },
	{ "Safer Stockport Partnership Board", "Chris McLoughlin",
	  "Lead, Protecting Vulnerable People" },
	{ "Safer Stockport Partnership Board", "Marcus Noden",
	  "Lead, Serious and Organised Crime" },
	{ "Safer Stockport Partnership Board", "Val Mullock",
	  "Lead, Transforming Justice" },
	{ "Safer Stockport Partnership Board", "Nuala O'Rourke",
	  "Lead, Radicalisation and Extremism" },
	{ "Stockport Channel Panel", "Nuala O'Rourke", NULL },
};

static const struct {
	const char *title, *kind, *start, *end, *status, *approved_by,
		*approved_on, *note;
} plans[] = {
	{ "Safer Stockport Partnership Plan 2018/21", "partnership_plan",
	  "2018-04-01", "2021-03-31", "closed", NULL, NULL,
	  "Priority areas for action updated October 2019. Reviewed in the "
	  "Annual Review and Partnership Update 2020/21 to the Communities & "
	  "Housing Scrutiny Committee on 14 June 2021." },
	{ "One Stockport Safety Partnership Plan 2022-2025", "partnership_plan",
	  "2022-04-01", "2025-03-31", "approved", "Scrutiny Committee", "2022-03",
	  "Its themes and priorities are not in the records the demo is built "
	  "from." },
	{ "Domestic Abuse Prevention Strategy and Action Plan 2015-16", "strategy",
	  "2015-04-01", "2016-03-31", "approved", "Executive", "2014-09-30",
	  "Considered by the Corporate, Resource Management & Governance Scrutiny "
	  "Committee and the Health & Wellbeing Board on 16 September 2014." },
	{ "Serious Violence Plan 2024/25", "delivery_plan", "2024-04-01",
	  "2025-03-31", "draft", NULL, NULL,
	  "The Scrutiny Committee noted the proposed additional actions and the "
	  "OSSP's intention to use them as the basis of this plan." },
};

/* Example actions of the 2018/21 plan, drawn from what the annual review
 * reports; owners, dates and statuses are invented. */
static const struct {
	const char *theme, *priority, *title, *owner, *due, *status, *rag;
} actions[] = {
	{ "Public Safety and Protection", "Anti-Social Behaviour",
	  "Multi-agency response to anti-social behaviour over the festive season",
	  "Caroline Simpson", "2021-01-31", "completed", "green" },
	{ "Public Safety and Protection", "Anti-Social Behaviour",
	  "Resume youth outreach, including the Serious Violence Reduction "
	  "programme in schools", "Caroline Simpson", "2021-06-30", "in_progress",
	  "amber" },
	{ "Public Safety and Protection", "Anti-Social Behaviour",
	  "Set up the Detached Outreach youth work team", "Caroline Simpson",
	  "2021-09-30", "in_progress", "green" },
	{ "Public Safety and Protection", "Crime",
	  "Target hardening against residential burglary", "Jo Rogerson",
	  "2021-03-31", "completed", "green" },
	{ "Public Safety and Protection", "Locations/Hotspots",
	  "Assess applications for events during the pandemic", "Caroline Simpson",
	  "2020-09-30", "completed", "green" },
	{ "Protecting Vulnerable People", "Domestic Abuse",
	  "Recommission domestic abuse support as a gender-neutral service",
	  "Chris McLoughlin", "2019-03-31", "completed", "green" },
	{ "Protecting Vulnerable People", "Domestic Abuse",
	  "Deliver the Perpetrator Programme with the additional funding",
	  "Chris McLoughlin", "2021-03-31", "in_progress", "amber" },
	{ "Protecting Vulnerable People", "Complex Safeguarding",
	  "Complete the Female Genital Mutilation strategy and action plan",
	  "Chris McLoughlin", "2020-12-31", "completed", "green" },
	{ "Protecting Vulnerable People", "Complex Safeguarding",
	  "Hold a complex safeguarding week of action", "Chris McLoughlin",
	  "2020-10-31", "completed", "green" },
	{ "Protecting Vulnerable People", "Hate Crime",
	  "Hate crime awareness week with local voluntary and community groups",
	  "Chris McLoughlin", "2020-10-31", "completed", "green" },
	{ "Protecting Vulnerable People", "Missing from Home or Care",
	  "Review return interviews for children missing from home or care",
	  "Chris McLoughlin", "2020-06-30", "on_hold", "red" },
	{ "Protecting Vulnerable People", "Drugs and Alcohol",
	  "Address the priorities of the GM Drugs and Alcohol Strategy in Stockport",
	  "Chris McLoughlin", "2021-03-31", "completed", "green" },
	{ "Serious and Organised Crime", "Organised Crime Groups",
	  "Operation Challenger: disrupt organised crime groups and dismantle "
	  "supply lines", "Marcus Noden", "2021-03-31", "completed", "green" },
	{ "Serious and Organised Crime", "Young People at Risk",
	  "Safeguarding operations against child criminal exploitation and county "
	  "lines", "Marcus Noden", "2021-03-31", "completed", "green" },
	{ "Transforming Justice", "Adult Offending",
	  "Prepare for the unification of probation services in June 2021",
	  "Val Mullock", "2021-06-30", "completed", "green" },
	{ "Transforming Justice", "Adult Offending",
	  "Develop an Intensive Community Order model for young adults",
	  "Val Mullock", "2021-09-30", "in_progress", "amber" },
	{ "Transforming Justice", "Youth Offending",
	  "Approve the annual Youth Justice Plan", "Val Mullock", "2020-12-31",
	  "completed", "green" },
	{ "Transforming Justice", "Victims",
	  "Pilot a post-conviction, victim-led restorative justice process for "
	  "domestic abuse cases", "Val Mullock", "2022-03-31", "not_started", NULL },
	{ "Radicalisation and Extremism", NULL,
	  "Complete the GM Prevent self-assessment for Stockport", "Nuala O'Rourke",
	  "2021-05-31", "completed", "green" },
	{ "Radicalisation and Extremism", NULL,
	  "Prepare for the Channel Panel case peer review", "Nuala O'Rourke",
	  "2021-07-31", "in_progress", "amber" },
};

/* Example progress updates: action (by its index above), date, author,
 * text, and the status set with it. */
static const struct {
	int action;
	const char *date, *author, *body, *status, *rag;
} updates[] = {
	{ 0, "2020-12-14T10:00:00Z", "Caroline Simpson",
	  "Joint patrol plan agreed with GMP and Stockport Homes for the festive "
	  "period.", "in_progress", "green" },
	{ 0, "2021-02-08T10:00:00Z", "Caroline Simpson",
	  "Series of incidents over the festive season addressed through multi-"
	  "agency work.", "completed", "green" },
	{ 1, "2021-04-19T09:30:00Z", "Caroline Simpson",
	  "Outreach can resume as restrictions relax; schools programme being "
	  "rescheduled.", "in_progress", "amber" },
	{ 3, "2021-03-29T14:00:00Z", "Jo Rogerson",
	  "Residential burglary remains an operational priority; target hardening "
	  "completed in the identified streets.", "completed", "green" },
	{ 6, "2021-01-11T11:00:00Z", "Chris McLoughlin",
	  "Additional funding confirmed; provider procurement under way.",
	  "in_progress", "amber" },
	{ 10, "2020-05-04T09:00:00Z", "Chris McLoughlin",
	  "Paused during the first lockdown; face-to-face interviews not possible.",
	  "on_hold", "red" },
	{ 12, "2021-03-22T16:00:00Z", "Marcus Noden",
	  "Imprisonment of prominent OCG members, warrants executed, firearms "
	  "seized and over \xC2\xA3" "400K of Proceeds of Crime Act monies seized.",
	  "completed", "green" },
	{ 15, "2021-05-24T10:00:00Z", "Val Mullock",
	  "Model developed; to be available to courts shortly after unification.",
	  "in_progress", "amber" },
	{ 19, "2021-05-10T10:00:00Z", "Nuala O'Rourke",
	  "Planning and preparation under way for the review starting in July.",
	  "in_progress", "amber" },
};

/* ---------------------------------------------------------------------
 * Loading
 */

#define DEMO_MARK "stockport-1"

/* Name-to-id lookups filled while loading. */
struct ids {
	int64_t org[ARRAY_SIZE(organisations)];
	int64_t person[ARRAY_SIZE(people)];
	int64_t board[ARRAY_SIZE(boards)];
	int64_t fund[ARRAY_SIZE(funds_2020)];
	int64_t outcome[18]; /* by number */
	int64_t theme[ARRAY_SIZE(themes_2018)];
	int64_t priority[ARRAY_SIZE(themes_2018)][7];
	int64_t action[ARRAY_SIZE(actions)];
	int64_t plan_2018;
};

static int64_t org_id(const struct ids *ids, const char *short_name)
{
	for (size_t i = 0; i < ARRAY_SIZE(organisations); i++)
		if (organisations[i].short_name &&
		    strcmp(organisations[i].short_name, short_name) == 0)
			return ids->org[i];
	BUG("demo: no organisation '%s'", short_name);
}

static int64_t person_id(const struct ids *ids, const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(people); i++)
		if (strcmp(people[i].name, name) == 0)
			return ids->person[i];
	BUG("demo: no person '%s'", name);
}

static int64_t board_id(const struct ids *ids, const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(boards); i++)
		if (strcmp(boards[i].name, name) == 0)
			return ids->board[i];
	BUG("demo: no board '%s'", name);
}

static int64_t fund_id(const struct ids *ids, const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(funds_2020); i++)
		if (strcmp(funds_2020[i].name, name) == 0)
			return ids->fund[i];
	BUG("demo: no fund '%s'", name);
}

/* The 2018/21 priority area whose name starts with prefix. */
static int64_t priority_id(const struct ids *ids, const char *prefix)
{
	for (size_t t = 0; t < ARRAY_SIZE(themes_2018); t++)
		for (size_t p = 0; p < 7 && themes_2018[t].priorities[p]; p++)
			if (strncmp(themes_2018[t].priorities[p], prefix,
				    strlen(prefix)) == 0)
				return ids->priority[t][p];
	BUG("demo: no priority area '%s'", prefix);
}

static int64_t theme_id(const struct ids *ids, const char *name)
{
	for (size_t t = 0; t < ARRAY_SIZE(themes_2018); t++)
		if (strcmp(themes_2018[t].name, name) == 0)
			return ids->theme[t];
	BUG("demo: no theme '%s'", name);
}

static int load_people(struct store *s, struct ids *ids, struct err *e)
{
	int64_t pid;

	if (store_partnership_create(
		    s, "One Stockport Safety Partnership", "Stockport",
		    "The community safety partnership for Stockport: the council, "
		    "police, probation, fire and rescue and health, working together "
		    "under the Crime and Disorder Act 1998 to plan and monitor "
		    "community safety in the borough.",
		    &pid, e) < 0 ||
	    store_former_name_add(s, pid, "Safer Stockport Partnership", NULL, e) < 0)
		return -1;
	for (size_t i = 0; i < ARRAY_SIZE(organisations); i++) {
		struct organisation_input in = {
			organisations[i].name, organisations[i].short_name,
			organisations[i].sector, organisations[i].member,
			organisations[i].note, organisations[i].example, 0,
		};

		if (store_organisation_create(s, &in, &ids->org[i], e) < 0)
			return -1;
	}
	for (size_t i = 0; i < ARRAY_SIZE(people); i++) {
		struct person_input in = { people[i].name, people[i].role,
					   org_id(ids, people[i].org), false, 0 };

		if (store_person_create(s, &in, &ids->person[i], e) < 0)
			return -1;
	}
	for (size_t i = 0; i < ARRAY_SIZE(boards); i++) {
		struct board_input in = {
			boards[i].name, boards[i].kind,
			boards[i].parent ? board_id(ids, boards[i].parent) : 0, 0,
			boards[i].tor, boards[i].example, 0, NULL, 0,
		};

		if (store_board_create(s, &in, &ids->board[i], e) < 0)
			return -1;
	}
	for (size_t i = 0; i < ARRAY_SIZE(members); i++)
		if (store_board_add_member(s, board_id(ids, members[i].board),
					   person_id(ids, members[i].person),
					   members[i].role, true, e) < 0)
			return -1;
	return 0;
}

static int load_plans(struct store *s, struct ids *ids, struct err *e)
{
	int64_t fw, group = 0;
	const char *group_name = NULL;

	for (size_t i = 0; i < ARRAY_SIZE(plans); i++) {
		struct plan_input in = { plans[i].title, plans[i].kind,
					 plans[i].start, plans[i].end,
					 plans[i].status, plans[i].approved_by,
					 plans[i].approved_on, plans[i].note, 0, 0 };
		int64_t id;

		if (store_plan_create(s, &in, &id, e) < 0)
			return -1;
		if (i == 0)
			ids->plan_2018 = id;
	}
	for (size_t t = 0; t < ARRAY_SIZE(themes_2018); t++) {
		if (store_theme_create(s, ids->plan_2018, themes_2018[t].name, NULL,
				       person_id(ids, themes_2018[t].lead),
				       &ids->theme[t], e) < 0)
			return -1;
		for (size_t p = 0; p < 7 && themes_2018[t].priorities[p]; p++)
		{
			struct priority_input pin = {
				.name = themes_2018[t].priorities[p],
			};

			if (store_priority_create(s, ids->theme[t], &pin,
						  &ids->priority[t][p], e) < 0)
				return -1;
		}
	}
	if (store_framework_create(
		    s, "GM Police and Crime Plan 2018-21 \xE2\x80\x98Standing Together\xE2\x80\x99",
		    "Greater Manchester Combined Authority", "2018-21",
		    "Our plan for police, community safety, criminal justice services "
		    "and citizens in Greater Manchester.",
		    &fw, e) < 0)
		return -1;
	for (size_t i = 0; i < ARRAY_SIZE(outcomes); i++) {
		if (!group_name || strcmp(group_name, outcomes[i].group) != 0) {
			group_name = outcomes[i].group;
			if (store_outcome_group_create(s, fw, group_name, &group, e) < 0)
				return -1;
		}
		if (store_outcome_create(s, group, outcomes[i].number,
					 outcomes[i].text,
					 &ids->outcome[outcomes[i].number], e) < 0)
			return -1;
	}
	for (size_t i = 0; i < ARRAY_SIZE(links); i++)
		for (size_t k = 0; k < 4 && links[i].numbers[k]; k++)
			if (store_priority_outcome_link(
				    s, priority_id(ids, links[i].priority),
				    ids->outcome[links[i].numbers[k]], true, e) < 0)
				return -1;
	return 0;
}

static int load_funding(struct store *s, struct ids *ids, struct err *e)
{
	for (size_t i = 0; i < ARRAY_SIZE(funds_2020); i++) {
		struct fund_input in = { 0 };

		in.set = FUND_NAME | FUND_YEAR | FUND_ALLOCATION | FUND_NOTE;
		in.name = funds_2020[i].name;
		in.year = "2020/21";
		in.allocation_pence = funds_2020[i].allocation_pence;
		in.note = funds_2020[i].note;
		if (store_fund_create(s, &in, &ids->fund[i], e) < 0)
			return -1;
	}
	for (size_t i = 0; i < ARRAY_SIZE(awards); i++) {
		struct award_input in = { 0 };

		in.set = AWARD_STATUS;
		in.fund_id = fund_id(ids, awards[i].fund);
		in.recipient = awards[i].recipient;
		in.purpose = awards[i].purpose;
		in.has_amount = true;
		in.amount_pence = awards[i].example_amount_pence;
		in.priority_id = awards[i].priority ? priority_id(ids, awards[i].priority)
						    : 0;
		in.status = "paid";
		in.note = "Recipient and purpose from the 2020/21 annual review; the "
			  "amount is example data.";
		in.example = true;
		if (store_award_create(s, &in, NULL, e) < 0)
			return -1;
	}
	return 0;
}

/* Does action i have example progress updates? */
static bool has_updates(size_t i)
{
	for (size_t k = 0; k < ARRAY_SIZE(updates); k++)
		if ((size_t)updates[k].action == i)
			return true;
	return false;
}

static int load_actions(struct store *s, struct ids *ids, struct err *e)
{
	for (size_t i = 0; i < ARRAY_SIZE(actions); i++) {
		struct action_input in = { 0 };

		in.set = ACTION_PLAN | ACTION_THEME | ACTION_PRIORITY | ACTION_TITLE |
			 ACTION_OWNER | ACTION_DUE | ACTION_STATUS | ACTION_RAG;
		in.plan_id = ids->plan_2018;
		in.theme_id = theme_id(ids, actions[i].theme);
		in.priority_id = actions[i].priority
					 ? priority_id(ids, actions[i].priority) : 0;
		in.title = actions[i].title;
		in.owner_id = person_id(ids, actions[i].owner);
		in.due_on = actions[i].due;
		/* An action with updates starts not started; its updates
		 * move it on. */
		in.status = has_updates(i) ? "not_started" : actions[i].status;
		in.rag = has_updates(i) ? NULL : actions[i].rag;
		in.example = true;
		if (store_action_create(s, &in, &ids->action[i], e) < 0)
			return -1;
	}
	for (size_t k = 0; k < ARRAY_SIZE(updates); k++) {
		struct update_input in = {
			person_id(ids, updates[k].author), updates[k].body,
			updates[k].status, updates[k].rag, updates[k].date, true,
		};

		if (store_action_add_update(s, ids->action[updates[k].action], &in,
					    NULL, e) < 0)
			return -1;
	}
	/* Actions whose last update left them short of their final state. */
	for (size_t i = 0; i < ARRAY_SIZE(actions); i++) {
		struct action_input in = { 0 };

		in.set = ACTION_STATUS | ACTION_RAG;
		in.status = actions[i].status;
		in.rag = actions[i].rag;
		if (store_action_update(s, ids->action[i], &in, e) < 0)
			return -1;
	}
	return 0;
}

int demo_load(struct store *s, enum demo_result *result, struct err *e)
{
	struct arena a = ARENA_INIT;
	const char *mark;
	struct ids *ids;
	int rc;

	if (store_meta_get(s, &a, "demo", &mark, e) < 0) {
		arena_release(&a);
		return -1;
	}
	if (mark && strcmp(mark, DEMO_MARK) == 0) {
		arena_release(&a);
		*result = DEMO_ALREADY_LOADED;
		return 0;
	}
	if (store_partnership(s, &a, e)) {
		arena_release(&a);
		return err_set(e, ERR_CONFLICT, NULL,
			       "the database already holds a partnership; load "
			       "the demo into a new database (safer --db demo.db demo)");
	}
	arena_release(&a);
	if (e && e->code != ERR_NOT_FOUND)
		return -1; /* the store failed: not "no partnership" */
	if (e)
		err_clear(e);
	ids = xcalloc(1, sizeof(*ids));
	rc = store_begin(s, e);
	if (rc == 0 &&
	    (load_people(s, ids, e) < 0 || load_plans(s, ids, e) < 0 ||
	     load_funding(s, ids, e) < 0 || load_actions(s, ids, e) < 0 ||
	     demo_crime_load(s, e) < 0 || demo_indicators_load(s, e) < 0 ||
	     demo_meetings_load(s, e) < 0 ||
	     store_meta_set(s, "demo", DEMO_MARK, e) < 0)) {
		store_rollback(s);
		rc = -1;
	} else if (rc == 0) {
		rc = store_commit(s, e);
	}
	free(ids);
	*result = DEMO_LOADED;
	return rc;
}
