/*-------------------------------------------------------------------------
 * gir_core.h
 *	  The PostgreSQL-independent parsing core of gireport.
 *
 * The core turns the text of one 政府信息公开工作年度报告 into a GirReport:
 * metadata, the cells of tables 二/三/四 (each with the source line it came
 * from) and warnings.  It knows text and PCRE2, never postgres.h, so it can
 * be unit tested, fuzzed and reused from the command line.
 *
 * Memory: every allocation of one parse comes from a GirArena whose blocks
 * come from a caller-supplied allocator; gir_report_free() returns them.
 *
 * include/gir_core.h
 *-------------------------------------------------------------------------
 */
#ifndef GIR_CORE_H
#define GIR_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GIR_FORMAT_VERSION	1

/* The largest number of cells one template row has (table 三: 7). */
#define GIR_MAX_CELLS		7

typedef enum GirSection
{
	GIR_SEC_ACTIVE,				/* table 二 主动公开政府信息情况 */
	GIR_SEC_REQUESTS,			/* table 三 收到和处理政府信息公开申请情况 */
	GIR_SEC_REVIEW,				/* table 四 行政复议、行政诉讼 */
	GIR_NSECTIONS
} GirSection;

typedef enum GirTemplate
{
	GIR_TPL_UNKNOWN = 0,
	GIR_TPL_2019,				/* 国办公开办函〔2019〕60号 */
	GIR_TPL_2021				/* 国办公开办函〔2021〕30号 */
} GirTemplate;

typedef enum GirStatus
{
	GIR_STATUS_EMPTY,			/* no template table found */
	GIR_STATUS_PARTIAL,			/* some of the three tables found */
	GIR_STATUS_OK				/* all three tables found */
} GirStatus;

/*
 * Every row key of the output contract, in template order within each
 * section.  The catalogue (catalog.c) gives each its key, label, section,
 * templates and columns.
 */
typedef enum GirRowId
{
	/* table 二 */
	GIR_R_RULES,
	GIR_R_NORMATIVE_DOCS,
	GIR_R_LICENSING,
	GIR_R_OTHER_SERVICES,
	GIR_R_OS_INSPECTION,
	GIR_R_OS_CONFIRMATION,
	GIR_R_OS_REWARD,
	GIR_R_OS_ADJUDICATION,
	GIR_R_OS_BENEFIT,
	GIR_R_PENALTY,
	GIR_R_COERCION,
	GIR_R_FEES,
	GIR_R_PROCUREMENT,
	/* table 三 */
	GIR_R_NEW_RECEIVED,
	GIR_R_CARRIED_OVER,
	GIR_R_GRANTED,
	GIR_R_PARTIALLY_GRANTED,
	GIR_R_DENIED_STATE_SECRET,
	GIR_R_DENIED_PROHIBITED_BY_LAW,
	GIR_R_DENIED_SECURITY_STABILITY,
	GIR_R_DENIED_THIRD_PARTY_RIGHTS,
	GIR_R_DENIED_INTERNAL_AFFAIRS,
	GIR_R_DENIED_PROCESS_INFORMATION,
	GIR_R_DENIED_ENFORCEMENT_FILES,
	GIR_R_DENIED_ADMINISTRATIVE_QUERY,
	GIR_R_UNABLE_NOT_HELD,
	GIR_R_UNABLE_NEEDS_CREATION,
	GIR_R_UNABLE_STILL_UNCLEAR,
	GIR_R_NP_COMPLAINT,
	GIR_R_NP_DUPLICATE,
	GIR_R_NP_PUBLICATION,
	GIR_R_NP_EXCESSIVE,
	GIR_R_NP_CONFIRM_OR_REISSUE,
	GIR_R_OTHER,				/* T2019: （六）其他处理 as one row */
	GIR_R_OTHER_NO_CORRECTION,	/* T2021 */
	GIR_R_OTHER_UNPAID_FEE,		/* T2021 */
	GIR_R_OTHER_OTHER,			/* T2021 */
	GIR_R_TOTAL_PROCESSED,
	GIR_R_CARRIED_FORWARD,
	/* table 四 */
	GIR_R_REVIEW,
	GIR_R_SUIT_DIRECT,
	GIR_R_SUIT_AFTER_REVIEW,
	GIR_NROWS
} GirRowId;

/* Every column key of the output contract. */
typedef enum GirColId
{
	/* table 二, T2021 */
	GIR_C_ISSUED,
	GIR_C_REPEALED,
	GIR_C_IN_FORCE,
	GIR_C_DECISIONS,
	GIR_C_AMOUNT,
	/* table 二, T2019 (decisions and amount shared with T2021) */
	GIR_C_MADE,
	GIR_C_PUBLISHED,
	GIR_C_TOTAL_PUBLISHED,
	GIR_C_PREV_ITEMS,
	GIR_C_CHANGE,
	GIR_C_PROJECTS,
	/* table 三 */
	GIR_C_NATURAL_PERSON,
	GIR_C_BUSINESS,
	GIR_C_RESEARCH,
	GIR_C_NONPROFIT,
	GIR_C_LEGAL_SERVICE,
	GIR_C_OTHER_ORG,
	GIR_C_TOTAL,				/* 总计, in tables 三 and 四 */
	/* table 四 */
	GIR_C_UPHELD,
	GIR_C_CORRECTED,
	GIR_C_OTHER,
	GIR_C_PENDING,
	GIR_NCOLS
} GirColId;

/* Template masks for GirRowDef.templates. */
#define GIR_TPLMASK_2019	(1 << GIR_TPL_2019)
#define GIR_TPLMASK_2021	(1 << GIR_TPL_2021)
#define GIR_TPLMASK_BOTH	(GIR_TPLMASK_2019 | GIR_TPLMASK_2021)

typedef struct GirRowDef
{
	GirRowId	id;
	GirSection	section;
	const char *key;			/* contract key, e.g. "denied.state_secret" */
	const char *label_zh;		/* label as the national template prints it */
	const char *label_en;
	int			templates;		/* GIR_TPLMASK_* */
	int			ncols2019;		/* columns under T2019 (0: not in T2019) */
	GirColId	cols2019[GIR_MAX_CELLS];
	int			ncols2021;		/* columns under T2021 (0: not in T2021) */
	GirColId	cols2021[GIR_MAX_CELLS];
} GirRowDef;

typedef struct GirColDef
{
	GirColId	id;
	const char *key;			/* contract key, e.g. "natural_person" */
	const char *label_zh;
	const char *label_en;
	bool		money;			/* 万元 amount: decimals allowed */
	bool		signed_count;	/* T2019 本年增/减: may be negative */
} GirColDef;

/* ---------- the catalogue (catalog.c) ---------- */
extern const GirRowDef *gir_row_def(GirRowId row);
extern const GirColDef *gir_col_def(GirColId col);
/* Columns of a row under a template; UNKNOWN falls back to T2021. */
extern int	gir_row_columns(GirRowId row, GirTemplate tpl, const GirColId **cols);
/* Lookups by contract key; -1 when unknown. */
extern int	gir_row_by_key(GirSection section, const char *key);
extern int	gir_col_by_key(const char *key);
extern const char *gir_section_key(GirSection section);	/* "requests", ... */
extern const char *gir_template_name(GirTemplate tpl);	/* "2019", "2021", NULL */
extern const char *gir_status_name(GirStatus status);	/* "ok", ... */

/* ---------- results ---------- */

typedef enum GirCellState
{
	GIR_CELL_ABSENT = 0,		/* the row or this column is not in the text */
	GIR_CELL_NULL,				/* present but blank, placeholder or unreadable */
	GIR_CELL_VALUE
} GirCellState;

typedef struct GirCell
{
	GirCellState state;
	bool		integral;		/* value is a whole number that fits ival */
	int64_t		ival;			/* the value when integral */
	const char *num;			/* canonical decimal text, e.g. "-263",
								 * "13390.0654" (arena) */
	int			line;			/* 1-based source line; 0 if unknown */
} GirCell;

typedef struct GirRow
{
	bool		present;
	int			line;			/* source line of the row's first value */
	GirCell		cells[GIR_MAX_CELLS];	/* by position in gir_row_columns() */
} GirRow;

typedef struct GirWarning
{
	const char *code;			/* stable code, e.g. "row_inferred" */
	const char *message;		/* human sentence, may quote the source */
	int			line;			/* 1-based source line; 0 if none */
} GirWarning;

typedef struct GirArena GirArena;

typedef struct GirReport
{
	GirStatus	status;
	const char *agency;			/* NULL when not named */
	int			year;			/* 0 when unknown */
	GirTemplate tpl;
	bool		found[GIR_NSECTIONS];	/* table located in the text */
	GirRow		rows[GIR_NROWS];
	GirWarning *warnings;
	int			nwarnings;
	int			warnings_cap;

	/* the source, for provenance: line n (1-based) is src[line_off[n-1]..] */
	const char *src;
	size_t		srclen;
	size_t	   *line_off;
	int			nlines;

	GirArena   *arena;
} GirReport;

/* ---------- parsing ---------- */

typedef struct GirAllocator
{
	void	   *(*alloc) (void *ctx, size_t size);	/* NULL on failure */
	void		(*release) (void *ctx, void *ptr);	/* may be NULL */
	void	   *ctx;
} GirAllocator;

typedef struct GirOptions
{
	GirAllocator mem;
	/* called every few hundred lines; may longjmp (query cancel) */
	void		(*check_interrupts) (void);
	/* PCRE2 limits (0: PCRE2's defaults) */
	uint32_t	match_limit;
	uint32_t	depth_limit;
	uint32_t	heap_limit_kb;
} GirOptions;

typedef enum GirError
{
	GIR_OK = 0,
	GIR_ERR_NOMEM,				/* the allocator failed */
	GIR_ERR_MATCH_LIMIT,		/* a PCRE2 match, depth, heap or JIT stack
								 * limit was hit */
	GIR_ERR_PCRE				/* a pattern failed to compile (a bug) */
} GirError;

/* Options with malloc/free and no interrupt callback. */
extern GirOptions gir_default_options(void);

/*
 * Parse one report.  On GIR_OK *out is a report owned by its arena; on an
 * error *out is NULL and errbuf (if given) holds a sentence.
 */
extern GirError gir_parse_report(const char *text, size_t len,
								 const GirOptions *opt, GirReport **out,
								 char *errbuf, size_t errbuf_len);
extern void gir_report_free(GirReport *r);

/* The cell at (row, col), or NULL if the row has no such column. */
extern const GirCell *gir_report_cell(const GirReport *r, GirRowId row,
									  GirColId col);

/* Source text of a line (1-based), without its newline. */
extern const char *gir_report_line(const GirReport *r, int line, size_t *len);

/*
 * JSON of one section ("{}" when nothing was found) or of the warnings
 * array, NUL-terminated, allocated in the report's arena.  After the parse
 * there is no error path: if the allocator fails here the process aborts
 * (the PostgreSQL layer builds its jsonb itself and never calls these).
 */
extern const char *gir_section_json(GirReport *r, GirSection section);
extern const char *gir_warnings_json(GirReport *r);
/* The whole format-1 document (for the command-line tool and tests). */
extern const char *gir_report_json(GirReport *r);

#endif							/* GIR_CORE_H */
