/*-------------------------------------------------------------------------
 * gir_parse.c
 *	  The PostgreSQL face of the parsing core: gir_parse() and gir_cells(),
 *	  the gireport.* settings, and the mapping of core errors to SQLSTATEs.
 *
 * The core runs in a memory context of its own, deleted when the call is
 * done, and checks for query cancel through a callback; nothing it holds
 * survives a call except the compiled patterns (process lifetime).
 *
 * src/gir_parse.c
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "gir_core.h"

PG_MODULE_MAGIC;

/* settings; none changes a result, so gir_parse stays IMMUTABLE */
static int	gir_max_input_size = 16 * 1024;	/* kB */
static int	gir_match_limit = 1000000;
static int	gir_depth_limit = 10000;
static int	gir_heap_limit = 20480;	/* kB */

void		_PG_init(void);

void
_PG_init(void)
{
	DefineCustomIntVariable("gireport.max_input_size",
							"Largest report text gir_parse accepts.",
							"Longer texts are refused before any large allocation. "
							"Range 1 kB to 256 MB.",
							&gir_max_input_size, 16 * 1024, 1, 256 * 1024,
							PGC_USERSET, GUC_UNIT_KB, NULL, NULL, NULL);
	DefineCustomIntVariable("gireport.match_limit",
							"PCRE2 match limit for one pattern match.",
							"Range 1000 to 100000000.",
							&gir_match_limit, 1000000, 1000, 100000000,
							PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("gireport.depth_limit",
							"PCRE2 depth (backtracking) limit for one pattern match.",
							"Range 100 to 10000000.",
							&gir_depth_limit, 10000, 100, 10000000,
							PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("gireport.heap_limit",
							"PCRE2 heap limit for one pattern match.",
							"Range 64 kB to 1 GB.",
							&gir_heap_limit, 20480, 64, 1024 * 1024,
							PGC_USERSET, GUC_UNIT_KB, NULL, NULL, NULL);
	MarkGUCPrefixReserved("gireport");
}

/* ---------- running the core ---------- */

static void *
context_alloc(void *cxt, size_t size)
{
	/* answer NULL rather than ERROR: the core unwinds itself */
	return MemoryContextAllocExtended((MemoryContext) cxt, size,
									  MCXT_ALLOC_NO_OOM | MCXT_ALLOC_HUGE);
}

static void
check_interrupts(void)
{
	CHECK_FOR_INTERRUPTS();
}

static void
check_encoding(void)
{
	static bool checked = false;

	if (checked)
		return;
	if (GetDatabaseEncoding() != PG_UTF8)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("gireport requires a UTF8 database"),
				 errdetail("The current database encoding is %s.",
						   GetDatabaseEncodingName()),
				 errhint("Create the database with ENCODING 'UTF8'.")));
	checked = true;
}

/*
 * parse_text
 *		Run the core on a text datum inside parsecxt; raise on core errors.
 */
static GirReport *
parse_text(text *report, MemoryContext parsecxt)
{
	GirOptions	opt;
	GirReport  *r;
	GirError	err;
	char		errbuf[256];
	size_t		len = VARSIZE_ANY_EXHDR(report);

	check_encoding();
	if (len > (size_t) gir_max_input_size * 1024)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("report text is too large"),
				 errdetail("The text is %zu bytes; gireport.max_input_size is %d kB.",
						   len, gir_max_input_size),
				 errhint("Raise gireport.max_input_size, or pass one report per call.")));

	memset(&opt, 0, sizeof(opt));
	opt.mem.alloc = context_alloc;
	opt.mem.release = NULL;		/* the context goes in one piece */
	opt.mem.ctx = parsecxt;
	opt.check_interrupts = check_interrupts;
	opt.match_limit = (uint32_t) gir_match_limit;
	opt.depth_limit = (uint32_t) gir_depth_limit;
	opt.heap_limit_kb = (uint32_t) gir_heap_limit;

	err = gir_parse_report(VARDATA_ANY(report), len, &opt, &r, errbuf, sizeof(errbuf));
	switch (err)
	{
		case GIR_OK:
			break;
		case GIR_ERR_NOMEM:
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory while parsing a report"),
					 errdetail("The text is %zu bytes.", len)));
			break;
		case GIR_ERR_MATCH_LIMIT:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("report text exceeded a pattern-matching limit"),
					 errdetail("%s", errbuf),
					 errhint("Raise gireport.match_limit, gireport.depth_limit or gireport.heap_limit.")));
			break;
		case GIR_ERR_PCRE:
			elog(ERROR, "gireport internal error: %s", errbuf);
			break;
	}
	return r;
}

static Datum
jsonb_from_cstring(const char *json)
{
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(json));
}

/* ---------- gir_parse ---------- */

PG_FUNCTION_INFO_V1(gir_parse);
Datum
gir_parse(PG_FUNCTION_ARGS)
{
	text	   *report = PG_GETARG_TEXT_PP(0);
	TupleDesc	tupdesc;
	Datum		values[9];
	bool		nulls[9];
	MemoryContext callcxt = CurrentMemoryContext;
	MemoryContext parsecxt;
	GirReport  *r;
	const char *tpl;
	HeapTuple	tuple;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "gir_parse must be declared to return a row type");
	tupdesc = BlessTupleDesc(tupdesc);

	parsecxt = AllocSetContextCreate(callcxt, "gireport parse", ALLOCSET_DEFAULT_SIZES);
	MemoryContextSwitchTo(parsecxt);
	r = parse_text(report, parsecxt);
	MemoryContextSwitchTo(callcxt);

	memset(nulls, 0, sizeof(nulls));
	values[0] = Int32GetDatum(GIR_FORMAT_VERSION);
	values[1] = CStringGetTextDatum(gir_status_name(r->status));
	if (r->agency)
		values[2] = CStringGetTextDatum(r->agency);
	else
		nulls[2] = true;
	if (r->year)
		values[3] = Int32GetDatum(r->year);
	else
		nulls[3] = true;
	tpl = gir_template_name(r->tpl);
	if (tpl)
		values[4] = CStringGetTextDatum(tpl);
	else
		nulls[4] = true;
	values[5] = jsonb_from_cstring(gir_section_json(r, GIR_SEC_ACTIVE));
	values[6] = jsonb_from_cstring(gir_section_json(r, GIR_SEC_REQUESTS));
	values[7] = jsonb_from_cstring(gir_section_json(r, GIR_SEC_REVIEW));
	values[8] = jsonb_from_cstring(gir_warnings_json(r));
	tuple = heap_form_tuple(tupdesc, values, nulls);

	MemoryContextDelete(parsecxt);
	PG_FREE_IF_COPY(report, 0);
	PG_RETURN_DATUM(HeapTupleGetDatum(tuple));
}

/* ---------- gir_cells ---------- */

PG_FUNCTION_INFO_V1(gir_cells);
Datum
gir_cells(PG_FUNCTION_ARGS)
{
	text	   *report = PG_GETARG_TEXT_PP(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext callcxt = CurrentMemoryContext;
	MemoryContext parsecxt;
	GirReport  *r;
	int			row;

	InitMaterializedSRF(fcinfo, 0);
	parsecxt = AllocSetContextCreate(callcxt, "gireport cells", ALLOCSET_DEFAULT_SIZES);
	MemoryContextSwitchTo(parsecxt);
	r = parse_text(report, parsecxt);

	for (row = 0; row < GIR_NROWS; row++)
	{
		const GirRowDef *def = gir_row_def((GirRowId) row);
		const GirColId *cols;
		int			ncols,
					c;

		if (!r->rows[row].present)
			continue;
		ncols = gir_row_columns((GirRowId) row, r->tpl, &cols);
		for (c = 0; c < ncols; c++)
		{
			const GirCell *cell = &r->rows[row].cells[c];
			Datum		values[6];
			bool		nulls[6] = {false, false, false, false, false, false};
			size_t		srclen;
			const char *src = gir_report_line(r, cell->line, &srclen);

			CHECK_FOR_INTERRUPTS();
			values[0] = CStringGetTextDatum(gir_section_key(def->section));
			values[1] = CStringGetTextDatum(def->key);
			values[2] = CStringGetTextDatum(gir_col_def(cols[c])->key);
			if (cell->state == GIR_CELL_VALUE)
				values[3] = DirectFunctionCall3(numeric_in, CStringGetDatum(cell->num),
												ObjectIdGetDatum(InvalidOid),
												Int32GetDatum(-1));
			else
				nulls[3] = true;
			if (cell->line > 0)
			{
				values[4] = Int32GetDatum(cell->line);
				/* the source may hold bytes that are not UTF-8 */
				values[5] = PointerGetDatum(cstring_to_text_with_len(src, (int) srclen));
				if (!pg_verifymbstr(src, (int) srclen, true))
					nulls[5] = true;
			}
			else
				nulls[4] = nulls[5] = true;
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	MemoryContextSwitchTo(callcxt);
	MemoryContextDelete(parsecxt);
	return (Datum) 0;
}
