/*
 * commands.c: every command safer has, in one table sorted by name (git's
 * commands[] in git.c): its function, its usage for --help and a line for
 * the list of commands.
 */
#include "commands.h"

const struct command commands[] = {
	{ "actions", cmd_actions,
	  "usage: safer actions list [--plan ID] [--theme ID] [--priority ID]\n"
	  "                          [--owner ID] [--status STATUS] [--overdue]\n"
	  "                          [--format table|csv|json]\n"
	  "       safer actions show ID [--format table|json]\n"
	  "       safer actions add --title TITLE [--plan ID] [--theme ID]\n"
	  "                         [--priority ID] [--owner ID] [--due YYYY-MM-DD]\n"
	  "                         [--status STATUS] [--rag red|amber|green]\n"
	  "                         [--description TEXT]\n"
	  "       safer actions update ID [--title T] [--theme ID|none]\n"
	  "                         [--priority ID|none] [--owner ID|none]\n"
	  "                         [--due YYYY-MM-DD|none] [--status STATUS]\n"
	  "                         [--rag red|amber|green|none] [--description T]\n"
	  "                         [--note TEXT [--date YYYY-MM-DD]]\n"
	  "       safer actions archive|delete ID\n\n"
	  "Actions of the partnership's plans.  'update' changes the fields given;\n"
	  "with --note it also adds a progress update (carrying any new status and\n"
	  "RAG rating), dated today or, with --date, a day before, and written by\n"
	  "whoever runs the command.  'delete' removes an action with no progress\n"
	  "updates and archives one with updates; 'archive' archives it (it leaves\n"
	  "the lists and stays readable by its id).  Statuses:\n"
	  "not_started, in_progress, on_hold, completed, cancelled.  An action is\n"
	  "overdue when its due date has passed and it is neither completed nor\n"
	  "cancelled.  An action added to a plan that has ended, or due outside its\n"
	  "plan's period, is saved with a warning.  Example data (invented for the\n"
	  "demo) is marked.\n",
	  "list, show, add and update actions and their progress" },
	{ "audit", cmd_audit,
	  "usage: safer audit list [--type TYPE] [--id ID] [--user USER]\n"
	  "                        [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N]\n"
	  "                        [--format table|csv|json]\n"
	  "       safer audit verify\n\n"
	  "The record of every change, newest first: when, by whom (an account's\n"
	  "email, or the operating system's user for the command line), through\n"
	  "what (cli, web, api), which object, and each field's old and new\n"
	  "value.  TYPE is plan, theme, priority, framework, outcome_group,\n"
	  "outcome, partnership, organisation, person, board, fund, award, action,\n"
	  "action_update, account, token, setting, import, indicator,\n"
	  "peer_group, body, meeting, item, attachment, undertaking or issue.\n"
	  "Nobody can change the record through safer; each entry\n"
	  "carries a hash of the one before, and 'verify' checks that the chain is\n"
	  "unbroken: it fails, naming the entry, if an entry was edited, removed\n"
	  "or added outside safer.\n",
	  "the record of every change, and its check" },
	/* issue 9, meetings: bodies */
	{ "bodies", cmd_bodies,
	  "usage: safer bodies list [--format table|csv|json]\n"
	  "       safer bodies add --name NAME --kind KIND [--board ID] [--chair ID]\n"
	  "                        [--clerk ID] [--note TEXT] [--member ID[:ROLE]]...\n"
	  "       safer bodies edit ID [--name NAME] [--kind KIND] [--board ID|none]\n"
	  "                        [--chair ID|none] [--clerk ID|none] [--note TEXT]\n"
	  "                        [--member ID[:ROLE]]... [--no-members]\n"
	  "       safer bodies archive|delete ID\n\n"
	  "The committees and boards that meet: a council's scrutiny committee,\n"
	  "its cabinet, the partnership's own board (--board: its id in 'safer\n"
	  "boards list').  KIND is scrutiny, executive, council, health_wellbeing,\n"
	  "partnership_board, subgroup or other.  Chair, clerk and members are\n"
	  "people's ids ('safer people list'); on edit, --member gives the whole\n"
	  "new list.  'add' prints the new id.  'delete' archives a body that has\n"
	  "meetings.  Every change is recorded ('safer audit list').\n",
	  "list, add and edit the committees and boards that meet" },
	{ "boards", cmd_boards,
	  "usage: safer boards list [--format table|json]\n"
	  "       safer boards add --name NAME --kind board|subgroup|committee\n"
	  "                        [--reports-to ID] [--chair ID]\n"
	  "                        [--terms TEXT] [--member ID]...\n"
	  "       safer boards edit ID [--name NAME] [--kind KIND]\n"
	  "                        [--reports-to ID|none] [--chair ID|none]\n"
	  "                        [--terms TEXT] [--member ID]... [--no-members]\n"
	  "       safer boards archive|delete ID\n\n"
	  "The boards and subgroups through which the partnership works, whom\n"
	  "each reports to, its chair, members (people's ids: 'safer people\n"
	  "list') and terms of reference.  On edit, --member gives the whole new\n"
	  "list of members (--no-members empties it).  'add' prints the new id.\n"
	  "'delete' removes a board nothing refers to and archives one that a\n"
	  "subgroup reports to or that approved a plan; 'archive' archives it (it\n"
	  "leaves the lists and stays readable by its id).  Every change is\n"
	  "recorded ('safer audit list').\n",
	  "list, add, edit, archive and delete boards and subgroups" },
	{ "crime", cmd_crime,
	  "usage: safer crime counts --by DIM[,DIM...] [--area NAME|CODE]\n"
	  "                          [--from YYYY-MM] [--to YYYY-MM] [--type TYPE]...\n"
	  "                          [--rate] [--change] [--rolling]\n"
	  "                          [--format csv|json|table] [--timing]\n"
	  "       safer crime top --by lsoa|ward|district --type TYPE [--n N]\n"
	  "                          [--area NAME|CODE] [--from YYYY-MM] [--to YYYY-MM]\n"
	  "                          [--rate] [--format csv|json|table] [--timing]\n"
	  "       safer crime summary\n\n"
	  "Count the police.uk records imported with 'safer import police'.\n"
	  "DIM is month, type, outcome, lsoa, ward, district or force.  An area is\n"
	  "a force, a district (local authority), a ward, an LSOA, a peer group\n"
	  "(safer peers) or 'England and Wales' (the default).  The period defaults\n"
	  "to all the data (top: the last 12 months).  --rate adds crimes per\n"
	  "1,000 residents where the geography gives a population; --change the\n"
	  "count for the same period a year before and the change in per cent;\n"
	  "--rolling the total of the 12 months to each month.  Rows with no\n"
	  "location count towards their force only.  --timing prints the time to\n"
	  "load and to answer on standard error.\n",
	  "count crimes by month, type, outcome and area; top areas" },
	{ "demo", cmd_demo,
	  "usage: safer demo\n\n"
	  "Load the Stockport demo into the database (creating it if needed):\n"
	  "the Safer Stockport Partnership Plan 2018/21 with its themes, leads and\n"
	  "priority areas, the GM 'Standing Together' outcomes, the 2020/21\n"
	  "funding streams and awards, governance and the OSSP 2022-2025 plan,\n"
	  "from the council's public records; plus example actions and updates,\n"
	  "marked as example data.  Running it again changes nothing.\n",
	  "load the Stockport demo" },
	{ "export", cmd_export,
	  "usage: safer export actions|awards [--format csv|json] [--output FILE]\n\n"
	  "Write every action or every award, as CSV (the default) or JSON, to\n"
	  "standard output or FILE.\n",
	  "export actions or awards as CSV or JSON" },
	{ "frameworks", cmd_frameworks,
	  "usage: safer frameworks list [--format table|json]\n"
	  "       safer frameworks show ID [--format table|json]\n"
	  "       safer frameworks add --name NAME [--owner BODY] [--period TEXT]\n"
	  "                            [--note TEXT]\n"
	  "       safer frameworks edit ID [--name NAME] [--owner BODY]\n"
	  "                            [--period TEXT] [--note TEXT]\n"
	  "       safer frameworks archive|delete ID\n\n"
	  "Outcomes frameworks (the Police and Crime Plan's outcomes, say), each\n"
	  "with groups of numbered outcomes (safer outcomes).  'add' prints the new\n"
	  "framework's id.  'delete' deletes a framework none of whose outcomes a\n"
	  "priority area is linked to, with its groups and outcomes; one that is\n"
	  "referred to is archived instead, as 'archive' always does: it leaves the\n"
	  "lists and stays readable by id.  An empty TEXT clears an optional field.\n",
	  "list, show, add, edit, archive and delete outcomes frameworks" },
	{ "funds", cmd_funds,
	  "usage: safer funds list [--year 2020/21] [--format table|csv|json]\n"
	  "       safer funds show ID [--format table|json]\n"
	  "       safer funds add --name NAME --year 2020/21 --allocation POUNDS\n"
	  "                       [--grantor NAME] [--note TEXT]\n"
	  "       safer funds update ID [--name NAME] [--year Y] [--allocation POUNDS]\n"
	  "                       [--grantor NAME] [--note TEXT]\n"
	  "       safer funds add-award FUND_ID --recipient NAME [--amount POUNDS]\n"
	  "                       [--purpose TEXT] [--status STATUS] [--priority ID]\n"
	  "       safer funds archive|delete ID\n"
	  "       safer funds archive-award|delete-award AWARD_ID\n\n"
	  "Funding streams, their allocations and the awards made from them.\n"
	  "Awards that add up to more than a fund's allocation are saved with a\n"
	  "warning.  'delete' removes a fund with no awards and archives one with\n"
	  "awards; an award can always be deleted; archived ones leave the lists\n"
	  "and totals and stay readable by their id.\n"
	  "Amounts are in pounds (218973, 218,973 or 1250.50).  Award statuses:\n"
	  "proposed, awarded, paid, withdrawn.\n",
	  "list, show, add and update funding streams and awards" },
	{ "headlines", cmd_headlines,
	  "usage: safer headlines [--area AREA] [--period PERIOD]\n"
	  "                       [--level 95|99.8] [--format text|json]\n\n"
	  "The performance headlines of an area by theme, as an annual review\n"
	  "states them, each with its method and a verdict (significant, not\n"
	  "significant, not tested, small numbers; SPC: special or common cause)\n"
	  "and the address of its data.  The area defaults to the partnership's,\n"
	  "else Stockport, else the area with the most figures.  --period (2020/21,\n"
	  "2020 Q3, Wave 6) takes each indicator's latest figure ending by the end\n"
	  "of that period; the default is each one's latest.  See\n"
	  "docs/indicators.md for how each statement is decided.\n",
	  "performance headlines with their methods" },
	{ "help", cmd_help, "usage: safer help [COMMAND]\n",
	  "describe safer or one of its commands" },
	{ "import", cmd_import,
	  "usage: safer import police [--skip-bad-rows] [--replace-shorter] PATH...\n"
	  "       safer import geography FILE.csv\n"
	  "       safer import indicators FILE.csv...\n"
	  "       safer import moderngov FILE.xml...\n"
	  "       safer import history [--format table|csv|json]\n"
	  "       safer import undo ID\n\n"
	  "police: police.uk street-level crime, outcomes and stop-and-search CSVs\n"
	  "(told apart by their header): files, .csv.gz files, folders of them, or\n"
	  "a police.uk download as it comes (a .zip of monthly folders, read once\n"
	  "from start to end, never unpacked to disk; other files in it, such as a\n"
	  "README, are listed as skipped; a zip cut short or damaged is refused,\n"
	  "naming the file in it).  A\n"
	  "force-month already imported is replaced by a newer version; the same\n"
	  "file again changes nothing.  All or nothing: a bad file or row stops\n"
	  "the import, naming the file, line and field, and the database is as it\n"
	  "was; --skip-bad-rows imports the rest and lists what it skipped.\n"
	  "A file that would replace a stored force-month with markedly fewer rows\n"
	  "(under 90% of them, and at least 10 fewer) is refused as a download cut\n"
	  "short, naming the file, force, month and both counts; --replace-shorter\n"
	  "replaces them anyway.  When two files give the same force-month, the\n"
	  "later one (in the order given; folders in name order) wins, and the\n"
	  "summary says which.  Other writers (the web interface) go on while an\n"
	  "import runs: nothing of it is seen until it is complete.  One import\n"
	  "runs at a time.\n\n"
	  "geography: an LSOA lookup (LSOA -> ward -> local authority -> force, with\n"
	  "population and households), in the format of docs/geography.md.\n\n"
	  "indicators: indicator definitions or values in long format (one value a\n"
	  "row), told apart by their header, as docs/indicators.md describes.\n\n"
	  "moderngov: saved responses of a council's modern.gov web service\n"
	  "(mgWebService.asmx: GetCommittees, GetMeetings, GetMeeting), as XML\n"
	  "(or in their SOAP envelope): committees become bodies, meetings\n"
	  "meetings (dates dd/mm/yyyy become YYYY-MM-DD), agenda items items, and\n"
	  "linked documents attachments that keep the name and address, not the\n"
	  "bytes.  Each keeps modern.gov's id: importing again updates, never\n"
	  "duplicates.  All or nothing; a file that is not one of those responses\n"
	  "is refused, naming it and the element and line (docs/moderngov.md).\n\n"
	  "history: every import, newest first: when, by whom, the files with their\n"
	  "SHA-256 (of the CSV text, after unzipping), the rows added, replaced and\n"
	  "unchanged.\n\n"
	  "undo: put back the police.uk rows that import ID replaced and remove the\n"
	  "ones it added.  Refused while a later import that replaced some of the\n"
	  "same force-months stands: undo that one first (the newest first).\n",
	  "import police.uk data, geography, indicators, modern.gov; history, undo" },
	{ "indicators", cmd_indicators,
	  "usage: safer indicators list [--format table|csv|json]\n"
	  "       safer indicators show CODE [--area AREA] [--level 95|99.8]\n"
	  "                                  [--format table|csv|json]\n"
	  "       safer indicators mark CODE open|official|official-sensitive\n\n"
	  "Indicators of performance and their figures.  'show' gives every\n"
	  "figure of an area with its confidence interval (Wilson score for\n"
	  "proportions; exact Poisson below 10 events and Byar's method from 10\n"
	  "for counts and rates), the SPC chart, the peers and the headline.  A\n"
	  "crime indicator's figures are counted from the police.uk data.\n"
	  "Import definitions and values with 'safer import indicators'.  'mark'\n"
	  "sets an indicator's sensitivity: an official-sensitive indicator is\n"
	  "labelled on every page and never published (safer publish).\n",
	  "list indicators; show their figures with intervals" },
	{ "init", cmd_init,
	  "usage: safer init [--partnership NAME --area AREA]\n\n"
	  "Create an empty database (or bring an existing one up to date), and\n"
	  "optionally record the partnership it is for.\n",
	  "create a database" },
	/* issue 9, scrutiny */
	{ "issues", cmd_issues,
	  "usage: safer issues list [--format table|csv|json]\n"
	  "       safer issues show [--format table|json] ID\n"
	  "       safer issues add --title TITLE [--description TEXT] [--plan ID]\n"
	  "       safer issues add-item|remove-item ID --item ITEM\n"
	  "       safer issues delete ID\n\n"
	  "Issues: one topic followed across meetings and bodies.  'show' gives\n"
	  "its timeline in date order: each agenda item with its meeting, body,\n"
	  "resolutions, documents, and the figures of the indicators linked to\n"
	  "the item or to the themes of the issue's plan as they stood on the\n"
	  "meeting's date.  'add' prints the new id; 'delete' keeps the items.\n",
	  "list, show and add issues, and put agenda items in them" },
	/* issue 9, meetings: agenda items */
	{ "items", cmd_items,
	  "usage: safer items show ID [--format table|json]\n"
	  "       safer items add MEETING --number N --title TITLE [--report-of WHO]\n"
	  "                       [--author NAME] [--contact TEXT] [--summary TEXT]\n"
	  "                       [--minutes TEXT] [--recommendation TEXT]...\n"
	  "                       [--comment TEXT]... [--resolution KIND:TEXT]...\n"
	  "       safer items edit ID [the options of add]\n"
	  "       safer items attach ITEM FILE [--type CONTENT-TYPE] [--name NAME]\n"
	  "       safer items archive|delete ID\n\n"
	  "The items on a meeting's agenda: the report (who it is of, its author,\n"
	  "its summary, what the committee is asked to do: one --recommendation\n"
	  "each), and once the meeting is held its minutes (--comment: one point\n"
	  "each) and resolutions.  KIND is noted, approved, recommended, deferred,\n"
	  "report_requested or other; 'recommended:BODY-ID:TEXT' says the body\n"
	  "it goes to.  On edit, each list given replaces the whole list.  'add'\n"
	  "prints the new id.\n\n"
	  "'attach' keeps a document with the item (PDF, DOCX, XLSX, PPTX, ODT,\n"
	  "CSV, TXT, PNG or JPEG, up to 20 MB; the type from the file's ending\n"
	  "unless --type says it) and prints its id.  It is how a document larger\n"
	  "than the API's 1 MB request gets in.\n",
	  "add agenda items with their minutes and resolutions; attach documents" },
	/* issue 9, meetings: meetings */
	{ "meetings", cmd_meetings,
	  "usage: safer meetings list [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--body ID]\n"
	  "                           [--format table|csv|json]\n"
	  "       safer meetings show ID [--format table|json]\n"
	  "       safer meetings add --body ID --date YYYY-MM-DD [--time HH:MM]\n"
	  "                          [--venue VENUE] [--status STATUS] [--note TEXT]\n"
	  "       safer meetings edit ID [the options of add]\n"
	  "       safer meetings archive|delete ID\n\n"
	  "The meetings of the bodies ('safer bodies list'), by date.  'show'\n"
	  "prints the agenda with each item's recommendations, minutes and\n"
	  "resolutions.  STATUS is scheduled (the default), held or cancelled.\n"
	  "'add' prints the new id.  The web pages (/meetings) and the calendar\n"
	  "(/meetings.ics) show the same.\n",
	  "list, show and add the meetings of committees and boards" },
	{ "organisations", cmd_organisations,
	  "usage: safer organisations list [--format table|json]\n"
	  "       safer organisations add --name NAME --sector SECTOR\n"
	  "                        [--short-name NAME] [--member yes|no] [--note TEXT]\n"
	  "       safer organisations edit ID [--name NAME] [--sector SECTOR]\n"
	  "                        [--short-name NAME] [--member yes|no] [--note TEXT]\n"
	  "       safer organisations archive|delete ID\n\n"
	  "The partnership's organisations.  SECTOR is council, police, fire,\n"
	  "probation, health, housing, justice, voluntary, regional or other.\n"
	  "'add' prints the new id.  'delete' removes an organisation nobody\n"
	  "belongs to and archives one with people; 'archive' archives it (it\n"
	  "leaves the lists and stays readable by its id).\n",
	  "list, add, edit, archive and delete organisations" },
	{ "outcomes", cmd_outcomes,
	  "usage: safer outcomes add FRAMEWORK_ID --number N --text TEXT --group GROUP\n"
	  "       safer outcomes edit ID [--number N] [--text TEXT] [--group GROUP]\n"
	  "       safer outcomes archive|delete ID\n\n"
	  "The numbered outcomes of a framework (safer frameworks), in groups named\n"
	  "by --group: a name new to the framework makes a new group.  Numbers are\n"
	  "unique within a framework.  'add' prints the new outcome's id.  'delete'\n"
	  "deletes an outcome no priority area or indicator is linked to, else\n"
	  "archives it, as 'archive' always does.\n",
	  "add, edit, archive and delete the outcomes of a framework" },
	{ "partnership", cmd_partnership,
	  "usage: safer partnership show [--format table|json]\n"
	  "       safer partnership edit [--name NAME] [--area AREA]\n"
	  "                        [--description TEXT]\n"
	  "                        [--add-former-name NAME]...\n"
	  "                        [--remove-former-name NAME]...\n\n"
	  "The partnership: its name, the area it serves, a description and the\n"
	  "names it had before.  With no partnership yet, 'edit' makes it (then\n"
	  "--name and --area are needed).\n",
	  "show or edit the partnership" },
	{ "peers", cmd_peers,
	  "usage: safer peers list\n"
	  "       safer peers set NAME AREA...\n"
	  "       safer peers delete NAME\n\n"
	  "Peer groups: named lists of areas (the ten Greater Manchester districts,\n"
	  "a Home Office most similar group) usable wherever an area is.  Each\n"
	  "member must be a force, district, ward or LSOA of the crime data or\n"
	  "the geography, or an area with indicator figures; names match without\n"
	  "regard to case, 'St.' or '&' (\"St Helens\" is \"St. Helens\").\n",
	  "list, set and delete peer groups of areas" },
	{ "people", cmd_people,
	  "usage: safer people list [--organisation ID] [--format table|json]\n"
	  "       safer people add --name NAME [--role ROLE] [--organisation ID]\n"
	  "       safer people edit ID [--name NAME] [--role ROLE]\n"
	  "                        [--organisation ID|none]\n"
	  "       safer people archive|delete ID\n\n"
	  "The people of the partnership, with their roles (no contact details\n"
	  "are kept).  'add' prints the new id.  'delete' removes a person nothing\n"
	  "names and archives one who owns an action, leads a theme, chairs or\n"
	  "sits on a board; 'archive' archives them (they leave the lists and stay\n"
	  "readable by their id).\n",
	  "list, add, edit, archive and delete people" },
	{ "plans", cmd_plans,
	  "usage: safer plans list [--format table|csv|json]\n"
	  "       safer plans show ID [--format table|json]\n"
	  "       safer plans add --title TITLE --start YYYY-MM-DD --end YYYY-MM-DD\n"
	  "                       [--kind partnership_plan|strategy|delivery_plan]\n"
	  "                       [--status draft|approved|closed]\n"
	  "                       [--approved-by BODY] [--approved-by-board ID]\n"
	  "                       [--approved-on YYYY-MM[-DD]] [--note TEXT]\n"
	  "       safer plans edit ID [--title T] [--start D] [--end D] [--kind K]\n"
	  "                       [--status S] [--approved-by BODY]\n"
	  "                       [--approved-by-board ID|none]\n"
	  "                       [--approved-on YYYY-MM[-DD]] [--note TEXT]\n"
	  "       safer plans roll-forward ID --title TITLE --start D --end D\n"
	  "       safer plans archive|delete ID\n\n"
	  "Plans, with their themes, leads and priority areas (safer themes, safer\n"
	  "priorities).  'add' prints the new plan's id; 'edit' changes the fields\n"
	  "given (an empty TEXT clears an optional one).  'roll-forward' makes the\n"
	  "plan for the next period, a draft, copying the themes with their leads,\n"
	  "the priority areas and their links to outcomes, and prints its id.\n"
	  "'delete' deletes a plan with no themes, actions or plan rolled forward\n"
	  "from it; one that is referred to is archived instead, as 'archive'\n"
	  "always does: an archived plan leaves the lists and stays readable by id.\n",
	  "list, show, add, edit, roll forward, archive and delete plans" },
	{ "priorities", cmd_priorities,
	  "usage: safer priorities list THEME_ID [--on YYYY-MM-DD] [--format table|json]\n"
	  "       safer priorities add THEME_ID --name NAME [--description TEXT]\n"
	  "                            [--outcome OUTCOME_ID]...\n"
	  "       safer priorities edit ID [--name NAME] [--description TEXT]\n"
	  "                            [--outcome OUTCOME_ID]... [--no-outcomes]\n"
	  "       safer priorities archive|delete ID\n\n"
	  "The priority areas for action of a theme.  'list --on' gives them as they\n"
	  "stood on a day, with the wording they had then: a change of name or\n"
	  "description keeps the old wording, valid until the day of the change.\n"
	  "--outcome (repeated) gives the whole list of linked outcomes; with\n"
	  "--no-outcomes, none.  'add' prints the new priority area's id.  'delete'\n"
	  "deletes one added today that nothing refers to; else it is archived\n"
	  "(removed from the plan today), as 'archive' always does.\n",
	  "list (as on a date), add, edit, archive and delete priority areas" },
	{ "publish", cmd_publish,
	  "usage: safer publish plan|funding|headlines|crime...\n"
	  "       safer publish --threshold N\n"
	  "       safer publish --list\n\n"
	  "Publish parts of safer to anonymous visitors, read-only at the same\n"
	  "addresses: the plan with its themes, leads and priority areas (not its\n"
	  "actions), the funding totals (not the awards), the headline indicators\n"
	  "and the crime dashboard with its CSV downloads and API.  Counts fewer\n"
	  "than the threshold (default 5) are suppressed in every table, chart\n"
	  "and CSV they see, and so is any other count from which one could be\n"
	  "worked out by subtraction from the totals shown.  Indicators marked\n"
	  "official-sensitive are never published.  --list says what is\n"
	  "published.  Each change is recorded.\n",
	  "publish the plan, funding, headlines or crime to anonymous visitors" },
	{ "serve", cmd_serve,
	  "usage: safer serve [--listen HOST:PORT] [--threads N]\n"
	  "                   [--cache-mb N] [--no-cache]\n"
	  "                   [--request-deadline SECONDS] [--max-connections N]\n"
	  "                   [--max-per-client N] [--https-proxy]\n\n"
	  "Serve the web pages and the JSON API.  The default is 127.0.0.1:8080,\n"
	  "reachable only from this machine; give --listen 0.0.0.0:8080 to serve\n"
	  "the network.  Ctrl-C stops.\n\n"
	  "Sign-in: while the database has no accounts, safer on loopback runs in\n"
	  "local mode (anyone on this machine may do everything); it refuses to\n"
	  "serve the network until an account exists (safer users add).  With\n"
	  "accounts, every internal page and API call needs sign-in (a session\n"
	  "cookie, or Authorization: Bearer TOKEN).  --https-proxy: safer is\n"
	  "reached through an HTTPS reverse proxy: cookies are marked Secure, and\n"
	  "the client's address (for the throttle on failed sign-ins) is the last\n"
	  "one in X-Forwarded-For, which the proxy must set.\n\n"
	  "Answers that depend only on the data are kept until the data changes,\n"
	  "in at most --cache-mb MiB for the whole server (default 32; the least\n"
	  "recently used go first); --no-cache (or --cache-mb 0) builds every one\n"
	  "afresh, to measure how fast pages are made.\n\n"
	  "Slow clients: a client has --request-deadline seconds (default 10) to\n"
	  "send a whole request, headers and body, from when the server is ready\n"
	  "for it (the connection opened, or the last answer sent); then the\n"
	  "connection is cut.  At most --max-connections are open at once\n"
	  "(default 8192, fewer if 'ulimit -n' allows fewer), and at most\n"
	  "--max-per-client from one address (default 2048, at most half of\n"
	  "--max-connections); a connection beyond either is closed at once.\n"
	  "A write that waits more than 3 seconds for another writer (an import,\n"
	  "sqlite3) is answered 503 with Retry-After.\n",
	  "serve the web interface and the API" },
	{ "stats", cmd_stats,
	  "usage: safer stats proportion K N\n"
	  "       safer stats rate K DENOMINATOR [--per 1000]\n"
	  "       safer stats compare-proportions K1 N1 K2 N2\n"
	  "       safer stats change K1 K2 [--exposure T1 T2]\n"
	  "       safer stats spc [--baseline N] [--improvement up|down]\n"
	  "                       [--rebase I,J...] < values\n"
	  "       each with [--level 95|99.8] [--format json|text]\n\n"
	  "The statistics safer uses, on numbers you give: confidence intervals\n"
	  "(Wilson score for proportions; exact Poisson below 10 events and\n"
	  "Byar's method from 10 for counts and rates), the pooled two-proportion\n"
	  "z-test, the change between two periods (exact conditional binomial\n"
	  "test), and XmR charts with the Making Data Count rules.\n",
	  "confidence intervals, comparisons, change and SPC" },
	{ "themes", cmd_themes,
	  "usage: safer themes show ID [--format table|json]\n"
	  "       safer themes add PLAN_ID --name NAME [--description TEXT]\n"
	  "                        [--lead PERSON_ID]\n"
	  "       safer themes edit ID [--name NAME] [--description TEXT]\n"
	  "                        [--lead PERSON_ID|none] [--position N]\n"
	  "       safer themes archive|delete ID\n\n"
	  "The themes of a plan, each with its lead.  'add' puts the theme last and\n"
	  "prints its id; --position (0 first) moves it.  'delete' deletes a theme\n"
	  "with no priority areas, actions, indicators or leads' accounts referring\n"
	  "to it; else it is archived, as 'archive' always does.\n",
	  "show, add, edit, archive and delete the themes of a plan" },
	{ "tokens", cmd_tokens,
	  "usage: safer tokens create EMAIL [--name NAME]\n"
	  "       safer tokens list EMAIL\n"
	  "       safer tokens revoke ID\n\n"
	  "API tokens: a program sends one as 'Authorization: Bearer TOKEN' and\n"
	  "acts with its account's role.  'create' prints the token alone on its\n"
	  "last line, once: safer keeps only its SHA-256.  A revoked token, or one\n"
	  "of a disabled account, is refused (401).\n",
	  "create, list and revoke API tokens" },
	/* issue 9, scrutiny */
	{ "undertakings", cmd_undertakings,
	  "usage: safer undertakings list [--status open|overdue|discharged]\n"
	  "                               [--body ID] [--meeting ID]\n"
	  "                               [--format table|csv|json]\n"
	  "       safer undertakings show [--format table|json] ID\n"
	  "       safer undertakings add --text TEXT [--kind undertaking|request]\n"
	  "                    [--owner TEXT] [--owner-id ID] [--to-body ID]\n"
	  "                    [--item ID] [--due-meeting ID | --due-date DATE]\n"
	  "                    [--note TEXT]\n"
	  "       safer undertakings edit ID [the options of add] [--status open]\n"
	  "       safer undertakings discharge ID --by-item ID|none [--on DATE]\n"
	  "       safer undertakings delete ID\n\n"
	  "What officers undertook to do at meetings and the reports members\n"
	  "requested: --item is the agenda item where it was given; it is due at\n"
	  "a meeting (--due-meeting) or by a date (--due-date YYYY-MM-DD), not\n"
	  "both.  Overdue: open, and its due date passed or its due meeting held.\n"
	  "'discharge' records the item that answered it (on DATE, else today).\n"
	  "'add' prints the new id.  An id option takes 'none' to empty it.\n",
	  "list, add and discharge undertakings and requests" },
	{ "unpublish", cmd_unpublish,
	  "usage: safer unpublish plan|funding|headlines|crime...\n\n"
	  "Stop publishing parts of safer to anonymous visitors (safer publish).\n",
	  "stop publishing to anonymous visitors" },
	{ "users", cmd_users,
	  "usage: safer users add EMAIL --name NAME --role ROLE [--theme ID]...\n"
	  "                       [--board ID]... [--person ID] --password-stdin\n"
	  "       safer users list\n"
	  "       safer users disable EMAIL\n"
	  "       safer users enable EMAIL\n"
	  "       safer users role EMAIL ROLE [--theme ID]... [--board ID]...\n"
	  "       safer users password EMAIL --password-stdin\n\n"
	  "The accounts that may sign in.  Roles: admin (accounts and settings,\n"
	  "and all an officer may do), officer (edits the plan, funding and\n"
	  "governance), lead (updates the actions of the themes given with\n"
	  "--theme, and the boards given with --board), analyst (imports data,\n"
	  "manages indicators), viewer (reads everything internal).  The password\n"
	  "is the first line of standard input, at least 10 characters:\n\n"
	  "  printf '%s\\n' \"$PASSWORD\" | safer users add ann@example.org \\\n"
	  "      --name 'Ann Lee' --role admin --password-stdin\n\n"
	  "While there are no accounts, 'safer serve' on loopback runs in local\n"
	  "mode: anyone on this machine may do everything.  The first account\n"
	  "ends it: from then on every internal page and API call needs sign-in.\n"
	  "'password' sets a new password (an administrator's reset) and signs\n"
	  "the account out everywhere; 'disable' stops an account signing in and\n"
	  "its tokens working, keeping what it did on the record.\n",
	  "add, list, disable and change the accounts that sign in" },
	{ "version", cmd_version, "usage: safer version\n", "print the version" },
};

const size_t n_commands = ARRAY_SIZE(commands);

const struct command *command_find(const char *name)
{
	for (size_t i = 0; i < n_commands; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}
