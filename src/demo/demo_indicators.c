/*
 * demo_indicators.c: the demo's indicators, written as the CSV files
 * docs/indicators.md describes and imported through the same code.
 *
 * Facts from the 2020/21 annual review: 92% of Stockport residents feel
 * very or fairly safe (GM Policing and Community Safety Survey, Wave 6,
 * December 2020) against 88% for Greater Manchester, statistically
 * significantly higher; 46.7% of non-opiate users completed treatment
 * successfully in Stockport, the 3rd highest in GM, against 35.9%
 * nationally; a significant increase in hate crime in July-September
 * 2020, substantially reduced since.  The sample sizes, the other
 * districts' figures, the other waves and quarters are invented so that
 * the figures can be tested as the council's analysts did: every value
 * here is marked as example data, and its note says what is fact.
 * Burglary and anti-social behaviour are counted from the (generated)
 * crime data.
 */
#include "demo.h"
#include "ingest/ingest.h"
#include "store/store.h"

static const char definitions[] =
	"code,name,description,unit,per,polarity,frequency,source,owner,"
	"sensitivity,ci_method,comparison,benchmark,peer_group,target,"
	"target_note,crime_type,themes,priority_areas,outcomes\n"
	"feel-safe,Residents who feel safe in their local area,"
	"\"Residents who say they feel very or fairly safe in their local area.\","
	"proportion,100,higher_better,survey_wave,"
	"GM Policing and Community Safety Survey,Greater Manchester Combined "
	"Authority,open,wilson,benchmark_outside,Greater Manchester,Greater "
	"Manchester,90,Stay at or above 90%,,Public Safety and Protection,,1;5\n"
	"non-opiate-completion,Non-opiate users completing drug treatment,"
	"\"Adults in treatment for non-opiate use who completed it successfully "
	"and did not return within six months.\",proportion,100,higher_better,"
	"financial_year,Public Health England (National Drug Treatment Monitoring "
	"System),Stockport Council Public Health,official,wilson,"
	"benchmark_outside,England,Greater Manchester,,,,Protecting Vulnerable "
	"People,Drugs and Alcohol,11;14\n"
	"hate-crime,Hate crimes recorded,\"Hate crimes recorded by Greater "
	"Manchester Police in Stockport. A rise can mean more crime or more "
	"reporting: no direction is better.\",count,,neither,quarterly,Greater "
	"Manchester Police,Hate Crime Partnership Group,official,poisson,"
	"benchmark_outside,,,,,,Protecting Vulnerable People,Hate Crime,9;17\n"
	"burglary-rate,\"Burglary per 1,000 residents\",\"Burglaries recorded "
	"(police.uk street-level crime) per 1,000 residents, each month.\",rate,"
	"1000,lower_better,monthly,police.uk,Greater Manchester Police,open,"
	"poisson,benchmark_outside,Greater Manchester,Greater Manchester,,,"
	"Burglary,Public Safety and Protection,Crime,11;15\n"
	"asb,Anti-social behaviour incidents,\"Anti-social behaviour incidents "
	"(police.uk), each month.\",count,,lower_better,monthly,police.uk,"
	"Greater Manchester Police,open,poisson,benchmark_outside,,Greater "
	"Manchester,,,Anti-social behaviour,Public Safety and Protection,"
	"Anti-Social Behaviour,5;16\n";

static const char values[] =
	"indicator,area,period,period_start,period_end,numerator,denominator,"
	"note\n"
	/* Feeling safe: waves 1-6. */
	"feel-safe,Stockport,Wave 1,2019-07-01,2019-09-30,361,402,\n"
	"feel-safe,Stockport,Wave 2,2019-10-01,2019-12-31,355,398,\n"
	"feel-safe,Stockport,Wave 3,2020-01-01,2020-03-31,362,401,\n"
	"feel-safe,Stockport,Wave 4,2020-06-01,2020-07-31,367,399,\n"
	"feel-safe,Stockport,Wave 5,2020-09-01,2020-10-31,363,400,\n"
	"feel-safe,Stockport,Wave 6,2020-11-01,2020-12-31,368,400,"
	"\"92% is from the annual review (Wave 6, December 2020); the sample size "
	"is example data.\"\n"
	"feel-safe,Greater Manchester,Wave 1,2019-07-01,2019-09-30,3120,3604,\n"
	"feel-safe,Greater Manchester,Wave 2,2019-10-01,2019-12-31,3105,3598,\n"
	"feel-safe,Greater Manchester,Wave 3,2020-01-01,2020-03-31,3151,3610,\n"
	"feel-safe,Greater Manchester,Wave 4,2020-06-01,2020-07-31,3190,3601,\n"
	"feel-safe,Greater Manchester,Wave 5,2020-09-01,2020-10-31,3166,3599,\n"
	"feel-safe,Greater Manchester,Wave 6,2020-11-01,2020-12-31,3168,3600,"
	"\"88% is from the annual review; the sample size is example data.\"\n"
	"feel-safe,Bolton,Wave 6,2020-11-01,2020-12-31,344,400,\n"
	"feel-safe,Bury,Wave 6,2020-11-01,2020-12-31,356,400,\n"
	"feel-safe,Manchester,Wave 6,2020-11-01,2020-12-31,332,400,\n"
	"feel-safe,Oldham,Wave 6,2020-11-01,2020-12-31,340,400,\n"
	"feel-safe,Rochdale,Wave 6,2020-11-01,2020-12-31,344,400,\n"
	"feel-safe,Salford,Wave 6,2020-11-01,2020-12-31,348,400,\n"
	"feel-safe,Tameside,Wave 6,2020-11-01,2020-12-31,352,400,\n"
	"feel-safe,Trafford,Wave 6,2020-11-01,2020-12-31,372,400,\n"
	"feel-safe,Wigan,Wave 6,2020-11-01,2020-12-31,360,400,\n"
	/* Non-opiate treatment completions, 2020/21 and the years before. */
	"non-opiate-completion,Stockport,2018/19,,,190,431,\n"
	"non-opiate-completion,Stockport,2019/20,,,201,447,\n"
	"non-opiate-completion,Stockport,2020/21,,,212,454,"
	"\"46.7% and 3rd in GM are from the annual review; the numbers of "
	"people are example data.\"\n"
	"non-opiate-completion,England,2018/19,,,37210,101300,\n"
	"non-opiate-completion,England,2019/20,,,37020,102600,\n"
	"non-opiate-completion,England,2020/21,,,37370,104100,"
	"\"35.9% is from the annual review; the numbers are example data.\"\n"
	"non-opiate-completion,Bolton,2020/21,,,181,439,\n"
	"non-opiate-completion,Bury,2020/21,,,147,304,\n"
	"non-opiate-completion,Manchester,2020/21,,,402,1280,\n"
	"non-opiate-completion,Oldham,2020/21,,,141,389,\n"
	"non-opiate-completion,Rochdale,2020/21,,,126,360,\n"
	"non-opiate-completion,Salford,2020/21,,,171,430,\n"
	"non-opiate-completion,Tameside,2020/21,,,143,371,\n"
	"non-opiate-completion,Trafford,2020/21,,,166,319,\n"
	"non-opiate-completion,Wigan,2020/21,,,213,484,\n"
	/* Hate crime by quarter: the rise in July-September 2020. */
	"hate-crime,Stockport,2019/20 Q1,,,62,,\n"
	"hate-crime,Stockport,2019/20 Q2,,,70,,\n"
	"hate-crime,Stockport,2019/20 Q3,,,64,,\n"
	"hate-crime,Stockport,2019/20 Q4,,,59,,\n"
	"hate-crime,Stockport,2020/21 Q1,,,66,,\n"
	"hate-crime,Stockport,2020/21 Q2,,,112,,"
	"\"The annual review reports a significant increase in July-September; "
	"the counts are example data.\"\n"
	"hate-crime,Stockport,2020/21 Q3,,,71,,\n"
	"hate-crime,Stockport,2020/21 Q4,,,63,,\n"
	"hate-crime,Stockport,2021/22 Q1,,,68,,\n";

int demo_indicators_load(struct store *s, struct err *e)
{
	struct indicator_report r;

	if (ingest_indicators_buffer(s, "demo-indicators.csv", definitions,
				     sizeof(definitions) - 1, true, &r, e) < 0)
		return -1;
	return ingest_indicators_buffer(s, "demo-indicator-values.csv", values,
					sizeof(values) - 1, true, &r, e);
}
