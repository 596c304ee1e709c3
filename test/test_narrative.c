/*-------------------------------------------------------------------------
 * test_narrative.c
 *	  Unit tests of the narrative checks (src/core/narrative.c): the counts
 *	  section 一 states against the tables (RT.1-RT.6), the fee-notice
 *	  sentence of section 六 (R3.7), and the round trip of their warnings
 *	  through gir_narr_claim_from_warning() (what gir_check relies on).
 *
 * Each case is a short report written for the project: the tables below
 * are fixed, consistent, and chosen so that every compared number differs
 * from the others; only the text of sections 一 and 六 changes.
 *
 *	 表三 一、本年新收  自然人 15, 商业企业 2, 科研机构 1 → 总计 18
 *		  二、上年结转  3;  （一）予以公开 9;  （七）总计 19;  四、结转 2
 *		  （六）2.逾期未缴费 2
 *	 表四 行政复议 总计 2 (尚未审结 1); 直接起诉 总计 1 (尚未审结 1);
 *		  复议后起诉 0
 *
 * Run from the project root (the seeds and samples are read from files).
 *
 * test/test_narrative.c
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "gir_core.h"
#include "gir_rules.h"
#include "tap.h"

/* ---------- the fixed report ---------- */

static const char *const head =
	"# 江河市青石区测试局2023年政府信息公开工作年度报告\n"
	"## 一、总体情况\n";				/* the narrative starts on line 3 */

static const char *const tables =
	"\n## 二、主动公开政府信息情况\n"
	"\n"
	"| 第二十条第（一）项 | | | |\n"
	"|---|---|---|---|\n"
	"| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
	"| 规章 | 0 | 0 | 3 |\n"
	"| 行政规范性文件 | 2 | 1 | 15 |\n"
	"| 第二十条第（五）项 | | | |\n"
	"| 信息内容 | 本年处理决定数量 | | |\n"
	"| 行政许可 | 120 | | |\n"
	"| 第二十条第（六）项 | | | |\n"
	"| 信息内容 | 本年处理决定数量 | | |\n"
	"| 行政处罚 | 34 | | |\n"
	"| 行政强制 | 0 | | |\n"
	"| 第二十条第（八）项 | | | |\n"
	"| 信息内容 | 本年收费金额（单位：万元） | | |\n"
	"| 行政事业性收费 | 0 | | |\n"
	"\n"
	"## 三、收到和处理政府信息公开申请情况\n"
	"\n"
	"| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | 申请人情况 | | | | | | |\n"
	"|---|---|---|---|---|---|---|---|---|\n"
	"| | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
	"|  | 一、本年新收政府信息公开申请数量 | 15 | 2 | 1 | 0 | 0 | 0 | 18 |\n"
	"|  | 二、上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n"
	"| 三、本年度办理结果 | （一）予以公开 | 8 | 1 | 0 | 0 | 0 | 0 | 9 |\n"
	"|  | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
	"| （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
	"|  | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
	"|  | 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
	"|  | 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
	"|  | 5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
	"|  | 6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
	"|  | 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
	"|  | 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
	"| （四）无法提供 | 1.本机关不掌握相关政府信息 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |\n"
	"|  | 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
	"|  | 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
	"| （五）不予处理 | 1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
	"|  | 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
	"|  | 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
	"|  | 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
	"|  | 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
	"| （六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
	"|  | 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n"
	"|  | 3.其他 | 1 | 0 | 1 | 0 | 0 | 0 | 2 |\n"
	"|  | （七）总计 | 17 | 1 | 1 | 0 | 0 | 0 | 19 |\n"
	"|  | 四、结转下年度继续办理 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |\n"
	"\n"
	"## 四、政府信息公开行政复议、行政诉讼情况\n"
	"\n"
	"| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |\n"
	"| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |\n"
	"| 1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 0 |\n"
	"\n"
	"## 五、存在的主要问题及改进情况\n"
	"公开形式有待丰富。\n"
	"## 六、其他需要报告的事项\n";

/* Parse head + overview + tables + closing.  The text is kept alive. */
static GirReport *
parse_report(const char *overview, const char *closing)
{
	GirOptions	opt = gir_default_options();
	GirReport  *r = NULL;
	char		err[256];
	size_t		len = strlen(head) + strlen(overview) + strlen(tables) +
		strlen(closing) + 8;
	char	   *text = malloc(len);	/* leaked: a test */

	snprintf(text, len, "%s%s\n%s%s\n", head, overview, tables, closing);
	if (gir_parse_report(text, strlen(text), &opt, &r, err, sizeof(err)) != GIR_OK)
	{
		fprintf(stderr, "parse failed: %s\n", err);
		return NULL;
	}
	return r;
}

static GirReport *
parse_overview(const char *overview)
{
	return parse_report(overview, "本年度未收取信息处理费。");
}

/* Warnings whose code starts with "RT." or is "R3.7". */
static bool
narrative_code(const char *code)
{
	return strncmp(code, "RT.", 3) == 0 || strcmp(code, "R3.7") == 0;
}

static int
count_narrative(const GirReport *r)
{
	int			i,
				n = 0;

	for (i = 0; i < r->nwarnings; i++)
		if (narrative_code(r->warnings[i].code))
			n++;
	return n;
}

/* The i-th narrative warning, or NULL. */
static const GirWarning *
narrative_warning(const GirReport *r, int nth)
{
	int			i;

	for (i = 0; r != NULL && i < r->nwarnings; i++)
		if (narrative_code(r->warnings[i].code) && nth-- == 0)
			return &r->warnings[i];
	return NULL;
}

/* Code and message of the i-th narrative warning; "" if there is none. */
static const char *
code_of(const GirReport *r, int nth)
{
	const GirWarning *w = narrative_warning(r, nth);

	return w ? w->code : "";
}

static const char *
message_of(const GirReport *r, int nth)
{
	const GirWarning *w = narrative_warning(r, nth);

	return w ? w->message : "";
}

static void
dump_narrative(const GirReport *r)
{
	int			i;

	for (i = 0; i < r->nwarnings; i++)
		if (narrative_code(r->warnings[i].code))
			fprintf(stderr, "  %s line %d: %s\n", r->warnings[i].code,
					r->warnings[i].line, r->warnings[i].message);
}

/*
 * The round trip gir_check relies on: read the claim back from the
 * warning, evaluate it, and get the same message, with the table value as
 * expected and the text's value as actual.
 */
static void
check_round_trip(const GirReport *r, const GirWarning *w,
				 const char *row, const char *col,
				 const char *expected, const char *actual)
{
	GirNarrClaim claim;
	char		quote[512];
	GirDocFacts facts;
	GirRuleSet	set;
	GirViolations out;

	memset(&facts, 0, sizeof(facts));
	gir_ruleset_clear(&set);
	CHECK(gir_ruleset_add(&set, w->code));
	if (strcmp(w->code, "R3.7") == 0)
	{
		facts.fee_notice = GIR_FEE_NONE_ISSUED;
		facts.fee_notice_line = w->line;
		if (CHECK(gir_fee_quote_from_warning(w->message, quote, sizeof(quote))))
			facts.fee_notice_quote = quote;
	}
	else
	{
		if (!CHECK(gir_narr_claim_from_warning(w->code, w->message, w->line,
											   &claim, quote, sizeof(quote))))
		{
			fprintf(stderr, "  unreadable: %s\n", w->message);
			return;
		}
		CHECK_INT_EQ(claim.line, w->line);
		facts.claims = &claim;
		facts.nclaims = 1;
	}
	gir_violations_init(&out, NULL);
	CHECK_INT_EQ(gir_rules_eval(r, &facts, &set, &out), 1);
	if (out.n == 1)
	{
		const GirViolation *v = &out.items[0];

		CHECK_STR_EQ(gir_rule_def(v->rule)->name, w->code);
		CHECK_STR_EQ(v->message, w->message);
		CHECK_STR_EQ(v->row, row);
		CHECK_STR_EQ(v->col, col);
		CHECK(v->has_expected && v->has_actual);
		CHECK_STR_EQ(v->expected, expected);
		CHECK_STR_EQ(v->actual, actual);
	}
	gir_violations_free(&out);
}

/* Assert narrative warning nth in full, and its round trip. */
static void
expect(const GirReport *r, int nth, const char *code, int line,
	   const char *message, const char *row, const char *col,
	   const char *expected, const char *actual)
{
	const GirWarning *w = narrative_warning(r, nth);

	if (!CHECK(w != NULL))
	{
		fprintf(stderr, "  missing narrative warning %d (%s)\n", nth, code);
		return;
	}
	CHECK_STR_EQ(w->code, code);
	CHECK_INT_EQ(w->line, line);
	CHECK_STR_EQ(w->message, message);
	check_round_trip(r, w, row, col, expected, actual);
}

/* A text that must produce no narrative warning. */
static void
expect_none(const char *overview, int line)
{
	GirReport  *r = parse_overview(overview);

	if (!CHECK(r != NULL))
		return;
	if (!CHECK_INT_EQ(count_narrative(r), 0))
	{
		fprintf(stderr, "  (case at %s:%d)\n", __FILE__, line);
		dump_narrative(r);
	}
	CHECK_INT_EQ(r->status, GIR_STATUS_OK);
	gir_report_free(r);
}
#define EXPECT_NONE(text) expect_none((text), __LINE__)

/* A text that must produce exactly n narrative warnings; returns it. */
static GirReport *
expect_n(const char *overview, const char *closing, int n, int line)
{
	GirReport  *r = parse_report(overview, closing ? closing : "本年度未收取信息处理费。");

	if (!CHECK(r != NULL))
		return NULL;
	if (!CHECK_INT_EQ(count_narrative(r), n))
	{
		fprintf(stderr, "  (case at %s:%d)\n", __FILE__, line);
		dump_narrative(r);
	}
	return r;
}
#define EXPECT_N(text, n) expect_n((text), NULL, (n), __LINE__)

/* ---------- agreement ---------- */

static void
test_agreement(void)
{
	/* everything the rules compare, stated right */
	EXPECT_NONE("2023年，本局共收到政府信息公开申请18件，其中自然人申请15件，"
				"法人或其他组织申请3件。上年结转申请3件。全年办结19件，"
				"结转下年度继续办理2件。从办理结果看，予以公开9件，部分公开0件。"
				"全年因政府信息公开工作被申请行政复议2件，被提起行政诉讼1件。"
				"其中尚未审结2件。");
	/* the seed-004 phrasing: breakdown after the number, （尚未审结） */
	EXPECT_NONE("全年新收政府信息公开申请 18 件，其中15件申请人为自然人，3件为法人。"
				"产生关于信息公开的行政复议2次；产生关于信息公开的行政诉讼1次（尚未审结）。");
	/* the seed-001 phrasing: the number before 申请 */
	EXPECT_NONE("本机关全年接到18件政府信息公开申请件，已按规定办理答复。");
	/* a colon does not cut the words from their number */
	EXPECT_NONE("（二）依申请公开情况：全年收到政府信息公开申请数量：18件。");
	/* 答复情况为“同意公开”的 (seed 002) */
	EXPECT_NONE("本单位2023年度共收到政府信息公开申请18件。答复情况为“同意公开”的9件，占总数的50%。");
	/* the table side being absent is not a disagreement: no text, no claim */
	EXPECT_NONE("本局认真贯彻《条例》，各项工作有序推进。");
}

/* ---------- one rule at a time ---------- */

static void
test_rt1(void)
{
	GirReport  *r;

	r = EXPECT_N("2023年，全年共收到政府信息公开申请19件，监督电话66002814。", 1);
	expect(r, 0, "RT.1", 3,
		   "总体情况称“全年共收到政府信息公开申请19件”（收到申请 19 件），"
		   "但表三“一、本年新收政府信息公开申请数量”总计为 18（RT.1）",
		   "new_received", "total", "18", "19");
	gir_report_free(r);

	/* words for zero */
	r = EXPECT_N("本年度，本局未收到政府信息公开申请。", 1);
	expect(r, 0, "RT.1", 3,
		   "总体情况称“本局未收到政府信息公开申请”（收到申请 0 件），"
		   "但表三“一、本年新收政府信息公开申请数量”总计为 18（RT.1）",
		   "new_received", "total", "18", "0");
	gir_report_free(r);
	r = EXPECT_N("全年未收到公民、法人和其他组织需要我局依申请公开信息的申请", 1);
	expect(r, 0, "RT.1", 3,
		   "总体情况称“全年未收到公民、法人和其他组织需要我局依申请公开信息的申请”"
		   "（收到申请 0 件），但表三“一、本年新收政府信息公开申请数量”总计为 18（RT.1）",
		   "new_received", "total", "18", "0");
	gir_report_free(r);

	/* 共受理 … 含上年结转: new + carried over (18 + 3) */
	EXPECT_NONE("全年共受理政府信息公开申请21件（含上年结转3件）。");
	/* … and the new applications alone are accepted too */
	EXPECT_NONE("全年共办理政府信息公开申请18件。");
	r = EXPECT_N("全年共办理政府信息公开申请22件，其中上年结转3件。", 1);
	expect(r, 0, "RT.1", 3,
		   "总体情况称“全年共办理政府信息公开申请22件”（含上年结转共 22 件），"
		   "但表三“一、本年新收政府信息公开申请数量”总计为 18，"
		   "与“二、上年结转政府信息公开申请数量”之和为 21（RT.1）",
		   NULL, "total", "21", "22");
	gir_report_free(r);
	/* 依申请公开办理N件 (seed 000) is the applications received */
	r = EXPECT_N("全年收到公民、法人或者其他组织获取政府信息的申请，依申请公开办理2件。", 1);
	CHECK_STR_EQ(code_of(r, 0), "RT.1");
	gir_report_free(r);
}

static void
test_rt2_rt3(void)
{
	GirReport  *r;

	r = EXPECT_N("全年收到政府信息公开申请18件。全年办结20件，结转下年度继续办理3件。", 2);
	expect(r, 0, "RT.2", 3,
		   "总体情况称“全年办结20件”（办结 20 件），但表三“（七）总计”行总计为 19（RT.2）",
		   "total_processed", "total", "19", "20");
	expect(r, 1, "RT.3", 3,
		   "总体情况称“结转下年度继续办理3件”（结转下年度 3 件），"
		   "但表三“四、结转下年度继续办理”总计为 2（RT.3）",
		   "carried_forward", "total", "2", "3");
	gir_report_free(r);
	/* 答复: RT.2; 其中按期… is a part, not the total */
	r = EXPECT_N("全年收到政府信息公开申请18件，均已依法答复18件，其中延期答复2件。", 1);
	CHECK_STR_EQ(code_of(r, 0), "RT.2");
	gir_report_free(r);
	/* outside a passage on applications, 办结 counts something else */
	EXPECT_NONE("全年办结群众诉求30件。");
	EXPECT_NONE("全年组织业务培训3次，办结督办事项20件。");
}

static void
test_rt4(void)
{
	GirReport  *r;

	r = EXPECT_N("全年新收政府信息公开申请18件，其中16件申请人为自然人，2件为法人。", 2);
	expect(r, 0, "RT.4", 3,
		   "总体情况称“其中16件申请人为自然人”（自然人申请 16 件），"
		   "但表三“一、本年新收政府信息公开申请数量”行“自然人”列为 15（RT.4）",
		   "new_received", "natural_person", "15", "16");
	expect(r, 1, "RT.4", 3,
		   "总体情况称“2件为法人”（法人或其他组织申请 2 件），"
		   "但表三“一、本年新收政府信息公开申请数量”行五类法人或其他组织之和为 3（RT.4）",
		   "new_received", "legal_total", "3", "2");
	gir_report_free(r);
	/* all applicants together is RT.1, not a breakdown */
	EXPECT_NONE("全年收到公民、法人或者其他组织提出的政府信息公开申请18件。");
	/* channels are no breakdown by applicant */
	EXPECT_NONE("全年收到政府信息公开申请18件，其中当面申请5件，网络申请13件。");
}

static void
test_rt5(void)
{
	GirReport  *r;

	/* （尚未审结） after the count: all of them are pending */
	r = EXPECT_N("2023年，本局产生关于信息公开的行政复议3次（尚未审结）；"
				 "产生关于信息公开的行政诉讼两件。", 3);
	expect(r, 0, "RT.5", 3,
		   "总体情况称“本局产生关于信息公开的行政复议3次(尚未审结)”（行政复议 3 件），"
		   "但表四“行政复议”总计为 2（RT.5）",
		   "review", "total", "2", "3");
	expect(r, 1, "RT.5", 3,
		   "总体情况称“本局产生关于信息公开的行政复议3次(尚未审结)”（行政复议尚未审结 3 件），"
		   "但表四“行政复议”“尚未审结”为 1（RT.5）",
		   "review", "pending", "1", "3");
	expect(r, 2, "RT.5", 3,
		   "总体情况称“产生关于信息公开的行政诉讼两件”（行政诉讼 2 件），"
		   "但表四“未经复议直接起诉”与“复议后起诉”的行政诉讼总计之和为 1（RT.5）",
		   NULL, "total", "1", "2");
	gir_report_free(r);
	/* 其中尚未审结 after both: all three rows */
	r = EXPECT_N("全年因政府信息公开工作被申请行政复议2件，被提起行政诉讼一件。其中尚未审结3件。", 1);
	expect(r, 0, "RT.5", 3,
		   "总体情况称“其中尚未审结3件”（尚未审结 3 件），"
		   "但表四行政复议与两类行政诉讼“尚未审结”之和为 2（RT.5）",
		   NULL, "pending", "2", "3");
	gir_report_free(r);
	/* 尚未审结 after 行政复议 alone */
	r = EXPECT_N("全年因政府信息公开工作被申请行政复议2件，其中1件维持，尚未审结2件。", 1);
	expect(r, 0, "RT.5", 3,
		   "总体情况称“尚未审结2件”（行政复议尚未审结 2 件），"
		   "但表四“行政复议”“尚未审结”为 1（RT.5）",
		   "review", "pending", "1", "2");
	gir_report_free(r);
	/* words for zero */
	r = EXPECT_N("本年度未发生因政府信息公开引起的行政复议、行政诉讼。", 2);
	CHECK_STR_EQ(message_of(r, 0),
				 "总体情况称“本年度未发生因政府信息公开引起的行政复议、行政诉讼”（行政复议 0 件），"
				 "但表四“行政复议”总计为 2（RT.5）");
	CHECK_STR_EQ(code_of(r, 1), "RT.5");
	gir_report_free(r);
	r = EXPECT_N("因政府信息公开被申请行政复议和提起行政诉讼的数量均为0。", 2);
	gir_report_free(r);
	/* a 司法局 reviewing other agencies' decisions is not table 四 */
	EXPECT_NONE("全年办理行政复议案件120件，行政应诉案件35件。");
	/* 未经复议直接起诉, outcomes: not the totals */
	EXPECT_NONE("全年因政府信息公开被提起行政诉讼1件，其中未经复议直接起诉1件，维持0件。");
}

static void
test_rt6(void)
{
	GirReport  *r;

	r = EXPECT_N("本单位2023年度共收到政府信息公开申请18件。答复情况为“同意公开”的10件，占总数的55.6%。", 1);
	expect(r, 0, "RT.6", 3,
		   "总体情况称“答复情况为“同意公开”的10件”（予以公开 10 件），"
		   "但表三“（一）予以公开”总计为 9（RT.6）",
		   "granted", "total", "9", "10");
	gir_report_free(r);
	/* other results are not 予以公开 */
	EXPECT_NONE("全年收到政府信息公开申请18件，部分公开3件，不同意公开4件，不予公开1件。");
}

/*
 * A sentence is read for claims only when it holds a unit after a number, a
 * negation, or 均 都 皆 (narrative.c, may_claim): one claim for each of
 * those characters, each of which the tables contradict.
 */
static void
test_claim_chars(void)
{
	static const struct
	{
		const char *text;
		int			warnings;
	}			cases[] = {
		{"全年共收到政府信息公开申请19件。", 1},
		{"全年共收到政府信息公开申请19次。", 1},
		{"全年共收到政府信息公开申请19宗。", 1},
		{"全年共收到政府信息公开申请19起。", 1},
		{"全年共收到政府信息公开申请十九件。", 1},
		{"本年度，本局未收到政府信息公开申请。", 1},
		{"本年度，本局没有收到政府信息公开申请。", 1},
		{"本年度，本局无政府信息公开申请。", 1},
		{"因政府信息公开被申请行政复议和提起行政诉讼的数量均为0。", 2},
		{"因政府信息公开被申请行政复议和提起行政诉讼的数量都为0。", 2},
		{"因政府信息公开被申请行政复议和提起行政诉讼的数量皆为0。", 2},
	};
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		gir_report_free(expect_n(cases[i].text, NULL, cases[i].warnings, __LINE__));
}

/* ---------- the pitfalls of report-format.md §6 ---------- */

static void
test_pitfalls(void)
{
	/* telephone numbers */
	EXPECT_NONE("公布监督电话66002814，全年共收到政府信息公开申请18件。");
	EXPECT_NONE("监督电话0571-86001234，全年收到政府信息公开申请18件。");
	/* document numbers */
	EXPECT_NONE("按照国办公开办函〔2021〕30号要求，全年收到政府信息公开申请18件。");
	/* dates */
	EXPECT_NONE("截至2023年12月31日，共收到政府信息公开申请18件。");
	EXPECT_NONE("2024年1月，本局收到政府信息公开申请18件。");
	/* URLs */
	EXPECT_NONE("全年收到政府信息公开申请的情况见http://www.example.gov.cn/ysqgk/5件。");
	/* article numbers */
	EXPECT_NONE("全年收到政府信息公开申请18件，依据《条例》第三十三条规定办结19件，"
				"均不涉及第二十条第（一）项。");
	/* percentages */
	EXPECT_NONE("全年收到政府信息公开申请18件，按时答复率100%，予以公开的占50%。");
	/* approximate values are not compared */
	EXPECT_NONE("全年收到政府信息公开申请约20件。");
	EXPECT_NONE("全年收到政府信息公开申请近30件，办结二十余件。");
	EXPECT_NONE("全年收到政府信息公开申请20件左右，办结10多件。");
	EXPECT_NONE("全年收到政府信息公开申请超过10件。");
	/* other years */
	EXPECT_NONE("全年收到政府信息公开申请18件，较上年的25件有所下降。");
	/* 一次性, 一件事 */
	EXPECT_NONE("收到政府信息公开申请后，一次性告知需要补正的事项。");
	/* other business counted in 件 */
	EXPECT_NONE("全年受理人大代表建议8件、政协提案11件，收到公开意见建议5件。");
	/* Chinese numerals are read: 两 = 2 (table: 1) */
	{
		GirReport  *r = EXPECT_N("全年收到政府信息公开申请十八件，被提起行政诉讼两件。", 1);

		CHECK_STR_EQ(code_of(r, 0), "RT.5");
		gir_report_free(r);
	}
	{
		GirReport  *r = EXPECT_N("依申请公开情况：收到政府信息公开申请数量：19件。", 1);

		CHECK_STR_EQ(code_of(r, 0), "RT.1");
		gir_report_free(r);
	}
	/* thousands separators */
	{
		GirReport  *r = EXPECT_N("全年收到政府信息公开申请1,018件。", 1);

		expect(r, 0, "RT.1", 3,
			   "总体情况称“全年收到政府信息公开申请1,018件”（收到申请 1018 件），"
			   "但表三“一、本年新收政府信息公开申请数量”总计为 18（RT.1）",
			   "new_received", "total", "18", "1018");
		gir_report_free(r);
	}
	/* the same wrong number twice is one finding */
	{
		GirReport  *r = EXPECT_N("全年收到政府信息公开申请19件。\n综上，全年收到政府信息公开申请19件。", 1);

		gir_report_free(r);
	}
}

/* A sentence wrapped over two lines (PDF layout) is read as one. */
static void
test_wrapped(void)
{
	GirReport  *r = EXPECT_N("    2023年，我局共收到政府信息公开申请18件，其中自然人申请15件，法人或其他组织\n"
							 "申请4件。全年办结19件，结转下年度继续办理2件。", 1);

	expect(r, 0, "RT.4", 4,
		   "总体情况称“法人或其他组织申请4件”（法人或其他组织申请 4 件），"
		   "但表三“一、本年新收政府信息公开申请数量”行五类法人或其他组织之和为 3（RT.4）",
		   "new_received", "legal_total", "3", "4");
	gir_report_free(r);
}

/*
 * Only a line of 20 characters or more can be a wrapped one (WRAP_CHARS):
 * counted 16 bytes at a time, so the lines here are longer than that.
 */
static void
test_wrap_threshold(void)
{
	/* 20 characters, 56 bytes: the claim goes on on the next line */
	GirReport  *r = EXPECT_N("另外其中自然人申请15件，法人或其他组织\n申请4件。", 1);

	CHECK_STR_EQ(code_of(r, 0), "RT.4");
	gir_report_free(r);
	/* 19 characters: the line ends a sentence, 申请4件 alone claims nothing */
	r = EXPECT_N("另其中自然人申请15件，法人或其他组织\n申请4件。", 0);
	gir_report_free(r);
}

/* ---------- R3.7: section 六 ---------- */

static void
test_fee_notice(void)
{
	const char *ok = "全年收到政府信息公开申请18件。";
	GirReport  *r;
	int			line;

	/* table: 2 applications closed for an unpaid fee notice */
	r = expect_n(ok, "本年度发出收费通知的件数和总金额以及实际收取的总金额均为0。", 1, __LINE__);
	line = narrative_warning(r, 0) ? narrative_warning(r, 0)->line : 0;
	CHECK(line > 60);
	{
		char		msg[512];

		snprintf(msg, sizeof(msg),
				 "第六部分称“本年度发出收费通知的件数和总金额以及实际收取的总金额均为0”（第 %d 行），"
				 "但表三“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”"
				 "行“总计”列为 2（R3.7）",
				 line);
		expect(r, 0, "R3.7", line, msg, "other.unpaid_fee", "total", "0", "2");
	}
	gir_report_free(r);
	r = expect_n(ok, "本年度未向申请人发出收费通知。", 1, __LINE__);
	gir_report_free(r);
	/* not collecting is no statement about notices */
	r = expect_n(ok, "本年度未收取信息处理费。", 0, __LINE__);
	gir_report_free(r);
	/* notices were issued */
	r = expect_n(ok, "本年度发出收费通知2件，总金额200元，实际收取0元。", 0, __LINE__);
	gir_report_free(r);
}

/* ---------- gir_narr_claim_from_warning on foreign text ---------- */

static void
test_read_back(void)
{
	GirNarrClaim claim;
	char		quote[64];

	CHECK(!gir_narr_claim_from_warning("RT.1", "随便写的", 1, &claim, quote, sizeof(quote)));
	CHECK(!gir_narr_claim_from_warning("RT.2",
									   "总体情况称“全年收到申请19件”（收到申请 19 件），但表三…（RT.1）",
									   1, &claim, quote, sizeof(quote)));
	CHECK(gir_narr_claim_from_warning("RT.1",
									  "总体情况称“全年收到申请19件”（收到申请 19 件），但表三…（RT.1）",
									  7, &claim, quote, sizeof(quote)));
	CHECK_INT_EQ(claim.target, GIR_NT_RECEIVED);
	CHECK_INT_EQ(claim.value, 19);
	CHECK_INT_EQ(claim.line, 7);
	CHECK_STR_EQ(claim.quote, "全年收到申请19件");
	/* a quote longer than the buffer is cut on a character */
	CHECK(gir_narr_claim_from_warning("RT.1",
									  "总体情况称“全年收到政府信息公开申请十九件整”（收到申请 19 件），但…",
									  0, &claim, quote, 10));
	CHECK_STR_EQ(claim.quote, "全年收");
	CHECK(!gir_fee_quote_from_warning("表三…", quote, sizeof(quote)));
}

/* ---------- the evaluation policy of §4.1 on the table side ---------- */

static void
test_blank_and_absent(void)
{
	GirReport  *r = parse_overview("全年收到政府信息公开申请18件。");
	GirNarrClaim claim = {GIR_NT_RECEIVED, 18, "全年收到政府信息公开申请18件", 3};
	GirDocFacts facts;
	GirRuleSet	set;
	GirViolations out;

	if (!CHECK(r != NULL))
		return;
	memset(&facts, 0, sizeof(facts));
	facts.claims = &claim;
	facts.nclaims = 1;
	gir_ruleset_clear(&set);
	CHECK(gir_ruleset_add(&set, "H"));
	gir_violations_init(&out, NULL);
	CHECK_INT_EQ(gir_rules_eval(r, &facts, &set, &out), 0);
	/* a blank total counts as 0, and the message says so */
	r->rows[GIR_R_NEW_RECEIVED].cells[6].state = GIR_CELL_NULL;
	CHECK_INT_EQ(gir_rules_eval(r, &facts, &set, &out), 1);
	if (out.n == 1)
	{
		CHECK_STR_EQ(out.items[0].message,
					 "总体情况称“全年收到政府信息公开申请18件”（收到申请 18 件），"
					 "但表三“一、本年新收政府信息公开申请数量”总计为 0，空白单元格按0计（RT.1）");
		CHECK_STR_EQ(out.items[0].expected, "0");
	}
	/* an absent row is not evaluated */
	out.n = 0;
	r->rows[GIR_R_NEW_RECEIVED].present = false;
	CHECK_INT_EQ(gir_rules_eval(r, &facts, &set, &out), 0);
	/* RT rules run only when selected */
	r->rows[GIR_R_NEW_RECEIVED].present = true;
	r->rows[GIR_R_NEW_RECEIVED].cells[6].state = GIR_CELL_VALUE;
	claim.value = 17;
	gir_ruleset_clear(&set);
	CHECK(gir_ruleset_add(&set, "RT.2"));
	CHECK_INT_EQ(gir_rules_eval(r, &facts, &set, &out), 0);
	CHECK(gir_ruleset_add(&set, "RT.1"));
	CHECK_INT_EQ(gir_rules_eval(r, &facts, &set, &out), 1);
	gir_ruleset_clear(&set);
	CHECK(gir_ruleset_add(&set, "D"));
	CHECK_INT_EQ(gir_rules_eval(r, &facts, &set, &out), 0);
	gir_violations_free(&out);
	gir_report_free(r);
}

/* ---------- the seeds and samples agree with themselves ---------- */

static void
test_corpus(void)
{
	static const char *const files[] = {
		"../shared/corpus/seeds/000_31b9fb97617fbda1.txt",
		"../shared/corpus/seeds/001_720a50b446d61a31.txt",
		"../shared/corpus/seeds/002_790b0b6d2a207a20.txt",
		"../shared/corpus/seeds/003_f91fd63a8d753a03.txt",
		"../shared/corpus/seeds/004_17c512892160a454.txt",
		"data/samples/01_docx_2021.txt", "data/samples/02_docx_2019.txt",
		"data/samples/03_tabrows_2021.txt", "data/samples/04_tabrows_2019.txt",
		"data/samples/05_markdown_2021.txt", "data/samples/06_markdown_2019.txt",
		"data/samples/07_html_2021.txt", "data/samples/08_html_2019_yuan.txt",
		"data/samples/09_pdflayout_2021.txt", "data/samples/10_pdflayout_2019.txt",
		"data/samples/11_docx_2019_unlabeled.txt", "data/samples/12_docx_2021_blanks.txt",
		"data/samples/13_html_2019_blanks.txt", "data/samples/14_tabrows_2021_noisy.txt",
		"data/samples/15_docx_2019_noisy.txt",
		NULL
	};
	int			i;

	for (i = 0; files[i]; i++)
	{
		size_t		len;
		char	   *text = read_file(files[i], &len);
		GirOptions	opt = gir_default_options();
		GirReport  *r = NULL;
		char		err[256];

		if (text == NULL)
		{
			/* the shared seeds are absent outside the project's machine */
			if (strncmp(files[i], "../shared/", 10) != 0)
				CHECK(text != NULL);
			continue;
		}
		if (!CHECK(gir_parse_report(text, len, &opt, &r, err, sizeof(err)) == GIR_OK))
			continue;
		if (!CHECK_INT_EQ(count_narrative(r), 0))
		{
			fprintf(stderr, "  %s\n", files[i]);
			dump_narrative(r);
		}
		gir_report_free(r);
		free(text);
	}
}

int
main(int argc, char **argv)
{
	test_agreement();
	test_rt1();
	test_rt2_rt3();
	test_rt4();
	test_rt5();
	test_rt6();
	test_claim_chars();
	test_pitfalls();
	test_wrapped();
	test_wrap_threshold();
	test_fee_notice();
	test_read_back();
	test_blank_and_absent();
	test_corpus();
	return TAP_DONE_AS(argv[0]);
}
