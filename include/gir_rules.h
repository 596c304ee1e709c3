/*-------------------------------------------------------------------------
 * gir_rules.h
 *	  The consistency rules of report-format.md §4 and their evaluator.
 *
 * Plain C like the rest of the core: the evaluator reads a GirReport (from
 * the parser, or rebuilt from jsonb by the PostgreSQL layer) plus optional
 * document facts, and lists every broken (rule, row, column) instance with
 * the value computed from the parts ("expected"), the reported value
 * ("actual") and a Chinese sentence quoting the template's labels.
 *
 * Evaluation policy (report-format.md §4.1): a rule whose operand row is
 * absent is not evaluated; a present but blank cell counts as 0 and the
 * message says so; counts compare exactly.  An operand that is not a whole
 * number is left to R0.3 and its instances of other rules are skipped.
 *
 * include/gir_rules.h
 *-------------------------------------------------------------------------
 */
#ifndef GIR_RULES_H
#define GIR_RULES_H

#include "gir_core.h"

/* ---------- the catalogue ---------- */

typedef enum GirRuleClass
{
	GIR_CLASS_D,				/* definition: gir_is_consistent */
	GIR_CLASS_C,				/* convention */
	GIR_CLASS_H,				/* heuristic */
	GIR_CLASS_X,				/* needs two reports */
	GIR_NCLASSES
} GirRuleClass;

typedef enum GirRuleId
{
	GIR_RULE_R0_1,				/* six sections, once each, in order */
	GIR_RULE_R0_2,				/* template matches the year */
	GIR_RULE_R0_3,				/* counts are non-negative integers */
	GIR_RULE_R0_4,				/* money is not negative */
	GIR_RULE_R2_2,				/* X: in_force carries over */
	GIR_RULE_R2_3,				/* T2019 published <= total_published */
	GIR_RULE_R2_4H,				/* T2019 prev_items + change = decisions */
	GIR_RULE_R2_5,				/* T2019 other_services = sum of sub-rows */
	GIR_RULE_R3_1,				/* 一 + 二 = （七） + 四 */
	GIR_RULE_R3_2,				/* six applicant columns = 总计 */
	GIR_RULE_R3_3,				/* leaf results = （七）总计 */
	GIR_RULE_R3_4,				/* printed subtotal rows */
	GIR_RULE_R3_5,				/* printed 法人或其他组织 subtotal column */
	GIR_RULE_R3_6,				/* X: carried_over = last carried_forward */
	GIR_RULE_R3_7,				/* unpaid fee vs. no fee notice */
	GIR_RULE_R4_1,				/* review outcomes = total */
	GIR_RULE_R4_2,				/* suit_direct outcomes = total */
	GIR_RULE_R4_3,				/* suit_after_review outcomes = total */
	GIR_RULE_RT_1,				/* section 一: applications received */
	GIR_RULE_RT_2,				/* section 一: applications processed */
	GIR_RULE_RT_3,				/* section 一: carried forward */
	GIR_RULE_RT_4,				/* section 一: applicant breakdown */
	GIR_RULE_RT_5,				/* section 一: review and litigation */
	GIR_RULE_RT_6,				/* section 一: granted */
	GIR_NRULES
} GirRuleId;

typedef struct GirRuleDef
{
	GirRuleId	id;
	const char *name;			/* "R3.1", as in report-format.md */
	GirRuleClass cls;
	const char *table;			/* section key, "document" or "all" */
	bool		default_on;		/* runs when its class is selected */
	const char *statement_en;
	const char *statement_zh;
} GirRuleDef;

extern const GirRuleDef *gir_rule_def(GirRuleId rule);
extern const char *gir_class_name(GirRuleClass cls);	/* "D", ... */

/*
 * Which rules to run.  gir_ruleset_add() takes a class letter ("D": every
 * default-on rule of the class) or a rule name ("R2.4h": that rule, on or
 * off by default), case-insensitively; false if the item names neither.
 */
typedef struct GirRuleSet
{
	bool		on[GIR_NRULES];
} GirRuleSet;

extern void gir_ruleset_clear(GirRuleSet *set);
extern bool gir_ruleset_add(GirRuleSet *set, const char *item);

/* ---------- document facts ---------- */

/*
 * What the parser may record beyond the contract's cells, for the rules
 * that need it (R0.1, R3.4, R3.5, R3.7, RT.1-RT.6).  Each group has a
 * "known" flag or count: unset means the parser did not look (or the
 * report came from jsonb without it) and the rule is not evaluated.
 * Zero-initialise, then fill what you know.
 */

/* The six sections of report-format.md §1, numbered 1..6. */
#define GIR_NDOC_SECTIONS	6
#define GIR_MAX_SECTION_HITS 24

typedef struct GirSectionHit
{
	int			section;		/* 1..6 */
	int			line;			/* 1-based source line; 0 if unknown */
	const char *numbering;		/* as printed: "二、", "2、"; NULL if none */
} GirSectionHit;

/* The subtotal rows a local variant prints in table 三 (R3.4). */
typedef enum GirSubtotal
{
	GIR_SUB_DENIED,				/* （三）不予公开 = Σ 8 denied.* */
	GIR_SUB_UNABLE,				/* （四）无法提供 = Σ 3 unable.* */
	GIR_SUB_NOT_PROCESSED,		/* （五）不予处理 = Σ 5 not_processed.* */
	GIR_SUB_OTHER,				/* （六）其他处理 = Σ 3 other.* (T2021) */
	GIR_NSUBTOTALS
} GirSubtotal;

/*
 * RT.1-RT.6: a count that section 一 states, and the table cell (or sum of
 * cells) it is compared with (report-format.md §4.6).
 */
typedef enum GirNarrTarget
{
	GIR_NT_RECEIVED,			/* RT.1 new_received.total */
	GIR_NT_RECEIVED_ALL,		/* RT.1 共办理/含上年结转: new_received.total
								 * + carried_over.total (new_received.total
								 * alone is accepted too) */
	GIR_NT_PROCESSED,			/* RT.2 total_processed.total */
	GIR_NT_CARRIED_FORWARD,		/* RT.3 carried_forward.total */
	GIR_NT_NATURAL,				/* RT.4 new_received.natural_person */
	GIR_NT_LEGAL,				/* RT.4 new_received, the five 法人或其他组织
								 * columns */
	GIR_NT_REVIEW,				/* RT.5 review.total */
	GIR_NT_SUIT,				/* RT.5 suit_direct.total +
								 * suit_after_review.total */
	GIR_NT_REVIEW_PENDING,		/* RT.5 review.pending */
	GIR_NT_SUIT_PENDING,		/* RT.5 pending of both 行政诉讼 rows */
	GIR_NT_PENDING,				/* RT.5 pending of all three rows */
	GIR_NT_GRANTED,				/* RT.6 granted.total */
	GIR_NNARR_TARGETS
} GirNarrTarget;

typedef struct GirNarrClaim
{
	GirNarrTarget target;
	int64_t		value;			/* the count the text states */
	const char *quote;			/* the words quoted (a clause) */
	int			line;			/* 1-based source line; 0 if unknown */
} GirNarrClaim;

/* What section 六 says about 信息处理费 收费通知 (R3.7). */
typedef enum GirFeeNotice
{
	GIR_FEE_UNKNOWN = 0,		/* not stated, or not looked for */
	GIR_FEE_NONE_ISSUED,		/* e.g. "发出收费通知的件数…均为0" */
	GIR_FEE_ISSUED				/* some notices were issued */
} GirFeeNotice;

typedef struct GirDocFacts
{
	/* R0.1: section titles found, in document order */
	bool		sections_known;
	int			nsection_hits;
	GirSectionHit section_hits[GIR_MAX_SECTION_HITS];

	/* R3.4: printed subtotal rows; cells in table-三 column order */
	GirRow		subtotals[GIR_NSUBTOTALS];	/* .present = printed */

	/* R3.5: a printed 法人或其他组织小计 column, one cell per table-三 row */
	bool		legal_subtotal_known;	/* the column was printed */
	GirCell		legal_subtotal[GIR_NROWS];	/* ABSENT outside table 三 */

	/* R3.7 */
	GirFeeNotice fee_notice;
	int			fee_notice_line;
	const char *fee_notice_quote;	/* the sentence of section 六, or NULL */

	/* RT.1-RT.6: the counts section 一 states */
	const GirNarrClaim *claims;
	int			nclaims;
} GirDocFacts;

extern const char *gir_subtotal_key(GirSubtotal sub);	/* "denied", ... */

/*
 * The parser reports a disagreement between section 一 (or 六) and the
 * tables as a warning whose code is the rule id and whose message is the
 * rule's message (below); gir_check reads such warnings back into facts.
 * gir_narr_claim_from_warning: the claim behind an "RT.n" warning; the
 * quote is copied into quotebuf.  gir_fee_quote_from_warning: the quoted
 * sentence of an "R3.7" warning.  Both return false for a message the
 * parser does not write.
 */
extern bool gir_narr_claim_from_warning(const char *code, const char *message,
										int line, GirNarrClaim *claim,
										char *quotebuf, size_t quotebuflen);
extern bool gir_fee_quote_from_warning(const char *message,
									   char *quotebuf, size_t quotebuflen);
extern int	gir_subtotal_by_key(const char *key);	/* -1 if unknown */
extern const char *gir_doc_section_key(int section);	/* 1..6 */
extern int	gir_doc_section_by_key(const char *key);	/* 1..6, -1 */

/*
 * Fill a cell from canonical decimal text ("-263", "13390.0654", "5"):
 * state VALUE, integral and ival when it is a whole number that fits int64.
 * The text is not copied; it must outlive the cell.  False (cell untouched)
 * if the text is not a plain decimal number.
 */
extern bool gir_cell_set_text(GirCell *cell, const char *num);
extern void gir_cell_set_int(GirCell *cell, int64_t v, char *buf, size_t buflen);

/* ---------- results ---------- */

#define GIR_NUM_MAX		48		/* decimal text of one expected/actual */
#define GIR_MSG_MAX		640

typedef struct GirViolation
{
	GirRuleId	rule;
	const char *row;			/* contract key (or subtotal / section key);
								 * NULL when the rule is about no row */
	const char *col;			/* contract key; NULL when about no column */
	bool		has_expected;
	bool		has_actual;
	char		expected[GIR_NUM_MAX];	/* computed from the parts */
	char		actual[GIR_NUM_MAX];	/* as reported */
	char		message[GIR_MSG_MAX];
} GirViolation;

typedef struct GirViolations
{
	GirViolation *items;
	int			n;
	int			cap;
	GirAllocator mem;			/* where items comes from */
	bool		oom;			/* an allocation failed: the list is short */
} GirViolations;

/* mem NULL: malloc/free. */
extern void gir_violations_init(GirViolations *out, const GirAllocator *mem);
extern void gir_violations_free(GirViolations *out);

/*
 * Evaluate the selected single-report rules (class X rules are ignored).
 * facts may be NULL.  Appends to out; returns the number appended, or -1
 * when an allocation failed (out->oom).
 */
extern int	gir_rules_eval(const GirReport *r, const GirDocFacts *facts,
						   const GirRuleSet *set, GirViolations *out);

/*
 * The class X rules (R2.2, R3.6) for two reports of one agency, prev the
 * year before curr.  Not evaluated when both years are known and are not
 * consecutive.  Same return convention.
 */
extern int	gir_rules_eval_continuity(const GirReport *prev,
									  const GirReport *curr,
									  GirViolations *out);

#endif							/* GIR_RULES_H */
