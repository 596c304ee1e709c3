/*
 * test_shortcuts.c
 *	  Core unit test: the shortcuts of pcre.c give PCRE2's own answer.
 *
 * Every pattern is matched with and without the shortcuts and required
 * literals of pcre.c against hand-picked edge cases and against every line,
 * TAB field and word of the files in data/samples, data/cases and (when
 * present) data/damaged and ../shared/corpus/seeds; return code and
 * ovector must agree, also when the subject's own byte-pair mask is passed
 * (gir_match_within).  Run from the project root.
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/core/internal.h"
#include "files.h"
#include "tap.h"

extern bool gir_match_shortcuts;

static GirCtx ctx;
static int	compared;
static int	differed;			/* disagreements since the last CHECK */

/* One subject against one pattern, with and without the shortcut. */
static void
compare(GirPatternId id, const char *s, size_t len)
{
	size_t		with[12],
				without[12],
				within[12];
	int			rc_with,
				rc_without,
				rc_within,
				i;
	bool		same;

	if (setjmp(ctx.fail) != 0)
	{
		fprintf(stderr, "pattern %d, subject \"%.*s\": a match hit a limit\n",
				(int) id, (int) len, s);
		differed++;
		return;
	}
	memset(with, 0xAB, sizeof(with));
	memset(without, 0xAB, sizeof(without));
	memset(within, 0xAB, sizeof(within));
	gir_match_shortcuts = true;
	rc_with = gir_match(&ctx, id, s, len, with, 6);
	/* the subject's own byte-pair mask: the tightest a caller can pass */
	rc_within = gir_match_within(&ctx, id, s, len, gir_pair_mask(s, len), within, 6);
	gir_match_shortcuts = false;
	rc_without = gir_match(&ctx, id, s, len, without, 6);
	gir_match_shortcuts = true;
	compared++;
	same = (rc_with == rc_without);
	for (i = 0; same && i < 2 * (rc_with < 6 ? rc_with : 6); i++)
		same = (with[i] == without[i]);
	if (!same)
		fprintf(stderr, "pattern %d, subject \"%.*s\": rc %d with the shortcut, %d without (or another ovector)\n",
				(int) id, (int) len, s, rc_with, rc_without);
	if (rc_within != rc_with ||
		memcmp(within, with, 2 * (rc_with < 6 ? rc_with : 6) * sizeof(size_t)) != 0)
	{
		fprintf(stderr, "pattern %d, subject \"%.*s\": rc %d within its pair mask, %d without\n",
				(int) id, (int) len, s, rc_within, rc_with);
		same = false;
	}
	if (!same)
		differed++;
}

static void
compare_all(const char *s, size_t len)
{
	int			id;

	for (id = 0; id < GIR_NPATTERNS; id++)
		compare((GirPatternId) id, s, len);
}

/* Every line, every TAB field and every space-separated word of a text. */
static void
compare_text(const char *text, size_t len)
{
	size_t		start = 0,
				i;

	for (i = 0; i <= len; i++)
	{
		if (i == len || text[i] == '\n')
		{
			const char *line = text + start;
			size_t		llen = i - start,
						a = 0,
						b;

			compare_all(line, llen);
			for (b = 0; b <= llen; b++)
				if (b == llen || line[b] == '\t' || line[b] == ' ' || line[b] == '|')
				{
					if (b > a)
						compare_all(line + a, b - a);
					a = b + 1;
				}
			start = i + 1;
		}
	}
}

static void
compare_file(const char *path)
{
	FILE	   *f;
	char	   *buf;
	long		len;

	if ((f = fopen(path, "rb")) == NULL)
		return;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	/* slack after the text: PCRE2's JIT reads a subject's end with
	 * wide loads, as it does in the core's arena blocks */
	buf = calloc(len + 64, 1);
	differed = 0;
	if (buf && fread(buf, 1, len, f) == (size_t) len)
		compare_text(buf, len);
	if (differed)
		fprintf(stderr, "%s: %d disagreements\n", path, differed);
	CHECK(differed == 0);
	free(buf);
	fclose(f);
}

int
main(void)
{
	static const char *const cases[] = {
		"", "0", "7", "12", "007", "1234567890123456789012345", "1,234", "12.5",
		"-3", "+3", "减3", "增12", "3 ", " 3", "3件", "3万元", "3元", "1.", ".5", "a1",
		"1a", "١٢", "０", "３", "—", "-", "--", "~", "/", "\\", "*", "…", "..", ".",
		"无", "不适用", "空", "×", "持平", "——", "—3—", "- 3 -", "-3-", "第3页",
		"第 3 页 共 10 页", " 第3页", "\t第3页", "\t- 2 -", "  ", "\t", "第", "页",
		"\xc2\xa0- 3 -", "\xe3\x80\x80第3页", "\xe2\x80\x83- 4 -", "一、本年新收",
		"予以公开", "\xff", "1\xff", "\xe4", "\xe5\x87", "自然人", "其他", "总计",
		"1.a", "1.5x", "12)", "3、", "1 2", "1\n", "12\n", "无\n", "1,234,567", "1,23",
		"———", "—–―─~-", "——3", "…………", "...", "....", "..a", "无无", "无 ", " 无",
		"不适用 ", "持平\n", "──\n", "空白", "×2", "/ ", "//", "\\\\", "**", "…\n",
		"第十页", "公开", "申请", "\t申请", "合计", "─", "―", "-—",
		"1.属于国家秘密", "2.其他", "10.5万元", "3 件", "3\t", "1a", "0x1F", "1e5",
		"2023年政府信息公开工作年度报告", "2023 年 政 府 信 息 公 开 年 度 报 告", "报告",
		"统计期限为2023年1月1日至12月31日", "統計期間為2023年1月1日", "2023年", "〔2023〕年",
		"发布机构：某某区人民政府办公室", "发布机构:某局", "信息来源", ":", "：",
		"本年度共收到政府信息公开申请12件，办结11件", "约三十余次", "件", "收到申请 7 宗",
		"本年度未收到政府信息公开申请", "无政府信息公开申请事项", "公开申请",
		"未发生行政复议、行政诉讼案件", "没有行政诉讼", "行政复议",
		"因政府信息公开被申请行政复议和提起行政诉讼均为0件", "行政复议诉讼均为零",
		"本年度未发出收费通知", "收费通知均为0", "收费通知书件数为0件", "发出收费通知2件",
		"收费通知", "收费通知共3份", "涉及行政诉讼2起", "处理10次",
		/* where a count can end: blanks, 余多几来 and the number before a unit */
		"3   件", "3    件", "3\t\t\t\t\t\t件", "3 \t \t \t \t件", "3 余 件",
		"3   余   件", "3 余    件", "3    余 件", "十多件", "很多件", "首次", "余件",
		"层次分明，本次申请2次", "一件一档，办结5件", "件件有回音", "百次", "〇件",
		"大约   八八八八八八八八   余   件", "将近 1,234,567,890 来 起以上",
		"申没有发生任何" "\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600"
		"\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600"
		"\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600"
		"\U0001F600\U0001F600行政诉讼",
	};
	size_t		i;
	GirOptions	opt = gir_default_options();
	char		err[256];

	CHECK(gir_patterns_ready(err, sizeof(err)));
	gir_patterns_set_limits(&opt);
	ctx.opt = &opt;
	ctx.errbuf = err;
	ctx.errbuf_len = sizeof(err);

	differed = 0;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		compare_all(cases[i], strlen(cases[i]));
	CHECK(differed == 0);

	/* counts far into a sentence, and long runs of digits or numerals */
	differed = 0;
	for (i = 0; i < 40; i++)
	{
		static const char *const tails[] = {
			"约 12 余 件左右", "1,234,567 件", "一百二十三件", "数十次", "不到 3 宗",
			"123456789012345678件", "零〇一二两三四五六七八九十百千件", "12.5件", "文件", NULL
		};
		char		buf[512];
		int			t;

		for (t = 0; tails[t]; t++)
		{
			int			n = 0,
						k;

			for (k = 0; k < (int) i; k++)
				n += snprintf(buf + n, sizeof(buf) - n, "%s", k % 3 ? "申" : "7");
			snprintf(buf + n, sizeof(buf) - n, "%s", tails[t]);
			compare_all(buf, strlen(buf));
		}
	}
	CHECK(differed == 0);
	CHECK(for_each_fixture_file(compare_file));
	CHECK(compared > 10000);
	return TAP_DONE();
}
