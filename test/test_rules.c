/*-------------------------------------------------------------------------
 * test_rules.c
 *	  Unit tests of the rule engine (src/core/rules.c).
 *
 * Reports are built by hand from the truth of two seeds (all consistent):
 * 004 (T2021, 2024, non-zero values) and 002 (T2019, 2020).  Each rule gets
 * a passing case and a failing one made by changing one cell, blanking a
 * cell or dropping a row; the failing cases assert the exact rule, row,
 * column, expected, actual and message.
 *
 * test/test_rules.c
 *-------------------------------------------------------------------------
 */
#include <stdlib.h>
#include <string.h>

#include "gir_rules.h"
#include "tap.h"

/* ---------- building reports ---------- */

static GirReport *
new_report(GirTemplate tpl, int year)
{
	GirReport  *r = calloc(1, sizeof(GirReport));

	r->tpl = tpl;
	r->year = year;
	return r;
}

/* Set a row from integers, in the order of gir_row_columns(). */
static void
set_row(GirReport *r, GirRowId row, int n, const int64_t *vals)
{
	const GirColId *cols;
	int			ncols = gir_row_columns(row, r->tpl, &cols);
	int			i;

	CHECK_INT_EQ(ncols, n);
	r->rows[row].present = true;
	for (i = 0; i < n; i++)
	{
		char	   *buf = malloc(GIR_NUM_MAX);	/* leaked: a test */

		gir_cell_set_int(&r->rows[row].cells[i], vals[i], buf, GIR_NUM_MAX);
	}
}

#define ROW(r, id, ...) \
	do { \
		const int64_t v_[] = {__VA_ARGS__}; \
		set_row((r), (id), (int) (sizeof(v_) / sizeof(v_[0])), v_); \
	} while (0)

static GirCell *
cell(GirReport *r, GirRowId row, GirColId col)
{
	const GirColId *cols;
	int			n = gir_row_columns(row, r->tpl, &cols);
	int			i;

	for (i = 0; i < n; i++)
		if (cols[i] == col)
			return &r->rows[row].cells[i];
	abort();
}

static void
set_int(GirReport *r, GirRowId row, GirColId col, int64_t v)
{
	gir_cell_set_int(cell(r, row, col), v, malloc(GIR_NUM_MAX), GIR_NUM_MAX);
}

static void
set_text(GirReport *r, GirRowId row, GirColId col, const char *num)
{
	CHECK(gir_cell_set_text(cell(r, row, col), num));
}

static void
set_blank(GirReport *r, GirRowId row, GirColId col)
{
	GirCell    *c = cell(r, row, col);

	c->state = GIR_CELL_NULL;
	c->integral = false;
	c->num = NULL;
}

/* Seed 004: 建国门街道办事处, 2024, T2021. */
static GirReport *
seed004(void)
{
	GirReport  *r = new_report(GIR_TPL_2021, 2024);

	ROW(r, GIR_R_RULES, 0, 0, 0);
	ROW(r, GIR_R_NORMATIVE_DOCS, 0, 0, 0);
	ROW(r, GIR_R_LICENSING, 0);
	ROW(r, GIR_R_PENALTY, 139);
	ROW(r, GIR_R_COERCION, 0);
	ROW(r, GIR_R_FEES, 0);
	ROW(r, GIR_R_NEW_RECEIVED, 16, 1, 0, 0, 0, 0, 17);
	ROW(r, GIR_R_CARRIED_OVER, 0, 0, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_GRANTED, 0, 1, 0, 0, 0, 0, 1);
	ROW(r, GIR_R_PARTIALLY_GRANTED, 0, 0, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_DENIED_STATE_SECRET, 0, 0, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_DENIED_PROHIBITED_BY_LAW, 0, 0, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_DENIED_SECURITY_STABILITY, 0, 0, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_DENIED_THIRD_PARTY_RIGHTS, 1, 0, 0, 0, 0, 0, 1);
	ROW(r, GIR_R_DENIED_INTERNAL_AFFAIRS, 1, 0, 0, 0, 0, 0, 1);
	ROW(r, GIR_R_DENIED_PROCESS_INFORMATION, 0, 0, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_DENIED_ENFORCEMENT_FILES, 0, 0, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_DENIED_ADMINISTRATIVE_QUERY, 0, 0, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_UNABLE_NOT_HELD, 9, 0, 0, 0, 0, 0, 9);
	ROW(r, GIR_R_UNABLE_NEEDS_CREATION, 0, 0, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_UNABLE_STILL_UNCLEAR, 0, 0, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_NP_COMPLAINT, 0, 0, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_NP_DUPLICATE, 0, 0, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_NP_PUBLICATION, 0, 0, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_NP_EXCESSIVE, 0, 0, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_NP_CONFIRM_OR_REISSUE, 0, 0, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_OTHER_NO_CORRECTION, 0, 0, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_OTHER_UNPAID_FEE, 0, 0, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_OTHER_OTHER, 5, 0, 0, 0, 0, 0, 5);
	ROW(r, GIR_R_TOTAL_PROCESSED, 16, 1, 0, 0, 0, 0, 17);
	ROW(r, GIR_R_CARRIED_FORWARD, 0, 0, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_REVIEW, 0, 0, 0, 1, 1);
	ROW(r, GIR_R_SUIT_DIRECT, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_SUIT_AFTER_REVIEW, 0, 0, 0, 0, 0);
	return r;
}

/* Seed 002: 新街口街道办事处, 2020, T2019 (table 三 all zero but 一/（一）/（七)). */
static GirReport *
seed002(void)
{
	GirReport  *r = new_report(GIR_TPL_2019, 2020);
	int			row;

	ROW(r, GIR_R_RULES, 0, 0, 0);
	ROW(r, GIR_R_NORMATIVE_DOCS, 0, 0, 0);
	ROW(r, GIR_R_LICENSING, 0, 0, 0);
	ROW(r, GIR_R_OS_INSPECTION, 0, 0, 0);
	ROW(r, GIR_R_OS_CONFIRMATION, 0, 0, 0);
	ROW(r, GIR_R_PENALTY, 491, -263, 228);
	ROW(r, GIR_R_COERCION, 0, 0, 0);
	ROW(r, GIR_R_FEES, 0, 0);
	ROW(r, GIR_R_PROCUREMENT, 43, 0);
	set_text(r, GIR_R_PROCUREMENT, GIR_C_AMOUNT, "13390.0654");
	for (row = GIR_R_NEW_RECEIVED; row <= GIR_R_CARRIED_FORWARD; row++)
		if (gir_row_def(row)->templates & GIR_TPLMASK_2019)
			ROW(r, row, 0, 0, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_NEW_RECEIVED, 2, 0, 0, 0, 0, 0, 2);
	ROW(r, GIR_R_GRANTED, 2, 0, 0, 0, 0, 0, 2);
	ROW(r, GIR_R_TOTAL_PROCESSED, 2, 0, 0, 0, 0, 0, 2);
	ROW(r, GIR_R_REVIEW, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_SUIT_DIRECT, 0, 0, 0, 0, 0);
	ROW(r, GIR_R_SUIT_AFTER_REVIEW, 0, 0, 0, 0, 0);
	return r;
}

/* ---------- running rules ---------- */

static GirViolations vs;

/* Run the rules named in a comma-free list ("D", "R3.1", ...). */
static int
run(const GirReport *r, const GirDocFacts *f, const char *items)
{
	GirRuleSet	set;
	char		buf[128];
	char	   *tok;

	gir_violations_free(&vs);
	gir_violations_init(&vs, NULL);
	gir_ruleset_clear(&set);
	snprintf(buf, sizeof(buf), "%s", items);
	for (tok = strtok(buf, " "); tok; tok = strtok(NULL, " "))
		CHECK(gir_ruleset_add(&set, tok));
	return gir_rules_eval(r, f, &set, &vs);
}

static int
run_continuity(const GirReport *prev, const GirReport *curr)
{
	gir_violations_free(&vs);
	gir_violations_init(&vs, NULL);
	return gir_rules_eval_continuity(prev, curr, &vs);
}

/* Assert violation i in full; NULL row/col/expected/actual mean "none". */
static void
expect(int i, const char *rule, const char *row, const char *col,
	   const char *expected, const char *actual, const char *message)
{
	const GirViolation *v;

	if (!CHECK(i < vs.n))
	{
		fprintf(stderr, "  missing violation %d (%s)\n", i, message);
		return;
	}
	v = &vs.items[i];
	CHECK_STR_EQ(gir_rule_def(v->rule)->name, rule);
	CHECK_STR_EQ(v->row, row);
	CHECK_STR_EQ(v->col, col);
	CHECK_STR_EQ(v->has_expected ? v->expected : NULL, expected);
	CHECK_STR_EQ(v->has_actual ? v->actual : NULL, actual);
	CHECK_STR_EQ(v->message, message);
}

/* ---------- tests ---------- */

static void
test_catalogue(void)
{
	GirRuleSet	set;
	int			i;
	int			nd = 0;

	for (i = 0; i < GIR_NRULES; i++)
	{
		CHECK_INT_EQ(gir_rule_def(i)->id, i);
		CHECK(gir_rule_def(i)->statement_en[0] != '\0');
		CHECK(gir_rule_def(i)->statement_zh[0] != '\0');
		nd += gir_rule_def(i)->cls == GIR_CLASS_D;
	}
	CHECK_INT_EQ(nd, 10);		/* R0.3 R0.4 R3.1-R3.5 R4.1-R4.3 */

	gir_ruleset_clear(&set);
	CHECK(gir_ruleset_add(&set, "d"));
	CHECK(set.on[GIR_RULE_R3_1] && set.on[GIR_RULE_R0_3]);
	CHECK(!set.on[GIR_RULE_R0_1] && !set.on[GIR_RULE_R2_3]);
	CHECK(gir_ruleset_add(&set, "H"));
	CHECK(set.on[GIR_RULE_R2_3]);
	CHECK(!set.on[GIR_RULE_R2_4H]);		/* off by default */
	CHECK(gir_ruleset_add(&set, "r2.4H"));
	CHECK(set.on[GIR_RULE_R2_4H]);
	CHECK(!gir_ruleset_add(&set, "Z"));
	CHECK(!gir_ruleset_add(&set, "R9.9"));
	CHECK(!gir_ruleset_add(&set, ""));

	CHECK_STR_EQ(gir_subtotal_key(GIR_SUB_NOT_PROCESSED), "not_processed");
	CHECK_INT_EQ(gir_subtotal_by_key("unable"), GIR_SUB_UNABLE);
	CHECK_INT_EQ(gir_subtotal_by_key("nope"), -1);
	CHECK_STR_EQ(gir_doc_section_key(6), "other_matters");
	CHECK_INT_EQ(gir_doc_section_by_key("requests"), 3);
	CHECK_INT_EQ(gir_doc_section_by_key("x"), -1);
}

static void
test_cell_text(void)
{
	GirCell		c = {0};

	CHECK(gir_cell_set_text(&c, "5.00"));
	CHECK(c.integral && c.ival == 5);
	CHECK(gir_cell_set_text(&c, "-263"));
	CHECK(c.integral && c.ival == -263);
	CHECK(gir_cell_set_text(&c, "13390.0654"));
	CHECK(!c.integral);
	CHECK(gir_cell_set_text(&c, "99999999999999999999"));
	CHECK(!c.integral);			/* whole, but beyond int64 */
	CHECK(!gir_cell_set_text(&c, "1e3"));
	CHECK(!gir_cell_set_text(&c, "abc"));
	CHECK(!gir_cell_set_text(&c, "1."));
	CHECK(!gir_cell_set_text(&c, ""));
}

/* The seeds are consistent under every rule that applies to them. */
static void
test_seeds_pass(void)
{
	GirReport  *r = seed004();
	GirReport  *s = seed002();

	CHECK_INT_EQ(run(r, NULL, "D C H R2.4h"), 0);
	CHECK_INT_EQ(run(s, NULL, "D C H R2.4h"), 0);
	free(r);
	free(s);
}

static void
test_r3_1_and_r3_2(void)
{
	GirReport  *r = seed004();

	/* 一 natural persons 16 -> 17: R3.1 on the column, R3.2 on the row */
	set_int(r, GIR_R_NEW_RECEIVED, GIR_C_NATURAL_PERSON, 17);
	CHECK_INT_EQ(run(r, NULL, "D"), 2);
	expect(0, "R3.1", NULL, "natural_person", "17", "16",
		   "表三“自然人”列：一+二 = 17，但（七）总计+四 = 16（R3.1）");
	expect(1, "R3.2", "new_received", "total", "18", "17",
		   "表三“一、本年新收政府信息公开申请数量”行：六类申请人之和 = 18，但“总计”列 = 17（R3.2）");

	/* drop row 四: R3.1 can no longer be evaluated, R3.2 still can */
	r->rows[GIR_R_CARRIED_FORWARD].present = false;
	CHECK_INT_EQ(run(r, NULL, "D"), 1);
	expect(0, "R3.2", "new_received", "total", "18", "17",
		   "表三“一、本年新收政府信息公开申请数量”行：六类申请人之和 = 18，但“总计”列 = 17（R3.2）");
	free(r);

	/* 二 total 0 -> 1: R3.1 on the total column and R3.2 on row 二 */
	r = seed004();
	set_int(r, GIR_R_CARRIED_OVER, GIR_C_TOTAL, 1);
	CHECK_INT_EQ(run(r, NULL, "R3.1"), 1);
	expect(0, "R3.1", NULL, "total", "18", "17",
		   "表三“总计”列：一+二 = 18，但（七）总计+四 = 17（R3.1）");
	CHECK_INT_EQ(run(r, NULL, "R3.2"), 1);
	expect(0, "R3.2", "carried_over", "total", "0", "1",
		   "表三“二、上年结转政府信息公开申请数量”行：六类申请人之和 = 0，但“总计”列 = 1（R3.2）");
	free(r);
}

static void
test_blanks(void)
{
	GirReport  *r = seed004();

	/* a blank where the value was 0 changes nothing */
	set_blank(r, GIR_R_CARRIED_FORWARD, GIR_C_NATURAL_PERSON);
	set_blank(r, GIR_R_SUIT_DIRECT, GIR_C_TOTAL);
	CHECK_INT_EQ(run(r, NULL, "D"), 0);

	/* blanking 9 breaks R3.2 and R3.3, and the messages say so */
	set_blank(r, GIR_R_UNABLE_NOT_HELD, GIR_C_NATURAL_PERSON);
	CHECK_INT_EQ(run(r, NULL, "D"), 2);
	expect(0, "R3.2", "unable.not_held", "total", "0", "9",
		   "表三“（四）无法提供 1.本机关不掌握相关政府信息”行：六类申请人之和 = 0，但“总计”列 = 9，空白单元格按0计（R3.2）");
	expect(1, "R3.3", "total_processed", "natural_person", "7", "16",
		   "表三“自然人”列：（一）至（六）各项办理结果之和 = 7，但（七）总计 = 16，空白单元格按0计（R3.3）");
	free(r);
}

static void
test_r3_3(void)
{
	GirReport  *r = seed004();

	/* （六）3.其他 natural persons 5 -> 4 */
	set_int(r, GIR_R_OTHER_OTHER, GIR_C_NATURAL_PERSON, 4);
	CHECK_INT_EQ(run(r, NULL, "R3.3"), 1);
	expect(0, "R3.3", "total_processed", "natural_person", "15", "16",
		   "表三“自然人”列：（一）至（六）各项办理结果之和 = 15，但（七）总计 = 16（R3.3）");
	/* a missing leaf row: R3.3 is not evaluated */
	r->rows[GIR_R_NP_DUPLICATE].present = false;
	CHECK_INT_EQ(run(r, NULL, "R3.3"), 0);
	free(r);

	/* T2019: （六）其他处理 is one leaf row */
	r = seed002();
	set_int(r, GIR_R_OTHER, GIR_C_TOTAL, 1);
	CHECK_INT_EQ(run(r, NULL, "R3.3"), 1);
	expect(0, "R3.3", "total_processed", "total", "3", "2",
		   "表三“总计”列：（一）至（六）各项办理结果之和 = 3，但（七）总计 = 2（R3.3）");
	/* unknown template: still T2019 by the rows present */
	r->tpl = GIR_TPL_UNKNOWN;
	CHECK_INT_EQ(run(r, NULL, "R3.3"), 1);
	free(r);
}

static void
test_r4(void)
{
	GirReport  *r = seed004();

	/* 行政复议 尚未审结 1 -> 2 */
	set_int(r, GIR_R_REVIEW, GIR_C_PENDING, 2);
	set_int(r, GIR_R_SUIT_DIRECT, GIR_C_TOTAL, 1);
	set_int(r, GIR_R_SUIT_AFTER_REVIEW, GIR_C_UPHELD, 3);
	CHECK_INT_EQ(run(r, NULL, "D"), 3);
	expect(0, "R4.1", "review", "total", "2", "1",
		   "表四“行政复议”：结果维持+结果纠正+其他结果+尚未审结 = 2，但总计 = 1（R4.1）");
	expect(1, "R4.2", "suit_direct", "total", "0", "1",
		   "表四“行政诉讼 未经复议直接起诉”：结果维持+结果纠正+其他结果+尚未审结 = 0，但总计 = 1（R4.2）");
	expect(2, "R4.3", "suit_after_review", "total", "3", "0",
		   "表四“行政诉讼 复议后起诉”：结果维持+结果纠正+其他结果+尚未审结 = 3，但总计 = 0（R4.3）");
	/* table 四 not found: nothing to check */
	r->rows[GIR_R_REVIEW].present = false;
	r->rows[GIR_R_SUIT_DIRECT].present = false;
	r->rows[GIR_R_SUIT_AFTER_REVIEW].present = false;
	CHECK_INT_EQ(run(r, NULL, "D"), 0);
	free(r);
}

static void
test_r0_3_r0_4(void)
{
	GirReport  *r = seed004();
	GirReport  *s = seed002();

	set_text(r, GIR_R_PENALTY, GIR_C_DECISIONS, "139.5");
	set_int(r, GIR_R_LICENSING, GIR_C_DECISIONS, -1);
	set_text(r, GIR_R_FEES, GIR_C_AMOUNT, "-0.5");
	set_text(r, GIR_R_REVIEW, GIR_C_UPHELD, "123456789012345678901234567890123456789");
	CHECK_INT_EQ(run(r, NULL, "R0.3 R0.4"), 4);
	expect(0, "R0.3", "licensing", "decisions", NULL, "-1",
		   "表二“行政许可”行“处理决定数量”列：-1 不是非负整数（R0.3）");
	expect(1, "R0.3", "penalty", "decisions", NULL, "139.5",
		   "表二“行政处罚”行“处理决定数量”列：139.5 不是非负整数（R0.3）");
	expect(2, "R0.4", "fees", "amount", NULL, "-0.5",
		   "表二“行政事业性收费”行“本年收费金额（单位：万元）”列：-0.5 为负数（R0.4）");
	expect(3, "R0.3", "review", "upheld", NULL,
		   "123456789012345678901234567890123456789",
		   "表四“行政复议”行“结果维持”列：123456789012345678901234567890123456789 位数过多，不是可核对的件数（R0.3）");
	/* the fractional cell is R0.3's alone: R4.1 skips, the others hold */
	set_text(r, GIR_R_REVIEW, GIR_C_UPHELD, "0.5");
	CHECK_INT_EQ(run(r, NULL, "R4.1"), 0);
	/* "-0.00" is not negative; a whole number written 5.0 is a count */
	set_text(r, GIR_R_FEES, GIR_C_AMOUNT, "-0.00");
	set_text(r, GIR_R_LICENSING, GIR_C_DECISIONS, "5.0");
	set_int(r, GIR_R_PENALTY, GIR_C_DECISIONS, 139);
	set_int(r, GIR_R_REVIEW, GIR_C_UPHELD, 0);
	CHECK_INT_EQ(run(r, NULL, "D"), 0);

	/* T2019: 本年增/减 may be negative, but must be whole */
	CHECK_INT_EQ(run(s, NULL, "R0.3 R0.4"), 0);
	set_text(s, GIR_R_PENALTY, GIR_C_CHANGE, "-26.3");
	set_text(s, GIR_R_PROCUREMENT, GIR_C_AMOUNT, "-13390.0654");
	CHECK_INT_EQ(run(s, NULL, "D"), 2);
	expect(0, "R0.3", "penalty", "change", NULL, "-26.3",
		   "表二“行政处罚”行“本年增/减”列：-26.3 不是整数（R0.3）");
	expect(1, "R0.4", "procurement", "amount", NULL, "-13390.0654",
		   "表二“政府集中采购”行“采购总金额”列：-13390.0654 为负数（R0.4）");
	free(r);
	free(s);
}

static void
test_r0_2(void)
{
	GirReport  *r = seed004();
	GirReport  *s = seed002();

	CHECK_INT_EQ(run(r, NULL, "R0.2"), 0);
	CHECK_INT_EQ(run(s, NULL, "R0.2"), 0);
	r->year = 2020;
	CHECK_INT_EQ(run(r, NULL, "C"), 1);
	expect(0, "R0.2", NULL, NULL, "2019", "2021",
		   "报告年度为 2020 年，应使用 2019 年版表格（国办公开办函〔2019〕60号），但表格按 2021 年版填写（R0.2）");
	s->year = 2022;
	CHECK_INT_EQ(run(s, NULL, "R0.2"), 1);
	expect(0, "R0.2", NULL, NULL, "2021", "2019",
		   "报告年度为 2022 年，应使用 2021 年版表格（国办公开办函〔2021〕30号），但表格按 2019 年版填写（R0.2）");
	s->year = 2017;
	CHECK_INT_EQ(run(s, NULL, "R0.2"), 1);
	expect(0, "R0.2", NULL, NULL, NULL, "2019",
		   "报告年度为 2017 年，早于 2019 年版表格的施行，但表格按 2019 年版填写（R0.2）");
	/* unknown year or template: not evaluated; and R0.2 is not class D */
	s->year = 0;
	CHECK_INT_EQ(run(s, NULL, "R0.2"), 0);
	CHECK_INT_EQ(run(r, NULL, "D"), 0);
	free(r);
	free(s);
}

static void
add_hit(GirDocFacts *f, int section, int line, const char *numbering)
{
	GirSectionHit *h = &f->section_hits[f->nsection_hits++];

	h->section = section;
	h->line = line;
	h->numbering = numbering;
}

static void
test_r0_1(void)
{
	GirReport  *r = seed004();
	GirDocFacts f;

	/* not known: not evaluated */
	memset(&f, 0, sizeof(f));
	CHECK_INT_EQ(run(r, &f, "R0.1"), 0);

	f.sections_known = true;
	add_hit(&f, 1, 3, "一、");
	add_hit(&f, 2, 20, "二、");
	add_hit(&f, 3, 40, "三、");
	add_hit(&f, 4, 120, "四、");
	add_hit(&f, 5, 150, "五、");
	add_hit(&f, 6, 160, "六、");
	CHECK_INT_EQ(run(r, &f, "R0.1"), 0);

	/* seed 004's Word numbering: "2、" for 二、 */
	f.section_hits[1].numbering = "2、";
	CHECK_INT_EQ(run(r, &f, "C"), 1);
	expect(0, "R0.1", "active_disclosure", NULL, NULL, NULL,
		   "第二部分“主动公开政府信息情况”的编号写作“2、”，应为“二、”（第 20 行）（R0.1）");

	/* 五 missing, 三 twice, 四 before 三, 一 without numbering */
	memset(&f, 0, sizeof(f));
	f.sections_known = true;
	add_hit(&f, 1, 3, "");
	add_hit(&f, 2, 20, "二、");
	add_hit(&f, 4, 30, "四、");
	add_hit(&f, 3, 40, "三、");
	add_hit(&f, 3, 90, "三、");
	add_hit(&f, 6, 160, "六、");
	CHECK_INT_EQ(run(r, &f, "R0.1"), 4);
	expect(0, "R0.1", "requests", NULL, NULL, NULL,
		   "第三部分“收到和处理政府信息公开申请情况”（第 40 行）排在第四部分之后（R0.1）");
	expect(1, "R0.1", "overview", NULL, NULL, NULL,
		   "第一部分“总体情况”的标题没有编号，应为“一、”（第 3 行）（R0.1）");
	expect(2, "R0.1", "requests", NULL, "1", "2",
		   "第三部分“收到和处理政府信息公开申请情况”的标题出现 2 次（R0.1）");
	expect(3, "R0.1", "problems", NULL, "1", "0",
		   "未找到第五部分“存在的主要问题及改进情况”（R0.1）");
	/* R0.1 is class C: not in the default D set */
	CHECK_INT_EQ(run(r, &f, "D"), 0);
	free(r);
}

static void
test_r3_4(void)
{
	GirReport  *r = seed004();
	GirDocFacts f;
	int			i;
	static const int64_t denied[7] = {2, 0, 0, 0, 0, 0, 2};
	static const int64_t other[7] = {5, 0, 0, 0, 0, 0, 5};

	memset(&f, 0, sizeof(f));
	f.subtotals[GIR_SUB_DENIED].present = true;
	f.subtotals[GIR_SUB_OTHER].present = true;
	for (i = 0; i < 7; i++)
	{
		gir_cell_set_int(&f.subtotals[GIR_SUB_DENIED].cells[i], denied[i],
						 malloc(GIR_NUM_MAX), GIR_NUM_MAX);
		gir_cell_set_int(&f.subtotals[GIR_SUB_OTHER].cells[i], other[i],
						 malloc(GIR_NUM_MAX), GIR_NUM_MAX);
	}
	CHECK_INT_EQ(run(r, &f, "D"), 0);
	CHECK_INT_EQ(run(r, NULL, "R3.4"), 0);	/* no facts: not evaluated */

	gir_cell_set_int(&f.subtotals[GIR_SUB_DENIED].cells[6], 3,
					 malloc(GIR_NUM_MAX), GIR_NUM_MAX);
	f.subtotals[GIR_SUB_OTHER].cells[0].state = GIR_CELL_NULL;
	CHECK_INT_EQ(run(r, &f, "D"), 2);
	expect(0, "R3.4", "denied", "total", "2", "3",
		   "表三“总计”列：“（三）不予公开”下各项之和 = 2，但小计行 = 3（R3.4）");
	expect(1, "R3.4", "other", "natural_person", "5", "0",
		   "表三“自然人”列：“（六）其他处理”下各项之和 = 5，但小计行 = 0，空白单元格按0计（R3.4）");
	free(r);
}

static void
test_r3_5(void)
{
	GirReport  *r = seed004();
	GirDocFacts f;
	int			row;

	memset(&f, 0, sizeof(f));
	f.legal_subtotal_known = true;
	for (row = GIR_R_NEW_RECEIVED; row <= GIR_R_CARRIED_FORWARD; row++)
		if (r->rows[row].present)
			gir_cell_set_int(&f.legal_subtotal[row],
							 row == GIR_R_NEW_RECEIVED || row == GIR_R_GRANTED ||
							 row == GIR_R_TOTAL_PROCESSED ? 1 : 0,
							 malloc(GIR_NUM_MAX), GIR_NUM_MAX);
	CHECK_INT_EQ(run(r, &f, "R3.5"), 0);
	gir_cell_set_int(&f.legal_subtotal[GIR_R_GRANTED], 2, malloc(GIR_NUM_MAX),
					 GIR_NUM_MAX);
	CHECK_INT_EQ(run(r, &f, "D"), 1);
	expect(0, "R3.5", "granted", "legal_total", "1", "2",
		   "表三“（一）予以公开”行：商业企业至其他五类法人或其他组织之和 = 1，但“法人或其他组织”小计列 = 2（R3.5）");
	f.legal_subtotal_known = false;
	CHECK_INT_EQ(run(r, &f, "D"), 0);
	free(r);
}

static void
test_r3_7(void)
{
	GirReport  *r = seed004();
	GirDocFacts f;

	memset(&f, 0, sizeof(f));
	f.fee_notice = GIR_FEE_NONE_ISSUED;
	f.fee_notice_line = 88;
	CHECK_INT_EQ(run(r, &f, "C"), 0);
	set_int(r, GIR_R_OTHER_UNPAID_FEE, GIR_C_TOTAL, 1);
	CHECK_INT_EQ(run(r, &f, "R3.7"), 1);
	expect(0, "R3.7", "other.unpaid_fee", "total", "0", "1",
		   "表三“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”行“总计”列为 1，但第六部分称未发出收费通知（第 88 行）（R3.7）");
	f.fee_notice = GIR_FEE_ISSUED;
	CHECK_INT_EQ(run(r, &f, "R3.7"), 0);
	f.fee_notice = GIR_FEE_UNKNOWN;
	CHECK_INT_EQ(run(r, &f, "R3.7"), 0);
	free(r);
}

static void
test_table2_2019(void)
{
	GirReport  *s = seed002();

	/* R2.3 */
	set_int(s, GIR_R_NORMATIVE_DOCS, GIR_C_PUBLISHED, 5);
	set_int(s, GIR_R_NORMATIVE_DOCS, GIR_C_TOTAL_PUBLISHED, 3);
	CHECK_INT_EQ(run(s, NULL, "H"), 1);
	expect(0, "R2.3", "normative_docs", "total_published", "5", "3",
		   "表二“规范性文件”行：本年新公开数量 5 大于对外公开总数量 3（R2.3）");
	set_int(s, GIR_R_NORMATIVE_DOCS, GIR_C_TOTAL_PUBLISHED, 5);
	CHECK_INT_EQ(run(s, NULL, "H"), 0);

	/* R2.4h: only when named */
	set_int(s, GIR_R_PENALTY, GIR_C_DECISIONS, 230);
	CHECK_INT_EQ(run(s, NULL, "D C H"), 0);
	CHECK_INT_EQ(run(s, NULL, "R2.4h"), 1);
	expect(0, "R2.4h", "penalty", "decisions", "228", "230",
		   "表二“行政处罚”行：上一年项目数量 + 本年增/减 = 228，但处理决定数量 = 230（R2.4h）");

	/* R2.5: a parent row over the 行政检查/行政确认 sub-rows */
	set_int(s, GIR_R_OS_INSPECTION, GIR_C_PREV_ITEMS, 2);
	set_int(s, GIR_R_OS_CONFIRMATION, GIR_C_PREV_ITEMS, 1);
	ROW(s, GIR_R_OTHER_SERVICES, 3, 0, 0);
	CHECK_INT_EQ(run(s, NULL, "R2.5"), 0);
	set_int(s, GIR_R_OTHER_SERVICES, GIR_C_PREV_ITEMS, 4);
	CHECK_INT_EQ(run(s, NULL, "C"), 1);
	expect(0, "R2.5", "other_services", "prev_items", "3", "4",
		   "表二“其他对外管理服务事项”行“上一年项目数量”列：各分项（行政检查、行政确认等）之和 = 3，但该行填写 4（R2.5）");
	/* no sub-rows: nothing to compare */
	s->rows[GIR_R_OS_INSPECTION].present = false;
	s->rows[GIR_R_OS_CONFIRMATION].present = false;
	CHECK_INT_EQ(run(s, NULL, "R2.5"), 0);
	free(s);

	/* the T2019 rules do not apply to a T2021 report */
	s = seed004();
	CHECK_INT_EQ(run(s, NULL, "H C R2.4h"), 0);
	free(s);
}

static void
test_continuity(void)
{
	GirReport  *prev = seed004();
	GirReport  *curr = seed004();

	prev->year = 2023;
	CHECK_INT_EQ(run_continuity(prev, curr), 0);

	/* R2.2: 10 in force, 2 issued, 1 repealed -> 11, reported 12 */
	set_int(prev, GIR_R_RULES, GIR_C_IN_FORCE, 10);
	set_int(curr, GIR_R_RULES, GIR_C_ISSUED, 2);
	set_int(curr, GIR_R_RULES, GIR_C_REPEALED, 1);
	set_int(curr, GIR_R_RULES, GIR_C_IN_FORCE, 11);
	CHECK_INT_EQ(run_continuity(prev, curr), 0);
	set_int(curr, GIR_R_RULES, GIR_C_IN_FORCE, 12);
	/* R3.6: last year's 四 natural persons 3, this year's 二 0 */
	set_int(prev, GIR_R_CARRIED_FORWARD, GIR_C_NATURAL_PERSON, 3);
	CHECK_INT_EQ(run_continuity(prev, curr), 2);
	expect(0, "R2.2", "rules", "in_force", "11", "12",
		   "表二“规章”行：上年现行有效件数 10 + 本年制发件数 2 − 本年废止件数 1 = 11，但现行有效件数 = 12（R2.2）");
	expect(1, "R3.6", "carried_over", "natural_person", "3", "0",
		   "表三“自然人”列：上年报告“四、结转下年度继续办理” = 3，但本年“二、上年结转政府信息公开申请数量” = 0（R3.6）");

	/* not consecutive years: not evaluated; unknown year: evaluated */
	prev->year = 2021;
	CHECK_INT_EQ(run_continuity(prev, curr), 0);
	prev->year = 0;
	CHECK_INT_EQ(run_continuity(prev, curr), 2);
	/* a T2019 previous year: R2.2 cannot apply, R3.6 still does */
	free(prev);
	prev = seed002();
	prev->year = 2023;
	set_int(prev, GIR_R_CARRIED_FORWARD, GIR_C_TOTAL, 2);
	CHECK_INT_EQ(run_continuity(prev, curr), 1);
	expect(0, "R3.6", "carried_over", "total", "2", "0",
		   "表三“总计”列：上年报告“四、结转下年度继续办理” = 2，但本年“二、上年结转政府信息公开申请数量” = 0（R3.6）");
	free(prev);
	free(curr);
}

/* The list grows past its first allocation; a failing allocator is reported. */
static int	fail_after;

static void *
test_alloc(void *ctx, size_t size)
{
	return fail_after-- > 0 ? malloc(size) : NULL;
}

static void
test_release(void *ctx, void *p)
{
	free(p);
}

static void
test_allocation(void)
{
	GirReport  *r = seed004();
	GirAllocator mem = {test_alloc, test_release, NULL};
	GirRuleSet	set;
	GirViolations out;
	int			row;
	int			i;

	/* 25 rows x 7 negative cells: 175 R0.3 violations */
	for (row = GIR_R_NEW_RECEIVED; row <= GIR_R_CARRIED_FORWARD; row++)
		if (r->rows[row].present)
		{
			const GirColId *cols;
			int			n = gir_row_columns(row, r->tpl, &cols);

			for (i = 0; i < n; i++)
				set_int(r, row, cols[i], -1);
		}
	gir_ruleset_clear(&set);
	gir_ruleset_add(&set, "R0.3");

	fail_after = 100;
	gir_violations_init(&out, &mem);
	CHECK_INT_EQ(gir_rules_eval(r, NULL, &set, &out), 175);
	CHECK_INT_EQ(out.n, 175);
	gir_violations_free(&out);

	fail_after = 2;				/* 16, 32, then failure */
	gir_violations_init(&out, &mem);
	CHECK_INT_EQ(gir_rules_eval(r, NULL, &set, &out), -1);
	CHECK(out.oom);
	CHECK_INT_EQ(out.n, 32);
	gir_violations_free(&out);
	free(r);
}

int
main(int argc, char **argv)
{
	gir_violations_init(&vs, NULL);
	test_catalogue();
	test_cell_text();
	test_seeds_pass();
	test_r3_1_and_r3_2();
	test_blanks();
	test_r3_3();
	test_r4();
	test_r0_3_r0_4();
	test_r0_2();
	test_r0_1();
	test_r3_4();
	test_r3_5();
	test_r3_7();
	test_table2_2019();
	test_continuity();
	test_allocation();
	gir_violations_free(&vs);
	return TAP_DONE_AS(argv[0]);
}
