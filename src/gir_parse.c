/*-------------------------------------------------------------------------
 * gir_parse.c
 *	  The PostgreSQL face of the parsing core: gir_parse(), gir_parse_strict()
 *	  and gir_cells(), the gireport.* settings, and the mapping of core errors
 *	  to SQLSTATEs (docs/errors.md).
 *
 * The core runs in a memory context of its own, deleted when the call is
 * done, and checks for query cancel through a callback; nothing it holds
 * survives a call except the compiled patterns (process lifetime).
 *
 * src/gir_parse.c
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "executor/executor.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "gir_core.h"
#include "gir_json.h"

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

/*
 * The core's arena asks for 64 kB blocks.  Taken from and given back to
 * malloc for every report, they made glibc hand the memory back to the
 * kernel and fault it in again at the next call: a third of the time of a
 * scan went to page faults and TLB shootdowns.  So blocks of that size are
 * kept for the backend's lifetime (at most BLOCK_CACHE_MAX of them, 1 MB)
 * and handed out again by the next parse.  A parse never nests and
 * nothing of it outlives its call, so at the start of a parse every cached
 * block is free, including those of a parse that an error interrupted.
 */
#define BLOCK_CACHE_SIZE	(64 * 1024 + 64)
#define BLOCK_CACHE_MAX		16

static struct
{
	MemoryContext cxt;			/* child of TopMemoryContext */
	void	   *blocks[BLOCK_CACHE_MAX];
	int			nblocks;		/* allocated */
	int			used;			/* handed out to the current parse */
}			block_cache;

static void *
context_alloc(void *cxt, size_t size)
{
	/* a block-sized request: a cached block */
	if (size > BLOCK_CACHE_SIZE / 2 && size <= BLOCK_CACHE_SIZE)
	{
		if (block_cache.used < block_cache.nblocks)
			return block_cache.blocks[block_cache.used++];
		if (block_cache.nblocks < BLOCK_CACHE_MAX)
		{
			void	   *b;

			if (block_cache.cxt == NULL)
				block_cache.cxt = AllocSetContextCreate(TopMemoryContext,
														"gireport block cache",
														ALLOCSET_SMALL_SIZES);
			b = MemoryContextAllocExtended(block_cache.cxt, BLOCK_CACHE_SIZE,
										   MCXT_ALLOC_NO_OOM);
			if (b != NULL)
			{
				block_cache.blocks[block_cache.nblocks++] = b;
				block_cache.used++;
				return b;
			}
		}
	}
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
	block_cache.used = 0;		/* no other parse is running */
	opt.mem.alloc = context_alloc;
	opt.mem.release = NULL;		/* the context goes in one piece, the
								 * cached blocks stay */
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

/* ---------- jsonb results ---------- */

/*
 * The sections and warnings are built as jsonb directly (gir_json.c): the
 * core's JSON text would only be parsed again by jsonb_in.  The values are
 * the ones jsonb_in would make of gir_section_json() / gir_warnings_json():
 * an integral cell's number is its ival, any other its canonical text.
 */
static void
push_cell(GirJson *js, const GirCell *cell)
{
	if (cell->state != GIR_CELL_VALUE)
		gir_json_null(js);
	else if (cell->integral)
	{
#ifdef USE_ASSERT_CHECKING
		char		num[24];

		snprintf(num, sizeof(num), INT64_FORMAT, (int64) cell->ival);
		Assert(strcmp(num, cell->num) == 0);
#endif
		gir_json_int(js, cell->ival);
	}
	else
		gir_json_numeric(js, DatumGetNumeric(DirectFunctionCall3(numeric_in,
																 CStringGetDatum(cell->num),
																 ObjectIdGetDatum(InvalidOid),
																 Int32GetDatum(-1))));
}

/* One section: {row: {col: number or null}} for the rows present. */
static Datum
section_jsonb(GirReport *r, GirSection section)
{
	GirJson    *js = gir_json_new();
	int			row;

	gir_json_begin_object(js);
	for (row = 0; row < GIR_NROWS; row++)
	{
		const GirRowDef *def = gir_row_def((GirRowId) row);
		const GirColId *cols;
		int			ncols,
					c;

		if (def->section != section || !r->rows[row].present)
			continue;
		ncols = gir_row_columns((GirRowId) row, r->tpl, &cols);
		gir_json_key(js, def->key, strlen(def->key));
		gir_json_begin_object(js);
		for (c = 0; c < ncols; c++)
		{
			const char *key = gir_col_def(cols[c])->key;

			gir_json_key(js, key, strlen(key));
			push_cell(js, &r->rows[row].cells[c]);
		}
		gir_json_end_object(js);
	}
	gir_json_end_object(js);
	return JsonbPGetDatum(gir_json_finish(js));
}

/* The warnings: [{"code": …, "message": …, "line": n or null}]. */
static Datum
warnings_jsonb(GirReport *r)
{
	GirJson    *js = gir_json_new();
	int			i;

	gir_json_begin_array(js);
	for (i = 0; i < r->nwarnings; i++)
	{
		const GirWarning *w = &r->warnings[i];

		gir_json_begin_object(js);
		gir_json_key(js, "code", 4);
		gir_json_string(js, w->code, strlen(w->code));
		gir_json_key(js, "message", 7);
		gir_json_string(js, w->message, strlen(w->message));
		gir_json_key(js, "line", 4);
		if (w->line > 0)
			gir_json_int(js, w->line);
		else
			gir_json_null(js);
		gir_json_end_object(js);
	}
	gir_json_end_array(js);
	return JsonbPGetDatum(gir_json_finish(js));
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

	/* the fields are built in parsecxt too: the tuple copies them */
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
	values[5] = section_jsonb(r, GIR_SEC_ACTIVE);
	values[6] = section_jsonb(r, GIR_SEC_REQUESTS);
	values[7] = section_jsonb(r, GIR_SEC_REVIEW);
	values[8] = warnings_jsonb(r);
	MemoryContextSwitchTo(callcxt);
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

/* ---------- gir_parse_strict ---------- */

#define STRICT_MAX_WARNINGS	10	/* warnings quoted in an error's detail */

static const char *const table_names[GIR_NSECTIONS] = {
	"二 (主动公开政府信息情况)",
	"三 (收到和处理政府信息公开申请情况)",
	"四 (政府信息公开行政复议、行政诉讼情况)"
};

/*
 * report_not_ok
 *		Raise the error gir_parse_strict gives for a report whose status is
 *		not 'ok': which tables are missing, and the warnings with their
 *		source lines.
 *
 * No table at all: 22P02 invalid_text_representation, the text is not a
 * report of the 2019+ template.  Some tables: 22000 data_exception, a
 * report with parts missing.
 */
static void
report_not_ok(const GirReport *r)
{
	StringInfoData missing,
				detail;
	int			s,
				i,
				nmissing = 0,
				nquoted = 0;
	bool		legacy = false;

	initStringInfo(&missing);
	for (s = 0; s < GIR_NSECTIONS; s++)
		if (!r->found[s])
		{
			if (nmissing++ > 0)
				appendStringInfoString(&missing, ", ");
			appendStringInfo(&missing, "%s", table_names[s]);
		}

	/* the missing tables, then the other warnings with their lines */
	initStringInfo(&detail);
	appendStringInfo(&detail, "Not found: table%s %s.", nmissing > 1 ? "s" : "", missing.data);
	for (i = 0; i < r->nwarnings; i++)
	{
		const GirWarning *w = &r->warnings[i];

		if (strcmp(w->code, "legacy_report") == 0)
			legacy = true;
		if (strcmp(w->code, "table_missing") == 0)
			continue;			/* said above */
		if (nquoted++ == STRICT_MAX_WARNINGS)
			appendStringInfoString(&detail, "\n…");
		if (nquoted > STRICT_MAX_WARNINGS)
			continue;
		if (w->line > 0)
			appendStringInfo(&detail, "\nline %d: %s: %s", w->line, w->code, w->message);
		else
			appendStringInfo(&detail, "\n%s: %s", w->code, w->message);
	}

	if (r->status == GIR_STATUS_EMPTY)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("text is not a government information disclosure annual report"),
				 errdetail_internal("%s", detail.data),
				 legacy ?
				 errhint("The text looks like a report of the pre-2019 structure, whose tables gireport does not map; gir_parse() returns it with status 'empty'.") :
				 errhint("Pass the whole text of one 政府信息公开工作年度报告 (2019 or 2021 template); gir_parse() returns status 'empty' instead of raising.")));
	ereport(ERROR,
			(errcode(ERRCODE_DATA_EXCEPTION),
			 errmsg("report lacks table%s %s", nmissing > 1 ? "s" : "", missing.data),
			 errdetail_internal("%s", detail.data),
			 errhint("The titles or first rows of the missing tables were not recognised; gir_parse() returns the tables that were found, with status 'partial'.")));
}

PG_FUNCTION_INFO_V1(gir_parse_strict);
Datum
gir_parse_strict(PG_FUNCTION_ARGS)
{
	Datum		result = gir_parse(fcinfo);
	bool		isnull;
	Datum		status = GetAttributeByName(DatumGetHeapTupleHeader(result),
											"status", &isnull);
	MemoryContext parsecxt;
	GirReport  *r;

	if (!isnull && strcmp(TextDatumGetCString(status), "ok") == 0)
		PG_RETURN_DATUM(result);

	/* the error path only: parse again for the warnings as C structures */
	parsecxt = AllocSetContextCreate(CurrentMemoryContext, "gireport strict",
									 ALLOCSET_DEFAULT_SIZES);
	MemoryContextSwitchTo(parsecxt);
	r = parse_text(PG_GETARG_TEXT_PP(0), parsecxt);
	report_not_ok(r);
	pg_unreachable();
}
