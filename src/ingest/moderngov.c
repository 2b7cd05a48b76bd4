/*
 * moderngov.c: saved responses of modern.gov's web service into bodies,
 * meetings and agenda items (see ingest.h and docs/moderngov.md).
 *
 * The responses are XML, read with libxml2 into a tree: no network (a
 * document that refers to another is not fetched), no DTD (a response
 * never has one, and a DTD is how entities multiply), and nothing
 * substituted.  The shape, from the web service's answers as councils
 * publish them:
 *
 *   GetCommittees  <committees><committee><committeeid>272</committeeid>
 *                  <committeetitle>..</committeetitle>
 *                  <committeecategory>..</committeecategory>
 *                  </committee>...</committees>
 *   GetMeetings    <getmeetings><committee><committeeid>..</committeeid>
 *                  <committeetitle>..</committeetitle><committeemeetings>
 *                  <meeting><meetingid>..</meetingid>
 *                  <meetingdate>16/09/2014</meetingdate>
 *                  <meetingtime>18:00</meetingtime>
 *                  <meetingstatus>..</meetingstatus></meeting>...
 *                  </committeemeetings></committee></getmeetings>
 *   GetMeeting     <meeting><meetingid>..</meetingid><meetingdate>..
 *                  <meetingtime>..<meetingstatus>..<meetinglocation>..
 *                  <agendaitems><agendaitem><agendaitemid>..
 *                  <agendaitemnumber>..<agendaitemtitle>..
 *                  <linkeddocuments><linkeddoc><attachmentid>..<title>..
 *                  <url>..</linkeddoc>...</linkeddocuments></agendaitem>
 *                  ...</agendaitems></meeting>
 *
 * A SOAP call gives the same inside soap:Envelope/soap:Body/
 * GetXResponse/GetXResult; names are compared without their namespace.
 * Other elements (webcasts, attendees, minutes as HTML) are left alone.
 */
#include <limits.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/sha256.h"
#include "base/text.h"
#include "ingest.h"
#include "store/store_import.h"
#include "store/store_moderngov.h"

/* ---------------------------------------------------------------------
 * Reading the tree
 */

/* Room for one more zeroed element at the end of an array in the arena
 * (as the store's vec_push). */
static void *push(struct arena *a, void *items, size_t *n, size_t *cap,
		  size_t size)
{
	char **p = items;

	if (*n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;
		char *grown = arena_array(a, ncap, size);

		if (*n)
			memcpy(grown, *p, *n * size);
		*p = grown;
		*cap = ncap;
	}
	return *p + (*n)++ * size;
}
#define PUSH(a, items, n, cap) \
	((__typeof__(items))push((a), &(items), (n), (cap), sizeof(*(items))))

struct reader {
	const char *name; /* the file, for messages */
	struct arena *a;
	struct err *e;
};

static bool named(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, name) == 0;
}

static unsigned line_of(const xmlNode *n)
{
	long l = xmlGetLineNo(n);

	return l > 0 && l < INT_MAX ? (unsigned)l : 0;
}

/* The first child element of n called name, or NULL. */
static xmlNode *child(const xmlNode *n, const char *name)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (named(c, name))
			return c;
	return NULL;
}

static xmlNode *first_element(const xmlNode *n)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

/* The text of n's child element name with white space runs made one
 * space and none at either end, in the arena; NULL if there is no such
 * element or it holds only white space. */
static const char *text_of(struct reader *r, const xmlNode *n,
			   const char *name)
{
	xmlNode *c = child(n, name);
	xmlChar *raw;
	char *out, *w;
	bool space = false;

	if (!c || !(raw = xmlNodeGetContent(c)))
		return NULL;
	out = w = arena_alloc(r->a, strlen((const char *)raw) + 1);
	for (const char *p = (const char *)raw; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = w != out;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = false;
		*w++ = *p;
	}
	*w = '\0';
	xmlFree(raw);
	return *out ? out : NULL;
}

static int refuse(struct reader *r, const xmlNode *n, const char *element,
		  const char *fmt, const char *value)
{
	char what[300];

	snprintf(what, sizeof(what), fmt, value ? value : "");
	if (n && line_of(n))
		return err_set(r->e, ERR_INVALID, element, "%s:%u: element '%s': %s",
			       r->name, line_of(n), element, what);
	return err_set(r->e, ERR_INVALID, element, "%s: element '%s': %s",
		       r->name, element, what);
}

/* A required id: modern.gov's ids are whole numbers. */
static const char *id_of(struct reader *r, const xmlNode *n,
			 const char *element)
{
	const char *v = text_of(r, n, element);
	size_t len;

	if (!v) {
		refuse(r, n, element, "missing or empty%s", NULL);
		return NULL;
	}
	len = strlen(v);
	if (len > 18 || strspn(v, "0123456789") != len) {
		refuse(r, child(n, element), element,
		       "'%s' is not a modern.gov id (a whole number)", v);
		return NULL;
	}
	return v;
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* "9:30", "09:30" or "09:30:00" as "09:30" into out[6]; false if it is
 * none of those. */
static bool parse_time(const char *s, char out[6])
{
	size_t len = strlen(s), h = len >= 2 && s[1] == ':' ? 1 : 2;
	int hh, mm;

	if (len < h + 3 || !digits(s, h) || s[h] != ':' ||
	    !digits(s + h + 1, 2))
		return false;
	if (len != h + 3 &&
	    (len != h + 6 || s[h + 3] != ':' || !digits(s + h + 4, 2)))
		return false;
	hh = h == 1 ? s[0] - '0' : (s[0] - '0') * 10 + s[1] - '0';
	mm = (s[h + 1] - '0') * 10 + s[h + 2] - '0';
	if (hh > 23 || mm > 59)
		return false;
	out[0] = (char)('0' + hh / 10);
	out[1] = (char)('0' + hh % 10);
	out[2] = ':';
	out[3] = (char)('0' + mm / 10);
	out[4] = (char)('0' + mm % 10);
	out[5] = '\0';
	return true;
}

/* The meeting's date (dd/mm/yyyy, as modern.gov gives it, perhaps with
 * the time after it) and time (meetingtime, HH:MM). */
static int meeting_when(struct reader *r, const xmlNode *n,
			struct mg_meeting *m)
{
	const char *d = text_of(r, n, "meetingdate");
	const char *t = text_of(r, n, "meetingtime");
	char iso[11], hm[6];
	struct err scratch = ERR_INIT;

	if (!d)
		return refuse(r, n, "meetingdate", "missing or empty%s", NULL);
	if (strlen(d) < 10 || !digits(d, 2) || d[2] != '/' ||
	    !digits(d + 3, 2) || d[5] != '/' || !digits(d + 6, 4) ||
	    (d[10] && (d[10] != ' ' || !parse_time(d + 11, hm))))
		return refuse(r, child(n, "meetingdate"), "meetingdate",
			      "'%s' is not a date as dd/mm/yyyy", d);
	snprintf(iso, sizeof(iso), "%.4s-%.2s-%.2s", d + 6, d + 3, d);
	if (text_date(iso, "meetingdate", &scratch) < 0)
		return refuse(r, child(n, "meetingdate"), "meetingdate",
			      "'%s' is not a real date", d);
	m->date = arena_strdup(r->a, iso);
	if (t) {
		if (!parse_time(t, hm))
			return refuse(r, child(n, "meetingtime"), "meetingtime",
				      "'%s' is not a time as HH:MM", t);
		m->time = arena_strdup(r->a, hm);
	} else if (d[10]) {
		m->time = arena_strdup(r->a, hm);
	}
	return 0;
}

static int read_doc(struct reader *r, const xmlNode *n, struct mg_doc *d)
{
	d->line = line_of(n);
	d->id = text_of(r, n, "attachmentid");
	d->title = text_of(r, n, "title");
	d->url = text_of(r, n, "url");
	if (!d->title)
		d->title = d->id ? arena_printf(r->a, "Document %s", d->id)
				 : "Document";
	return 0;
}

static int read_item(struct reader *r, const xmlNode *n, struct mg_item *it)
{
	xmlNode *docs = child(n, "linkeddocuments");
	size_t cap = 0;

	it->line = line_of(n);
	if (!(it->id = id_of(r, n, "agendaitemid")))
		return -1;
	it->number = text_of(r, n, "agendaitemnumber");
	if (!(it->title = text_of(r, n, "agendaitemtitle")))
		return refuse(r, n, "agendaitemtitle",
			      "missing or empty (agenda item %s)", it->id);
	for (xmlNode *c = docs ? docs->children : NULL; c; c = c->next) {
		struct mg_doc d = { 0 };

		if (!named(c, "linkeddoc"))
			continue;
		read_doc(r, c, &d);
		if (!d.url)
			continue; /* a restricted document has no address */
		*PUSH(r->a, it->docs, &it->n_docs, &cap) = d;
	}
	return 0;
}

static int read_meeting(struct reader *r, const xmlNode *n,
			const char *committee_id, bool detail,
			struct mg_meeting *m)
{
	xmlNode *items = child(n, "agendaitems");
	size_t cap = 0;

	m->line = line_of(n);
	m->detail = detail;
	if (!(m->id = id_of(r, n, "meetingid")))
		return -1;
	m->committee_id = committee_id;
	if (!m->committee_id && child(n, "committeeid") &&
	    !(m->committee_id = id_of(r, n, "committeeid")))
		return -1;
	if (meeting_when(r, n, m) < 0)
		return -1;
	m->status = text_of(r, n, "meetingstatus");
	m->venue = text_of(r, n, "meetinglocation");
	for (xmlNode *c = items ? items->children : NULL; c; c = c->next) {
		struct mg_item *it;

		if (!named(c, "agendaitem"))
			continue;
		it = PUSH(r->a, m->items, &m->n_items, &cap);
		if (read_item(r, c, it) < 0)
			return -1;
	}
	return 0;
}

static int read_committee(struct reader *r, const xmlNode *n, bool titled,
			  struct mg_committee *c)
{
	c->line = line_of(n);
	if (!(c->id = id_of(r, n, "committeeid")))
		return -1;
	c->title = text_of(r, n, "committeetitle");
	c->category = text_of(r, n, "committeecategory");
	if (titled && !c->title)
		return refuse(r, n, "committeetitle",
			      "missing or empty (committee %s)", c->id);
	return 0;
}

static int read_committees(struct reader *r, const xmlNode *root,
			   struct mg_response *out)
{
	size_t cap = 0;

	out->kind = MG_COMMITTEES;
	for (xmlNode *c = root->children; c; c = c->next)
		if (named(c, "committee") &&
		    read_committee(r, c, true,
				   PUSH(r->a, out->committees,
					    &out->n_committees, &cap)) < 0)
			return -1;
	return 0;
}

static int read_getmeetings(struct reader *r, const xmlNode *root,
			    struct mg_response *out)
{
	size_t ccap = 0, mcap = 0;

	out->kind = MG_MEETINGS;
	for (xmlNode *c = root->children; c; c = c->next) {
		struct mg_committee *cm;
		xmlNode *list;

		if (!named(c, "committee"))
			continue;
		cm = PUSH(r->a, out->committees, &out->n_committees, &ccap);
		if (read_committee(r, c, false, cm) < 0)
			return -1;
		list = child(c, "committeemeetings");
		for (xmlNode *m = list ? list->children : NULL; m; m = m->next)
			if (named(m, "meeting") &&
			    read_meeting(r, m, cm->id, false,
					 PUSH(r->a, out->meetings,
						  &out->n_meetings, &mcap)) < 0)
				return -1;
	}
	return 0;
}

static int read_getmeeting(struct reader *r, const xmlNode *root,
			   struct mg_response *out)
{
	out->kind = MG_MEETING;
	out->meetings = arena_alloc(r->a, sizeof(*out->meetings));
	out->n_meetings = 1;
	if (read_meeting(r, root, NULL, true, out->meetings) < 0)
		return -1;
	/* A GetMeeting that names its committee with a title gives the
	 * committee too. */
	if (out->meetings->committee_id && text_of(r, root, "committeetitle")) {
		out->committees = arena_alloc(r->a, sizeof(*out->committees));
		out->n_committees = 1;
		return read_committee(r, root, true, out->committees);
	}
	return 0;
}

/* The response inside a SOAP envelope: Envelope/Body/XResponse/XResult/
 * the response; NULL if the envelope holds none. */
static xmlNode *unwrap_soap(xmlNode *root)
{
	xmlNode *body = child(root, "Body");
	xmlNode *response = first_element(body);
	xmlNode *result = first_element(response);

	return first_element(result);
}

int moderngov_parse(const char *name, const char *data, size_t len,
		    struct arena *a, struct mg_response *out, struct err *e)
{
	struct reader r = { name, a, e };
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	xmlNode *root;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if (len > INT_MAX)
		return err_set(e, ERR_TOO_LARGE, NULL, "%s: too large to read",
			       name);
	xmlInitParser();
	if (!(ctxt = xmlNewParserCtxt()))
		return err_set(e, ERR_IO, NULL, "%s: out of memory", name);
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL,
				XML_PARSE_NONET | XML_PARSE_NOERROR |
					XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	if (!doc) {
		const xmlError *x = xmlCtxtGetLastError(ctxt);
		char msg[200] = "not XML";

		if (x && x->message) {
			snprintf(msg, sizeof(msg), "%s", x->message);
			text_trim(msg);
		}
		if (x && x->line > 0)
			err_set(e, ERR_INVALID, NULL,
				"%s:%d: not a modern.gov response: not well-formed "
				"XML (%s)",
				name, x->line, msg);
		else
			err_set(e, ERR_INVALID, NULL,
				"%s: not a modern.gov response: not well-formed XML "
				"(%s)",
				name, msg);
		goto out;
	}
	root = xmlDocGetRootElement(doc);
	if (named(root, "Envelope")) {
		xmlNode *inner = unwrap_soap(root);

		if (!inner) {
			err_set(e, ERR_INVALID, NULL,
				"%s: a SOAP envelope with no modern.gov response in "
				"it",
				name);
			goto out;
		}
		root = inner;
	}
	if (!named(root, "committees") && !named(root, "getmeetings") &&
	    !named(root, "meeting")) {
		err_set(e, ERR_INVALID, NULL,
			"%s:%u: not a modern.gov response: the top element is "
			"'%s', not committees (GetCommittees), getmeetings "
			"(GetMeetings) or meeting (GetMeeting)",
			name, line_of(root), root ? (const char *)root->name : "");
		goto out;
	}
	if (doc->intSubset || doc->extSubset) {
		err_set(e, ERR_INVALID, NULL,
			"%s: not a modern.gov response: it has a document type "
			"declaration, which modern.gov's responses never have",
			name);
		goto out;
	}
	if (named(root, "committees"))
		rc = read_committees(&r, root, out);
	else if (named(root, "getmeetings"))
		rc = read_getmeetings(&r, root, out);
	else
		rc = read_getmeeting(&r, root, out);
out:
	if (doc)
		xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	return rc;
}

/* ---------------------------------------------------------------------
 * Writing it
 */

/* The kind of body a committee's title suggests; "other" when it does
 * not (an officer can change it). */
static const char *body_kind(const char *title)
{
	if (strcasestr(title, "scrutiny"))
		return "scrutiny";
	if (strcasestr(title, "health and wellbeing") ||
	    strcasestr(title, "health & wellbeing") ||
	    strcasestr(title, "health and well-being") ||
	    strcasestr(title, "health & well-being"))
		return "health_wellbeing";
	if (strcasestr(title, "executive") || strcasestr(title, "cabinet"))
		return "executive";
	if (strcasecmp(title, "council") == 0 ||
	    strcasecmp(title, "full council") == 0 ||
	    strcasecmp(title, "council meeting") == 0)
		return "council";
	if (strcasestr(title, "community safety"))
		return "partnership_board";
	return "other";
}

/* modern.gov's status as one of safer's: a cancelled meeting is
 * cancelled; otherwise one before today was held, and one from today on
 * is scheduled. */
static const char *meeting_status(const struct mg_meeting *m,
				  const char *today)
{
	if (m->status && strcasestr(m->status, "cancel"))
		return "cancelled";
	return strcmp(m->date, today) < 0 ? "held" : "scheduled";
}

static const char *content_type(const char *url)
{
	const char *q = strchr(url, '?');
	size_t n = q ? (size_t)(q - url) : strlen(url);

	if (strcasestr(url, "mgConvert2PDF") ||
	    (n >= 4 && strncasecmp(url + n - 4, ".pdf", 4) == 0))
		return "application/pdf";
	if (n >= 5 && strncasecmp(url + n - 5, ".docx", 5) == 0)
		return "application/vnd.openxmlformats-officedocument."
		       "wordprocessingml.document";
	if (n >= 4 && strncasecmp(url + n - 4, ".doc", 4) == 0)
		return "application/msword";
	if (n >= 5 && strncasecmp(url + n - 5, ".xlsx", 5) == 0)
		return "application/vnd.openxmlformats-officedocument."
		       "spreadsheetml.sheet";
	if (n >= 4 && (strncasecmp(url + n - 4, ".htm", 4) == 0 ||
		       (n >= 5 && strncasecmp(url + n - 5, ".html", 5) == 0)))
		return "text/html";
	return "application/octet-stream";
}

static void count(struct moderngov_report *r, enum mg_outcome how)
{
	if (how == MG_ADDED)
		r->added++;
	else if (how == MG_UPDATED)
		r->updated++;
	else
		r->unchanged++;
}

struct parsed {
	const char *path;
	struct mg_response res;
};

static int write_committees(struct store *s, const struct parsed *p,
			    struct moderngov_report *r, struct err *e)
{
	for (size_t i = 0; i < p->res.n_committees; i++) {
		const struct mg_committee *c = &p->res.committees[i];
		char note[300];
		enum mg_outcome how;
		int64_t id;

		if (!c->title)
			continue; /* named only by id: must be known already */
		if (c->category)
			snprintf(note, sizeof(note), "modern.gov category: %s",
				 c->category);
		if (store_mg_body(s, c->id, c->title, body_kind(c->title),
				  c->category ? note : NULL, &id, &how, e) < 0)
			return err_locate(e, p->path, c->line);
		r->bodies++;
		count(r, how);
	}
	return 0;
}

static int write_meeting(struct store *s, const struct parsed *p,
			 const struct mg_meeting *m, const char *today,
			 struct moderngov_report *r, struct err *e)
{
	struct mg_meeting_input in = { 0 };
	enum mg_outcome how;
	int64_t id;

	in.source_id = m->id;
	if (m->committee_id) {
		if (store_mg_body_find(s, m->committee_id, &in.body_id, e) < 0)
			return -1;
		if (!in.body_id)
			return err_set(e, ERR_INVALID, "committeeid",
				       "%s:%u: meeting %s is of committee %s, which "
				       "is not known: import the GetCommittees "
				       "response with it",
				       p->path, m->line, m->id, m->committee_id);
	} else {
		if (store_mg_meeting_find(s, m->id, &id, e) < 0)
			return -1;
		if (!id)
			return err_set(e, ERR_INVALID, "committeeid",
				       "%s:%u: meeting %s does not say its "
				       "committee, and is not known: import the "
				       "GetMeetings response of its committee "
				       "with it",
				       p->path, m->line, m->id);
	}
	in.date = m->date;
	in.time = m->time;
	in.venue = m->venue;
	in.status = meeting_status(m, today);
	if (store_mg_meeting(s, &in, &id, &how, e) < 0)
		return err_locate(e, p->path, m->line);
	r->meetings++;
	count(r, how);
	for (size_t i = 0; i < m->n_items; i++) {
		const struct mg_item *it = &m->items[i];
		char number[24];
		int64_t item_id;

		snprintf(number, sizeof(number), "%zu", i + 1);
		if (store_mg_item(s, it->id, id, it->number ? it->number : number,
				  it->title, (int64_t)i + 1, &item_id, &how, e) < 0)
			return err_locate(e, p->path, it->line);
		r->items++;
		count(r, how);
		for (size_t k = 0; k < it->n_docs; k++) {
			const struct mg_doc *d = &it->docs[k];

			if (store_mg_document(s, item_id, d->title,
					      content_type(d->url), d->url, &how,
					      e) < 0)
				return err_locate(e, p->path, d->line);
			r->documents++;
			count(r, how);
		}
	}
	return 0;
}

/* Committees first, then the meetings of GetMeetings, then those of
 * GetMeeting (which know more: the venue and the agenda), so that the
 * order of the files does not matter. */
static int write_all(struct store *s, const struct parsed *p, size_t n,
		     struct moderngov_report *r, struct err *e)
{
	char today[11];

	text_today(today);
	for (size_t i = 0; i < n; i++)
		if (write_committees(s, &p[i], r, e) < 0)
			return -1;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++)
			for (size_t k = 0; k < p[i].res.n_meetings; k++) {
				const struct mg_meeting *m = &p[i].res.meetings[k];

				if (m->detail == (pass == 1) &&
				    write_meeting(s, &p[i], m, today, r, e) < 0)
					return -1;
			}
	return 0;
}

int ingest_moderngov(struct store *s, const char *const *paths, size_t n,
		     struct moderngov_report *r, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct parsed *p = arena_array(&a, n ? n : 1, sizeof(*p));
	struct import_file *files = arena_array(&a, n ? n : 1, sizeof(*files));
	struct import_counts c = { 0 };
	int rc = -1;

	memset(r, 0, sizeof(*r));
	for (size_t i = 0; i < n; i++) {
		struct buf b = BUF_INIT;
		char *sha = arena_alloc(&a, SHA256_HEX_SIZE);

		if (buf_read_file(&b, paths[i], e) < 0) {
			buf_release(&b);
			goto out;
		}
		p[i].path = paths[i];
		sha256_hex(b.ptr, b.len, sha);
		files[i] = (struct import_file){ paths[i], (int64_t)b.len, sha, -1 };
		if (moderngov_parse(paths[i], b.ptr, b.len, &a, &p[i].res, e) < 0) {
			buf_release(&b);
			goto out;
		}
		buf_release(&b);
		r->files++;
	}
	if (store_begin(s, e) < 0)
		goto out;
	if (write_all(s, p, n, r, e) < 0)
		goto fail;
	r->read = r->bodies + r->meetings + r->items + r->documents;
	c.rows_read = r->read;
	c.rows_added = r->added;
	c.rows_replaced = r->updated;
	c.rows_unchanged = r->unchanged;
	{
		char note[200];

		snprintf(note, sizeof(note),
			 "modern.gov: %lld bodies, %lld meetings, %lld agenda "
			 "items, %lld documents",
			 (long long)r->bodies, (long long)r->meetings,
			 (long long)r->items, (long long)r->documents);
		if (store_import_record(s, "moderngov", &c, files, n, note, e) < 0)
			goto fail;
	}
	if (store_commit(s, e) < 0)
		goto out;
	rc = 0;
	goto out;
fail:
	store_rollback(s);
out:
	arena_release(&a);
	return rc;
}
