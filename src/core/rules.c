/*-------------------------------------------------------------------------
 * rules.c
 *	  The consistency rules of report-format.md §4: catalogue and evaluator.
 *
 * Every rule reads cells through operand(), which applies the evaluation
 * policy of §4.1 in one place: an absent row or column makes the instance
 * "not evaluated", a blank cell is 0 and marks the instance so that the
 * message can say so, and a value that is not a whole number (R0.3's
 * business) also makes the instance not evaluated.  Sums are computed in a
 * 128-bit integer where the compiler has one, so no sum of int64 cells can
 * overflow.
 *
 * Messages are Chinese sentences for the clerk who filled the table; they
 * quote the template's row and column labels and end with the rule id.
 *
 * src/core/rules.c
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gir_rules.h"

#ifdef __SIZEOF_INT128__
typedef __int128 wide;
#define WIDE_DIGITS 36			/* whole numbers of up to 36 digits fit */
#else
typedef int64_t wide;
#define WIDE_DIGITS 18
#endif

/* ---------- the catalogue ---------- */

static const GirRuleDef rule_defs[GIR_NRULES] = {
	{GIR_RULE_R0_1, "R0.1", GIR_CLASS_C, "document", true,
		"Sections one to six are each present once, in order, with canonical titles and numbering.",
	"一至六部分各出现一次、顺序正确，标题和编号符合格式。"},
	{GIR_RULE_R0_2, "R0.2", GIR_CLASS_C, "document", true,
		"The template matches the report year: the 2019 template for 2019-2020, the 2021 template from 2021.",
	"表格版式与报告年度相符：2019、2020 年度用 2019 年版，2021 年度起用 2021 年版。"},
	{GIR_RULE_R0_3, "R0.3", GIR_CLASS_D, "all", true,
		"Every count cell of tables two, three and four is a non-negative integer (the 2019 change column may be negative).",
	"表二、表三、表四中的件数均为非负整数（2019 年版“本年增/减”可为负数）。"},
	{GIR_RULE_R0_4, "R0.4", GIR_CLASS_D, "active_disclosure", true,
		"Money cells (fees amount, procurement amount) are not negative.",
	"金额（行政事业性收费、政府集中采购）不为负数。"},
	{GIR_RULE_R2_2, "R2.2", GIR_CLASS_X, "active_disclosure", true,
		"(2021 template, two consecutive years) for rules and normative documents: in force = last year's in force + issued - repealed.",
	"（2021 年版，相邻两年）规章、行政规范性文件：现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数。"},
	{GIR_RULE_R2_3, "R2.3", GIR_CLASS_H, "active_disclosure", true,
		"(2019 template) for rules and normative documents: published this year <= total published.",
	"（2019 年版）规章、规范性文件：本年新公开数量不大于对外公开总数量。"},
	{GIR_RULE_R2_4H, "R2.4h", GIR_CLASS_H, "active_disclosure", false,
		"(2019 template; off by default, select it by name) items last year + change = decisions, true only where an agency reads the columns as decision counts.",
	"（2019 年版；默认不启用，需按编号选择）上一年项目数量 + 本年增/减 = 处理决定数量，仅适用于把各列理解为决定件数的填法。"},
	{GIR_RULE_R2_5, "R2.5", GIR_CLASS_C, "active_disclosure", true,
		"(2019 template) when other external services and its sub-rows (inspection, confirmation, ...) both carry numbers, the row equals the sum of its sub-rows, per column.",
	"（2019 年版）“其他对外管理服务事项”与其分项（行政检查、行政确认等）均填有数字时，该行各列等于分项之和。"},
	{GIR_RULE_R3_1, "R3.1", GIR_CLASS_D, "requests", true,
		"Per column: new received + carried over = total processed + carried forward (the table's own note).",
	"每列：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理（表三注明的勾稽关系）。"},
	{GIR_RULE_R3_2, "R3.2", GIR_CLASS_D, "requests", true,
		"Per row: the six applicant columns add up to the total column.",
	"每行：自然人与五类法人或其他组织之和等于“总计”列。"},
	{GIR_RULE_R3_3, "R3.3", GIR_CLASS_D, "requests", true,
		"Per column: the results (granted, partially granted, denied, unable, not processed, other) add up to the total processed.",
	"每列：（一）至（六）各项办理结果之和等于（七）总计。"},
	{GIR_RULE_R3_4, "R3.4", GIR_CLASS_D, "requests", true,
		"When a report prints subtotal rows for denied, unable, not processed or other handling, each equals the sum of its items, per column.",
	"报告印有（三）（四）（五）（六）小计行时，每列小计等于其下各项之和。"},
	{GIR_RULE_R3_5, "R3.5", GIR_CLASS_D, "requests", true,
		"When a report prints a legal persons subtotal column, it equals the five legal-person columns, per row.",
	"报告印有“法人或其他组织”小计列时，每行小计等于五类法人或其他组织之和。"},
	{GIR_RULE_R3_6, "R3.6", GIR_CLASS_X, "requests", true,
		"(two consecutive years) this year's carried over equals last year's carried forward, per column.",
	"（相邻两年）每列：本年“二、上年结转”等于上年报告的“四、结转下年度继续办理”。"},
	{GIR_RULE_R3_7, "R3.7", GIR_CLASS_C, "requests", true,
		"(2021 template) when applications were closed for an unpaid fee notice, section six does not say that no fee notice was issued.",
	"（2021 年版）有“申请人逾期未按收费通知要求缴纳费用”的申请时，第六部分不应称未发出收费通知。"},
	{GIR_RULE_R4_1, "R4.1", GIR_CLASS_D, "review_litigation", true,
		"Administrative review: upheld + corrected + other + pending = total.",
	"行政复议：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计。"},
	{GIR_RULE_R4_2, "R4.2", GIR_CLASS_D, "review_litigation", true,
		"Lawsuits without prior review: upheld + corrected + other + pending = total.",
	"行政诉讼（未经复议直接起诉）：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计。"},
	{GIR_RULE_R4_3, "R4.3", GIR_CLASS_D, "review_litigation", true,
		"Lawsuits after review: upheld + corrected + other + pending = total.",
	"行政诉讼（复议后起诉）：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计。"},
	{GIR_RULE_RT_1, "RT.1", GIR_CLASS_H, "requests", true,
		"The applications section one says were received equal new received (total); where the sentence includes carried-over applications (共办理, 含上年结转), new received + carried over is accepted too.",
	"第一部分所述收到的政府信息公开申请数等于表三“一、本年新收”总计；所述含上年结转（共办理、共受理）时，也可等于“一、本年新收”与“二、上年结转”之和。"},
	{GIR_RULE_RT_2, "RT.2", GIR_CLASS_H, "requests", true,
		"The applications section one says were concluded (办结, 答复) equal the total processed.",
	"第一部分所述办结（答复）的申请数等于表三“（七）总计”。"},
	{GIR_RULE_RT_3, "RT.3", GIR_CLASS_H, "requests", true,
		"The applications section one says were carried forward to next year equal carried forward (total).",
	"第一部分所述结转下年度继续办理的申请数等于表三“四、结转下年度继续办理”总计。"},
	{GIR_RULE_RT_4, "RT.4", GIR_CLASS_H, "requests", true,
		"An applicant breakdown in section one equals new received: natural persons, and the five legal-person columns together.",
	"第一部分所述申请人构成与表三“一、本年新收”一致：自然人，以及五类法人或其他组织之和。"},
	{GIR_RULE_RT_5, "RT.5", GIR_CLASS_H, "review_litigation", true,
		"The administrative reviews and lawsuits section one mentions equal table four's totals (lawsuits: both rows), and cases it calls pending (尚未审结) equal the pending column.",
	"第一部分所述行政复议数、行政诉讼数（两类之和）等于表四总计，所述尚未审结数等于表四“尚未审结”。"},
	{GIR_RULE_RT_6, "RT.6", GIR_CLASS_H, "requests", true,
		"The applications section one says were granted (予以公开, 同意公开) equal granted (total).",
	"第一部分所述予以公开（同意公开）的申请数等于表三“（一）予以公开”总计。"},
};

const GirRuleDef *
gir_rule_def(GirRuleId rule)
{
	return &rule_defs[rule];
}

const char *
gir_class_name(GirRuleClass cls)
{
	static const char *const names[GIR_NCLASSES] = {"D", "C", "H", "X"};

	return names[cls];
}

void
gir_ruleset_clear(GirRuleSet *set)
{
	memset(set, 0, sizeof(*set));
}

/* ASCII case-insensitive equality (rule names and class letters). */
static bool
ascii_eq_ci(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
	{
		char		ca = (*a >= 'A' && *a <= 'Z') ? *a + 32 : *a;
		char		cb = (*b >= 'A' && *b <= 'Z') ? *b + 32 : *b;

		if (ca != cb)
			return false;
	}
	return *a == *b;
}

bool
gir_ruleset_add(GirRuleSet *set, const char *item)
{
	int			i;

	for (i = 0; i < GIR_NCLASSES; i++)
		if (ascii_eq_ci(item, gir_class_name(i)))
		{
			int			j;

			for (j = 0; j < GIR_NRULES; j++)
				if ((int) rule_defs[j].cls == i && rule_defs[j].default_on)
					set->on[j] = true;
			return true;
		}
	for (i = 0; i < GIR_NRULES; i++)
		if (ascii_eq_ci(item, rule_defs[i].name))
		{
			set->on[i] = true;
			return true;
		}
	return false;
}

/* ---------- fact keys ---------- */

static const char *const subtotal_keys[GIR_NSUBTOTALS] = {
	"denied", "unable", "not_processed", "other"
};

/* The group heading each subtotal row stands for, and its items. */
static const char *const subtotal_labels[GIR_NSUBTOTALS] = {
	"（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"
};
static const GirRowId subtotal_first[GIR_NSUBTOTALS] = {
	GIR_R_DENIED_STATE_SECRET, GIR_R_UNABLE_NOT_HELD, GIR_R_NP_COMPLAINT,
	GIR_R_OTHER_NO_CORRECTION
};
static const GirRowId subtotal_last[GIR_NSUBTOTALS] = {
	GIR_R_DENIED_ADMINISTRATIVE_QUERY, GIR_R_UNABLE_STILL_UNCLEAR,
	GIR_R_NP_CONFIRM_OR_REISSUE, GIR_R_OTHER_OTHER
};

const char *
gir_subtotal_key(GirSubtotal sub)
{
	return subtotal_keys[sub];
}

int
gir_subtotal_by_key(const char *key)
{
	int			i;

	for (i = 0; i < GIR_NSUBTOTALS; i++)
		if (strcmp(subtotal_keys[i], key) == 0)
			return i;
	return -1;
}

static const char *const doc_section_keys[GIR_NDOC_SECTIONS + 1] = {
	NULL, "overview", "active_disclosure", "requests", "review_litigation",
	"problems", "other_matters"
};
static const char *const doc_section_titles[GIR_NDOC_SECTIONS + 1] = {
	NULL, "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
	"政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况",
	"其他需要报告的事项"
};
static const char *const zh_numerals[GIR_NDOC_SECTIONS + 1] = {
	NULL, "一", "二", "三", "四", "五", "六"
};

const char *
gir_doc_section_key(int section)
{
	return section >= 1 && section <= GIR_NDOC_SECTIONS ?
		doc_section_keys[section] : NULL;
}

int
gir_doc_section_by_key(const char *key)
{
	int			i;

	for (i = 1; i <= GIR_NDOC_SECTIONS; i++)
		if (strcmp(doc_section_keys[i], key) == 0)
			return i;
	return -1;
}

/* ---------- numbers ---------- */

typedef enum NumKind
{
	NUM_WHOLE,					/* a whole number, in *v */
	NUM_FRACTION,				/* has a non-zero fractional part */
	NUM_TOO_LARGE,				/* whole, but more than WIDE_DIGITS digits */
	NUM_INVALID					/* not decimal text */
} NumKind;

/* Classify decimal text "-12", "5.00", "13390.0654". */
static NumKind
parse_decimal(const char *s, wide *v)
{
	bool		neg = false;
	int			ndigits = 0;
	bool		fraction = false;
	wide		acc = 0;

	if (*s == '-' || *s == '+')
		neg = (*s++ == '-');
	if (*s < '0' || *s > '9')
		return NUM_INVALID;
	while (*s == '0' && s[1] >= '0' && s[1] <= '9')
		s++;					/* leading zeros do not count as digits */
	for (; *s >= '0' && *s <= '9'; s++)
	{
		if (++ndigits <= WIDE_DIGITS)
			acc = acc * 10 + (*s - '0');
	}
	if (*s == '.')
	{
		s++;
		if (*s < '0' || *s > '9')
			return NUM_INVALID;
		for (; *s >= '0' && *s <= '9'; s++)
			if (*s != '0')
				fraction = true;
	}
	if (*s != '\0')
		return NUM_INVALID;
	if (fraction)
		return NUM_FRACTION;
	if (ndigits > WIDE_DIGITS)
		return NUM_TOO_LARGE;
	*v = neg ? -acc : acc;
	return NUM_WHOLE;
}

static void
wide_text(wide v, char *buf, size_t buflen)
{
	char		tmp[48];
	int			n = 0;
	bool		neg = v < 0;
	size_t		i;

	do
	{
		int			d = (int) (v % 10);

		tmp[n++] = (char) ('0' + (d < 0 ? -d : d));
		v /= 10;
	} while (v != 0);
	if (neg)
		tmp[n++] = '-';
	for (i = 0; i + 1 < buflen && n > 0; i++)
		buf[i] = tmp[--n];
	buf[i] = '\0';
}

bool
gir_cell_set_text(GirCell *cell, const char *num)
{
	wide		v = 0;
	NumKind		k = parse_decimal(num, &v);

	if (k == NUM_INVALID)
		return false;
	cell->state = GIR_CELL_VALUE;
	cell->num = num;
	cell->integral = (k == NUM_WHOLE && v >= INT64_MIN && v <= INT64_MAX);
	cell->ival = cell->integral ? (int64_t) v : 0;
	return true;
}

void
gir_cell_set_int(GirCell *cell, int64_t v, char *buf, size_t buflen)
{
	wide_text(v, buf, buflen);
	cell->state = GIR_CELL_VALUE;
	cell->integral = true;
	cell->ival = v;
	cell->num = buf;
}

/* The decimal text of a VALUE cell. */
static const char *
cell_text(const GirCell *c, char *buf, size_t buflen)
{
	if (c->num)
		return c->num;
	wide_text(c->ival, buf, buflen);
	return buf;
}

static bool
cell_negative(const GirCell *c)
{
	const char *s;

	if (c->integral || c->num == NULL)
		return c->ival < 0;
	if (c->num[0] != '-')
		return false;
	for (s = c->num + 1; *s; s++)
		if (*s >= '1' && *s <= '9')
			return true;		/* "-0.00" is not negative */
	return false;
}

/* ---------- operands ---------- */

/*
 * A running sum over cells with the policy of §4.1: skip records that the
 * instance cannot be evaluated, blank that a blank cell was taken as 0.
 */
typedef struct Sum
{
	wide		v;
	bool		skip;
	bool		blank;
} Sum;

/* Add sign * cell to s. */
static void
sum_cell(Sum *s, const GirCell *c, int sign)
{
	wide		v = 0;

	if (c == NULL || c->state == GIR_CELL_ABSENT)
	{
		s->skip = true;
		return;
	}
	if (c->state == GIR_CELL_NULL)
	{
		s->blank = true;
		return;
	}
	if (c->integral)
		v = c->ival;
	else if (c->num == NULL || parse_decimal(c->num, &v) != NUM_WHOLE)
	{
		s->skip = true;			/* R0.3 reports it */
		return;
	}
	s->v += sign * v;
}

static void
sum_add(Sum *s, const GirReport *r, GirRowId row, GirColId col, int sign)
{
	if (!r->rows[row].present)
	{
		s->skip = true;
		return;
	}
	sum_cell(s, gir_report_cell(r, row, col), sign);
}

/* ---------- violations ---------- */

static GirAllocator
malloc_allocator(void)
{
	GirAllocator m;

	m.alloc = NULL;
	m.release = NULL;
	m.ctx = NULL;
	return m;
}

static void *
mem_alloc(GirAllocator *m, size_t size)
{
	return m->alloc ? m->alloc(m->ctx, size) : malloc(size);
}

static void
mem_release(GirAllocator *m, void *p)
{
	if (p == NULL)
		return;
	if (m->alloc == NULL)
		free(p);
	else if (m->release)
		m->release(m->ctx, p);
}

void
gir_violations_init(GirViolations *out, const GirAllocator *mem)
{
	memset(out, 0, sizeof(*out));
	out->mem = mem ? *mem : malloc_allocator();
}

void
gir_violations_free(GirViolations *out)
{
	mem_release(&out->mem, out->items);
	out->items = NULL;
	out->n = out->cap = 0;
}

/* Evaluation state of one call. */
typedef struct Eval
{
	const GirReport *r;
	GirTemplate tpl;			/* r->tpl, or inferred from the rows */
	GirViolations *out;
	int			added;
} Eval;

/*
 * Append a violation; the message is fmt plus, when blank, a note that
 * blanks were taken as 0, plus the rule id.  NULL when out of memory.
 */
static GirViolation *
add_violation(Eval *ev, GirRuleId rule, const char *row, const char *col,
			  bool blank, const char *fmt,...)
	__attribute__((format(printf, 6, 7)));

static GirViolation *
add_violation(Eval *ev, GirRuleId rule, const char *row, const char *col,
			  bool blank, const char *fmt,...)
{
	GirViolations *out = ev->out;
	GirViolation *v;
	va_list		ap;
	size_t		len;

	if (out->oom)
		return NULL;
	if (out->n == out->cap)
	{
		int			cap = out->cap ? out->cap * 2 : 16;
		GirViolation *items = mem_alloc(&out->mem, cap * sizeof(GirViolation));

		if (items == NULL)
		{
			out->oom = true;
			return NULL;
		}
		if (out->n)
			memcpy(items, out->items, out->n * sizeof(GirViolation));
		mem_release(&out->mem, out->items);
		out->items = items;
		out->cap = cap;
	}
	v = &out->items[out->n++];
	ev->added++;
	memset(v, 0, offsetof(GirViolation, message) + 1);
	v->rule = rule;
	v->row = row;
	v->col = col;

	va_start(ap, fmt);
	vsnprintf(v->message, sizeof(v->message), fmt, ap);
	va_end(ap);
	len = strlen(v->message);
	snprintf(v->message + len, sizeof(v->message) - len, "%s（%s）",
			 blank ? "，空白单元格按0计" : "", rule_defs[rule].name);
	return v;
}

static void
set_expected(GirViolation *v, wide x)
{
	if (v)
	{
		v->has_expected = true;
		wide_text(x, v->expected, sizeof(v->expected));
	}
}

static void
set_actual(GirViolation *v, wide x)
{
	if (v)
	{
		v->has_actual = true;
		wide_text(x, v->actual, sizeof(v->actual));
	}
}

static void
set_actual_text(GirViolation *v, const char *s)
{
	if (v)
	{
		v->has_actual = true;
		snprintf(v->actual, sizeof(v->actual), "%s", s);
	}
}

/* ---------- labels ---------- */

static const char *
table_name(GirSection sec)
{
	return sec == GIR_SEC_ACTIVE ? "表二" : sec == GIR_SEC_REQUESTS ? "表三" : "表四";
}

/* The row label as the report's template prints it. */
static const char *
row_label(const Eval *ev, GirRowId row)
{
	if (row == GIR_R_NORMATIVE_DOCS && ev->tpl == GIR_TPL_2019)
		return "规范性文件";
	return gir_row_def(row)->label_zh;
}

static const char *
col_label(GirColId col)
{
	if (col == GIR_C_DECISIONS)
		return "处理决定数量";	/* "本年处理决定数量" in T2021 */
	return gir_col_def(col)->label_zh;
}

/* A table-二 column label as the template prints it in that row's block. */
static const char *
cell_col_label(GirRowId row, GirColId col)
{
	if (col == GIR_C_AMOUNT)
		return row == GIR_R_PROCUREMENT ? "采购总金额" : "本年收费金额（单位：万元）";
	return col_label(col);
}

/* ---------- single-report rules ---------- */

static const GirColId applicant_cols[7] = {
	GIR_C_NATURAL_PERSON, GIR_C_BUSINESS, GIR_C_RESEARCH, GIR_C_NONPROFIT,
	GIR_C_LEGAL_SERVICE, GIR_C_OTHER_ORG, GIR_C_TOTAL
};
static const GirColId outcome_parts[4] = {
	GIR_C_UPHELD, GIR_C_CORRECTED, GIR_C_OTHER, GIR_C_PENDING
};

/* Template for the table-三 （六） rows: stated, else by what is present. */
static GirTemplate
effective_template(const GirReport *r)
{
	if (r->tpl != GIR_TPL_UNKNOWN)
		return r->tpl;
	if (r->rows[GIR_R_OTHER].present &&
		!r->rows[GIR_R_OTHER_NO_CORRECTION].present &&
		!r->rows[GIR_R_OTHER_UNPAID_FEE].present &&
		!r->rows[GIR_R_OTHER_OTHER].present)
		return GIR_TPL_2019;
	return GIR_TPL_UNKNOWN;
}

/* R0.1: the six sections. */
static void
rule_sections(Eval *ev, const GirDocFacts *f)
{
	int			count[GIR_NDOC_SECTIONS + 1] = {0};
	int			first[GIR_NDOC_SECTIONS + 1] = {0};
	int			maxsec = 0;
	int			i;
	GirViolation *v;

	for (i = 0; i < f->nsection_hits && i < GIR_MAX_SECTION_HITS; i++)
	{
		int			s = f->section_hits[i].section;

		if (s < 1 || s > GIR_NDOC_SECTIONS)
			continue;
		if (count[s]++ == 0)
			first[s] = i;
	}
	/* titles out of order, by first occurrence in document order */
	for (i = 0; i < f->nsection_hits && i < GIR_MAX_SECTION_HITS; i++)
	{
		const GirSectionHit *h = &f->section_hits[i];

		if (h->section < 1 || h->section > GIR_NDOC_SECTIONS ||
			first[h->section] != i)
			continue;
		if (h->section < maxsec)
		{
			char		where[32] = "";

			if (h->line > 0)
				snprintf(where, sizeof(where), "（第 %d 行）", h->line);
			add_violation(ev, GIR_RULE_R0_1, doc_section_keys[h->section], NULL,
						  false, "第%s部分“%s”%s排在第%s部分之后",
						  zh_numerals[h->section],
						  doc_section_titles[h->section],
						  where, zh_numerals[maxsec]);
		}
		else
			maxsec = h->section;
	}
	for (i = 1; i <= GIR_NDOC_SECTIONS; i++)
	{
		const GirSectionHit *h;
		char		canon[16];

		if (count[i] == 0)
		{
			v = add_violation(ev, GIR_RULE_R0_1, doc_section_keys[i], NULL,
							  false, "未找到第%s部分“%s”",
							  zh_numerals[i], doc_section_titles[i]);
			set_expected(v, 1);
			set_actual(v, 0);
			continue;
		}
		if (count[i] > 1)
		{
			v = add_violation(ev, GIR_RULE_R0_1, doc_section_keys[i], NULL,
							  false, "第%s部分“%s”的标题出现 %d 次",
							  zh_numerals[i], doc_section_titles[i], count[i]);
			set_expected(v, 1);
			set_actual(v, count[i]);
		}
		h = &f->section_hits[first[i]];
		snprintf(canon, sizeof(canon), "%s、", zh_numerals[i]);
		if (h->numbering && strcmp(h->numbering, canon) != 0)
		{
			char		where[32] = "";

			if (h->line > 0)
				snprintf(where, sizeof(where), "（第 %d 行）", h->line);
			if (h->numbering[0] == '\0')
				add_violation(ev, GIR_RULE_R0_1, doc_section_keys[i], NULL,
							  false, "第%s部分“%s”的标题没有编号，应为“%s”%s",
							  zh_numerals[i], doc_section_titles[i], canon,
							  where);
			else
				add_violation(ev, GIR_RULE_R0_1, doc_section_keys[i], NULL,
							  false, "第%s部分“%s”的编号写作“%s”，应为“%s”%s",
							  zh_numerals[i], doc_section_titles[i],
							  h->numbering, canon, where);
		}
	}
}

/* R0.2: template and year. */
static void
rule_template_year(Eval *ev)
{
	const GirReport *r = ev->r;
	int			want;
	int			have;
	GirViolation *v;

	if (r->tpl == GIR_TPL_UNKNOWN || r->year <= 0)
		return;
	have = r->tpl == GIR_TPL_2019 ? 2019 : 2021;
	want = r->year >= 2021 ? 2021 : r->year >= 2019 ? 2019 : 0;
	if (want == have)
		return;
	if (want == 0)
		v = add_violation(ev, GIR_RULE_R0_2, NULL, NULL, false,
						  "报告年度为 %d 年，早于 2019 年版表格的施行，但表格按 %d 年版填写",
						  r->year, have);
	else
		v = add_violation(ev, GIR_RULE_R0_2, NULL, NULL, false,
						  "报告年度为 %d 年，应使用 %d 年版表格（%s），但表格按 %d 年版填写",
						  r->year, want,
						  want == 2019 ? "国办公开办函〔2019〕60号" : "国办公开办函〔2021〕30号",
						  have);
	if (want)
		set_expected(v, want);
	set_actual(v, have);
}

/* R0.3 and R0.4: every cell of every present row. */
static void
rule_cells(Eval *ev, bool counts, bool money)
{
	const GirReport *r = ev->r;
	int			row;

	for (row = 0; row < GIR_NROWS; row++)
	{
		const GirColId *cols;
		int			n;
		int			i;

		if (!r->rows[row].present)
			continue;
		n = gir_row_columns(row, r->tpl, &cols);
		for (i = 0; i < n; i++)
		{
			const GirCell *c = &r->rows[row].cells[i];
			const GirColDef *cd = gir_col_def(cols[i]);
			const char *where_t = table_name(gir_row_def(row)->section);
			char		buf[GIR_NUM_MAX];
			const char *text;
			GirViolation *v = NULL;
			wide		x = 0;
			NumKind		k;

			if (c->state != GIR_CELL_VALUE)
				continue;
			text = cell_text(c, buf, sizeof(buf));
			if (cd->money)
			{
				if (money && cell_negative(c))
					v = add_violation(ev, GIR_RULE_R0_4, gir_row_def(row)->key,
									  cd->key, false,
									  "%s“%s”行“%s”列：%s 为负数",
									  where_t, row_label(ev, row),
									  cell_col_label(row, cols[i]), text);
				set_actual_text(v, text);
				continue;
			}
			if (!counts)
				continue;
			k = c->integral ? NUM_WHOLE : parse_decimal(text, &x);
			if (c->integral)
				x = c->ival;
			if (k == NUM_WHOLE && (x >= 0 || cd->signed_count))
				continue;
			if (k == NUM_TOO_LARGE)
				v = add_violation(ev, GIR_RULE_R0_3, gir_row_def(row)->key,
								  cd->key, false,
								  "%s“%s”行“%s”列：%s 位数过多，不是可核对的件数",
								  where_t, row_label(ev, row),
								  col_label(cols[i]), text);
			else
				v = add_violation(ev, GIR_RULE_R0_3, gir_row_def(row)->key,
								  cd->key, false,
								  "%s“%s”行“%s”列：%s 不是%s整数",
								  where_t, row_label(ev, row),
								  col_label(cols[i]), text,
								  cd->signed_count ? "" : "非负");
			set_actual_text(v, text);
		}
	}
}

/* R2.3 (T2019): published <= total_published. */
static void
rule_published(Eval *ev)
{
	static const GirRowId rows[2] = {GIR_R_RULES, GIR_R_NORMATIVE_DOCS};
	int			i;

	if (ev->tpl != GIR_TPL_2019)
		return;
	for (i = 0; i < 2; i++)
	{
		Sum			part = {0};
		Sum			whole = {0};
		GirViolation *v;

		sum_add(&part, ev->r, rows[i], GIR_C_PUBLISHED, 1);
		sum_add(&whole, ev->r, rows[i], GIR_C_TOTAL_PUBLISHED, 1);
		if (part.skip || whole.skip || part.v <= whole.v)
			continue;
		{
			char		a[GIR_NUM_MAX];
			char		b[GIR_NUM_MAX];

			wide_text(part.v, a, sizeof(a));
			wide_text(whole.v, b, sizeof(b));
			v = add_violation(ev, GIR_RULE_R2_3, gir_row_def(rows[i])->key,
							  "total_published", part.blank || whole.blank,
							  "表二“%s”行：本年新公开数量 %s 大于对外公开总数量 %s",
							  row_label(ev, rows[i]), a, b);
		}
		set_expected(v, part.v);
		set_actual(v, whole.v);
	}
}

/* R2.4h (T2019, off by default): prev_items + change = decisions. */
static void
rule_items(Eval *ev)
{
	static const GirRowId rows[] = {
		GIR_R_LICENSING, GIR_R_OTHER_SERVICES, GIR_R_OS_INSPECTION,
		GIR_R_OS_CONFIRMATION, GIR_R_OS_REWARD, GIR_R_OS_ADJUDICATION,
		GIR_R_OS_BENEFIT, GIR_R_PENALTY, GIR_R_COERCION
	};
	size_t		i;

	if (ev->tpl != GIR_TPL_2019)
		return;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
	{
		Sum			parts = {0};
		Sum			total = {0};
		GirViolation *v;
		char		a[GIR_NUM_MAX];
		char		b[GIR_NUM_MAX];

		if (!ev->r->rows[rows[i]].present)
			continue;
		sum_add(&parts, ev->r, rows[i], GIR_C_PREV_ITEMS, 1);
		sum_add(&parts, ev->r, rows[i], GIR_C_CHANGE, 1);
		sum_add(&total, ev->r, rows[i], GIR_C_DECISIONS, 1);
		if (parts.skip || total.skip || parts.v == total.v)
			continue;
		wide_text(parts.v, a, sizeof(a));
		wide_text(total.v, b, sizeof(b));
		v = add_violation(ev, GIR_RULE_R2_4H, gir_row_def(rows[i])->key,
						  "decisions", parts.blank || total.blank,
						  "表二“%s”行：上一年项目数量 + 本年增/减 = %s，但处理决定数量 = %s",
						  row_label(ev, rows[i]), a, b);
		set_expected(v, parts.v);
		set_actual(v, total.v);
	}
}

static bool
row_has_value(const GirRow *row)
{
	int			i;

	if (!row->present)
		return false;
	for (i = 0; i < GIR_MAX_CELLS; i++)
		if (row->cells[i].state == GIR_CELL_VALUE)
			return true;
	return false;
}

/* R2.5 (T2019): other_services = Σ its sub-rows. */
static void
rule_other_services(Eval *ev)
{
	static const GirColId cols[3] = {GIR_C_PREV_ITEMS, GIR_C_CHANGE, GIR_C_DECISIONS};
	const GirReport *r = ev->r;
	bool		any_sub = false;
	int			row;
	int			i;

	if (ev->tpl != GIR_TPL_2019 || !row_has_value(&r->rows[GIR_R_OTHER_SERVICES]))
		return;
	for (row = GIR_R_OS_INSPECTION; row <= GIR_R_OS_BENEFIT; row++)
		any_sub |= row_has_value(&r->rows[row]);
	if (!any_sub)
		return;
	for (i = 0; i < 3; i++)
	{
		Sum			parts = {0};
		Sum			total = {0};
		GirViolation *v;
		char		a[GIR_NUM_MAX];
		char		b[GIR_NUM_MAX];

		for (row = GIR_R_OS_INSPECTION; row <= GIR_R_OS_BENEFIT; row++)
			if (r->rows[row].present)
				sum_add(&parts, r, row, cols[i], 1);
		sum_add(&total, r, GIR_R_OTHER_SERVICES, cols[i], 1);
		if (parts.skip || total.skip || parts.v == total.v)
			continue;
		wide_text(parts.v, a, sizeof(a));
		wide_text(total.v, b, sizeof(b));
		v = add_violation(ev, GIR_RULE_R2_5, "other_services",
						  gir_col_def(cols[i])->key, parts.blank || total.blank,
						  "表二“其他对外管理服务事项”行“%s”列：各分项（行政检查、行政确认等）之和 = %s，但该行填写 %s",
						  col_label(cols[i]), a, b);
		set_expected(v, parts.v);
		set_actual(v, total.v);
	}
}

/* R3.1: 一 + 二 = （七） + 四, per column. */
static void
rule_balance(Eval *ev)
{
	int			i;

	for (i = 0; i < 7; i++)
	{
		Sum			in = {0};
		Sum			out = {0};
		GirViolation *v;
		char		a[GIR_NUM_MAX];
		char		b[GIR_NUM_MAX];

		sum_add(&in, ev->r, GIR_R_NEW_RECEIVED, applicant_cols[i], 1);
		sum_add(&in, ev->r, GIR_R_CARRIED_OVER, applicant_cols[i], 1);
		sum_add(&out, ev->r, GIR_R_TOTAL_PROCESSED, applicant_cols[i], 1);
		sum_add(&out, ev->r, GIR_R_CARRIED_FORWARD, applicant_cols[i], 1);
		if (in.skip || out.skip || in.v == out.v)
			continue;
		wide_text(in.v, a, sizeof(a));
		wide_text(out.v, b, sizeof(b));
		v = add_violation(ev, GIR_RULE_R3_1, NULL,
						  gir_col_def(applicant_cols[i])->key,
						  in.blank || out.blank,
						  "表三“%s”列：一+二 = %s，但（七）总计+四 = %s",
						  col_label(applicant_cols[i]), a, b);
		set_expected(v, in.v);
		set_actual(v, out.v);
	}
}

/* R3.2: six applicant columns = 总计, per row. */
static void
rule_row_totals(Eval *ev)
{
	int			row;

	for (row = GIR_R_NEW_RECEIVED; row <= GIR_R_CARRIED_FORWARD; row++)
	{
		Sum			parts = {0};
		Sum			total = {0};
		GirViolation *v;
		char		a[GIR_NUM_MAX];
		char		b[GIR_NUM_MAX];
		int			i;

		if (!ev->r->rows[row].present)
			continue;
		for (i = 0; i < 6; i++)
			sum_add(&parts, ev->r, row, applicant_cols[i], 1);
		sum_add(&total, ev->r, row, GIR_C_TOTAL, 1);
		if (parts.skip || total.skip || parts.v == total.v)
			continue;
		wide_text(parts.v, a, sizeof(a));
		wide_text(total.v, b, sizeof(b));
		v = add_violation(ev, GIR_RULE_R3_2, gir_row_def(row)->key, "total",
						  parts.blank || total.blank,
						  "表三“%s”行：六类申请人之和 = %s，但“总计”列 = %s",
						  row_label(ev, row), a, b);
		set_expected(v, parts.v);
		set_actual(v, total.v);
	}
}

/* R3.3: the result leaves = （七）总计, per column. */
static void
rule_results(Eval *ev)
{
	GirTemplate tpl = effective_template(ev->r);
	int			i;

	for (i = 0; i < 7; i++)
	{
		Sum			parts = {0};
		Sum			total = {0};
		GirViolation *v;
		char		a[GIR_NUM_MAX];
		char		b[GIR_NUM_MAX];
		int			row;

		for (row = GIR_R_GRANTED; row <= GIR_R_NP_CONFIRM_OR_REISSUE; row++)
			sum_add(&parts, ev->r, row, applicant_cols[i], 1);
		if (tpl == GIR_TPL_2019)
			sum_add(&parts, ev->r, GIR_R_OTHER, applicant_cols[i], 1);
		else
			for (row = GIR_R_OTHER_NO_CORRECTION; row <= GIR_R_OTHER_OTHER; row++)
				sum_add(&parts, ev->r, row, applicant_cols[i], 1);
		sum_add(&total, ev->r, GIR_R_TOTAL_PROCESSED, applicant_cols[i], 1);
		if (parts.skip || total.skip || parts.v == total.v)
			continue;
		wide_text(parts.v, a, sizeof(a));
		wide_text(total.v, b, sizeof(b));
		v = add_violation(ev, GIR_RULE_R3_3, "total_processed",
						  gir_col_def(applicant_cols[i])->key,
						  parts.blank || total.blank,
						  "表三“%s”列：（一）至（六）各项办理结果之和 = %s，但（七）总计 = %s",
						  col_label(applicant_cols[i]), a, b);
		set_expected(v, parts.v);
		set_actual(v, total.v);
	}
}

/* R3.4: printed subtotal rows = Σ their items, per column. */
static void
rule_subtotal_rows(Eval *ev, const GirDocFacts *f)
{
	int			g;

	for (g = 0; g < GIR_NSUBTOTALS; g++)
	{
		const GirRow *sub = &f->subtotals[g];
		int			i;

		if (!sub->present)
			continue;
		/* in T2019 （六）其他处理 is itself a leaf: nothing to add up */
		if (g == GIR_SUB_OTHER && effective_template(ev->r) == GIR_TPL_2019)
			continue;
		for (i = 0; i < 7; i++)
		{
			Sum			parts = {0};
			Sum			total = {0};
			GirViolation *v;
			char		a[GIR_NUM_MAX];
			char		b[GIR_NUM_MAX];
			int			row;

			for (row = subtotal_first[g]; row <= (int) subtotal_last[g]; row++)
				sum_add(&parts, ev->r, row, applicant_cols[i], 1);
			sum_cell(&total, &sub->cells[i], 1);
			if (parts.skip || total.skip || parts.v == total.v)
				continue;
			wide_text(parts.v, a, sizeof(a));
			wide_text(total.v, b, sizeof(b));
			v = add_violation(ev, GIR_RULE_R3_4, subtotal_keys[g],
							  gir_col_def(applicant_cols[i])->key,
							  parts.blank || total.blank,
							  "表三“%s”列：“%s”下各项之和 = %s，但小计行 = %s",
							  col_label(applicant_cols[i]), subtotal_labels[g],
							  a, b);
			set_expected(v, parts.v);
			set_actual(v, total.v);
		}
	}
}

/* R3.5: a printed 法人或其他组织 subtotal column, per row. */
static void
rule_subtotal_column(Eval *ev, const GirDocFacts *f)
{
	int			row;

	if (!f->legal_subtotal_known)
		return;
	for (row = GIR_R_NEW_RECEIVED; row <= GIR_R_CARRIED_FORWARD; row++)
	{
		Sum			parts = {0};
		Sum			total = {0};
		GirViolation *v;
		char		a[GIR_NUM_MAX];
		char		b[GIR_NUM_MAX];
		int			i;

		if (!ev->r->rows[row].present ||
			f->legal_subtotal[row].state == GIR_CELL_ABSENT)
			continue;
		for (i = 1; i < 6; i++)
			sum_add(&parts, ev->r, row, applicant_cols[i], 1);
		sum_cell(&total, &f->legal_subtotal[row], 1);
		if (parts.skip || total.skip || parts.v == total.v)
			continue;
		wide_text(parts.v, a, sizeof(a));
		wide_text(total.v, b, sizeof(b));
		v = add_violation(ev, GIR_RULE_R3_5, gir_row_def(row)->key,
						  "legal_total", parts.blank || total.blank,
						  "表三“%s”行：商业企业至其他五类法人或其他组织之和 = %s，但“法人或其他组织”小计列 = %s",
						  row_label(ev, row), a, b);
		set_expected(v, parts.v);
		set_actual(v, total.v);
	}
}

/* R3.7: unpaid fee notices, while section 六 says none was issued. */
#define FEE_HEAD	"第六部分称“"

static void
rule_fee_notice(Eval *ev, const GirDocFacts *f)
{
	Sum			n = {0};
	GirViolation *v;
	char		a[GIR_NUM_MAX];
	char		where[32] = "";

	if (f->fee_notice != GIR_FEE_NONE_ISSUED)
		return;
	sum_add(&n, ev->r, GIR_R_OTHER_UNPAID_FEE, GIR_C_TOTAL, 1);
	if (n.skip || n.v <= 0)
		return;
	wide_text(n.v, a, sizeof(a));
	if (f->fee_notice_line > 0)
		snprintf(where, sizeof(where), "（第 %d 行）", f->fee_notice_line);
	if (f->fee_notice_quote)
		v = add_violation(ev, GIR_RULE_R3_7, "other.unpaid_fee", "total", false,
						  "%s%s”%s，但表三“%s”行“总计”列为 %s",
						  FEE_HEAD, f->fee_notice_quote, where,
						  row_label(ev, GIR_R_OTHER_UNPAID_FEE), a);
	else
		v = add_violation(ev, GIR_RULE_R3_7, "other.unpaid_fee", "total", false,
						  "表三“%s”行“总计”列为 %s，但第六部分称未发出收费通知%s",
						  row_label(ev, GIR_R_OTHER_UNPAID_FEE), a, where);
	set_expected(v, 0);
	set_actual(v, n.v);
}

/* ---------- RT.1-RT.6: section 一 against the tables ---------- */

/*
 * Each target: its rule, the cell reported as row/col (row NULL when the
 * table side adds up several rows), how the message reads the text's
 * number, and how it names the table side.  The parser's warnings carry
 * these messages, and gir_narr_claim_from_warning() reads them back, so
 * the wording below is part of the round trip: change both together.
 */
typedef struct NarrDef
{
	GirRuleId	rule;
	const char *row;
	const char *col;
	const char *what;
	const char *table;
} NarrDef;

#define NARR_HEAD	"总体情况称“"

static const NarrDef narr_defs[GIR_NNARR_TARGETS] = {
	[GIR_NT_RECEIVED] = {GIR_RULE_RT_1, "new_received", "total", "收到申请",
	"表三“一、本年新收政府信息公开申请数量”总计为"},
	[GIR_NT_RECEIVED_ALL] = {GIR_RULE_RT_1, NULL, "total", "含上年结转共",
	"表三“一、本年新收政府信息公开申请数量”总计为"},
	[GIR_NT_PROCESSED] = {GIR_RULE_RT_2, "total_processed", "total", "办结",
	"表三“（七）总计”行总计为"},
	[GIR_NT_CARRIED_FORWARD] = {GIR_RULE_RT_3, "carried_forward", "total", "结转下年度",
	"表三“四、结转下年度继续办理”总计为"},
	[GIR_NT_NATURAL] = {GIR_RULE_RT_4, "new_received", "natural_person", "自然人申请",
	"表三“一、本年新收政府信息公开申请数量”行“自然人”列为"},
	[GIR_NT_LEGAL] = {GIR_RULE_RT_4, "new_received", "legal_total", "法人或其他组织申请",
	"表三“一、本年新收政府信息公开申请数量”行五类法人或其他组织之和为"},
	[GIR_NT_REVIEW] = {GIR_RULE_RT_5, "review", "total", "行政复议",
	"表四“行政复议”总计为"},
	[GIR_NT_SUIT] = {GIR_RULE_RT_5, NULL, "total", "行政诉讼",
	"表四“未经复议直接起诉”与“复议后起诉”的行政诉讼总计之和为"},
	[GIR_NT_REVIEW_PENDING] = {GIR_RULE_RT_5, "review", "pending", "行政复议尚未审结",
	"表四“行政复议”“尚未审结”为"},
	[GIR_NT_SUIT_PENDING] = {GIR_RULE_RT_5, NULL, "pending", "行政诉讼尚未审结",
	"表四两类行政诉讼“尚未审结”之和为"},
	[GIR_NT_PENDING] = {GIR_RULE_RT_5, NULL, "pending", "尚未审结",
	"表四行政复议与两类行政诉讼“尚未审结”之和为"},
	[GIR_NT_GRANTED] = {GIR_RULE_RT_6, "granted", "total", "予以公开",
	"表三“（一）予以公开”总计为"},
};

/* The table side of a target, under the evaluation policy of §4.1. */
static void
narr_table_sum(const GirReport *r, GirNarrTarget t, Sum *s)
{
	int			i;

	switch (t)
	{
		case GIR_NT_RECEIVED:
			sum_add(s, r, GIR_R_NEW_RECEIVED, GIR_C_TOTAL, 1);
			break;
		case GIR_NT_RECEIVED_ALL:
			sum_add(s, r, GIR_R_NEW_RECEIVED, GIR_C_TOTAL, 1);
			sum_add(s, r, GIR_R_CARRIED_OVER, GIR_C_TOTAL, 1);
			break;
		case GIR_NT_PROCESSED:
			sum_add(s, r, GIR_R_TOTAL_PROCESSED, GIR_C_TOTAL, 1);
			break;
		case GIR_NT_CARRIED_FORWARD:
			sum_add(s, r, GIR_R_CARRIED_FORWARD, GIR_C_TOTAL, 1);
			break;
		case GIR_NT_NATURAL:
			sum_add(s, r, GIR_R_NEW_RECEIVED, GIR_C_NATURAL_PERSON, 1);
			break;
		case GIR_NT_LEGAL:
			for (i = 1; i < 6; i++)
				sum_add(s, r, GIR_R_NEW_RECEIVED, applicant_cols[i], 1);
			break;
		case GIR_NT_REVIEW:
			sum_add(s, r, GIR_R_REVIEW, GIR_C_TOTAL, 1);
			break;
		case GIR_NT_SUIT:
			sum_add(s, r, GIR_R_SUIT_DIRECT, GIR_C_TOTAL, 1);
			sum_add(s, r, GIR_R_SUIT_AFTER_REVIEW, GIR_C_TOTAL, 1);
			break;
		case GIR_NT_REVIEW_PENDING:
			sum_add(s, r, GIR_R_REVIEW, GIR_C_PENDING, 1);
			break;
		case GIR_NT_SUIT_PENDING:
			sum_add(s, r, GIR_R_SUIT_DIRECT, GIR_C_PENDING, 1);
			sum_add(s, r, GIR_R_SUIT_AFTER_REVIEW, GIR_C_PENDING, 1);
			break;
		case GIR_NT_PENDING:
			sum_add(s, r, GIR_R_REVIEW, GIR_C_PENDING, 1);
			sum_add(s, r, GIR_R_SUIT_DIRECT, GIR_C_PENDING, 1);
			sum_add(s, r, GIR_R_SUIT_AFTER_REVIEW, GIR_C_PENDING, 1);
			break;
		case GIR_NT_GRANTED:
			sum_add(s, r, GIR_R_GRANTED, GIR_C_TOTAL, 1);
			break;
		default:
			s->skip = true;
	}
}

/* RT.1-RT.6: each count section 一 states against its table cells. */
static void
rule_narrative(Eval *ev, const GirDocFacts *f, const bool *on)
{
	int			i;

	for (i = 0; i < f->nclaims; i++)
	{
		const GirNarrClaim *c = &f->claims[i];
		const NarrDef *d;
		Sum			table = {0};
		Sum			fresh = {0};
		GirViolation *v;
		char		a[GIR_NUM_MAX];
		char		b[GIR_NUM_MAX];

		if ((int) c->target < 0 || c->target >= GIR_NNARR_TARGETS || c->value < 0)
			continue;
		d = &narr_defs[c->target];
		if (!on[d->rule])
			continue;
		narr_table_sum(ev->r, c->target, &table);
		if (table.skip || table.v == c->value)
			continue;
		wide_text(c->value, a, sizeof(a));
		wide_text(table.v, b, sizeof(b));
		if (c->target == GIR_NT_RECEIVED_ALL)
		{
			char		n[GIR_NUM_MAX];

			/* the new applications alone are accepted too */
			sum_add(&fresh, ev->r, GIR_R_NEW_RECEIVED, GIR_C_TOTAL, 1);
			if (fresh.v == c->value)
				continue;
			wide_text(fresh.v, n, sizeof(n));
			v = add_violation(ev, d->rule, d->row, d->col, table.blank,
							  "%s%s”（%s %s 件），但%s %s，与“二、上年结转政府信息公开申请数量”之和为 %s",
							  NARR_HEAD, c->quote ? c->quote : "", d->what, a,
							  d->table, n, b);
		}
		else
			v = add_violation(ev, d->rule, d->row, d->col, table.blank,
							  "%s%s”（%s %s 件），但%s %s",
							  NARR_HEAD, c->quote ? c->quote : "", d->what, a,
							  d->table, b);
		set_expected(v, table.v);
		set_actual(v, c->value);
	}
}

/* Copy s[0..len) into buf, cut on a whole UTF-8 character. */
static void
copy_text(char *buf, size_t buflen, const char *s, size_t len)
{
	if (buflen == 0)
		return;
	if (len >= buflen)
	{
		len = buflen - 1;
		while (len > 0 && ((unsigned char) s[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(buf, s, len);
	buf[len] = '\0';
}

/* The last occurrence of needle in s, or NULL. */
static const char *
last_strstr(const char *s, const char *needle)
{
	const char *last = NULL;
	const char *p = s;

	while ((p = strstr(p, needle)) != NULL)
		last = p++;
	return last;
}

bool
gir_narr_claim_from_warning(const char *code, const char *message, int line,
							GirNarrClaim *claim, char *quotebuf,
							size_t quotebuflen)
{
	const size_t headlen = strlen(NARR_HEAD);
	const char *best = NULL;
	int			best_t = -1;
	int			t;
	const char *p;
	int64_t		v = 0;
	int			ndigits = 0;

	if (code == NULL || message == NULL || strncmp(message, NARR_HEAD, headlen) != 0)
		return false;
	for (t = 0; t < GIR_NNARR_TARGETS; t++)
	{
		char		key[96];
		const char *hit;

		if (strcmp(code, rule_defs[narr_defs[t].rule].name) != 0)
			continue;
		snprintf(key, sizeof(key), "”（%s ", narr_defs[t].what);
		hit = last_strstr(message + headlen, key);
		if (hit && (best == NULL || hit > best))
		{
			best = hit;
			best_t = t;
		}
	}
	if (best == NULL)
		return false;
	p = best + strlen("”（") + strlen(narr_defs[best_t].what) + 1;
	for (; *p >= '0' && *p <= '9'; p++)
	{
		if (++ndigits > 18)
			return false;
		v = v * 10 + (*p - '0');
	}
	if (ndigits == 0 || strncmp(p, " 件）", strlen(" 件）")) != 0)
		return false;
	copy_text(quotebuf, quotebuflen, message + headlen, best - (message + headlen));
	claim->target = (GirNarrTarget) best_t;
	claim->value = v;
	claim->quote = quotebuf;
	claim->line = line;
	return true;
}

bool
gir_fee_quote_from_warning(const char *message, char *quotebuf,
						   size_t quotebuflen)
{
	const size_t headlen = strlen(FEE_HEAD);
	const char *end;

	if (message == NULL || strncmp(message, FEE_HEAD, headlen) != 0)
		return false;
	end = last_strstr(message + headlen, "”（第 ");
	if (end == NULL)
		end = last_strstr(message + headlen, "”，但表三");
	if (end == NULL)
		return false;
	copy_text(quotebuf, quotebuflen, message + headlen, end - (message + headlen));
	return true;
}

/* R4.1-R4.3: the four outcomes = 总计. */
static void
rule_outcomes(Eval *ev, GirRuleId rule, GirRowId row)
{
	Sum			parts = {0};
	Sum			total = {0};
	GirViolation *v;
	char		a[GIR_NUM_MAX];
	char		b[GIR_NUM_MAX];
	int			i;

	if (!ev->r->rows[row].present)
		return;
	for (i = 0; i < 4; i++)
		sum_add(&parts, ev->r, row, outcome_parts[i], 1);
	sum_add(&total, ev->r, row, GIR_C_TOTAL, 1);
	if (parts.skip || total.skip || parts.v == total.v)
		return;
	wide_text(parts.v, a, sizeof(a));
	wide_text(total.v, b, sizeof(b));
	v = add_violation(ev, rule, gir_row_def(row)->key, "total",
					  parts.blank || total.blank,
					  "表四“%s”：结果维持+结果纠正+其他结果+尚未审结 = %s，但总计 = %s",
					  row_label(ev, row), a, b);
	set_expected(v, parts.v);
	set_actual(v, total.v);
}

int
gir_rules_eval(const GirReport *r, const GirDocFacts *facts,
			   const GirRuleSet *set, GirViolations *out)
{
	Eval		ev;
	const bool *on = set->on;

	ev.r = r;
	ev.tpl = effective_template(r);
	ev.out = out;
	ev.added = 0;

	if (on[GIR_RULE_R0_1] && facts && facts->sections_known)
		rule_sections(&ev, facts);
	if (on[GIR_RULE_R0_2])
		rule_template_year(&ev);
	if (on[GIR_RULE_R0_3] || on[GIR_RULE_R0_4])
		rule_cells(&ev, on[GIR_RULE_R0_3], on[GIR_RULE_R0_4]);
	if (on[GIR_RULE_R2_3])
		rule_published(&ev);
	if (on[GIR_RULE_R2_4H])
		rule_items(&ev);
	if (on[GIR_RULE_R2_5])
		rule_other_services(&ev);
	if (on[GIR_RULE_R3_1])
		rule_balance(&ev);
	if (on[GIR_RULE_R3_2])
		rule_row_totals(&ev);
	if (on[GIR_RULE_R3_3])
		rule_results(&ev);
	if (on[GIR_RULE_R3_4] && facts)
		rule_subtotal_rows(&ev, facts);
	if (on[GIR_RULE_R3_5] && facts)
		rule_subtotal_column(&ev, facts);
	if (on[GIR_RULE_R3_7] && facts)
		rule_fee_notice(&ev, facts);
	if (on[GIR_RULE_R4_1])
		rule_outcomes(&ev, GIR_RULE_R4_1, GIR_R_REVIEW);
	if (on[GIR_RULE_R4_2])
		rule_outcomes(&ev, GIR_RULE_R4_2, GIR_R_SUIT_DIRECT);
	if (on[GIR_RULE_R4_3])
		rule_outcomes(&ev, GIR_RULE_R4_3, GIR_R_SUIT_AFTER_REVIEW);
	if (facts && facts->nclaims > 0)
		rule_narrative(&ev, facts, on);
	return out->oom ? -1 : ev.added;
}

/* ---------- cross-report rules ---------- */

int
gir_rules_eval_continuity(const GirReport *prev, const GirReport *curr,
						  GirViolations *out)
{
	static const GirRowId docs[2] = {GIR_R_RULES, GIR_R_NORMATIVE_DOCS};
	Eval		ev;
	int			i;

	ev.r = curr;
	ev.tpl = effective_template(curr);
	ev.out = out;
	ev.added = 0;

	if (prev->year > 0 && curr->year > 0 && curr->year != prev->year + 1)
		return 0;

	/* R2.2: T2021 stock and flow; both reports must have the columns */
	for (i = 0; i < 2; i++)
	{
		Sum			want = {0};
		Sum			have = {0};
		GirViolation *v;
		char		p[GIR_NUM_MAX];
		char		is[GIR_NUM_MAX];
		char		rp[GIR_NUM_MAX];
		char		a[GIR_NUM_MAX];
		char		b[GIR_NUM_MAX];
		Sum			x;

		if (prev->tpl == GIR_TPL_2019 || curr->tpl == GIR_TPL_2019 ||
			!prev->rows[docs[i]].present || !curr->rows[docs[i]].present)
			continue;
		sum_add(&want, prev, docs[i], GIR_C_IN_FORCE, 1);
		sum_add(&want, curr, docs[i], GIR_C_ISSUED, 1);
		sum_add(&want, curr, docs[i], GIR_C_REPEALED, -1);
		sum_add(&have, curr, docs[i], GIR_C_IN_FORCE, 1);
		if (want.skip || have.skip || want.v == have.v)
			continue;
		memset(&x, 0, sizeof(x));
		sum_add(&x, prev, docs[i], GIR_C_IN_FORCE, 1);
		wide_text(x.v, p, sizeof(p));
		memset(&x, 0, sizeof(x));
		sum_add(&x, curr, docs[i], GIR_C_ISSUED, 1);
		wide_text(x.v, is, sizeof(is));
		memset(&x, 0, sizeof(x));
		sum_add(&x, curr, docs[i], GIR_C_REPEALED, 1);
		wide_text(x.v, rp, sizeof(rp));
		wide_text(want.v, a, sizeof(a));
		wide_text(have.v, b, sizeof(b));
		v = add_violation(&ev, GIR_RULE_R2_2, gir_row_def(docs[i])->key,
						  "in_force", want.blank || have.blank,
						  "表二“%s”行：上年现行有效件数 %s + 本年制发件数 %s − 本年废止件数 %s = %s，但现行有效件数 = %s",
						  row_label(&ev, docs[i]), p, is, rp, a, b);
		set_expected(v, want.v);
		set_actual(v, have.v);
	}

	/* R3.6: carried over = last year's carried forward, per column */
	for (i = 0; i < 7; i++)
	{
		Sum			want = {0};
		Sum			have = {0};
		GirViolation *v;
		char		a[GIR_NUM_MAX];
		char		b[GIR_NUM_MAX];

		sum_add(&want, prev, GIR_R_CARRIED_FORWARD, applicant_cols[i], 1);
		sum_add(&have, curr, GIR_R_CARRIED_OVER, applicant_cols[i], 1);
		if (want.skip || have.skip || want.v == have.v)
			continue;
		wide_text(want.v, a, sizeof(a));
		wide_text(have.v, b, sizeof(b));
		v = add_violation(&ev, GIR_RULE_R3_6, "carried_over",
						  gir_col_def(applicant_cols[i])->key,
						  want.blank || have.blank,
						  "表三“%s”列：上年报告“四、结转下年度继续办理” = %s，但本年“二、上年结转政府信息公开申请数量” = %s",
						  col_label(applicant_cols[i]), a, b);
		set_expected(v, want.v);
		set_actual(v, have.v);
	}
	return out->oom ? -1 : ev.added;
}
