/*-------------------------------------------------------------------------
 * gir_check.c
 *	  SQL surface of the rule engine: gir_check, gir_is_consistent,
 *	  gir_check_continuity and gir_rules.
 *
 * Both argument forms (jsonb in the shape of output.md, and the gir_report
 * composite) are turned into a GirReport, so the one evaluator of
 * src/core/rules.c serves them all.  gir_check raises on a document of the
 * wrong shape; gir_is_consistent answers false instead (EXAMPLES.md §12),
 * so that it can sit in a CHECK constraint without aborting a bulk load.
 *
 * The jsonb form also reads an optional top-level "facts" object (document
 * facts for R0.1, R3.4, R3.5 and R3.7, see gir_rules.h); it is not part of
 * format 1 of the output contract, and its absence only means that those
 * rules are not evaluated.
 *
 * Both forms read the contract's "warnings" array for what the parser saw
 * in the text: a warning whose code is RT.1-RT.6 carries a count quoted
 * from section 一, one coded R3.7 the fee-notice sentence of section 六.
 * They become facts, and the rules compare them with the cells as they
 * are now, so a corrected table no longer reports them.  Warnings of any
 * other code, or in a shape the parser does not write, are ignored.
 *
 * src/gir_check.c
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "gir_core.h"
#include "gir_rules.h"

#define GIR_DOC_HINT \
	"Pass the result of gir_parse(), or jsonb shaped as in output.md: " \
	"section, row key, column key, then a number or null."

/* ---------- converting a document into a GirReport ---------- */

/* One conversion: where to put it, and whether to raise on bad shape. */
typedef struct Conv
{
	bool		raise;			/* ereport on bad shape, else return false */
	const char *argname;		/* which document, for messages */
	GirReport  *r;
	GirDocFacts *facts;
	bool		has_facts;
} Conv;

/*
 * shape_error
 *		Raise (or, in the no-throw mode, report false) for a document that
 *		does not have the contract's shape.
 */
static bool
shape_error(Conv *cx, const char *msg, const char *detail)
{
	if (!cx->raise)
		return false;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid %s: %s", cx->argname, msg),
			 errdetail("%s", detail),
			 errhint(GIR_DOC_HINT)));
	return false;				/* not reached */
}

static const char *
jbv_type_name(const JsonbValue *v)
{
	switch (v->type)
	{
		case jbvNull:
			return "null";
		case jbvString:
			return "string";
		case jbvNumeric:
			return "number";
		case jbvBool:
			return "boolean";
		case jbvBinary:
			return JsonContainerIsObject(v->val.binary.data) ? "object" : "array";
		default:
			return "value";
	}
}

/* The JSON text of a scalar, cut to a readable length, for errdetail. */
static char *
jbv_preview(const JsonbValue *v)
{
	if (v->type == jbvString)
	{
		int			len = Min(v->val.string.len, 60);

		/* do not cut a UTF-8 sequence in half */
		len = pg_mbcliplen(v->val.string.val, v->val.string.len, len);
		return psprintf("\"%.*s\"%s", len, v->val.string.val,
						len < v->val.string.len ? "…" : "");
	}
	if (v->type == jbvBool)
		return pstrdup(v->val.boolean ? "true" : "false");
	return pstrdup(jbv_type_name(v));
}

static bool
jbv_is_object(const JsonbValue *v)
{
	return v->type == jbvBinary && JsonContainerIsObject(v->val.binary.data);
}

/* A number as canonical decimal text; NULL unless a finite JSON number. */
static char *
jbv_number_text(const JsonbValue *v)
{
	if (v->type != jbvNumeric || numeric_is_nan(v->val.numeric) ||
		numeric_is_inf(v->val.numeric))
		return NULL;
	return DatumGetCString(DirectFunctionCall1(numeric_out,
											   NumericGetDatum(v->val.numeric)));
}

/* Iterate the (key, value) pairs of an object container, values unexpanded. */
typedef struct ObjIter
{
	JsonbIterator *it;
} ObjIter;

static void
obj_iter_init(ObjIter *oi, JsonbContainer *c)
{
	JsonbValue	v;

	oi->it = JsonbIteratorInit(c);
	(void) JsonbIteratorNext(&oi->it, &v, true);	/* WJB_BEGIN_OBJECT */
}

static bool
obj_iter_next(ObjIter *oi, char **key, JsonbValue *val)
{
	JsonbValue	k;

	for (;;)
	{
		JsonbIteratorToken tok = JsonbIteratorNext(&oi->it, &k, true);

		if (tok == WJB_DONE || tok == WJB_END_OBJECT)
			return false;
		if (tok == WJB_KEY)
		{
			*key = pnstrdup(k.val.string.val, k.val.string.len);
			(void) JsonbIteratorNext(&oi->it, val, true);	/* WJB_VALUE */
			return true;
		}
	}
}

/* The column keys of a row under a template, for messages: "a, b, c". */
static char *
row_column_list(GirRowId row, GirTemplate tpl)
{
	const GirColId *cols;
	int			n = gir_row_columns(row, tpl, &cols);
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	for (i = 0; i < n; i++)
		appendStringInfo(&buf, "%s%s", i ? ", " : "", gir_col_def(cols[i])->key);
	return buf.data;
}

/*
 * Guess the template of a document whose "template" is null, from the row
 * and column keys that only one template has.  Unknown when nothing tells.
 */
static bool
infer_template(Conv *cx, JsonbContainer *sections[GIR_NSECTIONS],
			   GirTemplate *tpl)
{
	bool		votes[3] = {false, false, false};
	int			s;

	for (s = 0; s < GIR_NSECTIONS; s++)
	{
		ObjIter		oi;
		char	   *rkey;
		JsonbValue	rv;

		if (sections[s] == NULL)
			continue;
		obj_iter_init(&oi, sections[s]);
		while (obj_iter_next(&oi, &rkey, &rv))
		{
			int			row = gir_row_by_key(s, rkey);
			ObjIter		ci;
			char	   *ckey;
			JsonbValue	cv;

			if (row >= 0 && gir_row_def(row)->templates != GIR_TPLMASK_BOTH)
				votes[gir_row_def(row)->templates == GIR_TPLMASK_2019 ?
					  GIR_TPL_2019 : GIR_TPL_2021] = true;
			if (row < 0 || !jbv_is_object(&rv))
				continue;		/* reported by the main pass */
			obj_iter_init(&ci, rv.val.binary.data);
			while (obj_iter_next(&ci, &ckey, &cv))
			{
				int			col = gir_col_by_key(ckey);

				if (col >= GIR_C_MADE && col <= GIR_C_PROJECTS)
					votes[GIR_TPL_2019] = true;
				else if (col >= GIR_C_ISSUED && col <= GIR_C_IN_FORCE)
					votes[GIR_TPL_2021] = true;
			}
		}
	}
	if (votes[GIR_TPL_2019] && votes[GIR_TPL_2021])
		return shape_error(cx, "keys of both templates",
						   "\"template\" is null and the document mixes keys that exist only in the 2019 template with keys that exist only in the 2021 template.");
	*tpl = votes[GIR_TPL_2019] ? GIR_TPL_2019 :
		votes[GIR_TPL_2021] ? GIR_TPL_2021 : GIR_TPL_UNKNOWN;
	return true;
}

/* Read one cell value into *cell; path names it in messages. */
static bool
read_cell(Conv *cx, const char *path, const JsonbValue *v, GirCell *cell)
{
	char	   *num;

	if (v->type == jbvNull)
	{
		cell->state = GIR_CELL_NULL;
		return true;
	}
	num = jbv_number_text(v);
	if (num == NULL || !gir_cell_set_text(cell, num))
		return shape_error(cx, psprintf("cell %s is not a number", path),
						   psprintf("The cell holds the JSON %s %s; a cell is a JSON number or null.",
									jbv_type_name(v), jbv_preview(v)));
	return true;
}

/* The first row of each section, as an example in messages. */
static const GirRowId first_row[GIR_NSECTIONS] = {
	GIR_R_RULES, GIR_R_NEW_RECEIVED, GIR_R_REVIEW
};

/* Fill r->rows from one section object. */
static bool
read_section(Conv *cx, GirSection s, JsonbContainer *sec)
{
	GirReport  *r = cx->r;
	const char *skey = gir_section_key(s);
	ObjIter		oi;
	char	   *rkey;
	JsonbValue	rv;

	obj_iter_init(&oi, sec);
	while (obj_iter_next(&oi, &rkey, &rv))
	{
		int			row = gir_row_by_key(s, rkey);
		const GirColId *cols;
		int			ncols;
		ObjIter		ci;
		char	   *ckey;
		JsonbValue	cv;

		if (row < 0)
			return shape_error(cx, psprintf("unknown row \"%s\" in section \"%s\"", rkey, skey),
							   psprintf("Section \"%s\" takes the row keys of output.md, such as \"%s\".",
										skey, gir_row_def(first_row[s])->key));
		ncols = gir_row_columns(row, r->tpl, &cols);
		if (ncols == 0)
			return shape_error(cx, psprintf("row \"%s.%s\" does not exist in the %s template", skey, rkey,
											gir_template_name(r->tpl)),
							   psprintf("Row \"%s\" belongs to the %s template only.", rkey,
										r->tpl == GIR_TPL_2019 ? "2021" : "2019"));
		if (!jbv_is_object(&rv))
			return shape_error(cx, psprintf("row \"%s.%s\" is not an object", skey, rkey),
							   psprintf("The row holds a JSON %s; a row is an object of column keys.",
										jbv_type_name(&rv)));
		r->rows[row].present = true;
		obj_iter_init(&ci, rv.val.binary.data);
		while (obj_iter_next(&ci, &ckey, &cv))
		{
			int			col = gir_col_by_key(ckey);
			int			i;

			for (i = 0; i < ncols; i++)
				if ((int) cols[i] == col)
					break;
			if (i == ncols)
				return shape_error(cx, psprintf("unknown column \"%s\" in row \"%s.%s\"", ckey, skey, rkey),
								   psprintf("Under the %s template row \"%s\" has the columns %s.",
											r->tpl == GIR_TPL_2019 ? "2019" : "2021", rkey,
											row_column_list(row, r->tpl)));
			if (!read_cell(cx, psprintf("%s.%s.%s", skey, rkey, ckey), &cv,
						   &r->rows[row].cells[i]))
				return false;
		}
	}
	return true;
}

/* An int from a JSON number or null (0); false on anything else. */
static bool
read_int(Conv *cx, const char *what, const JsonbValue *v, int *out)
{
	char	   *num;
	GirCell		c = {0};

	*out = 0;
	if (v == NULL || v->type == jbvNull)
		return true;
	num = jbv_number_text(v);
	if (num == NULL || !gir_cell_set_text(&c, num) || !c.integral ||
		c.ival < PG_INT32_MIN || c.ival > PG_INT32_MAX)
		return shape_error(cx, psprintf("\"%s\" is not an integer", what),
						   psprintf("\"%s\" holds the JSON %s %s.", what,
									jbv_type_name(v), jbv_preview(v)));
	*out = (int) c.ival;
	return true;
}

/* ---------- document facts (optional "facts" object) ---------- */

static bool
read_fact_sections(Conv *cx, const JsonbValue *v)
{
	GirDocFacts *f = cx->facts;
	JsonbIterator *it;
	JsonbValue	e;
	JsonbIteratorToken tok;

	if (v->type != jbvBinary || JsonContainerIsObject(v->val.binary.data))
		return shape_error(cx, "\"facts.sections\" is not an array",
						   "\"facts.sections\" lists the section titles found, in document order, as objects {\"section\": key, \"line\": n, \"numbering\": text}.");
	f->sections_known = true;
	it = JsonbIteratorInit(v->val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &e, true)) != WJB_DONE)
	{
		GirSectionHit *h;
		JsonbValue	kv;
		JsonbValue *p;
		int			sec;

		if (tok != WJB_ELEM)
			continue;
		if (!jbv_is_object(&e))
			return shape_error(cx, "an element of \"facts.sections\" is not an object",
							   psprintf("The element is a JSON %s.", jbv_type_name(&e)));
		if (f->nsection_hits >= GIR_MAX_SECTION_HITS)
			return shape_error(cx, "too many section titles in \"facts.sections\"",
							   psprintf("At most %d titles are accepted.", GIR_MAX_SECTION_HITS));
		p = getKeyJsonValueFromContainer(e.val.binary.data, "section", 7, &kv);
		sec = (p && p->type == jbvString) ?
			gir_doc_section_by_key(pnstrdup(p->val.string.val, p->val.string.len)) : -1;
		if (sec < 0)
			return shape_error(cx, "an element of \"facts.sections\" has no valid \"section\"",
							   "\"section\" is one of overview, active_disclosure, requests, review_litigation, problems, other_matters.");
		h = &f->section_hits[f->nsection_hits++];
		h->section = sec;
		p = getKeyJsonValueFromContainer(e.val.binary.data, "line", 4, &kv);
		if (!read_int(cx, "facts.sections.line", p, &h->line))
			return false;
		p = getKeyJsonValueFromContainer(e.val.binary.data, "numbering", 9, &kv);
		if (p && p->type == jbvString)
			h->numbering = pnstrdup(p->val.string.val, p->val.string.len);
		else if (p && p->type != jbvNull)
			return shape_error(cx, "\"facts.sections.numbering\" is not a string",
							   psprintf("It holds the JSON %s.", jbv_type_name(p)));
	}
	return true;
}

static bool
read_fact_subtotal_rows(Conv *cx, const JsonbValue *v)
{
	ObjIter		oi;
	char	   *gkey;
	JsonbValue	gv;

	if (!jbv_is_object(v))
		return shape_error(cx, "\"facts.subtotal_rows\" is not an object",
						   "\"facts.subtotal_rows\" maps denied, unable, not_processed or other to an object of table-三 column keys.");
	obj_iter_init(&oi, v->val.binary.data);
	while (obj_iter_next(&oi, &gkey, &gv))
	{
		int			g = gir_subtotal_by_key(gkey);
		const GirColId *cols;
		int			ncols = gir_row_columns(GIR_R_NEW_RECEIVED, GIR_TPL_2021, &cols);
		ObjIter		ci;
		char	   *ckey;
		JsonbValue	cv;

		if (g < 0 || !jbv_is_object(&gv))
			return shape_error(cx, psprintf("invalid subtotal row \"%s\" in \"facts.subtotal_rows\"", gkey),
							   "Subtotal rows are denied, unable, not_processed and other, each an object of table-三 column keys.");
		cx->facts->subtotals[g].present = true;
		obj_iter_init(&ci, gv.val.binary.data);
		while (obj_iter_next(&ci, &ckey, &cv))
		{
			int			col = gir_col_by_key(ckey);
			int			i;

			for (i = 0; i < ncols; i++)
				if ((int) cols[i] == col)
					break;
			if (i == ncols)
				return shape_error(cx, psprintf("unknown column \"%s\" in \"facts.subtotal_rows.%s\"", ckey, gkey),
								   psprintf("Subtotal rows have the table-三 columns %s.",
											row_column_list(GIR_R_NEW_RECEIVED, GIR_TPL_2021)));
			if (!read_cell(cx, psprintf("facts.subtotal_rows.%s.%s", gkey, ckey), &cv,
						   &cx->facts->subtotals[g].cells[i]))
				return false;
		}
	}
	return true;
}

static bool
read_fact_subtotal_column(Conv *cx, const JsonbValue *v)
{
	ObjIter		oi;
	char	   *rkey;
	JsonbValue	rv;

	if (!jbv_is_object(v))
		return shape_error(cx, "\"facts.subtotal_column\" is not an object",
						   "\"facts.subtotal_column\" maps table-三 row keys to the printed 法人或其他组织 subtotal.");
	cx->facts->legal_subtotal_known = true;
	obj_iter_init(&oi, v->val.binary.data);
	while (obj_iter_next(&oi, &rkey, &rv))
	{
		int			row = gir_row_by_key(GIR_SEC_REQUESTS, rkey);

		if (row < 0)
			return shape_error(cx, psprintf("unknown row \"%s\" in \"facts.subtotal_column\"", rkey),
							   "The keys are table-三 row keys of output.md.");
		if (!read_cell(cx, psprintf("facts.subtotal_column.%s", rkey), &rv,
					   &cx->facts->legal_subtotal[row]))
			return false;
	}
	return true;
}

static bool
read_facts(Conv *cx, const JsonbValue *v)
{
	JsonbValue	kv;
	JsonbValue *p;
	JsonbContainer *c;

	if (v->type == jbvNull)
		return true;
	if (!jbv_is_object(v))
		return shape_error(cx, "\"facts\" is not an object",
						   psprintf("\"facts\" holds a JSON %s.", jbv_type_name(v)));
	c = v->val.binary.data;
	cx->has_facts = true;
	if ((p = getKeyJsonValueFromContainer(c, "sections", 8, &kv)) != NULL &&
		p->type != jbvNull && !read_fact_sections(cx, p))
		return false;
	if ((p = getKeyJsonValueFromContainer(c, "subtotal_rows", 13, &kv)) != NULL &&
		p->type != jbvNull && !read_fact_subtotal_rows(cx, p))
		return false;
	if ((p = getKeyJsonValueFromContainer(c, "subtotal_column", 15, &kv)) != NULL &&
		p->type != jbvNull && !read_fact_subtotal_column(cx, p))
		return false;
	if ((p = getKeyJsonValueFromContainer(c, "fee_notice", 10, &kv)) != NULL &&
		p->type != jbvNull)
	{
		const char *s = p->type == jbvString ?
			pnstrdup(p->val.string.val, p->val.string.len) : "";

		if (strcmp(s, "none_issued") == 0)
			cx->facts->fee_notice = GIR_FEE_NONE_ISSUED;
		else if (strcmp(s, "issued") == 0)
			cx->facts->fee_notice = GIR_FEE_ISSUED;
		else
			return shape_error(cx, "invalid \"facts.fee_notice\"",
							   "\"facts.fee_notice\" is \"none_issued\", \"issued\" or null.");
	}
	p = getKeyJsonValueFromContainer(c, "fee_notice_line", 15, &kv);
	return read_int(cx, "facts.fee_notice_line", p, &cx->facts->fee_notice_line);
}

/* ---------- parser findings in the warnings array ---------- */

/* The string under key in a warning object, or NULL. */
static char *
warning_string(JsonbContainer *w, const char *key)
{
	JsonbValue	kv;
	JsonbValue *p = getKeyJsonValueFromContainer(w, key, strlen(key), &kv);

	if (p == NULL || p->type != jbvString)
		return NULL;
	return pnstrdup(p->val.string.val, p->val.string.len);
}

static int
warning_line(JsonbContainer *w)
{
	JsonbValue	kv;
	JsonbValue *p = getKeyJsonValueFromContainer(w, "line", 4, &kv);
	char	   *num;
	GirCell		c = {0};

	if (p == NULL || (num = jbv_number_text(p)) == NULL ||
		!gir_cell_set_text(&c, num) || !c.integral ||
		c.ival < 0 || c.ival > PG_INT32_MAX)
		return 0;
	return (int) c.ival;
}

/*
 * read_warnings
 *		Facts from the parser's warnings (see the file header).  Lenient:
 *		warnings are informational, so nothing here raises.
 */
static void
read_warnings(Conv *cx, JsonbContainer *c)
{
	GirDocFacts *f = cx->facts;
	JsonbIterator *it;
	JsonbValue	e;
	JsonbIteratorToken tok;
	GirNarrClaim *claims = NULL;
	int			n = 0,
				cap = 0;

	if (c == NULL || !JsonContainerIsArray(c) || JsonContainerIsScalar(c))
		return;
	it = JsonbIteratorInit(c);
	while ((tok = JsonbIteratorNext(&it, &e, true)) != WJB_DONE)
	{
		char	   *code;
		char	   *message;
		char	   *quote;

		if (tok != WJB_ELEM || !jbv_is_object(&e))
			continue;
		code = warning_string(e.val.binary.data, "code");
		message = warning_string(e.val.binary.data, "message");
		if (code == NULL || message == NULL)
			continue;
		quote = palloc(strlen(message) + 1);
		if (strncmp(code, "RT.", 3) == 0)
		{
			GirNarrClaim claim;

			if (!gir_narr_claim_from_warning(code, message,
											 warning_line(e.val.binary.data),
											 &claim, quote, strlen(message) + 1))
				continue;
			if (n == cap)
			{
				cap = cap ? cap * 2 : 8;
				claims = claims ? repalloc(claims, cap * sizeof(GirNarrClaim)) :
					palloc(cap * sizeof(GirNarrClaim));
			}
			claims[n++] = claim;
		}
		else if (strcmp(code, gir_rule_def(GIR_RULE_R3_7)->name) == 0 &&
				 f->fee_notice == GIR_FEE_UNKNOWN)
		{
			/* an explicit facts.fee_notice wins over the warning */
			f->fee_notice = GIR_FEE_NONE_ISSUED;
			f->fee_notice_line = warning_line(e.val.binary.data);
			if (gir_fee_quote_from_warning(message, quote, strlen(message) + 1))
				f->fee_notice_quote = quote;
			cx->has_facts = true;
		}
	}
	if (n > 0)
	{
		f->claims = claims;
		f->nclaims = n;
		cx->has_facts = true;
	}
}

/* ---------- the two argument forms ---------- */

/*
 * Common part: template name (NULL = unknown), year, the section objects
 * (NULL = absent) and the facts value (NULL = absent).
 */
static bool
convert(Conv *cx, const char *tplname, int year,
		JsonbContainer *sections[GIR_NSECTIONS], const JsonbValue *facts)
{
	GirReport  *r = palloc0(sizeof(GirReport));
	int			s;

	cx->r = r;
	cx->facts = palloc0(sizeof(GirDocFacts));
	cx->has_facts = false;
	r->year = year;
	if (tplname == NULL)
	{
		if (!infer_template(cx, sections, &r->tpl))
			return false;
	}
	else if (strcmp(tplname, "2019") == 0)
		r->tpl = GIR_TPL_2019;
	else if (strcmp(tplname, "2021") == 0)
		r->tpl = GIR_TPL_2021;
	else
		return shape_error(cx, "invalid \"template\"",
						   psprintf("\"template\" is \"2019\", \"2021\" or null, not \"%s\".", tplname));
	for (s = 0; s < GIR_NSECTIONS; s++)
	{
		r->found[s] = sections[s] != NULL;
		if (sections[s] && !read_section(cx, s, sections[s]))
			return false;
	}
	if (facts && !read_facts(cx, facts))
		return false;
	return true;
}

/* A section field: NULL for absent or JSON null, else it must be an object. */
static bool
section_container(Conv *cx, GirSection s, const JsonbValue *v,
				  JsonbContainer **out)
{
	*out = NULL;
	if (v == NULL || v->type == jbvNull)
		return true;
	if (!jbv_is_object(v))
		return shape_error(cx, psprintf("section \"%s\" is not an object", gir_section_key(s)),
						   psprintf("The section holds a JSON %s; a section is an object of rows.",
									jbv_type_name(v)));
	*out = v->val.binary.data;
	return true;
}

/*
 * report_from_jsonb
 *		The jsonb form: {"template": ..., "year": ..., "requests": {...}, ...}.
 */
static bool
report_from_jsonb(Conv *cx, Jsonb *jb)
{
	JsonbContainer *sections[GIR_NSECTIONS];
	JsonbValue	kv;
	JsonbValue *p;
	JsonbValue	facts;
	bool		has_facts = false;
	char	   *tplname = NULL;
	int			year;
	int			s;

	if (JB_ROOT_IS_SCALAR(jb) || !JB_ROOT_IS_OBJECT(jb))
		return shape_error(cx, "not a JSON object",
						   psprintf("The document is a JSON %s.",
									JB_ROOT_IS_SCALAR(jb) ? "scalar" : "array"));
	p = getKeyJsonValueFromContainer(&jb->root, "format", 6, &kv);
	if (p && p->type != jbvNull)
	{
		int			format;

		if (!read_int(cx, "format", p, &format))
			return false;
		if (format != GIR_FORMAT_VERSION)
			return shape_error(cx, psprintf("unsupported format %d", format),
							   psprintf("This version of gireport reads format %d.",
										GIR_FORMAT_VERSION));
	}
	p = getKeyJsonValueFromContainer(&jb->root, "template", 8, &kv);
	if (p && p->type == jbvString)
		tplname = pnstrdup(p->val.string.val, p->val.string.len);
	else if (p && p->type != jbvNull)
		return shape_error(cx, "invalid \"template\"",
						   psprintf("\"template\" is \"2019\", \"2021\" or null, not a JSON %s.",
									jbv_type_name(p)));
	p = getKeyJsonValueFromContainer(&jb->root, "year", 4, &kv);
	if (!read_int(cx, "year", p, &year))
		return false;
	for (s = 0; s < GIR_NSECTIONS; s++)
	{
		const char *key = gir_section_key(s);

		p = getKeyJsonValueFromContainer(&jb->root, key, strlen(key), &kv);
		if (!section_container(cx, s, p, &sections[s]))
			return false;
	}
	p = getKeyJsonValueFromContainer(&jb->root, "facts", 5, &facts);
	has_facts = p != NULL;
	if (!convert(cx, tplname, year, sections, has_facts ? &facts : NULL))
		return false;
	p = getKeyJsonValueFromContainer(&jb->root, "warnings", 8, &kv);
	if (p && p->type == jbvBinary)
		read_warnings(cx, p->val.binary.data);
	return true;
}

/*
 * report_from_composite
 *		The gir_report form: the same fields as columns of the row type.
 */
static bool
report_from_composite(Conv *cx, HeapTupleHeader td)
{
	JsonbContainer *sections[GIR_NSECTIONS];
	char	   *tplname = NULL;
	int			year = 0;
	bool		isnull;
	Datum		d;
	int			s;

	d = GetAttributeByName(td, "template", &isnull);
	if (!isnull)
		tplname = TextDatumGetCString(d);
	d = GetAttributeByName(td, "year", &isnull);
	if (!isnull)
		year = DatumGetInt32(d);
	for (s = 0; s < GIR_NSECTIONS; s++)
	{
		sections[s] = NULL;
		d = GetAttributeByName(td, gir_section_key(s), &isnull);
		if (!isnull)
		{
			Jsonb	   *jb = DatumGetJsonbP(d);

			if (JB_ROOT_IS_SCALAR(jb) || !JB_ROOT_IS_OBJECT(jb))
				return shape_error(cx, psprintf("section \"%s\" is not an object", gir_section_key(s)),
								   psprintf("The section holds a JSON %s; a section is an object of rows.",
											JB_ROOT_IS_SCALAR(jb) ? "scalar" : "array"));
			sections[s] = &jb->root;
		}
	}
	if (!convert(cx, tplname, year, sections, NULL))
		return false;
	d = GetAttributeByName(td, "warnings", &isnull);
	if (!isnull)
		read_warnings(cx, &DatumGetJsonbP(d)->root);
	return true;
}

/* ---------- rule selection and evaluation ---------- */

/* palloc for the core, answering NULL rather than raising. */
static void *
gir_palloc_noerr(void *ctx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) ctx, size,
									  MCXT_ALLOC_NO_OOM);
}

static void
gir_pfree(void *ctx, void *ptr)
{
	pfree(ptr);
}

static void
violations_init(GirViolations *out)
{
	GirAllocator mem;

	mem.alloc = gir_palloc_noerr;
	mem.release = gir_pfree;
	mem.ctx = CurrentMemoryContext;
	gir_violations_init(out, &mem);
}

static void
check_oom(const GirViolations *out)
{
	if (out->oom)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory"),
				 errdetail("The list of rule violations could not grow beyond %d entries.",
						   out->n)));
}

/* The classes argument: class letters D, C, H and rule names. */
static void
ruleset_from_array(ArrayType *arr, GirRuleSet *set)
{
	Datum	   *items;
	bool	   *nulls;
	int			n;
	int			i;

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("classes must be a one-dimensional array")));
	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &items, &nulls, &n);
	gir_ruleset_clear(set);
	for (i = 0; i < n; i++)
	{
		char	   *item;

		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("classes must not contain nulls"),
					 errhint("Name classes (D, C, H) or rules (e.g. R2.4h), as listed by gir_rules().")));
		item = TextDatumGetCString(items[i]);
		if (pg_strcasecmp(item, "X") == 0 ||
			pg_strcasecmp(item, gir_rule_def(GIR_RULE_R2_2)->name) == 0 ||
			pg_strcasecmp(item, gir_rule_def(GIR_RULE_R3_6)->name) == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("rule class X needs two reports"),
					 errdetail("\"%s\" compares a report with the previous year's.", item),
					 errhint("Use gir_check_continuity(prev, curr).")));
		if (!gir_ruleset_add(set, item))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown rule class or rule \"%s\"", item),
					 errdetail("Classes are D (definitions), C (conventions) and H (heuristics); rules are named as in gir_rules(), e.g. R3.1."),
					 errhint("The default, '{D}', runs the rules gir_is_consistent() checks.")));
	}
}

/* ---------- SRF plumbing ---------- */

/* Start a value-per-call SRF whose rows are the violations in *out. */
static FuncCallContext *
violations_srf_first(FunctionCallInfo fcinfo, GirViolations **out)
{
	FuncCallContext *funcctx = SRF_FIRSTCALL_INIT();
	MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
	TupleDesc	tupdesc;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	funcctx->tuple_desc = BlessTupleDesc(tupdesc);
	*out = palloc(sizeof(GirViolations));
	violations_init(*out);
	funcctx->user_fctx = *out;
	MemoryContextSwitchTo(old);
	return funcctx;
}

static Datum
numeric_from_text(const char *s)
{
	return DirectFunctionCall3(numeric_in, CStringGetDatum(s),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/* The next row of gir_check / gir_check_continuity, or the end. */
static Datum
violations_srf_next(FunctionCallInfo fcinfo)
{
	FuncCallContext *funcctx = SRF_PERCALL_SETUP();
	GirViolations *out = funcctx->user_fctx;

	if (funcctx->call_cntr < (uint64) out->n)
	{
		const GirViolation *v = &out->items[funcctx->call_cntr];
		const GirRuleDef *def = gir_rule_def(v->rule);
		Datum		values[7];
		bool		nulls[7] = {false, false, false, false, false, false, false};
		HeapTuple	tuple;

		values[0] = CStringGetTextDatum(def->name);
		values[1] = CStringGetTextDatum(gir_class_name(def->cls));
		if (v->row)
			values[2] = CStringGetTextDatum(v->row);
		else
			nulls[2] = true;
		if (v->col)
			values[3] = CStringGetTextDatum(v->col);
		else
			nulls[3] = true;
		if (v->has_expected)
			values[4] = numeric_from_text(v->expected);
		else
			nulls[4] = true;
		if (v->has_actual)
			values[5] = numeric_from_text(v->actual);
		else
			nulls[5] = true;
		values[6] = CStringGetTextDatum(v->message);
		tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
	}
	SRF_RETURN_DONE(funcctx);
}

/* ---------- gir_check ---------- */

/*
 * check_first
 *		First call of gir_check: convert the document, run the selected rules.
 */
static void
check_first(FunctionCallInfo fcinfo, bool composite)
{
	FuncCallContext *funcctx;
	GirViolations *out;
	MemoryContext old;
	GirRuleSet	set;
	Conv		cx = {true, "gireport document", NULL, NULL, false};

	funcctx = violations_srf_first(fcinfo, &out);
	old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
	ruleset_from_array(PG_GETARG_ARRAYTYPE_P(1), &set);
	if (composite)
		report_from_composite(&cx, PG_GETARG_HEAPTUPLEHEADER(0));
	else
		report_from_jsonb(&cx, PG_GETARG_JSONB_P(0));
	gir_rules_eval(cx.r, cx.has_facts ? cx.facts : NULL, &set, out);
	check_oom(out);
	MemoryContextSwitchTo(old);
}

PG_FUNCTION_INFO_V1(gir_check_jsonb);
Datum
gir_check_jsonb(PG_FUNCTION_ARGS)
{
	if (SRF_IS_FIRSTCALL())
		check_first(fcinfo, false);
	return violations_srf_next(fcinfo);
}

PG_FUNCTION_INFO_V1(gir_check_report);
Datum
gir_check_report(PG_FUNCTION_ARGS)
{
	if (SRF_IS_FIRSTCALL())
		check_first(fcinfo, true);
	return violations_srf_next(fcinfo);
}

/* ---------- gir_is_consistent ---------- */

/*
 * is_consistent
 *		No class-D rule broken.  A document of the wrong shape is not a
 *		consistent report: false, not an error.
 */
static bool
is_consistent(Conv *cx, bool ok)
{
	GirViolations out;
	GirRuleSet	set;
	int			n;

	if (!ok)
		return false;
	gir_ruleset_clear(&set);
	gir_ruleset_add(&set, "D");
	violations_init(&out);
	n = gir_rules_eval(cx->r, cx->has_facts ? cx->facts : NULL, &set, &out);
	check_oom(&out);
	gir_violations_free(&out);
	return n == 0;
}

PG_FUNCTION_INFO_V1(gir_is_consistent_jsonb);
Datum
gir_is_consistent_jsonb(PG_FUNCTION_ARGS)
{
	Conv		cx = {false, "gireport document", NULL, NULL, false};

	PG_RETURN_BOOL(is_consistent(&cx, report_from_jsonb(&cx, PG_GETARG_JSONB_P(0))));
}

PG_FUNCTION_INFO_V1(gir_is_consistent_report);
Datum
gir_is_consistent_report(PG_FUNCTION_ARGS)
{
	Conv		cx = {false, "gireport document", NULL, NULL, false};

	PG_RETURN_BOOL(is_consistent(&cx,
								 report_from_composite(&cx, PG_GETARG_HEAPTUPLEHEADER(0))));
}

/* ---------- gir_check_continuity ---------- */

static void
continuity_first(FunctionCallInfo fcinfo, bool composite)
{
	FuncCallContext *funcctx;
	GirViolations *out;
	MemoryContext old;
	Conv		prev = {true, "previous-year gireport document", NULL, NULL, false};
	Conv		curr = {true, "current-year gireport document", NULL, NULL, false};

	funcctx = violations_srf_first(fcinfo, &out);
	old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
	if (composite)
	{
		report_from_composite(&prev, PG_GETARG_HEAPTUPLEHEADER(0));
		report_from_composite(&curr, PG_GETARG_HEAPTUPLEHEADER(1));
	}
	else
	{
		report_from_jsonb(&prev, PG_GETARG_JSONB_P(0));
		report_from_jsonb(&curr, PG_GETARG_JSONB_P(1));
	}
	gir_rules_eval_continuity(prev.r, curr.r, out);
	check_oom(out);
	MemoryContextSwitchTo(old);
}

PG_FUNCTION_INFO_V1(gir_check_continuity_jsonb);
Datum
gir_check_continuity_jsonb(PG_FUNCTION_ARGS)
{
	if (SRF_IS_FIRSTCALL())
		continuity_first(fcinfo, false);
	return violations_srf_next(fcinfo);
}

PG_FUNCTION_INFO_V1(gir_check_continuity_report);
Datum
gir_check_continuity_report(PG_FUNCTION_ARGS)
{
	if (SRF_IS_FIRSTCALL())
		continuity_first(fcinfo, true);
	return violations_srf_next(fcinfo);
}

/* ---------- gir_rules ---------- */

PG_FUNCTION_INFO_V1(gir_rules);
Datum
gir_rules(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;
		TupleDesc	tupdesc;

		funcctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	if (funcctx->call_cntr < GIR_NRULES)
	{
		const GirRuleDef *def = gir_rule_def((GirRuleId) funcctx->call_cntr);
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		values[0] = CStringGetTextDatum(def->name);
		values[1] = CStringGetTextDatum(gir_class_name(def->cls));
		values[2] = CStringGetTextDatum(def->table);
		values[3] = CStringGetTextDatum(def->statement_en);
		values[4] = CStringGetTextDatum(def->statement_zh);
		SRF_RETURN_NEXT(funcctx,
						HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc,
														  values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}
