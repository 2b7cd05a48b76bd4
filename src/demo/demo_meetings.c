/*
 * demo_meetings.c: the Stockport demo's bodies, meetings, agenda items,
 * minutes, resolutions, undertakings and the Domestic Abuse Strategy's
 * path as one issue, from the four records of council meetings among the
 * seed documents, word for word where they give words:
 *
 *   - the issue history of the Domestic Abuse Strategy and Action Plan:
 *     the Corporate, Resource Management & Governance Scrutiny Committee
 *     (item 5) and the Health & Wellbeing Board (item 6) on 16/09/2014,
 *     the Executive (item 10) on 30/09/2014, which approved it;
 *   - the 2016 scrutiny item 4 on the Safer Stockport Partnership's
 *     performance, priorities and governance;
 *   - item 4 on the One Stockport Safety Partnership's activity since
 *     the committee approved its 2022-2025 plan in March 2022;
 *   - the OSSP Serious Violence Strategic Needs Assessment and Plan
 *     2024/25, with its undertaking and the request for an updated
 *     report;
 *   - the Annual Review and Partnership Update 2020/21 to the
 *     Communities & Housing Scrutiny Committee on 14 June 2021.
 *
 * What the records do not give (times, venues, the dates and bodies of
 * meetings known only by their year, item numbers not printed, the
 * future meeting the request is due at) is made up and marked as example
 * data (is_example), and each meeting's note says which parts.  Part of
 * demo_load, inside its transaction: loading the demo again changes
 * nothing.
 */
#include "base/arena.h"
#include "base/text.h"
#include "demo.h"
#include "store/store_meeting.h"
#include "store/store_plan.h"
#include "store/store_scrutiny.h"

#define CRMG "Corporate, Resource Management & Governance Scrutiny Committee"
#define HWB "Health & Wellbeing Board"
#define EXEC "Executive"
#define CH "Communities & Housing Scrutiny Committee"

static const struct {
	const char *name, *kind, *note;
} bodies[] = {
	{ CRMG, "scrutiny", NULL },
	{ HWB, "health_wellbeing", NULL },
	{ EXEC, "executive", NULL },
	{ CH, "scrutiny",
	  "Approved the One Stockport Safety Partnership's 2022-2025 Plan in "
	  "March 2022, and receives the partnership's annual review." },
};

/* A meeting and its one item (the seeds record one item of each). */
struct demo_item {
	const char *body;
	const char *date, *time, *venue;
	bool date_example;    /* only the year (or period) is known */
	const char *number;
	bool number_example;  /* the record prints none */
	const char *title;
	const char *report_of, *contact, *summary, *minutes;
	const char *recommendations[4];
	const char *comments[16];
	struct {
		const char *text, *kind, *to_body;
	} resolutions[3];
	struct {
		const char *name, *role;
	} attendees[3];
	const char *plan;     /* the plan it is about (an item link), or NULL */
	bool issue;           /* on the Domestic Abuse Strategy's path */
};

#define DA_SUMMARY_CRMG                                                     \
	"The current domestic abuse strategy covers the period 2012-14.  The " \
	"Draft Domestic Abuse Prevention Strategy for 2015-16 is a new "       \
	"statement of Stockport’s approach to outcomes for adults, families "  \
	"and children and young people who experience domestic abuse.  The "   \
	"strategy sets out the priorities established by the comprehensive "  \
	"‘Review of Domestic Abuse Services’ carried out in 2013 and is "      \
	"guided by the best available evidence about the long term "          \
	"effectiveness of interventions.\n\nA copy of the draft strategy and " \
	"action plan is appended to this report. The Strategy forms a "       \
	"framework to steer the work of all key partners in Stockport and "   \
	"provides a policy basis for the consistent commissioning and "       \
	"development of provision and services."

static const struct demo_item items[] = {
	{ CRMG, "2014-09-16", "18:00", "Town Hall, Stockport", false, "5",
	  false, "Domestic Abuse Strategy and Action Plan",
	  "Deputy Chief Executive",
	  "Helen Boyle on Tel: 0161-474-3145 or by email on "
	  "helen.boyle@stockport.gov.uk",
	  DA_SUMMARY_CRMG,
	  "The Deputy Chief Executive submitted a report (copies of which had "
	  "been circulated) in relation to the draft Domestic Abuse Prevention "
	  "Strategy for 2015-16 which was a new statement of Stockport’s "
	  "approach to outcomes for adults, families and children and young "
	  "people who experience domestic abuse.  The strategy set out the "
	  "priorities established by the comprehensive ‘Review of Domestic "
	  "Abuse Services’ carried out in 2013 and is guided by the best "
	  "available evidence about the long term effectiveness of "
	  "interventions.\n\nA copy of the draft strategy and action plan was "
	  "appended to the report and formed a framework to steer the work of "
	  "all key partners in Stockport and provided a policy basis for the "
	  "consistent commissioning and development of provision and "
	  "services.\n\nThe Deputy Executive Leader and Portfolio holder for "
	  "Corporate, Customer and Community Services (Councillor Iain "
	  "Roberts) attended the meeting to answer member’s questions.",
	  { "The Scrutiny Committee is invited to comment on the draft strategy "
	    "and implementation plan for 2015-16." },
	  { "The need for all front line officers to be appropriately trained "
	    "to be able to support victims and perpetrators of domestic abuse "
	    "they may encounter.",
	    "The role of Councillor, as community champions, in leading the "
	    "fight against domestic abuse locally.",
	    "The Strategy recognised that domestic abuse can affect anyone "
	    "irrespective of gender, sexuality, age, class, religion or "
	    "ethnicity.",
	    "A significant number of incidents of domestic abuse are alcohol "
	    "related and there was a need to continue to work with mental "
	    "health, Domestic Abuse and Alcohol Services." },
	  { { "That the draft Domestic Abuse Prevention Strategy for 2015-16 be "
	      "noted.", "noted", NULL } },
	  { { "Councillor Iain Roberts", "in_attendance" } },
	  "Domestic Abuse Prevention Strategy and Action Plan 2015-16", true },
	{ HWB, "2014-09-16", "14:00", "Town Hall, Stockport", false, "6", false,
	  "Domestic Abuse Strategy and Action Plan",
	  "Deputy Chief Executive (Stockport Council)",
	  "Helen Boyle, 0161-474-3145, helen.boyle@stockport.gov.uk",
	  "The current domestic abuse strategy covers the period 2012-14.  The "
	  "Draft Domestic Abuse Prevention Strategy for 2015-16 is a new "
	  "statement of Stockport’s approach to outcomes for adults, families "
	  "and children and young people who experience domestic abuse.  The "
	  "Strategy sets out the priorities established by the comprehensive "
	  "‘Review of Domestic Abuse Services’ carried out in 2013 and is "
	  "guided by the best available evidence about the long term "
	  "effectiveness of interventions.\n\nThe draft strategy and action "
	  "plan is included in the agenda. The Strategy forms a framework to "
	  "steer the work of all key partners in Stockport and provides a "
	  "policy basis for the consistent commissioning and development of "
	  "provision and services.",
	  "The Corporate Director for People (Stockport Council) submitted a "
	  "report (copies of which had been circulated) inviting the Board to "
	  "consider a revised Domestic Abuse Strategy and Action Plan that was "
	  "currently being consulted on. It was emphasised that there were "
	  "approximately 5000 incidents of domestic abuse recorded by Police "
	  "last year, 3000 of which were in setting with children.\n\nThe "
	  "Strategy and Action Plan recognised the need for cooperation "
	  "between agencies to provide better preventative services (including "
	  "awareness raising in schools); to develop a series of interventions "
	  "when abuse was identified (such as homeless referrals); and "
	  "improvement in the treatment of perpetrators to prevent future "
	  "incidents.\n\nOversight and governance of the Strategy and Action "
	  "Plan would mirror that for Troubled Families pathway, which had been "
	  "a successful approach to providing quicker and targeted "
	  "intervention through multi-agency working.",
	  { "The Board is invited to comment on the draft Strategy." },
	  { "Greater emphasis was needed on wider services that could "
	    "contribute to the Strategy, such as district nursing, as the "
	    "current Strategy had an understandable, but too narrow a focus on "
	    "children’s services.",
	    "Significant improvements had been made in recent years to ensuring "
	    "the response of agencies was more cohesive, and this was a "
	    "development of that. Significant risk would remain in relation to "
	    "sharing of information and communication between agencies.",
	    "It was important to ensure professionals and front line staff were "
	    "supported as responding to domestic abuse and other problems could "
	    "be overwhelming.",
	    "There were really deficiencies in the current regulatory system to "
	    "identify risks to adults living in care homes and nursing homes. "
	    "Efforts to encourage relationship building between the new health "
	    "and social care locality hubs and local care homes to improve "
	    "monitoring providing support  was welcomed." },
	  { { "That the Domestic Abuse Strategy and Action Plan be welcomed and "
	      "the Council Executive be recommended to approve the Strategy and "
	      "Plan, subject to the comments of this Board.", "recommended",
	      EXEC } },
	  { { NULL, NULL } },
	  "Domestic Abuse Prevention Strategy and Action Plan 2015-16", true },
	{ EXEC, "2014-09-30", "18:00", "Town Hall, Stockport", false, "10",
	  false, "Domestic Abuse Strategy and Action Plan (CCCS22)",
	  "Executive Councillor (Corporate, Customer & Community Services)",
	  "Helen Boyle; 0161-474-3145, helen.boyle@stockport.gov.uk",
	  "The current domestic abuse strategy for Stockport covers the period "
	  "2012-14.  The Draft Domestic Abuse Prevention Strategy for 2015-16 "
	  "is a new statement of Stockport’s approach to outcomes for adults, "
	  "families and children and young people who experience domestic "
	  "abuse.  The strategy sets out the priorities established by the "
	  "comprehensive ‘Review of Domestic Abuse Services’ carried out in "
	  "2013 and is guided by the best available evidence about the long "
	  "term effectiveness of interventions.",
	  "The Executive Councillor (Corporate, Customer & Community Services) "
	  "submitted a report (copies of which had been circulated) inviting "
	  "the Executive Meeting to consider a revised Domestic Abuse "
	  "Prevention Strategy for 2015-16 and Action Plan that would inform "
	  "the approach of partners in Stockport to prevent and respond to "
	  "domestic abuse.\n\nCouncillor Meikle, the Council’s Domestic Abuse "
	  "Champion, commended the Strategy to the Executive. Executive "
	  "councillors welcomed the commitment to the multi-agency working "
	  "demonstrated by the Strategy.",
	  { "The Executive is asked to approve the draft Domestic Abuse "
	    "Strategy and Implementation Plan for 2015-16." },
	  { NULL },
	  { { "That the Domestic Abuse Strategy and Action Plan for 2015-16 be "
	      "approved.", "approved", NULL },
	    { "That officers involved in the preparation of the Strategy be "
	      "thanked for their contribution.", "other", NULL } },
	  { { "Councillor Meikle", "in_attendance" } },
	  "Domestic Abuse Prevention Strategy and Action Plan 2015-16", true },
	{ CRMG, "2016-07-05", "18:00", "Town Hall, Stockport", true, "4", false,
	  "Safer Stockport Partnership - Performance, Priorities and Governance",
	  "Deputy Chief Executive",
	  "Steve Skelton, 0161 474 31714, steve.skelton@stockport.gov.uk",
	  "This item consists of information to support scrutiny committees "
	  "provide oversight of work of the Safer Stockport Partnership. It "
	  "includes a presentation outlining key performance trends, the "
	  "proposed SSP priorities for 2016/17 and recently agreed changes to "
	  "governance arrangements for the Partnership.",
	  "A report of the Deputy Chief Executive submitted a report (copies of "
	  "which had been circulated) setting out the proposed changes to "
	  "governance arrangements for the Safer Stockport Partnership.\n\nThe "
	  "Scrutiny Committee received a presentation from Superintendent Jo "
	  "Rogerson and Steve Skelton outlining key performance trends in "
	  "2015/16 and priorities for 2016/17.",
	  { "Consider the proposed themes for the 2016/17 SSP Plan set out in "
	    "Section 3;",
	    "Note the proposed governance arrangements for the SSP set out in "
	    "section 4;",
	    "Comment on key data trends and information within the "
	    "presentation." },
	  { "Concerns were raised about support for about male victims of "
	    "domestic abuse and the long term mental health implications for "
	    "victims. Partners had worked hard to raise the profile of this "
	    "issue and encourage reporting, although it was acknowledged there "
	    "was more work to do. The recent recommissioning of domestic abuse "
	    "support had required a gender neutral service, but this approach "
	    "was a challenge for many providers given the traditional focus on "
	    "women.",
	    "Clarification was sought on the new Police Response Team "
	    "arrangements, and it was stated that the new approach to having "
	    "response teams based in neighbourhood police stations would being "
	    "in September, although this would be January 2017 in the case of "
	    "Marple due to building works at the Police Station.",
	    "In relation to figures for children missing from care homes, "
	    "clarification was sought on whether those with no reports were "
	    "doing something better. In response it was stated that partners "
	    "worked with care homes to address these issues, and some of the "
	    "difference in figures related to the children who may be "
	    "considered ‘absent’ rather than ‘missing’. Some of the facilities "
	    "may also cater for children with severe needs so they were "
	    "unlikely to have children who could go ‘missing’.",
	    "It was commented opiate misusers often had more than one "
	    "vulnerability, such as other drug/alcohol misuse, mental health "
	    "problems, that could lead to additional risk and vulnerability in "
	    "the community and agencies had not always been successful at "
	    "addressing these multiple factors. In response it was stated that "
	    "the work such as Stockport Family was an example of how working "
	    "across organisations could provide better support for those with "
	    "complex needs.",
	    "Further information was requested about Restorative Justice. In "
	    "response it was stated that this was approach was well developed "
	    "and well used in Stockport, working closely with the Magistrate "
	    "Court to develop an appropriate pathway. The mediation was "
	    "undertaken by trained volunteers, for a wide range of offences.",
	    "Concerns were expressed about how well partners were encouraging "
	    "and providing opportunities for males, and young boys in "
	    "particular, to report sexual abuse. It was acknowledge that Child "
	    "Sexual Exploitation could take many forms, and that Operation "
	    "Phoenix (a partnership between GMP and local councils) provided "
	    "dedicated resources to address this issue, including outreach work "
	    "with partners. It was further acknowledged that young people often "
	    "did not want to talk to Police Officers in the first instance." },
	  { { "That the report be noted and that Supt. Rogerson and Steve "
	      "Skelton be thanked for their attendance and presentation.",
	      "noted", NULL } },
	  { { "Superintendent Jo Rogerson", "presenting" },
	    { "Steve Skelton", "presenting" } },
	  NULL, false },
	{ CH, "2021-06-14", "18:00", "Town Hall, Stockport", false, "5", true,
	  "Annual Review and Partnership Update 2020/21", NULL, NULL, NULL,
	  NULL, { NULL }, { NULL }, { { NULL, NULL, NULL } },
	  { { "Mark Glynn (SMBC)", "presenting" },
	    { "Superintendent Marcus Noden (GMP)", "presenting" } },
	  "Safer Stockport Partnership Plan 2018/21", false },
	{ CH, "2023-11-07", "18:00", "Town Hall, Stockport", true, "4", false,
	  "One Stockport Community Safety Partnership",
	  "Deputy Chief Executive and Greater Manchester Police",
	  "Karishma Chandaria at karishma.chandaria@stockport.gov.uk",
	  "The presentation focuses on the activity of the One Stockport Safety "
	  "Partnership (OSSP) since this committee approved the partnership’s "
	  "2022-2025 Plan in March 2022.",
	  "Michael Cullen (Deputy Chief Executive) and Chief Superintendent "
	  "John Webster (Greater Manchester Police) attended the meeting and "
	  "made a presentation focussing on the activity of the One Stockport "
	  "Safety Partnership (OSSP) since this Committee approved the "
	  "partnership’s 2022-2025 Plan in March 2022.\n\nThe Cabinet Member "
	  "for Communities, Culture & Sport (Councillor Frankie Singleton) "
	  "attended the meeting to respond to councillors’ questions.",
	  { "The Scrutiny Committee is recommended to note the presentation." },
	  { "The District Commander gave details related to the Child-Centred "
	    "Custody Pilot, aiming for better working practices and a "
	    "child-centred framework. The pilot also aimed to ensure that every "
	    "child arrested would be discussed in detail with partnership "
	    "organisations. The measures for improved working practices would "
	    "be multi-faceted. Quantitative measures such as the time taken for "
	    "the investigative process and time spent in custody would be taken "
	    "into account. Other measures were more qualitative.",
	    "The District Commander invited Members of the Committee to observe "
	    "the work of the police when children were arrested.",
	    "Members welcomed the revised approach to children in custody, "
	    "which was considered to be humane, in particular describing "
	    "children in custody as being vulnerable.",
	    "In terms of police engagement in community activities with "
	    "children, it was stated that, whilst the police took up "
	    "opportunities to engage with the local community, they did not "
	    "take the lead on such engagement as that was not the core role of "
	    "the police.",
	    "The police were involved with outreach programs aimed at "
	    "preventing anti-social behaviour. They supported and facilitated "
	    "the work of statutory and non-statutory partners in this work and "
	    "had some significant successes. The police also had two dedicated "
	    "schools officers who worked with troubled young people.",
	    "It was also reported that the Youth Justice Board and Youth "
	    "Offending Teams worked with young people through means including "
	    "community safety and partnerships such as football clubs. This "
	    "work had helped to change the lives of young people.",
	    "The work of the Police Restorative Justice Officer involved looking "
	    "at outcomes for young people. Whilst in some circumstances, "
	    "depending on the level of offending, a prosecution was inevitable, "
	    "opportunities for an alternative path were sought.",
	    "County lines crime, where criminals – often drug dealers – took "
	    "advantage of vulnerable individuals, often children, to force them "
	    "into criminal activity. This was a nationwide issue, although not "
	    "an especially significant issue for Stockport. Nonetheless, work "
	    "was ongoing in Stockport to abate that type of offending.",
	    "There were some circumstances where individuals under arrest, "
	    "particularly children, were treated as victims themselves, and "
	    "where legislation related to duress and the Slavery Act were "
	    "applied.",
	    "Members commented positively on community engagement with the "
	    "neighbourhood police inspectors, citing a recent, well-attended, "
	    "Police and Communities Together (PACT) meeting in Werneth.",
	    "Neighbourhood policing and communications with local people were "
	    "key to developing effective relationships between the police and "
	    "the community.",
	    "It was noted that the neighbourhood police had been proactive in "
	    "terms of social media updates, particularly related to town centre "
	    "arrests. The police took the view that understanding the "
	    "experiences of the community was vital and it wanted the town "
	    "centre to be a place for people to thrive.",
	    "Members commented that the police still had some work to do to "
	    "provide assurances to residents that they would attend burglaries. "
	    "In response it was acknowledged that Greater Manchester Police’s "
	    "historical position that it could not investigate all crime had "
	    "been damaging. It was reported that 100 per cent of reported crime "
	    "was now investigated. In Stockport burglaries were down by 35 per "
	    "cent in the past two years. Residents were encouraged to contact "
	    "the police in the event of burglaries.",
	    "In terms of crime rates, serious offending had significantly "
	    "reduced and Stockport was regarded as a safe place to live." },
	  { { NULL, NULL, NULL } },
	  { { "Michael Cullen (Deputy Chief Executive)", "presenting" },
	    { "Chief Superintendent John Webster (Greater Manchester Police)",
	      "presenting" },
	    { "Councillor Frankie Singleton", "in_attendance" } },
	  "One Stockport Safety Partnership Plan 2022-2025", false },
	{ CH, "2024-07-02", "18:00", "Town Hall, Stockport", true, "5", true,
	  "One Stockport Safety Partnership (OSSP) Serious Violence Strategic "
	  "Needs Assessment and Plan 2024/25",
	  "Director of Strategy",
	  "Alan Lawson 07890 563587 | alan.lawson@stockport.gov.uk; Jacqui "
	  "Belfield-Smith 07800 617 569 | jacqui.belfield-smith@stockport.gov.uk",
	  "The report sets out proposed activities to plan and collaborate to "
	  "prevent and tackle serious violence in Stockport.",
	  "The Director of Strategy submitted a report (copies of which had "
	  "been circulated) setting out proposed activities to plan and "
	  "collaborate to prevent and tackle serious violence in Stockport.",
	  { "the proposed additional actions for 2024/25 outlined in the tables "
	    "at paragraph 4.1 of the report;",
	    "the OSSP’s intention to use these proposed additional actions as "
	    "the basis for its Serious Violence Plan for 2024/25; and",
	    "the OSSP’s proposed approach to serious violence assessment and "
	    "planning beyond 2024/25 set out in paragraph 2.5, namely, to "
	    "incorporate work relating to serious violence as a specific strand "
	    "within its overall assessment and planning arrangements." },
	  { "The knife amnesties were welcomed as a way to help tackle knife "
	    "crime and to get knives off the streets. It was reported that many "
	    "of the amnesties included all forms of weapons, however the focus "
	    "in Stockport was to have a comprehensive programme of knife-crime "
	    "prevention. Knife-awareness sessions took place at schools and "
	    "colleges across the borough. It was agreed that the wording of "
	    "future amnesties would reflect the fact that they were for all "
	    "weapons.",
	    "Recent weapons amnesties were reported to have been successful, "
	    "but were not the only tool available to tackle violence.",
	    "The Detached Youth Work Team had made a bid for funding in "
	    "Brinnington and Adswood. The Team aimed to operate in an agile way "
	    "in order to work with partnership agencies and respond to "
	    "priorities. In the past year it had undertaken outreach work in "
	    "Reddish.",
	    "In terms of work on domestic abuse, a representative of the "
	    "Director of Strategy undertook to provide a summary of the work of "
	    "the Domestic Abuse Partnership Board to Members of the Committee.",
	    "Members commented that resources to tackle youth violence were "
	    "stretched following cuts to youth and outreach services.",
	    "In response to a query about the type of outreach services "
	    "provided by the council, Members were informed that, through the "
	    "Community Safety Fund, the council provided boxing sessions each "
	    "Friday at Hattons Gym along with additional activities in school "
	    "holidays. In addition, football activities had been offered "
	    "through the Manchester United and Manchester City Foundation "
	    "Programme.",
	    "Children were identified for the council’s outreach programmes "
	    "through its own statutory services and, additionally, those "
	    "children who had been stopped by the police, arrested or placed on "
	    "bail and those who had been identified through schools as being at "
	    "risk. The outreach services were promoted through schools and "
	    "community hubs, with a planned move to a family hub model.",
	    "Members hoped that, in the future and budget permitting, it would "
	    "be possible to provide outreach work across more venues in the "
	    "borough to enable children to access activities in their local "
	    "areas.",
	    "Members asked about the risks of violence faced by children "
	    "travelling to and from school and whether schools themselves carry "
	    "any responsibility for ensuring children’s safety on their "
	    "journeys.",
	    "In response it was stated that the team ran knife crime and "
	    "weapons awareness training within schools, with a particular focus "
	    "on the dangers of carrying a knife for protection. Furthermore, the "
	    "team worked in partnership with the Greater Manchester Police, "
	    "schools, parents and pupils to tackle violence outside of schools. "
	    "It was reported that rates of knife-crime in Stockport were much "
	    "lower than those in neighbouring areas.",
	    "Members asked about work being carried out to support children who "
	    "were growing up in households experiencing domestic violence, "
	    "which could have a severe life-long impact and affect future "
	    "families.",
	    "In response it was stated that the Council employed a nationally "
	    "accredited programme known as Respect to deliver services for "
	    "children who were being violent outside of the home and "
	    "experiencing domestic violence within it. That service was "
	    "provided by ‘Talkchangelisten.org’. More work was being done to "
	    "train staff to identify those children who experienced or "
	    "witnessed domestic violence.",
	    "Members queried what support was in place for children who were "
	    "victims of sexual violence perpetrated by another child, or for "
	    "the parents of those children who were accused of sexual "
	    "violence.",
	    "In response it was stated that this was a sensitive and complex "
	    "area which involved specialist officers, social workers and the "
	    "Youth Justice team. The council worked closely with the Greater "
	    "Manchester Police in such cases. It was often the case that such "
	    "incidents revealed very complex sets of circumstances within "
	    "families. It was also reported that there had been a significant "
	    "increase in online sexual crimes.",
	    "Members requested an updated report for a future meeting of this "
	    "committee." },
	  { { "That the proposed additional actions for 2024/25 outlined in the "
	      "tables at paragraph 4.1 of the report be noted.", "noted", NULL },
	    { "That the OSSP’s intention to use these proposed additional "
	      "actions as the basis for its Serious Violence Plan for 2024/25 be "
	      "noted.", "noted", NULL },
	    { "That the OSSP’s proposed approach to serious violence assessment "
	      "and planning beyond 2024/25 set out in paragraph 2.5, namely, to "
	      "incorporate work relating to serious violence as a specific "
	      "strand within its overall assessment and planning arrangements be "
	      "noted.", "noted", NULL } },
	  { { NULL, NULL } },
	  "Serious Violence Plan 2024/25", false },
};

/* The index in items[] of the Serious Violence item, where the
 * undertaking and the request were made. */
#define SERIOUS_VIOLENCE (ARRAY_SIZE(items) - 1)

#define DA_ISSUE "Domestic Abuse Strategy and Action Plan"

static int64_t find(const int64_t *ids, const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(bodies); i++)
		if (strcmp(bodies[i].name, name) == 0)
			return ids[i];
	BUG("demo_meetings: no body '%s'", name);
}

static int64_t plan_by_title(const struct plan *p, size_t n, const char *title)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(p[i].title, title) == 0)
			return p[i].id;
	BUG("demo_meetings: no plan '%s'", title);
}

/* What of a meeting is example data, for its note. */
static const char *example_note(const struct demo_item *d)
{
	if (d->date_example && d->number_example)
		return "The record gives the item and its words; the body, the "
		       "date (only the year is known), the item number, the time "
		       "and the venue are example data.";
	if (d->date_example)
		return "The record gives the item and its words; the body, the "
		       "date (only the year is known), the time and the venue are "
		       "example data.";
	if (d->number_example)
		return "The record gives the body, the date and the item; the "
		       "item number, the time and the venue are example data.";
	return "The record gives the body, the date, the item and its words; "
	       "the time and the venue are example data.";
}

/* Two months from today, on the 15th: the future meeting the request
 * for an updated report is due at. */
static void next_meeting_date(char out[11])
{
	char today[11];
	int y, m;

	text_today(today);
	y = (today[0] - '0') * 1000 + (today[1] - '0') * 100 +
	    (today[2] - '0') * 10 + (today[3] - '0');
	m = (today[5] - '0') * 10 + (today[6] - '0') + 2;
	if (m > 12) {
		m -= 12;
		y++;
	}
	memcpy(out, today, 11);
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[8] = '1';
	out[9] = '5';
}

static int load_item(struct store *s, const struct demo_item *d,
		     const int64_t *body_ids, const struct plan *plans,
		     size_t n_plans, int64_t *item_id, struct err *e)
{
	struct meeting_input m = { 0 };
	struct item_input it = { 0 };
	struct attendee att[3];
	struct resolution res[3];
	struct item_link link;
	size_t n_att = 0, n_res = 0, n_rec = 0, n_com = 0;
	int64_t meeting_id;

	for (size_t i = 0; i < 3 && d->attendees[i].name; i++)
		att[n_att++] = (struct attendee){ d->attendees[i].name, 0,
						  d->attendees[i].role };
	m.body_id = find(body_ids, d->body);
	m.date = d->date;
	m.time = d->time;
	m.venue = d->venue;
	m.status = "held";
	m.note = example_note(d);
	m.example = true;
	m.attendees = att;
	m.n_attendees = n_att;
	m.set = MEETING_BODY | MEETING_DATE | MEETING_TIME | MEETING_VENUE |
		MEETING_STATUS | MEETING_NOTE | MEETING_ATTENDEES;
	if (store_meeting_create(s, &m, &meeting_id, e) < 0)
		return -1;

	for (size_t i = 0; i < 3 && d->resolutions[i].text; i++)
		res[n_res++] = (struct resolution){
			d->resolutions[i].text, d->resolutions[i].kind,
			d->resolutions[i].to_body
				? find(body_ids, d->resolutions[i].to_body) : 0,
			NULL };
	while (n_rec < ARRAY_SIZE(d->recommendations) &&
	       d->recommendations[n_rec])
		n_rec++;
	while (n_com < ARRAY_SIZE(d->comments) && d->comments[n_com])
		n_com++;
	it.meeting_id = meeting_id;
	it.number = d->number;
	it.title = d->title;
	it.report_of = d->report_of;
	it.contact = d->contact;
	it.summary = d->summary;
	it.minutes = d->minutes;
	it.example = d->number_example;
	it.recommendations = d->recommendations;
	it.n_recommendations = n_rec;
	it.comments = d->comments;
	it.n_comments = n_com;
	it.resolutions = res;
	it.n_resolutions = n_res;
	if (d->plan) {
		link = (struct item_link){ "plan",
					   plan_by_title(plans, n_plans, d->plan),
					   NULL };
		it.links = &link;
		it.n_links = 1;
	}
	it.set = ITEM_MEETING | ITEM_NUMBER | ITEM_TITLE | ITEM_REPORT_OF |
		 ITEM_CONTACT | ITEM_SUMMARY | ITEM_MINUTES |
		 ITEM_RECOMMENDATIONS | ITEM_COMMENTS | ITEM_RESOLUTIONS |
		 ITEM_LINKS;
	return store_item_create(s, &it, item_id, e);
}

/* The undertaking and the request made at the Serious Violence item:
 * both open; the request due at the committee's next meeting, a future
 * one made up for it. */
static int load_undertakings(struct store *s, const int64_t *body_ids,
			     int64_t item_id, struct err *e)
{
	struct undertaking_input u = { 0 };
	struct meeting_input m = { 0 };
	char date[11];
	int64_t next_id, id;

	u.set = UND_KIND | UND_TEXT | UND_OWNER | UND_TO_BODY | UND_ITEM |
		UND_STATUS;
	u.kind = "undertaking";
	u.text = "In terms of work on domestic abuse, a representative of the "
		 "Director of Strategy undertook to provide a summary of the "
		 "work of the Domestic Abuse Partnership Board to Members of "
		 "the Committee.";
	u.owner = "a representative of the Director of Strategy";
	u.to_body_id = find(body_ids, CH);
	u.item_id = item_id;
	u.status = "open";
	if (store_undertaking_create(s, &u, &id, e) < 0)
		return -1;

	next_meeting_date(date);
	m.body_id = find(body_ids, CH);
	m.date = date;
	m.time = "18:00";
	m.venue = "Town Hall, Stockport";
	m.status = "scheduled";
	m.note = "Example data: a future meeting of the committee, at which the "
		 "updated report it requested is due.";
	m.example = true;
	m.set = MEETING_BODY | MEETING_DATE | MEETING_TIME | MEETING_VENUE |
		MEETING_STATUS | MEETING_NOTE;
	if (store_meeting_create(s, &m, &next_id, e) < 0)
		return -1;

	memset(&u, 0, sizeof(u));
	u.set = UND_KIND | UND_TEXT | UND_TO_BODY | UND_ITEM | UND_DUE_MEETING |
		UND_STATUS;
	u.kind = "request";
	u.text = "Members requested an updated report for a future meeting of "
		 "this committee.";
	u.to_body_id = find(body_ids, CH);
	u.item_id = item_id;
	u.due_meeting_id = next_id;
	u.status = "open";
	return store_undertaking_create(s, &u, &id, e);
}

int demo_meetings_load(struct store *s, struct err *e)
{
	struct arena a = ARENA_INIT;
	int64_t body_ids[ARRAY_SIZE(bodies)], item_ids[ARRAY_SIZE(items)];
	struct issue_input is = { 0 };
	struct plan *plans;
	char today[11];
	size_t n_plans;
	int64_t issue_id;
	int rc = -1;

	text_today(today);
	if (!(plans = store_plans(s, &a, today, &n_plans, e)))
		goto out;
	for (size_t i = 0; i < ARRAY_SIZE(bodies); i++) {
		struct body_input b = { 0 };

		b.name = bodies[i].name;
		b.kind = bodies[i].kind;
		b.note = bodies[i].note;
		b.set = BODY_NAME | BODY_KIND | BODY_NOTE;
		if (store_body_create(s, &b, &body_ids[i], e) < 0)
			goto out;
	}
	for (size_t i = 0; i < ARRAY_SIZE(items); i++)
		if (load_item(s, &items[i], body_ids, plans, n_plans, &item_ids[i],
			      e) < 0)
			goto out;
	if (load_undertakings(s, body_ids, item_ids[SERIOUS_VIOLENCE], e) < 0)
		goto out;

	is.set = ISSUE_TITLE | ISSUE_DESCRIPTION | ISSUE_PLAN;
	is.title = DA_ISSUE;
	is.description = "The Draft Domestic Abuse Prevention Strategy for "
			 "2015-16 and its action plan, from scrutiny and the "
			 "Health & Wellbeing Board to the Executive, which "
			 "approved it on 30/09/2014.";
	is.plan_id = plan_by_title(
		plans, n_plans,
		"Domestic Abuse Prevention Strategy and Action Plan 2015-16");
	if (store_issue_create(s, &is, &issue_id, e) < 0)
		goto out;
	for (size_t i = 0; i < ARRAY_SIZE(items); i++)
		if (items[i].issue &&
		    store_issue_add_item(s, issue_id, item_ids[i], e) < 0)
			goto out;
	rc = 0;
out:
	arena_release(&a);
	return rc;
}
