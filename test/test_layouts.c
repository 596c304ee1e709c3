/*
 * test_layouts.c
 *	  Core unit tests: one per layout and per kind of noise, each asserting
 *	  the values read.  Fixtures are in data/cases (tools/make_cases.py);
 *	  run from the project root.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "gir_core.h"
#include "tap.h"

static GirReport *
parse_str(const char *text, size_t len)
{
	GirOptions	opt = gir_default_options();
	GirReport  *r = NULL;
	char		err[256];

	if (gir_parse_report(text, len, &opt, &r, err, sizeof(err)) != GIR_OK)
	{
		fprintf(stderr, "parse failed: %s\n", err);
		return NULL;
	}
	return r;
}

static GirReport *
parse_file(const char *path)
{
	size_t		len;
	char	   *buf = read_file(path, &len);

	if (buf == NULL)
	{
		perror(path);
		return NULL;
	}
	/* the report points into the text for provenance: keep it alive */
	return parse_str(buf, len);
}

static bool
has_warning(const GirReport *r, const char *code)
{
	int			i;

	for (i = 0; i < r->nwarnings; i++)
		if (strcmp(r->warnings[i].code, code) == 0)
			return true;
	return false;
}

/* A cell's value as text, "null", or "absent". */
static const char *
cell(const GirReport *r, GirRowId row, GirColId col)
{
	const GirCell *c = gir_report_cell(r, row, col);

	if (c == NULL || !r->rows[row].present)
		return "absent";
	return c->state == GIR_CELL_VALUE ? c->num : "null";
}

/* Row values joined by spaces, e.g. "5 1 0 0 1 0 7". */
static const char *
row_text(const GirReport *r, GirRowId row)
{
	static char buf[256];
	const GirColId *cols;
	int			n = gir_row_columns(row, r->tpl, &cols),
				i;

	buf[0] = '\0';
	if (!r->rows[row].present)
		return "absent";
	for (i = 0; i < n; i++)
	{
		if (i)
			strcat(buf, " ");
		strcat(buf, cell(r, row, cols[i]));
	}
	return buf;
}

#define CHECK_ROW(r, row, want)	CHECK_STR_EQ(row_text(r, row), want)

/* The numbers every 2021 fixture of data/cases carries. */
static void
check_fixture_2021(const char *path, const char *agency)
{
	GirReport  *r = parse_file(path);

	if (!CHECK(r != NULL))
		return;
	CHECK_STR_EQ(gir_status_name(r->status), "ok");
	CHECK_STR_EQ(r->agency, agency);
	CHECK_INT_EQ(r->year, 2023);
	CHECK_STR_EQ(gir_template_name(r->tpl), "2021");
	CHECK_ROW(r, GIR_R_RULES, "0 0 3");
	CHECK_ROW(r, GIR_R_NORMATIVE_DOCS, "2 1 15");
	CHECK_ROW(r, GIR_R_LICENSING, "120");
	CHECK_ROW(r, GIR_R_PENALTY, "34");
	CHECK_ROW(r, GIR_R_COERCION, "0");
	CHECK_ROW(r, GIR_R_FEES, "12.5");
	CHECK_ROW(r, GIR_R_NEW_RECEIVED, "5 1 0 0 1 0 7");
	CHECK_ROW(r, GIR_R_CARRIED_OVER, "1 0 0 0 0 0 1");
	CHECK_ROW(r, GIR_R_GRANTED, "2 1 0 0 0 0 3");
	CHECK_ROW(r, GIR_R_PARTIALLY_GRANTED, "1 0 0 0 0 0 1");
	CHECK_ROW(r, GIR_R_DENIED_THIRD_PARTY_RIGHTS, "1 0 0 0 0 0 1");
	CHECK_ROW(r, GIR_R_DENIED_INTERNAL_AFFAIRS, "0 0 0 0 0 0 0");
	CHECK_ROW(r, GIR_R_UNABLE_NOT_HELD, "1 0 0 0 1 0 2");
	CHECK_ROW(r, GIR_R_OTHER_NO_CORRECTION, "0 0 0 0 0 0 0");
	CHECK_ROW(r, GIR_R_OTHER_UNPAID_FEE, "0 0 0 0 0 0 0");
	CHECK_ROW(r, GIR_R_OTHER_OTHER, "0 0 0 0 0 0 0");
	CHECK_ROW(r, GIR_R_OTHER, "absent");
	CHECK_ROW(r, GIR_R_TOTAL_PROCESSED, "5 1 0 0 1 0 7");
	CHECK_ROW(r, GIR_R_CARRIED_FORWARD, "1 0 0 0 0 0 1");
	CHECK_ROW(r, GIR_R_REVIEW, "1 0 0 1 2");
	CHECK_ROW(r, GIR_R_SUIT_DIRECT, "0 1 0 0 1");
	CHECK_ROW(r, GIR_R_SUIT_AFTER_REVIEW, "0 0 0 0 0");
	CHECK(!has_warning(r, "row_inferred"));
	CHECK(!has_warning(r, "unknown_row"));
	gir_report_free(r);
}

/* Markdown pipe tables with headings of uneven depth. */
static void
test_markdown_pipes(void)
{
	check_fixture_2021("data/cases/pipe_2021.md", "江河市青石区生态环境局");
}

/* pdftotext -layout: wrapped labels, group label mid-table, page footer. */
static void
test_pdf_layout(void)
{
	check_fixture_2021("data/cases/pdf_layout_2021.txt", "江河市桂园街道办事处");
}

/*
 * One cell per line with Word debris: full-width digits, U+3000, NBSP,
 * zero-width spaces, CRLF, [bookmark: _GoBack], 2、 numbering, split title.
 */
static void
test_docx_noise(void)
{
	GirReport  *r;

	check_fixture_2021("data/cases/noisy_docx_2021.txt", "江河市桂园街道办事处");
	r = parse_file("data/cases/noisy_docx_2021.txt");
	if (CHECK(r != NULL))
	{
		CHECK(has_warning(r, "title_numbering"));
		/* provenance: the 34 of 行政处罚 is on its own source line */
		CHECK_INT_EQ(gir_report_cell(r, GIR_R_PENALTY, GIR_C_DECISIONS)->line, 40);
		gir_report_free(r);
	}
}

/* HTML (T2019): rowspan/colspan, &nbsp; blanks, <br />, 元 in a cell. */
static void
test_html(void)
{
	GirReport  *r = parse_file("data/cases/html_2019.html");

	if (!CHECK(r != NULL))
		return;
	CHECK_STR_EQ(gir_status_name(r->status), "ok");
	CHECK_STR_EQ(r->agency, "江河市青石县人民政府办公室");
	CHECK_INT_EQ(r->year, 2020);
	CHECK_STR_EQ(gir_template_name(r->tpl), "2019");
	CHECK_ROW(r, GIR_R_NORMATIVE_DOCS, "3 3 41");
	CHECK_ROW(r, GIR_R_LICENSING, "12 2 310");
	CHECK_ROW(r, GIR_R_OTHER_SERVICES, "5 0 17");
	CHECK_ROW(r, GIR_R_PENALTY, "40 -4 36");
	CHECK_ROW(r, GIR_R_FEES, "2 0");
	CHECK_ROW(r, GIR_R_PROCUREMENT, "3 25.1");
	CHECK(has_warning(r, "unit_converted"));
	CHECK_ROW(r, GIR_R_NEW_RECEIVED, "5 1 null null 1 0 7");
	CHECK(has_warning(r, "cell_blank"));
	CHECK_ROW(r, GIR_R_DENIED_SECURITY_STABILITY, "0 0 0 0 0 0 0");
	CHECK_ROW(r, GIR_R_OTHER, "0 0 0 0 0 0 0");
	CHECK_ROW(r, GIR_R_OTHER_OTHER, "absent");
	CHECK_ROW(r, GIR_R_TOTAL_PROCESSED, "5 1 0 0 1 0 7");
	CHECK_ROW(r, GIR_R_REVIEW, "1 0 0 1 2");
	gir_report_free(r);
}

/* Rows without labels and with one extra value: R3.2 picks the reading. */
static void
test_missing_labels(void)
{
	GirReport  *r = parse_file("data/cases/missing_labels_2019.txt");

	if (!CHECK(r != NULL))
		return;
	CHECK_STR_EQ(gir_status_name(r->status), "partial");
	CHECK_ROW(r, GIR_R_DENIED_STATE_SECRET, "3 0 0 0 0 0 3");
	CHECK_ROW(r, GIR_R_DENIED_PROHIBITED_BY_LAW, "0 0 0 0 0 0 0");
	CHECK_ROW(r, GIR_R_UNABLE_NOT_HELD, "2 1 0 0 0 0 3");
	CHECK_ROW(r, GIR_R_NP_CONFIRM_OR_REISSUE, "0 0 0 0 0 0 0");
	CHECK_ROW(r, GIR_R_OTHER, "0 0 0 0 0 0 0");
	CHECK_ROW(r, GIR_R_TOTAL_PROCESSED, "9 1 0 0 0 0 10");
	CHECK(has_warning(r, "row_inferred"));
	CHECK(has_warning(r, "extra_cell"));
	gir_report_free(r);
}

/* TAB-separated rows whose leading TABs vary (merged cells). */
static void
test_tab_rows(void)
{
	static const char text[] =
		"三、收到和处理政府信息公开申请情况\n"
		"一、本年新收政府信息公开申请数量\t\t4\t0\t0\t0\t0\t0\t4\t\n"
		"三、本年度办理结果\t(一) 予以公开\t3\t0\t0\t0\t0\t0\t3\t\n"
		"\t(三) 不予公开\t1. 属于国家秘密\t1\t0\t0\t0\t0\t0\t1\n"
		"\t\t2. 其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0\n"
		"(七) 总计\t\t4\t0\t0\t0\t0\t0\t4\t\n"
		"四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0\t\n";
	GirReport  *r = parse_str(text, sizeof(text) - 1);

	if (!CHECK(r != NULL))
		return;
	CHECK_STR_EQ(gir_status_name(r->status), "partial");
	CHECK_ROW(r, GIR_R_NEW_RECEIVED, "4 0 0 0 0 0 4");
	CHECK_ROW(r, GIR_R_GRANTED, "3 0 0 0 0 0 3");
	CHECK_ROW(r, GIR_R_DENIED_STATE_SECRET, "1 0 0 0 0 0 1");
	CHECK_ROW(r, GIR_R_DENIED_PROHIBITED_BY_LAW, "0 0 0 0 0 0 0");
	CHECK_ROW(r, GIR_R_TOTAL_PROCESSED, "4 0 0 0 0 0 4");
	CHECK(has_warning(r, "row_missing"));
	gir_report_free(r);
}

/* Numbers as written: signs, thousands separators, placeholders. */
static void
test_numbers(void)
{
	static const char text[] =
		"二、主动公开政府信息情况\n"
		"信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
		"行政许可\t1,234\t减263\t９７１\n"
		"行政处罚\t12\t+3\t—\n"
		"行政强制\t0\t-5\t/\n"
		"行政事业性收费\t2\t增1\n";
	GirReport  *r = parse_str(text, sizeof(text) - 1);

	if (!CHECK(r != NULL))
		return;
	CHECK_STR_EQ(gir_template_name(r->tpl), "2019");
	CHECK_ROW(r, GIR_R_LICENSING, "1234 -263 971");
	CHECK_ROW(r, GIR_R_PENALTY, "12 3 null");
	CHECK_ROW(r, GIR_R_COERCION, "0 -5 null");
	CHECK_ROW(r, GIR_R_FEES, "2 1");
	CHECK_INT_EQ(gir_report_cell(r, GIR_R_LICENSING, GIR_C_CHANGE)->ival, -263);
	CHECK(has_warning(r, "cell_blank"));
	gir_report_free(r);
}

/* Not a report, empty text, a legacy report, invalid UTF-8. */
static void
test_not_reports(void)
{
	static const char prose[] = "本通知自发布之日起施行。\n特此通知。\n";
	static const char bad_utf8[] = "二、主动公开政府信息情况\n\xff\xfe规章\t1\t0\t3\n";
	GirReport  *r;

	r = parse_str("", 0);
	if (CHECK(r != NULL))
	{
		CHECK_STR_EQ(gir_status_name(r->status), "empty");
		CHECK(has_warning(r, "table_missing"));
		CHECK(r->agency == NULL && r->year == 0 && r->tpl == GIR_TPL_UNKNOWN);
		gir_report_free(r);
	}
	r = parse_str(prose, sizeof(prose) - 1);
	if (CHECK(r != NULL))
	{
		CHECK_STR_EQ(gir_status_name(r->status), "empty");
		gir_report_free(r);
	}
	r = parse_file("data/cases/legacy_2015.txt");
	if (CHECK(r != NULL))
	{
		CHECK_STR_EQ(gir_status_name(r->status), "empty");
		CHECK(has_warning(r, "legacy_report"));
		CHECK(r->tpl == GIR_TPL_UNKNOWN);
		gir_report_free(r);
	}
	r = parse_str(bad_utf8, sizeof(bad_utf8) - 1);
	if (CHECK(r != NULL))
	{
		CHECK(has_warning(r, "invalid_utf8"));
		CHECK_ROW(r, GIR_R_RULES, "1 0 3");
		gir_report_free(r);
	}
}

/* Titles: agency on its own line, spaces in the year, statistics period. */
static void
test_metadata(void)
{
	static const char split[] = "江河市审计局\n\n2022 年度政府信息公开工作年度报告\n正文。\n";
	static const char period[] =
		"依据条例编制本报告。本报告所列数据统计期限为2021年1月1日至12月31日。\n";
	GirReport  *r;

	r = parse_str(split, sizeof(split) - 1);
	if (CHECK(r != NULL))
	{
		CHECK_STR_EQ(r->agency, "江河市审计局");
		CHECK_INT_EQ(r->year, 2022);
		gir_report_free(r);
	}
	r = parse_str(period, sizeof(period) - 1);
	if (CHECK(r != NULL))
	{
		CHECK(r->agency == NULL);
		CHECK_INT_EQ(r->year, 2021);
		gir_report_free(r);
	}
}

/* Mirror sites in traditional script: labels, titles and 資訊/檔案 swaps. */
static void
test_traditional(void)
{
	static const char text[] =
		"江河市審計局2023年政府資訊公開工作年度報告\n"
		"二、主動公開政府資訊情況\n"
		"信息內容\t本年制發件數\t本年廢止件數\t現行有效件數\n"
		"規章\t1\t0\t4\n"
		"行政規範性檔案\t3\t1\t20\n"
		"三、收到和處理政府資訊公開申請情況\n"
		"一、本年新收政府資訊公開申請數量\t3\t0\t0\t0\t0\t0\t3\n"
		"（七）總計\t3\t0\t0\t0\t0\t0\t3\n"
		"四、結轉下年度繼續辦理\t0\t0\t0\t0\t0\t0\t0\n";
	GirReport  *r = parse_str(text, sizeof(text) - 1);

	if (!CHECK(r != NULL))
		return;
	CHECK_STR_EQ(r->agency, "江河市審計局");
	CHECK_INT_EQ(r->year, 2023);
	CHECK_STR_EQ(gir_template_name(r->tpl), "2021");
	CHECK_ROW(r, GIR_R_RULES, "1 0 4");
	CHECK_ROW(r, GIR_R_NORMATIVE_DOCS, "3 1 20");
	CHECK_ROW(r, GIR_R_NEW_RECEIVED, "3 0 0 0 0 0 3");
	CHECK_ROW(r, GIR_R_TOTAL_PROCESSED, "3 0 0 0 0 0 3");
	CHECK_ROW(r, GIR_R_CARRIED_FORWARD, "0 0 0 0 0 0 0");
	gir_report_free(r);
}

/*
 * Box drawing as w3m -dump prints it, and a pandoc grid table: labels
 * wrapped inside their cells are joined column by column.
 */
static void
test_box_and_grid(void)
{
	static const char box[] =
		"四、政府信息公开行政复议、行政诉讼情况\n"
		"┌────┬────┬────┬────┬────┬────┬────┬────┬────┬────┬────┬────┬────┬────┬────┐\n"
		"│结果│结果│其他│尚未│总计│结果│结果│其他│尚未│总计│结果│结果│其他│尚未│总计│\n"
		"│维持│纠正│结果│审结│    │维持│纠正│结果│审结│    │维持│纠正│结果│审结│    │\n"
		"├────┼────┼────┼────┼────┼────┼────┼────┼────┼────┼────┼────┼────┼────┼────┤\n"
		"│2   │1   │0   │1   │4   │0   │0   │0   │1   │1   │0   │0   │0   │0   │0   │\n"
		"└────┴────┴────┴────┴────┴────┴────┴────┴────┴────┴────┴────┴────┴────┴────┘\n";
	static const char grid[] =
		"三、收到和处理政府信息公开申请情况\n"
		"+------------------+----+---+---+---+---+---+----+\n"
		"| 一、本年新收政府 | 12 | 1 | 0 | 0 | 0 | 0 | 13 |\n"
		"| 信息公开申请数量 |    |   |   |   |   |   |    |\n"
		"+------------------+----+---+---+---+---+---+----+\n"
		"| 1.申请人无正当理 | 2  | 0 | 0 | 0 | 0 | 0 | 2  |\n"
		"| 由逾期不补正、行 |    |   |   |   |   |   |    |\n"
		"| 政机关不再处理其 |    |   |   |   |   |   |    |\n"
		"+==================+====+===+===+===+===+===+====+\n"
		"| （七）总计       | 12 | 1 | 0 | 0 | 0 | 0 | 13 |\n"
		"+------------------+----+---+---+---+---+---+----+\n";
	GirReport  *r = parse_str(box, sizeof(box) - 1);

	if (CHECK(r != NULL))
	{
		CHECK_ROW(r, GIR_R_REVIEW, "2 1 0 1 4");
		CHECK_ROW(r, GIR_R_SUIT_DIRECT, "0 0 0 1 1");
		CHECK_ROW(r, GIR_R_SUIT_AFTER_REVIEW, "0 0 0 0 0");
		gir_report_free(r);
	}
	r = parse_str(grid, sizeof(grid) - 1);
	if (CHECK(r != NULL))
	{
		CHECK_ROW(r, GIR_R_NEW_RECEIVED, "12 1 0 0 0 0 13");
		CHECK_ROW(r, GIR_R_OTHER_NO_CORRECTION, "2 0 0 0 0 0 2");
		CHECK_ROW(r, GIR_R_TOTAL_PROCESSED, "12 1 0 0 0 0 13");
		gir_report_free(r);
	}
}

/* One cell per line with cell borders left in: "0 |" and lines of "|". */
static void
test_pipe_bordered_cells(void)
{
	static const char text[] =
		"二、主动公开政府信息情况\n"
		"\t信息内容 |\n\t本年制发件数 |\n\t本年废止件数 |\n\t现行有效件数 |\n|||\n"
		"\t规章 |\n\t0 |\n\t1 |\n\t6 |\n|||\n"
		"\t行政规范性文件\n|\n\t2\n|\n\t0\n|\n\t9\n|\n|||\n";
	GirReport  *r = parse_str(text, sizeof(text) - 1);

	if (!CHECK(r != NULL))
		return;
	CHECK_ROW(r, GIR_R_RULES, "0 1 6");
	CHECK_ROW(r, GIR_R_NORMATIVE_DOCS, "2 0 9");
	gir_report_free(r);
}

/*
 * A report is one template: when table 三 reads as the other template than
 * table 二, a row only that template has is left out, with a warning.
 */
static void
test_template_conflict(void)
{
	static const char text[] =
		"二、主动公开政府信息情况\n"
		"信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
		"规章\t1\t0\t3\n"
		"三、收到和处理政府信息公开申请情况\n"
		"（六）其他处理\t1\t0\t0\t0\t0\t0\t1\n"
		"（七）总计\t1\t0\t0\t0\t0\t0\t1\n";
	GirReport  *r = parse_str(text, sizeof(text) - 1);

	if (!CHECK(r != NULL))
		return;
	CHECK_STR_EQ(gir_template_name(r->tpl), "2021");
	CHECK_ROW(r, GIR_R_OTHER, "absent");
	CHECK_ROW(r, GIR_R_TOTAL_PROCESSED, "1 0 0 0 0 0 1");
	CHECK(has_warning(r, "row_not_in_template"));
	CHECK(has_warning(r, "template_conflict"));
	gir_report_free(r);
}

/*
 * Site debris and typos: a web page's navigation and metadata before a title
 * without the agency, a misspelt label, a row left blank, a page footer.
 */
static void
test_site_debris_and_typos(void)
{
	static const char text[] =
		"首页 > 政务公开 > 年度报告\n"
		"索引号：11010/2024-00012  发布机构：江河市统计局  发文日期：2024-01-28\n"
		"2023年政府信息公开工作年度报告\n"
		"二、主动公开政府信息情况\n"
		"信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
		"规章\t1\t0\t3\n"
		"第 3 页 共 5 页\n"
		"行政事业型收费\t1.5\n"
		"行政许可\t—\t\t\n";
	GirReport  *r = parse_str(text, sizeof(text) - 1);

	if (!CHECK(r != NULL))
		return;
	CHECK_STR_EQ(r->agency, "江河市统计局");
	CHECK(has_warning(r, "agency_from_metadata"));
	CHECK_INT_EQ(r->year, 2023);		/* the title's, not the 2024 publication date */
	CHECK_ROW(r, GIR_R_RULES, "1 0 3");
	CHECK_ROW(r, GIR_R_FEES, "1.5");
	CHECK(has_warning(r, "label_repaired"));
	CHECK_ROW(r, GIR_R_LICENSING, "null");
	CHECK(has_warning(r, "row_blank"));
	CHECK(!has_warning(r, "cell_blank"));
	gir_report_free(r);
}

/*
 * Crawler dumps that lost every separator inside a row: a split is used
 * only when it is the only one the template's arithmetic allows.
 */
static void
test_glued_cells(void)
{
	static const char text[] =
		"二、主动公开政府信息情况\n"
		"信息内容 本年制发件数 本年废止件数 现行有效件数\n"
		"规章103\n"
		"行政规范性文件12037\n"
		"行政许可120\n"
		"行政事业性收费12.5\n"
		"三、收到和处理政府信息公开申请情况\n"
		"一、本年新收政府信息公开申请数量5100107\n"
		"（一）予以公开41 00005\n"
		"（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1000001\n"
		"（七）总计5100107\n"
		"四、政府信息公开行政复议、行政诉讼情况\n"
		"行政复议 行政诉讼\n"
		"100120100 100000\n";
	GirReport  *r = parse_str(text, sizeof(text) - 1);

	if (!CHECK(r != NULL))
		return;
	CHECK_ROW(r, GIR_R_RULES, "1 0 3");
	CHECK_ROW(r, GIR_R_NORMATIVE_DOCS, "null null null");	/* 1/20/37, 12/0/37, … */
	CHECK(has_warning(r, "cells_split_ambiguous"));
	CHECK_ROW(r, GIR_R_LICENSING, "120");
	CHECK_ROW(r, GIR_R_FEES, "12.5");
	CHECK_ROW(r, GIR_R_NEW_RECEIVED, "5 1 0 0 1 0 7");
	CHECK_ROW(r, GIR_R_GRANTED, "4 1 0 0 0 0 5");
	CHECK_ROW(r, GIR_R_PARTIALLY_GRANTED, "1 0 0 0 0 0 1");
	CHECK_ROW(r, GIR_R_TOTAL_PROCESSED, "5 1 0 0 1 0 7");
	CHECK_ROW(r, GIR_R_REVIEW, "1 0 0 1 2");
	CHECK_ROW(r, GIR_R_SUIT_DIRECT, "0 1 0 0 1");
	CHECK_ROW(r, GIR_R_SUIT_AFTER_REVIEW, "0 0 0 0 0");
	CHECK(has_warning(r, "cells_split"));
	gir_report_free(r);
}

/* The header of table 三 repeated after a page break labels no row. */
static void
test_repeated_header(void)
{
	static const char text[] =
		"三、收到和处理政府信息公开申请情况\n"
		"（三）不予公开\t1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1\n"
		"\t\t0\t0\t0\t0\t0\t0\t0\n"
		"— 2 —\n"
		"\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
		"\t\t2\t0\t0\t0\t0\t0\t2\n";
	GirReport  *r = parse_str(text, sizeof(text) - 1);

	if (!CHECK(r != NULL))
		return;
	CHECK_ROW(r, GIR_R_DENIED_STATE_SECRET, "1 0 0 0 0 0 1");
	CHECK_ROW(r, GIR_R_DENIED_PROHIBITED_BY_LAW, "0 0 0 0 0 0 0");
	CHECK_ROW(r, GIR_R_DENIED_SECURITY_STABILITY, "2 0 0 0 0 0 2");
	CHECK_ROW(r, GIR_R_TOTAL_PROCESSED, "absent");
	gir_report_free(r);
}

/*
 * Rows without labels, one value per line and no row boundaries: the rows
 * had eight values, not seven, so cutting the stream into sevens does not
 * add up; those rows stay empty rather than shifted.
 */
static void
test_unlabeled_value_stream(void)
{
	static const char text[] =
		"三、收到和处理政府信息公开申请情况\n"
		"一、本年新收政府信息公开申请数量\n3\n0\n0\n0\n0\n0\n3\n"
		"（三）不予公开\n9\n1\n0\n0\n0\n0\n0\n1\n"
		"9\n2\n0\n0\n0\n0\n0\n2\n"
		"（七）总计\n3\n0\n0\n0\n0\n0\n3\n";
	GirReport  *r = parse_str(text, sizeof(text) - 1);

	if (!CHECK(r != NULL))
		return;
	CHECK_ROW(r, GIR_R_NEW_RECEIVED, "3 0 0 0 0 0 3");
	CHECK_ROW(r, GIR_R_DENIED_STATE_SECRET, "null null null null null null null");
	CHECK(has_warning(r, "row_uncertain"));
	CHECK_ROW(r, GIR_R_TOTAL_PROCESSED, "3 0 0 0 0 0 3");
	gir_report_free(r);
}

/*
 * Rows run together: TAB rows copied with single spaces, a whole table on
 * one line.  Each label keeps its own numbers.
 */
static void
test_rows_run_together(void)
{
	static const char spaced[] =
		"三、收到和处理政府信息公开申请情况\n"
		" 一、本年新收政府信息公开申请数量  5 1 0 0 1 0 7\n"
		" (三) 不予公开 1. 属于国家秘密 1 0 0 0 0 0 1\n"
		"  2. 其他法律行政法规禁止公开 0 0 0 0 0 0 0\n"
		"(七) 总计  5 1 0 0 1 0 7\n";
	static const char one_line[] =
		"三、收到和处理政府信息公开申请情况\n"
		"一、本年新收政府信息公开申请数量 5 1 0 0 1 0 7 二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1 "
		"（七）总计 5 1 0 0 1 0 7 四、结转下年度继续办理 1 0 0 0 0 0 1\n";
	GirReport  *r = parse_str(spaced, sizeof(spaced) - 1);

	if (CHECK(r != NULL))
	{
		CHECK_ROW(r, GIR_R_NEW_RECEIVED, "5 1 0 0 1 0 7");
		CHECK_ROW(r, GIR_R_DENIED_STATE_SECRET, "1 0 0 0 0 0 1");
		CHECK_ROW(r, GIR_R_DENIED_PROHIBITED_BY_LAW, "0 0 0 0 0 0 0");
		CHECK_ROW(r, GIR_R_TOTAL_PROCESSED, "5 1 0 0 1 0 7");
		gir_report_free(r);
	}
	r = parse_str(one_line, sizeof(one_line) - 1);
	if (CHECK(r != NULL))
	{
		CHECK_ROW(r, GIR_R_NEW_RECEIVED, "5 1 0 0 1 0 7");
		CHECK_ROW(r, GIR_R_CARRIED_OVER, "1 0 0 0 0 0 1");
		CHECK_ROW(r, GIR_R_TOTAL_PROCESSED, "5 1 0 0 1 0 7");
		CHECK_ROW(r, GIR_R_CARRIED_FORWARD, "1 0 0 0 0 0 1");
		gir_report_free(r);
	}
}

/*
 * Damage that once produced wrong numbers: a glued 本年增/减 with its
 * sign (simplified and traditional), a table drawn in an HTML <pre>, an
 * empty label cell before a blank total, and blank rows beside wrapped
 * labels in text above and below.
 */
static void
test_damage_regressions(void)
{
	static const char signed_glue[] =
		"二、主动公开政府信息情况\n"
		"信息内容 上一年项目数量 本年增/减 处理决定数量\n"
		"行政事业性收费31減24\n"
		"行政许可0+330\n"
		"行政处罚\t40\t減4\t36\n";
	static const char pre_box[] =
		"<html><body><p>四、政府信息公开行政复议、行政诉讼情况</p><pre>\n"
		"┌──┬──┬──┬──┬──┬──┬──┬──┬──┬──┬──┬──┬──┬──┬──┐\n"
		"│2 │1 │0 │1 │4 │0 │0 │0 │1 │1 │0 │0 │0 │0 │0 │\n"
		"└──┴──┴──┴──┴──┴──┴──┴──┴──┴──┴──┴──┴──┴──┴──┘\n"
		"</pre></body></html>\n";
	static const char empty_label_cell[] =
		"<table><tr><td>2. 重复申请</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>\n"
		"<tr><td></td><td>0</td><td>—</td><td>0</td><td>0</td><td>0</td><td>0</td><td>&nbsp;</td></tr></table>\n";
	static const char blank_rows[] =
		"三、收到和处理政府信息公开申请情况\n"
		"   1.申请人无正当理由逾     1        0        0        0        0        0        1\n"
		"   期不补正、行政机关不\n"
		"   （六）其他处理   2.申请人逾期未按收费\n"
		"   通知要求缴纳费用\n"
		"   3.补正后申请内容仍不明确\n"
		"   1.信访举报投诉类申请\n"
		"0\n0\n0\n0\n0\n0\n0\n";
	GirReport  *r;

	r = parse_str(signed_glue, sizeof(signed_glue) - 1);
	if (CHECK(r != NULL))
	{
		CHECK_ROW(r, GIR_R_FEES, "31 -24");
		CHECK_ROW(r, GIR_R_LICENSING, "null null null");	/* 0/+3/30 or 0/+33/0 */
		CHECK_ROW(r, GIR_R_PENALTY, "40 -4 36");
		gir_report_free(r);
	}
	r = parse_str(pre_box, sizeof(pre_box) - 1);
	if (CHECK(r != NULL))
	{
		CHECK_ROW(r, GIR_R_REVIEW, "2 1 0 1 4");
		CHECK_ROW(r, GIR_R_SUIT_DIRECT, "0 0 0 1 1");
		gir_report_free(r);
	}
	r = parse_str(empty_label_cell, sizeof(empty_label_cell) - 1);
	if (CHECK(r != NULL))
	{
		/* no section titles: the rows are placed, the blank stays blank */
		CHECK_ROW(r, GIR_R_NP_DUPLICATE, "absent");
		gir_report_free(r);
	}
	r = parse_str(blank_rows, sizeof(blank_rows) - 1);
	if (CHECK(r != NULL))
	{
		CHECK_ROW(r, GIR_R_OTHER_NO_CORRECTION, "1 0 0 0 0 0 1");
		CHECK_ROW(r, GIR_R_OTHER_UNPAID_FEE, "absent");
		CHECK_ROW(r, GIR_R_UNABLE_STILL_UNCLEAR, "absent");
		CHECK_ROW(r, GIR_R_NP_COMPLAINT, "0 0 0 0 0 0 0");
		gir_report_free(r);
	}
}

/*
 * A label wrapped below its numbers, then a page break that repeats the
 * whole table header: the wrapped part still completes the label.
 */
static void
test_wrap_before_page_break(void)
{
	static const char text[] =
		"三、收到和处理政府信息公开申请情况\n"
		"   1.申请人无正当理由逾     2    0    0    0    0    0    2\n"
		"   期不补正、行政机关不\n"
		"   再处理其政府信息公开\n"
		"   申请\n"
		"                 - 3 -\n"
		"（本列数据的勾稽关系为：第一项加第二项之和，等于第            申请人情况\n"
		"                三项加第四项之和）\n"
		"                           自然人           法人或其他组织           总计\n"
		"                                  商业     科研     社会     法律     其他\n"
		"                                  企业     机构     公益     服务\n"
		"                                                    组织     机构\n"
		"   （六）其他处理   2.申请人逾期未按收费     0    0    0    0    0    0    0\n"
		"   通知要求缴纳费用、行\n";
	GirReport  *r = parse_str(text, sizeof(text) - 1);

	if (!CHECK(r != NULL))
		return;
	CHECK_ROW(r, GIR_R_OTHER_NO_CORRECTION, "2 0 0 0 0 0 2");
	CHECK_ROW(r, GIR_R_OTHER_UNPAID_FEE, "0 0 0 0 0 0 0");
	CHECK(!has_warning(r, "unknown_row"));
	gir_report_free(r);
}

/*
 * The source line table (provenance): a line starts after each \n, \r\n
 * or lone \r, the last one too; the table grows past its first guess.
 */
static void
test_source_lines(void)
{
	static const struct
	{
		const char *text;
		int			nlines;
		size_t		off[6];
	}			cases[] = {
		{"", 1, {0}},
		{"a", 1, {0}},
		{"\n", 2, {0, 1}},
		{"\r", 2, {0, 1}},
		{"a\r", 2, {0, 2}},
		{"\r\n", 2, {0, 2}},
		{"\r\r\n", 3, {0, 1, 3}},
		{"a\rb\r\nc\n\r", 5, {0, 2, 5, 7, 8}},
		{"中\r文\n\r\n", 4, {0, 4, 8, 10}},
		/* \r\n and \r across the 16-byte blocks normalise reads */
		{"a\r\naaaaaaaaaaaaaaa", 2, {0, 3}},
		{"aaaaaaaaaaaaaaa\r\nb", 2, {0, 17}},
		{"aaaaaaaaaaaaaaa\rb", 2, {0, 16}},
		{"aaaaaaaaaaaaaaa\r", 2, {0, 16}},
		{"aaaaaaaaaaaaaaaa\r\n", 2, {0, 18}},
		{"\naaaaaaaaaaaaa\r\r\n\r", 5, {0, 1, 15, 17, 18}},
	};
	char		many[4000];
	GirReport  *r;
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		int			k;

		r = parse_str(cases[i].text, strlen(cases[i].text));
		if (!CHECK(r != NULL))
			continue;
		if (CHECK_INT_EQ(r->nlines, cases[i].nlines))
			for (k = 0; k < r->nlines; k++)
				CHECK_INT_EQ(r->line_off[k], cases[i].off[k]);
		gir_report_free(r);
	}

	/* 2000 lines of "a\r\n" and "\r": far more than len / 64 + 16 */
	for (i = 0; i < sizeof(many) / 2; i++)
		memcpy(many + 2 * i, i % 2 ? "\r\r" : "a\n", 2);
	r = parse_str(many, sizeof(many));
	if (CHECK(r != NULL))
	{
		CHECK_INT_EQ(r->nlines, 3001);
		CHECK_INT_EQ(r->line_off[1], 2);	/* after a\n */
		CHECK_INT_EQ(r->line_off[2], 3);	/* after the first \r */
		CHECK_INT_EQ(r->line_off[3000], 4000);
		gir_report_free(r);
	}
}

/*
 * Titles are told by the words every title holds (情, 事, 概述): each is
 * found wherever it falls in the 16-byte blocks the line is read in, and
 * a title numbered 1、 instead of 一、 is noted.
 */
static void
test_title_words(void)
{
	static const struct
	{
		const char *title;
		const char *numeral;
		const char *suffix;		/* words after the title, or "" */
	}			titles[] = {
		{"概述", "一", ""}, {"总体情况", "一", ""}, {"其他需要报告的事项", "六", ""},
		/* the title word inside a line: its last byte at every offset of a block */
		{"总体情况", "一", "（本机关2023年度工作）"},
		{"其他需要报告的事项", "六", "（本机关2023年度工作）"},
	};
	size_t		t;
	int			pad;

	for (t = 0; t < sizeof(titles) / sizeof(titles[0]); t++)
		for (pad = 0; pad <= 40; pad++)
		{
			char		text[256];
			char		want[128];
			int			n = snprintf(text, sizeof(text), "%d、", titles[t].numeral[0] == '\xe4' ? 1 : 6);
			GirReport  *r;
			bool		noted = false;
			int			i;

			n += snprintf(text + n, sizeof(text) - n, "%*s%s%s\n本年度收到申请3件。\n", pad, "",
						  titles[t].title, titles[t].suffix);
			snprintf(want, sizeof(want), "section %s title is numbered “%c” instead of “%s、”",
					 titles[t].numeral, text[0], titles[t].numeral);
			r = parse_str(text, (size_t) n);
			if (!CHECK(r != NULL))
				continue;
			for (i = 0; i < r->nwarnings; i++)
				noted |= strcmp(r->warnings[i].code, "title_numbering") == 0 &&
					strcmp(r->warnings[i].message, want) == 0;
			if (!CHECK(noted))
				fprintf(stderr, "title not found: %s", text);
			gir_report_free(r);
		}
}

int
main(int argc, char **argv)
{
	test_markdown_pipes();
	test_pdf_layout();
	test_docx_noise();
	test_html();
	test_missing_labels();
	test_tab_rows();
	test_numbers();
	test_not_reports();
	test_metadata();
	test_traditional();
	test_box_and_grid();
	test_pipe_bordered_cells();
	test_template_conflict();
	test_site_debris_and_typos();
	test_glued_cells();
	test_repeated_header();
	test_unlabeled_value_stream();
	test_rows_run_together();
	test_damage_regressions();
	test_wrap_before_page_break();
	test_source_lines();
	test_title_words();
	return TAP_DONE();
}
