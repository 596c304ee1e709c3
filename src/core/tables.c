/*-------------------------------------------------------------------------
 * tables.c
 *	  Find the report's sections, decide the template, and read tables
 *	  二, 三 and 四 into the report's rows.
 *
 * Sections are found by their title text (the numeral is only a
 * tie-breaker: Word often exports 二、 as 2、).  Inside a table's region the
 * rows of layout.c become entries: a label and the values that follow it.
 * An entry's label is matched to a template row by short distinctive key
 * phrases (robust to broken lines, lost numbering and changed punctuation);
 * an entry without a usable label takes the next row in template order,
 * with a row_inferred warning.  Numbers are never changed: when a row has
 * more values than the template allows, the reading that the table's own
 * arithmetic (R3.2) confirms is kept, or the cells stay null.
 *
 * src/core/tables.c
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <string.h>

#include "glue.h"
#include "internal.h"

#define SQUEEZE_MAX		1024	/* bytes of a label kept for matching */
#define PENDING_MAX		384		/* bytes of heading text kept before a row */
#define PROSE_BYTES		240		/* a text cell longer than this is prose */
#define QUOTE_CHARS		24		/* characters of a label quoted in messages */

typedef enum SectionNo
{
	SEC_NONE = 0,
	SEC_OVERVIEW,				/* 一、总体情况 */
	SEC_ACTIVE,					/* 二、主动公开政府信息情况 */
	SEC_REQUESTS,				/* 三、收到和处理政府信息公开申请情况 */
	SEC_REVIEW,					/* 四、…行政复议、行政诉讼情况 */
	SEC_PROBLEMS,				/* 五、存在的主要问题及改进情况 */
	SEC_OTHER,					/* 六、其他需要报告的事项 */
	SEC_LEGACY,					/* a pre-2019 title */
	SEC_COUNT
} SectionNo;

/* An entry: a label and the values printed after it. */
typedef struct Entry
{
	const char *label;			/* the row's own label text */
	int			label_len;
	const char *pending;		/* text-only rows before it */
	int			pending_len;
	const char *following;		/* text-only rows after it: a label that
								 * wrapped below its numbers (PDF copies) */
	int			following_len;
	const char *glued;			/* digits that lost their separators:
								 * "（一）予以公开4100005" */
	int			glued_len;
	bool		streamed;		/* values gathered from lines of one value */
	bool		chunk;			/* no label: cut from such a stream */
	GirTok	   *vals;
	int			nvals;
	int			line;
} Entry;

/* Key phrases of a row, after gir_squeeze(); the first is the full label. */
typedef struct RowKeys
{
	GirRowId	row;
	const char *keys[4];
} RowKeys;

static const RowKeys t3_keys[] = {
	{GIR_R_NEW_RECEIVED, {"本年新收政府信息公开申请数量", "本年新收", "新收政府信息公开申请"}},
	{GIR_R_CARRIED_OVER, {"上年结转政府信息公开申请数量", "上年结转"}},
	{GIR_R_GRANTED, {"予以公开"}},
	{GIR_R_PARTIALLY_GRANTED, {"部分公开区分处理的只计这一情形不计其他情形", "部分公开"}},
	{GIR_R_DENIED_STATE_SECRET, {"属于国家秘密", "国家秘密"}},
	{GIR_R_DENIED_PROHIBITED_BY_LAW, {"其他法律行政法规禁止公开", "法律行政法规", "其他法律", "法规禁止"}},
	{GIR_R_DENIED_SECURITY_STABILITY, {"危及三安全一稳定", "三安全一稳定", "危及"}},
	{GIR_R_DENIED_THIRD_PARTY_RIGHTS, {"保护第三方合法权益", "第三方"}},
	{GIR_R_DENIED_INTERNAL_AFFAIRS, {"属于三类内部事务信息", "内部事务"}},
	{GIR_R_DENIED_PROCESS_INFORMATION, {"属于四类过程性信息", "过程性"}},
	{GIR_R_DENIED_ENFORCEMENT_FILES, {"属于行政执法案卷", "执法案卷"}},
	{GIR_R_DENIED_ADMINISTRATIVE_QUERY, {"属于行政查询事项", "行政查询"}},
	{GIR_R_UNABLE_NOT_HELD, {"本机关不掌握相关政府信息", "不掌握"}},
	{GIR_R_UNABLE_NEEDS_CREATION, {"没有现成信息需要另行制作", "另行制作", "没有现成"}},
	{GIR_R_UNABLE_STILL_UNCLEAR, {"补正后申请内容仍不明确", "仍不明确", "补正后"}},
	{GIR_R_NP_COMPLAINT, {"信访举报投诉类申请", "信访", "举报投诉"}},
	{GIR_R_NP_DUPLICATE, {"重复申请"}},
	{GIR_R_NP_PUBLICATION, {"要求提供公开出版物", "出版物"}},
	{GIR_R_NP_EXCESSIVE, {"无正当理由大量反复申请", "大量反复", "反复申请"}},
	{GIR_R_NP_CONFIRM_OR_REISSUE, {"要求行政机关确认或重新出具已获取信息", "重新出具", "确认或重新"}},
	{GIR_R_OTHER_NO_CORRECTION, {"申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请", "不补正", "逾期不补"}},
	{GIR_R_OTHER_UNPAID_FEE, {"申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请", "收费通知", "缴纳费用"}},
	{GIR_R_TOTAL_PROCESSED, {"总计", "合计"}},
	{GIR_R_CARRIED_FORWARD, {"结转下年度继续办理", "结转下年度", "下年度继续"}},
};

static const RowKeys t2_keys[] = {
	{GIR_R_RULES, {"规章"}},
	{GIR_R_NORMATIVE_DOCS, {"行政规范性文件", "规范性文件"}},
	{GIR_R_LICENSING, {"行政许可"}},
	{GIR_R_OS_INSPECTION, {"行政检查"}},
	{GIR_R_OS_CONFIRMATION, {"行政确认"}},
	{GIR_R_OS_REWARD, {"行政奖励"}},
	{GIR_R_OS_ADJUDICATION, {"行政裁决"}},
	{GIR_R_OS_BENEFIT, {"行政给付"}},
	{GIR_R_PENALTY, {"行政处罚"}},
	{GIR_R_COERCION, {"行政强制"}},
	{GIR_R_FEES, {"行政事业性收费", "事业性收费"}},
	{GIR_R_PROCUREMENT, {"政府集中采购", "集中采购"}},
};

/*
 * A table of row keys with the length and gir_pair_mask of each key,
 * computed on first use: labels are tested against every key, and a key
 * whose byte pairs are not all in a label is not in it.
 */
#define MAX_KEY_ROWS 32
typedef struct KeyTable
{
	const RowKeys *rows;
	int			n;
	bool		ready;
	struct
	{
		int			len;
		uint64_t	pairs;
	}			key[MAX_KEY_ROWS][4];
	/* every key, longest first (table order among equals): best_key's order */
	struct
	{
		unsigned char i,
					k;
	}			by_length[MAX_KEY_ROWS * 4];
	int			nkeys;
} KeyTable;

#define KEY_TABLE(keys) {.rows = keys, .n = (int) (sizeof(keys) / sizeof(keys[0]))}
static KeyTable t3_table = KEY_TABLE(t3_keys);
static KeyTable t2_table = KEY_TABLE(t2_keys);

_Static_assert(sizeof(t3_keys) / sizeof(t3_keys[0]) <= MAX_KEY_ROWS &&
				 sizeof(t2_keys) / sizeof(t2_keys[0]) <= MAX_KEY_ROWS,
				 "a key table has more rows than MAX_KEY_ROWS");

static const KeyTable *
key_table(KeyTable *t)
{
	int			i,
				k;

	if (!t->ready)
	{
		for (i = 0; i < t->n; i++)
			for (k = 0; k < 4 && t->rows[i].keys[k]; k++)
			{
				int			j = t->nkeys++;

				t->key[i][k].len = (int) strlen(t->rows[i].keys[k]);
				t->key[i][k].pairs = gir_pair_mask(t->rows[i].keys[k], t->key[i][k].len);
				/* insertion sort, stable: after the keys at least as long */
				for (; j > 0 && t->key[t->by_length[j - 1].i][t->by_length[j - 1].k].len <
					 t->key[i][k].len; j--)
					t->by_length[j] = t->by_length[j - 1];
				t->by_length[j].i = (unsigned char) i;
				t->by_length[j].k = (unsigned char) k;
			}
		t->ready = true;
	}
	return t;
}

/* The groups of table 三 whose items are numbered 1. 2. … */
typedef enum T3Group
{
	G_NONE = -1,
	G_DENIED,
	G_UNABLE,
	G_NOT_PROCESSED,
	G_OTHER,
	G_COUNT
} T3Group;

static const char *const t3_group_keys[G_COUNT] = {
	"不予公开", "无法提供", "不予处理", "其他处理"
};
static const char *const t3_group_labels[G_COUNT] = {
	"（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"
};

/* ---------- small text helpers ---------- */

static size_t
squeeze(const char *s, int len, char *out)
{
	return gir_squeeze(s, (size_t) len, out, SQUEEZE_MAX);
}

/* Skip leading numbering in a squeezed label: 一 二 … 十, digits. */
static const char *
skip_numbering(const char *s)
{
	static const char numerals[] = "一二三四五六七八九十";

	for (;;)
	{
		const char *n;

		if (*s >= '0' && *s <= '9')
		{
			s++;
			continue;
		}
		/* every numeral's UTF-8 starts with E4 or E5 */
		if ((unsigned char) *s != 0xE4 && (unsigned char) *s != 0xE5)
			return s;
		for (n = numerals; *n && memcmp(s, n, 3) != 0; n += 3)
			;
		if (*n == '\0')
			return s;
		s += 3;
	}
}

/* A quotable prefix of a label: at most QUOTE_CHARS characters. */
static const char *
quote_label(GirCtx *ctx, const char *s, int len)
{
	int			i = 0,
				chars = 0;

	while (i < len && chars < QUOTE_CHARS)
	{
		uint32_t	cp;

		i += gir_utf8_decode((const unsigned char *) s + i, (size_t) (len - i), &cp);
		chars++;
	}
	return gir_printf(ctx->arena, "%.*s%s", i, s, i < len ? "…" : "");
}

/*
 * Where key k of row i is in the label sq, or NULL.  have is the label's
 * gir_pair_mask: strstr is spared for keys that cannot be in it.
 */
static inline const char *
find_key(const KeyTable *t, int i, int k, const char *sq, uint64_t have)
{
	return (t->key[i][k].pairs & ~have) == 0 ? strstr(sq, t->rows[i].keys[k]) : NULL;
}

/*
 * The longest key of any row found in a squeezed label (ties: the first in
 * table order); -1 if none.  have is the label's gir_pair_mask.
 */
static int
best_key(const KeyTable *t, const char *sq, uint64_t have)
{
	int			sqlen = (int) strlen(sq),
				j;

	for (j = 0; j < t->nkeys; j++)
	{
		int			i = t->by_length[j].i,
					k = t->by_length[j].k;

		if (t->key[i][k].len <= sqlen && find_key(t, i, k, sq, have))
			return t->rows[i].row;
	}
	return -1;
}

/*
 * The row whose key ends first in a squeezed label followed by the text
 * below it (ties: the longer key): the text below a wrapped label may also
 * hold the label of a blank row after it.  -1 if none.
 */
static int
first_key(const KeyTable *t, const char *sq, int *end)
{
	int			best = -1,
				best_end = 0,
				best_len = 0,
				i,
				k;
	uint64_t	have = gir_pair_mask(sq, strlen(sq));

	for (i = 0; i < t->n; i++)
		for (k = 0; k < 4 && t->rows[i].keys[k]; k++)
		{
			const char *hit = find_key(t, i, k, sq, have);
			int			l = t->key[i][k].len;

			if (hit && (best < 0 || hit - sq + l < best_end ||
						(hit - sq + l == best_end && l > best_len)))
			{
				best = t->rows[i].row;
				best_end = (int) (hit - sq) + l;
				best_len = l;
			}
		}
	if (end)
		*end = best_end;
	return best;
}

/*
 * The row whose key starts last in the text above a row's values (ties:
 * the longer key): that text may also hold the label of a blank row
 * before it.  -1 if none.
 */
static int
last_key(const KeyTable *t, const char *sq)
{
	int			best = -1,
				best_start = -1,
				best_len = 0,
				i,
				k;
	uint64_t	have = gir_pair_mask(sq, strlen(sq));

	for (i = 0; i < t->n; i++)
		for (k = 0; k < 4 && t->rows[i].keys[k]; k++)
		{
			const char *hit = find_key(t, i, k, sq, have);
			const char *next;
			int			l = t->key[i][k].len;

			while (hit && (next = strstr(hit + 1, t->rows[i].keys[k])) != NULL)
				hit = next;
			if (hit && (hit - sq > best_start || (hit - sq == best_start && l > best_len)))
			{
				best = t->rows[i].row;
				best_start = (int) (hit - sq);
				best_len = l;
			}
		}
	return best;
}

/* The group a squeezed label names, if any; have is its gir_pair_mask. */
static T3Group
find_group(const char *sq, uint64_t have)
{
	int			g;

	for (g = 0; g < G_COUNT; g++)
		if ((gir_word_pairs(t3_group_keys[g]) & ~have) == 0 && strstr(sq, t3_group_keys[g]))
			return (T3Group) g;
	return G_NONE;
}

/* Longest common subsequence of two squeezed labels, in characters. */
static int
lcs_chars(const char *a, const char *b)
{
	uint32_t	ca[64],
				cb[64];
	int			na = 0,
				nb = 0,
				i,
				j;
	int			prev[65],
				cur[65];

	while (*a && na < 64)
		a += gir_utf8_decode((const unsigned char *) a, strlen(a), &ca[na++]);
	while (*b && nb < 64)
		b += gir_utf8_decode((const unsigned char *) b, strlen(b), &cb[nb++]);
	memset(prev, 0, sizeof(prev));
	for (i = 1; i <= na; i++)
	{
		cur[0] = 0;
		for (j = 1; j <= nb; j++)
			cur[j] = ca[i - 1] == cb[j - 1] ? prev[j - 1] + 1 :
				(prev[j] > cur[j - 1] ? prev[j] : cur[j - 1]);
		memcpy(prev, cur, sizeof(cur));
	}
	return prev[nb];
}

static int
utf8_chars(const char *s)
{
	int			n = 0;

	for (; *s; s++)
		if (((unsigned char) *s & 0xC0) != 0x80)
			n++;
	return n;
}

/* A label close enough to a row's full label to be that row, misspelt. */
static bool
similar_label(const char *sq, const char *full)
{
	int			la = utf8_chars(sq),
				lb = utf8_chars(full),
				common;

	if (la == 0 || la > 64 || lb == 0)
		return false;
	common = lcs_chars(sq, full);
	return common * 10 >= (la > lb ? la : lb) * 7;
}

static const char *
row_full_key(const KeyTable *t, GirRowId row)
{
	int			i;

	for (i = 0; i < t->n; i++)
		if (t->rows[i].row == row)
			return t->rows[i].keys[0];
	return NULL;
}

/* ---------- sections ---------- */

static bool
starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/*
 * Does the line hold 情 (情况, 情況), 事 (事项) or 概述, as every title of
 * title_section does?  Most lines do not.  One pass, 16 bytes at a time,
 * for the words' last bytes costs less than three memchr calls.
 */
static bool
holds_title_word(const char *s, size_t len)
{
#ifdef __SSE2__
	char		pad[16];
	size_t		at;

	for (at = 0; at < len; at += 16)
	{
		const char *block = s + at;
		size_t		from = at;	/* where block[0] is in s */
		unsigned	skip = 0;	/* bits of bytes already seen */
		__m128i		b,
					before,
					qing,
					shi,
					shu;
		unsigned	last;

		if (len - at < 16 && len >= 16)
		{
			/* the last 16 bytes, less those the previous block had */
			from = len - 16;
			block = s + from;
			skip = (1u << (16 - (len - at))) - 1;
		}
		else if (len - at < 16)
		{
			memset(pad, 0, sizeof(pad));
			memcpy(pad, block, len - at);
			block = pad;
		}
		b = _mm_loadu_si128((const __m128i *) block);
		before = _mm_slli_si128(b, 1);	/* byte i - 1 in byte i; 0 in byte 0 */
		qing = _mm_cmpeq_epi8(b, _mm_set1_epi8((char) 0x85));	/* 情 E6 83 85 */
		shi = _mm_cmpeq_epi8(b, _mm_set1_epi8((char) 0x8B));	/* 事 E4 BA 8B */
		shu = _mm_cmpeq_epi8(b, _mm_set1_epi8((char) 0xB0));	/* 述 E8 BF B0 */
		/* last and middle bytes together; byte 0's middle byte is unknown */
		last = ((unsigned) _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
			_mm_and_si128(qing, _mm_cmpeq_epi8(before, _mm_set1_epi8((char) 0x83))),
			_mm_and_si128(shi, _mm_cmpeq_epi8(before, _mm_set1_epi8((char) 0xBA)))),
			_mm_and_si128(shu, _mm_cmpeq_epi8(before, _mm_set1_epi8((char) 0xBF))))) |
				(1u & (unsigned) _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(qing, shi), shu)))) &
			~skip;
		for (; last; last &= last - 1)
		{
			size_t		end = from + (size_t) __builtin_ctz(last) + 1;

			if (end >= 3 && (memcmp(s + end - 3, "情", 3) == 0 || memcmp(s + end - 3, "事", 3) == 0))
				return true;
			if (end >= 6 && memcmp(s + end - 6, "概述", 6) == 0)
				return true;
		}
	}
	return false;
#else
	return gir_contains(s, len, "情") || gir_contains(s, len, "事") ||
		gir_contains(s, len, "概述");
#endif
}

/*
 * The section a line is the title of, or SEC_NONE.  *numeral gets the
 * squeezed numbering the title carried ("二", "2", "" …).
 */
static SectionNo
title_section(const GirLine *ln, char *numeral)
{
	char		sq[SQUEEZE_MAX];
	const char *t;
	size_t		n;

	numeral[0] = '\0';
	/* the shortest title is 概述, six bytes (squeezing never lengthens) */
	if (ln->len > 240 || ln->len < 6)
		return SEC_NONE;
	if (!holds_title_word(ln->s, (size_t) ln->len))
		return SEC_NONE;
	n = squeeze(ln->s, ln->len, sq);
	if (n == 0 || n > 150)
		return SEC_NONE;
	t = skip_numbering(sq);
	if (t - sq < 16)
	{
		memcpy(numeral, sq, t - sq);
		numeral[t - sq] = '\0';
	}
	if (starts_with(t, "第") && strstr(t, "部分"))
		t = strstr(t, "部分") + strlen("部分");
	if (strlen(t) > 120)
		return SEC_NONE;
	if (starts_with(t, "总体情况") || strcmp(t, "概述") == 0)
		return SEC_OVERVIEW;
	if (starts_with(t, "主动公开政府信息情况") || strcmp(t, "主动公开政府信息") == 0)
		return SEC_ACTIVE;
	if (starts_with(t, "收到和处理政府信息公开申请"))
		return SEC_REQUESTS;
	if ((starts_with(t, "政府信息公开行政复议") || starts_with(t, "因政府信息公开") ||
		 starts_with(t, "行政复议行政诉讼情况") || starts_with(t, "政府信息公开被申请行政复议")) &&
		strstr(t, "诉讼") && strstr(t, "情况"))
		return SEC_REVIEW;
	if (strstr(t, "主要问题") && strstr(t, "改进") && strlen(t) <= 90)
		return SEC_PROBLEMS;
	if (starts_with(t, "其他需要报告的事项"))
		return SEC_OTHER;
	if ((starts_with(t, "依申请公开政府信息") && strstr(t, "情况")) ||
		strstr(t, "收费及减免"))
		return SEC_LEGACY;
	return SEC_NONE;
}

/*
 * A line that looks like part of a table: a number standing alone between
 * white space, TABs or pipes, and not a page number.
 */
static bool
line_has_cells(GirCtx *ctx, const GirLine *ln)
{
	const unsigned char *s = (const unsigned char *) ln->s;
	const unsigned char *end = s + ln->len;

	while (s < end)
	{
		const unsigned char *start;

		while (s < end && (*s == ' ' || *s == '\t' || *s == '|'))
			s++;
		start = s;
		while (s < end && *s >= '0' && *s <= '9')
			s++;
		if (s > start && (s == end || *s == ' ' || *s == '\t' || *s == '|'))
			return !gir_page_debris(ctx, ln->s, ln->len);
		s = gir_next_separator(s, end);	/* the rest of the word */
	}
	return false;
}

typedef struct Sections
{
	int			title[SEC_COUNT];	/* chosen title line, or -1 */
	GirRegion	region[SEC_COUNT];	/* tables' regions; first == end if none */
} Sections;

static void
find_sections(GirCtx *ctx, Sections *secs)
{
	GirDoc	   *doc = &ctx->doc;
	int		   *cands[SEC_COUNT];
	int			ncands[SEC_COUNT];
	int			bounds_cap = 64,
				nbounds = 0;
	int		   *bounds;
	int			li,
				s,
				i;
	static const char *const expected_numeral[SEC_COUNT] = {
		"", "一", "二", "三", "四", "五", "六", ""
	};

	memset(ncands, 0, sizeof(ncands));
	for (s = 0; s < SEC_COUNT; s++)
	{
		cands[s] = gir_alloc(ctx->arena, 8 * sizeof(int));
		secs->title[s] = -1;
		secs->region[s].first = secs->region[s].end = 0;
	}
	bounds = gir_alloc(ctx->arena, bounds_cap * sizeof(int));

	for (li = 0; li < doc->nlines; li++)
	{
		char		numeral[16];
		SectionNo	sec;

		gir_tick(ctx);
		sec = title_section(&doc->lines[li], numeral);
		if (sec == SEC_NONE)
			continue;
		if (ncands[sec] < 8)
			cands[sec][ncands[sec]++] = li;
		if (nbounds == bounds_cap)
		{
			int		   *b = gir_alloc(ctx->arena, 2 * bounds_cap * sizeof(int));

			memcpy(b, bounds, nbounds * sizeof(int));
			bounds = b;
			bounds_cap *= 2;
		}
		bounds[nbounds++] = li;
	}

	/*
	 * Choose among a section's candidate titles.  For a table section the
	 * title must be followed by table lines; a title numbered as the
	 * template numbers it (二 or 2) beats a sub-heading such as
	 * （一）主动公开政府信息情况 in the overview.
	 */
	for (s = 1; s < SEC_COUNT; s++)
	{
		int			best_score = -1;

		for (i = 0; i < ncands[s]; i++)
		{
			char		numeral[16];
			int			score = 0,
						j,
						stop = doc->nlines;
			bool		cells = false;

			title_section(&doc->lines[cands[s][i]], numeral);
			if (numeral[0] == '\0' || strcmp(numeral, expected_numeral[s]) == 0 ||
				(numeral[0] - '0' == s && numeral[1] == '\0'))
				score += 1;
			if (s == SEC_ACTIVE || s == SEC_REQUESTS || s == SEC_REVIEW)
			{
				for (j = 0; j < nbounds; j++)
					if (bounds[j] > cands[s][i])
					{
						stop = bounds[j];
						break;
					}
				for (j = cands[s][i] + 1; j < stop && !cells; j++)
					cells = line_has_cells(ctx, &doc->lines[j]);
				score += cells ? 2 : 0;
			}
			if (score > best_score)
			{
				best_score = score;
				secs->title[s] = cands[s][i];
			}
		}
	}

	/* a title numbered like 2、 instead of 二、 is accepted, and noted */
	for (s = SEC_OVERVIEW; s <= SEC_OTHER; s++)
	{
		char		numeral[16];

		if (secs->title[s] < 0)
			continue;
		title_section(&doc->lines[secs->title[s]], numeral);
		if (numeral[0] && strcmp(numeral, expected_numeral[s]) != 0)
			gir_warn(ctx, "title_numbering", doc->lines[secs->title[s]].src_line,
					 "section %s title is numbered “%s” instead of “%s、”",
					 expected_numeral[s], numeral, expected_numeral[s]);
	}

	/*
	 * Regions: a table's runs from its title to the next title-like line;
	 * a narrative section's to the next chosen title (sub-headings such as
	 * （一）主动公开政府信息情况 inside 一、总体情况 do not end it).
	 */
	for (s = SEC_OVERVIEW; s <= SEC_OTHER; s++)
	{
		int			start = secs->title[s];
		int			stop = doc->nlines;
		int			o;

		if (start < 0)
			continue;
		if (s == SEC_ACTIVE || s == SEC_REQUESTS || s == SEC_REVIEW)
		{
			for (i = 0; i < nbounds; i++)
				if (bounds[i] > start)
				{
					stop = bounds[i];
					break;
				}
		}
		else
			for (o = SEC_OVERVIEW; o < SEC_COUNT; o++)
				if (secs->title[o] > start && secs->title[o] < stop)
					stop = secs->title[o];
		secs->region[s].first = start + 1;
		secs->region[s].end = stop;
	}
}

/*
 * Without titles, tables are found by their own first lines: the 第二十条
 * block heading, the 勾稽关系 note or 本年新收 row, the 行政复议 header.
 */
static void
find_table_anchors(GirCtx *ctx, Sections *secs)
{
	GirDoc	   *doc = &ctx->doc;
	int			anchor[SEC_COUNT];
	int			li,
				s;

	/* anchors only stand in for missing titles */
	if (secs->title[SEC_ACTIVE] >= 0 && secs->title[SEC_REQUESTS] >= 0 &&
		secs->title[SEC_REVIEW] >= 0)
		return;
	for (s = 0; s < SEC_COUNT; s++)
		anchor[s] = -1;
	for (li = 0; li < doc->nlines; li++)
	{
		const GirLine *ln = &doc->lines[li];
		char		sq[SQUEEZE_MAX];
		const char *t;

		gir_tick(ctx);
		if (ln->len > 300 || ln->len == 0)
			continue;
		squeeze(ln->s, ln->len, sq);
		t = skip_numbering(sq);
		if (anchor[SEC_ACTIVE] < 0 && starts_with(t, "第二十条第"))
			anchor[SEC_ACTIVE] = li;
		else if (anchor[SEC_REQUESTS] < 0 &&
				 (strstr(sq, "勾稽关系") || starts_with(t, "本年新收政府信息公开申请")))
			anchor[SEC_REQUESTS] = li;
		else if (anchor[SEC_REVIEW] < 0 && li > anchor[SEC_REQUESTS] &&
				 anchor[SEC_REQUESTS] >= 0 && starts_with(t, "行政复议") && strlen(t) <= 36)
			anchor[SEC_REVIEW] = li;
	}
	for (s = SEC_ACTIVE; s <= SEC_REVIEW; s++)
	{
		int			stop = doc->nlines,
					o;

		if (secs->title[s] >= 0 || anchor[s] < 0)
			continue;
		/* the region ends at the next title or anchor */
		for (o = SEC_OVERVIEW; o < SEC_COUNT; o++)
		{
			int			b = secs->title[o] >= 0 ? secs->title[o] : anchor[o];

			if (o != s && b > anchor[s] && b < stop)
				stop = b;
		}
		secs->region[s].first = anchor[s];
		secs->region[s].end = stop;
		gir_warn(ctx, "title_missing", doc->lines[anchor[s]].src_line,
				 "the title of table %s was not found; the table was located by its first line",
				 s == SEC_ACTIVE ? "二" : s == SEC_REQUESTS ? "三" : "四");
	}
}

/* ---------- entries ---------- */

static bool
is_value(const GirTok *t)
{
	return t->kind == GIR_TOK_NUM || t->kind == GIR_TOK_BLANK;
}

/* A sign at s[0..len): 减 減 增 + -; its length in bytes, or 0. */
static int
sign_len(const char *s, int len)
{
	if (len >= 1 && (s[0] == '+' || s[0] == '-'))
		return 1;
	if (len >= 3 && (memcmp(s, "减", 3) == 0 || memcmp(s, "減", 3) == 0 ||
					 memcmp(s, "增", 3) == 0))
		return 3;
	return 0;
}

/*
 * Length of a text token without the digits (and signs of 本年增/减) glued
 * to its end.
 */
static int
glued_label_len(const GirTok *t)
{
	int			len = t->len;

	for (;;)
	{
		if (len > 0 && ((t->s[len - 1] >= '0' && t->s[len - 1] <= '9') ||
						t->s[len - 1] == '.' || t->s[len - 1] == ' ' ||
						t->s[len - 1] == '+' || t->s[len - 1] == '-'))
			len--;
		else if (len >= 3 && sign_len(t->s + len - 3, 3) == 3)
			len -= 3;
		else
			break;
	}
	while (len > 0 && t->s[len - 1] == ' ')
		len--;
	return len;
}

/*
 * Digits glued to the end of a row's last label (a crawler dropped the
 * separators): "行政规范性文件12037", also when a stray space split the run
 * ("（一）予以公开41 00005").  Returns the length of the digit string
 * (*out, arena) or 0 when the row is not glued: the run must follow a
 * non-digit, hold a digit, and not end with a dot ("（三）不予公开1."), and
 * the row must have fewer plain numbers after the label than it needs.
 */
static int
glued_digits(GirCtx *ctx, GirTRow *row, int last_text, int expected, const char **out)
{
	const GirTok *t = &row->toks[last_text];
	int			start = glued_label_len(t);
	int			k,
				nums = 0;
	char		buf[GIR_GLUE_MAX_DIGITS + 8];
	int			len = 0,
				i;

	if (start == 0)
		return 0;
	while (start < t->len && t->s[start] == ' ')
		start++;
	if (start >= t->len || t->s[t->len - 1] == '.' || t->s[start] == '.')
		return 0;
	for (i = start; i < t->len && !(t->s[i] >= '0' && t->s[i] <= '9'); i++)
		;
	if (i == t->len)
		return 0;				/* signs without digits */
	for (k = last_text + 1; k < row->ntoks; k++)
	{
		const GirTok *v = &row->toks[k];

		if (v->kind == GIR_TOK_EMPTY)
			continue;
		if (v->kind != GIR_TOK_NUM || !gir_all_digits(v->s, v->len))
			return 0;
		nums++;
	}
	if (nums >= expected)
		return 0;
	for (i = start; i < t->len && len < (int) sizeof(buf) - 1; i++)
		if (t->s[i] != ' ')
			buf[len++] = t->s[i];
	for (k = last_text + 1; k < row->ntoks; k++)
		for (i = 0; i < row->toks[k].len && len < (int) sizeof(buf) - 1; i++)
			buf[len++] = row->toks[k].s[i];
	*out = gir_strndup(ctx->arena, buf, len);
	return len;
}

/*
 * A row in which a label follows numbers holds several table rows that a
 * copy ran together: cut it before each such label, so that no label is
 * read with another row's numbers.
 */
static int
split_run_together(GirCtx *ctx, GirTRow *rows, int nrows, GirTRow **out)
{
	int			total = 0,
				r,
				k,
				n = 0;
	GirTRow    *segs;

	for (r = 0; r < nrows; r++)
	{
		total++;
		for (k = 1; k < rows[r].ntoks; k++)
			if (rows[r].toks[k].kind == GIR_TOK_TEXT && is_value(&rows[r].toks[k - 1]))
				total++;
	}
	if (total == nrows)
	{
		*out = rows;
		return nrows;
	}
	segs = gir_alloc0(ctx->arena, total * sizeof(GirTRow));
	for (r = 0; r < nrows; r++)
	{
		int			start = 0;

		for (k = 1; k <= rows[r].ntoks; k++)
			if (k == rows[r].ntoks ||
				(rows[r].toks[k].kind == GIR_TOK_TEXT && is_value(&rows[r].toks[k - 1])))
			{
				segs[n].toks = rows[r].toks + start;
				segs[n].ntoks = k - start;
				segs[n].src_line = start > 0 ? rows[r].toks[start].src_line : rows[r].src_line;
				n++;
				start = k;
			}
		if (rows[r].ntoks == 0)
			segs[n++] = rows[r];
	}
	*out = segs;
	return n;
}

/*
 * Split rows into entries.  expected is the number of values a row of this
 * table has (the largest, for table 二): a row of only empty cells shorter
 * than that is a heading row, not data.
 */
static int
build_entries(GirCtx *ctx, GirTRow *rows, int nrows, int expected, Entry **out)
{
	Entry	   *entries;
	int			n = 0;
	GirBuf		pending;		/* text-only rows since the last entry: their end */
	GirBuf		head;			/* and their beginning, for the entry above */
	int			r;
	GirTok	   *merge_buf = NULL;	/* the values of an entry being continued */
	int			merge_cap = 0;

	nrows = split_run_together(ctx, rows, nrows, &rows);
	entries = gir_alloc0(ctx->arena, (nrows + 1) * sizeof(Entry));
	gir_buf_init(&pending, ctx->arena, PENDING_MAX + 64);
	gir_buf_init(&head, ctx->arena, PENDING_MAX + 64);
	for (r = 0; r < nrows; r++)
	{
		GirTRow    *row = &rows[r];
		int			last_text = -1,
					k;
		bool		prose = false,
					has_value = false;
		int			nvals;
		GirBuf		label;
		const char *glued = NULL;
		int			glued_len;

		gir_tick(ctx);
		for (k = 0; k < row->ntoks; k++)
		{
			const GirTok *t = &row->toks[k];

			if (t->kind == GIR_TOK_TEXT)
			{
				last_text = k;
				/* a sentence, not a label: labels never hold a full stop */
				if (t->len > PROSE_BYTES || gir_contains(t->s, t->len, "。"))
					prose = true;
			}
		}
		if (prose)
		{
			pending.len = head.len = 0;
			continue;
		}
		nvals = row->ntoks - last_text - 1;
		for (k = last_text + 1; k < row->ntoks; k++)
			if (is_value(&row->toks[k]))
				has_value = true;
		glued_len = last_text >= 0 ?
			glued_digits(ctx, row, last_text, expected, &glued) : 0;

		gir_buf_init(&label, ctx->arena, 64);
		for (k = 0; k <= last_text; k++)
		{
			int			len = row->toks[k].len;

			if (row->toks[k].kind == GIR_TOK_EMPTY)
				continue;
			if (k == last_text && glued_len > 0)
				len = glued_label_len(&row->toks[k]);
			if (label.len)
				gir_buf_putc(&label, ' ');
			gir_buf_append(&label, row->toks[k].s, len);
		}
		if (glued_len > 0)
		{
			has_value = true;
			nvals = 0;			/* the values are in the glued digits */
		}

		if (!has_value && nvals < expected)
		{
			/* a heading or a label fragment: keep it for the next entry */
			if (label.len == 0)
				continue;
			if (pending.len + label.len + 1 > PENDING_MAX)
				pending.len = 0;
			if (pending.len)
				gir_buf_putc(&pending, ' ');
			gir_buf_append(&pending, label.data, label.len);
			/* a long run (a header repeated after a page break) keeps its head */
			if (head.len + label.len + 1 <= PENDING_MAX)
			{
				if (head.len)
					gir_buf_putc(&head, ' ');
				gir_buf_append(&head, label.data, label.len);
			}
			continue;
		}
		if (label.len == 0 && pending.len == 0 && n > 0 &&
			entries[n - 1].nvals < expected)
		{
			/* values continued on the next line (one value per line) */
			Entry	   *prev = &entries[n - 1];

			/* room for the whole row at once: a copy per line, not per value */
			if (prev->vals != merge_buf || prev->nvals + nvals > merge_cap)
			{
				merge_cap = prev->nvals + nvals > expected ? prev->nvals + nvals : expected;
				merge_buf = gir_alloc(ctx->arena, merge_cap * sizeof(GirTok));
				memcpy(merge_buf, prev->vals, prev->nvals * sizeof(GirTok));
				prev->vals = merge_buf;
			}
			memcpy(merge_buf + prev->nvals, row->toks + last_text + 1, nvals * sizeof(GirTok));
			prev->nvals += nvals;
			prev->streamed = true;
			continue;
		}
		entries[n].label = label.data;
		entries[n].label_len = (int) label.len;
		/* rows without labels whose values came one per line: where one
		 * row ends is a guess (the table must confirm it) */
		entries[n].chunk = (label.len == 0 && pending.len == 0 && nvals == 1 &&
							n > 0 && entries[n - 1].streamed);
		entries[n].streamed = entries[n].chunk;
		entries[n].glued = glued;
		entries[n].glued_len = glued_len;
		entries[n].pending = gir_strndup(ctx->arena, pending.data, pending.len);
		entries[n].pending_len = (int) pending.len;
		if (n > 0)
		{
			entries[n - 1].following = gir_strndup(ctx->arena, head.data, head.len);
			entries[n - 1].following_len = (int) head.len;
		}
		entries[n].vals = row->toks + last_text + 1;
		entries[n].nvals = nvals;
		entries[n].line = row->src_line;
		for (k = last_text + 1; k < row->ntoks; k++)
			if (is_value(&row->toks[k]))
			{
				entries[n].line = row->toks[k].src_line;
				break;
			}
		n++;
		pending.len = head.len = 0;
	}
	if (n > 0)
	{
		entries[n - 1].following = gir_strndup(ctx->arena, head.data, head.len);
		entries[n - 1].following_len = (int) head.len;
	}
	*out = entries;
	return n;
}

/* Squeeze an entry's label followed by the text after it. */
static void
squeeze_with_following(const Entry *e, char *out)
{
	size_t		n = squeeze(e->label, e->label_len, out);

	gir_squeeze(e->following, (size_t) e->following_len, out + n, SQUEEZE_MAX - n);
}

/* ---------- values into cells ---------- */

/* An entry whose value cells are all empty (a padded heading, or a row
 * left blank). */
static bool
all_empty(const Entry *e)
{
	int			i;

	if (e->glued)
		return false;
	for (i = 0; i < e->nvals; i++)
		if (e->vals[i].kind != GIR_TOK_EMPTY)
			return false;
	return true;
}

/*
 * Digits in the NUM tokens v[0..n) if all are plain digit runs, else 0.
 */
static int
plain_digits(const GirTok *v, int n)
{
	int			i,
				total = 0;

	for (i = 0; i < n; i++)
	{
		if (v[i].kind == GIR_TOK_EMPTY)
			continue;
		if (v[i].kind != GIR_TOK_NUM || !gir_all_digits(v[i].s, v[i].len))
			return 0;
		total += v[i].len;
	}
	return total;
}

/* Concatenate the digits of v[0..n) into out (NUL-terminated); its length. */
static int
join_digits(const GirTok *v, int n, char *out, size_t outcap)
{
	int			i,
				len = 0;

	for (i = 0; i < n; i++)
		if (v[i].kind == GIR_TOK_NUM && len + v[i].len < (int) outcap)
		{
			memcpy(out + len, v[i].s, v[i].len);
			len += v[i].len;
		}
	out[len] = '\0';
	return len;
}

/* Position of the signed column (本年增/减) among a row's columns, or -1. */
static int
signed_column(const GirColId *cols, int ncols)
{
	int			i;

	for (i = 0; i < ncols; i++)
		if (gir_col_def(cols[i])->signed_count)
			return i;
	return -1;
}

/* "4/1/0/0/0/0/5": a split for a message. */
static const char *
split_text(GirCtx *ctx, const int64_t *cells, int ncells)
{
	GirBuf		b;
	int			i;

	gir_buf_init(&b, ctx->arena, 64);
	for (i = 0; i < ncells; i++)
	{
		char		num[24];

		snprintf(num, sizeof(num), "%s%lld", i ? "/" : "", (long long) cells[i]);
		gir_buf_puts(&b, num);
	}
	return gir_buf_cstr(&b);
}

/*
 * Split glued digits holding one sign (the 本年增/减 column of T2019, or a
 * negative count): the sign starts a cell, the digits before it fill the
 * cells before that one and those after it the rest; where the row has a
 * signed column the sign must start it.  Only rows without arithmetic
 * between their cells are split.  Returns the number of readings, as
 * gir_glue_split does.
 */
static int
split_signed(const char *digits, int len, int sign_at, int sl, int ncells,
			 GirGlueRule rule, int signed_col, int64_t (*sols)[GIR_GLUE_MAX_CELLS])
{
	const char *after = digits + sign_at + sl;
	int			nafter = len - sign_at - sl;
	bool		negative = digits[sign_at] == '-' ||
		(sl == 3 && memcmp(digits + sign_at, "增", 3) != 0);	/* 减 減 */
	int			total = 0,
				k;

	if (rule != GIR_GLUE_PLAIN || memchr(after, '+', nafter) || memchr(after, '-', nafter))
		return -1;
	for (k = 0; k < ncells; k++)
	{
		int64_t		before[4][GIR_GLUE_MAX_CELLS],
					rest[4][GIR_GLUE_MAX_CELLS];
		int			nb = k == 0 ? (sign_at == 0 ? 1 : 0) :
			gir_glue_split(digits, sign_at, k, GIR_GLUE_PLAIN, before, 4);
		int			nr;

		if (signed_col >= 0 && k != signed_col)
			continue;
		if (nb <= 0)
			continue;
		nr = gir_glue_split(after, nafter, ncells - k, GIR_GLUE_PLAIN, rest, 4);
		if (nr <= 0)
			continue;
		if (total == 0 && nb == 1 && nr == 1)
		{
			memcpy(sols[0], before[0], k * sizeof(int64_t));
			memcpy(sols[0] + k, rest[0], (ncells - k) * sizeof(int64_t));
			if (negative)
				sols[0][k] = -sols[0][k];
		}
		total += nb * nr;
	}
	return total;
}

/*
 * Fill cells[0..ncells) from digits that lost their separators, when
 * exactly one split satisfies the rule; otherwise leave them null and say
 * why.  A single cell takes the whole run (a decimal included).
 */
static void
fill_from_glue(GirCtx *ctx, GirCell *cells, const char *digits, int len, int ncells,
			   GirGlueRule rule, int signed_col, const char *rowname, int line)
{
	int64_t		sols[4][GIR_GLUE_MAX_CELLS];
	int			nsols,
				i;
	int			sign_at = -1,
				sl = 0;

	for (i = 0; i < len; i++)
		if ((sl = sign_len(digits + i, len - i)) > 0)
		{
			sign_at = i;
			break;
		}

	if (ncells == 1)
	{
		bool		converted;

		if (gir_parse_number(ctx, digits, len, &cells[0], true, &converted))
			gir_warn(ctx, "cells_split", line,
					 "row %s: the value “%.*s” was glued to its label", rowname, len, digits);
		return;
	}
	if (sign_at >= 0)
		nsols = split_signed(digits, len, sign_at, sl, ncells, rule, signed_col, sols);
	else
		nsols = gir_glue_split(digits, len, ncells, rule, sols, 4);
	if (nsols == 1)
	{
		for (i = 0; i < ncells; i++)
		{
			char		num[24];
			int			nl = snprintf(num, sizeof(num), "%lld", (long long) sols[0][i]);

			cells[i].state = GIR_CELL_VALUE;
			cells[i].integral = true;
			cells[i].ival = sols[0][i];
			cells[i].num = gir_strndup(ctx->arena, num, nl);
			cells[i].line = line;
		}
		gir_warn(ctx, "cells_split", line,
				 "row %s: the digits “%.*s” lost their separators; %s is the only split into %d counts%s",
				 rowname, len, digits, split_text(ctx, sols[0], ncells), ncells,
				 rule == GIR_GLUE_PLAIN ? "" : " that adds up");
	}
	else if (nsols > 1 && sign_at >= 0)
		/* split_signed counts several readings but keeps none of them */
		gir_warn(ctx, "cells_split_ambiguous", line,
				 "row %s: the digits “%.*s” lost their separators and split %d ways; its cells are left empty",
				 rowname, len, digits, nsols);
	else if (nsols > 1)
		gir_warn(ctx, "cells_split_ambiguous", line,
				 "row %s: the digits “%.*s” lost their separators and split %s ways (%s, %s%s); its cells are left empty",
				 rowname, len, digits, nsols > 4 ? "more than four" : nsols == 2 ? "two" : nsols == 3 ? "three" : "four",
				 split_text(ctx, sols[0], ncells), split_text(ctx, sols[1], ncells),
				 nsols > 2 ? ", …" : "");
	else
		gir_warn(ctx, "cells_unreadable", line,
				 "row %s: the text “%.*s” splits into no %d counts%s; its cells are left empty",
				 rowname, len, digits, ncells, rule == GIR_GLUE_PLAIN ? "" : " that add up");
}

/* Do the six applicant cells of a 7-value reading add up to the seventh? */
static bool
applicants_add_up(GirCtx *ctx, const GirTok *v)
{
	int64_t		sum = 0;
	int			i;

	for (i = 0; i < 7; i++)
	{
		GirCell		c;
		bool		conv;

		if (v[i].kind != GIR_TOK_NUM ||
			!gir_parse_number(ctx, v[i].s, v[i].len, &c, false, &conv) || !c.integral)
			return false;
		if (i < 6)
			sum += c.ival;
		else
			return sum == c.ival;
	}
	return false;
}

static bool
same_values(const GirTok *a, const GirTok *b, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		if (a[i].kind != b[i].kind || a[i].len != b[i].len ||
			memcmp(a[i].s, b[i].s, a[i].len) != 0)
			return false;
	return true;
}

/* Mark a row present with every cell null (the values follow, if known). */
static void
present_with_nulls(GirRow *row, int ncols, int line)
{
	int			i;

	row->present = true;
	row->line = line;
	for (i = 0; i < ncols; i++)
	{
		row->cells[i].state = GIR_CELL_NULL;
		row->cells[i].line = line;
	}
}

/*
 * Store an entry's values into a row.  When they cannot be placed with
 * certainty the row is present with null cells and a warning says why.
 */
static void
store_values(GirCtx *ctx, GirRowId rowid, const Entry *e, GirTemplate tpl,
			 const char *rowname)
{
	GirRow	   *row = &ctx->report->rows[rowid];
	const GirColId *cols;
	int			ncols = gir_row_columns(rowid, tpl, &cols);
	const GirTok *v = e->vals;
	int			n = e->nvals;
	int			i;

	present_with_nulls(row, ncols, e->line);
	if (e->glued)
	{
		fill_from_glue(ctx, row->cells, e->glued, e->glued_len, ncols,
					   gir_row_def(rowid)->section == GIR_SEC_REQUESTS ?
					   GIR_GLUE_ROW_TOTAL : GIR_GLUE_PLAIN, signed_column(cols, ncols),
					   rowname, e->line);
		return;
	}

	/*
	 * Empty cells beyond the template's count are layout residue: a row
	 * without a label of its own starts with its empty label cell; a
	 * labelled one may end with a TAB.
	 */
	if (e->label_len == 0)
		while (n > ncols && v[0].kind == GIR_TOK_EMPTY)
			v++, n--;
	while (n > ncols && v[n - 1].kind == GIR_TOK_EMPTY)
		n--;
	while (n > ncols && v[0].kind == GIR_TOK_EMPTY)
		v++, n--;

	if (n > ncols)
	{
		const GirTok *first = v;
		const GirTok *last = v + (n - ncols);
		const char *why;

		if (same_values(first, last, ncols))
		{
			v = last;
			why = "both readings give the same numbers";
		}
		else if (ncols == 7 && applicants_add_up(ctx, last) != applicants_add_up(ctx, first))
		{
			v = applicants_add_up(ctx, last) ? last : first;
			why = "only they add up to the row total";
		}
		else if (ncols == 7 && applicants_add_up(ctx, last))
		{
			v = last;
			why = "both readings add up; the template's extra cell comes first";
		}
		else
		{
			gir_warn(ctx, "row_unreadable", e->line,
					 "row %s has %d values instead of %d and no reading is certain; its cells are left empty",
					 rowname, n, ncols);
			return;
		}
		gir_warn(ctx, "extra_cell", e->line,
				 "row %s has %d values instead of %d; the %s %d were kept (%s)",
				 rowname, n, ncols, v == first ? "first" : "last", ncols, why);
		n = ncols;
	}
	if (n < ncols && ncols > 1 && plain_digits(v, n) >= ncols)
	{
		/* one long run of digits where the row has several cells */
		char		digits[GIR_GLUE_MAX_DIGITS + 1];
		int			len = join_digits(v, n, digits, sizeof(digits));

		fill_from_glue(ctx, row->cells, digits, len, ncols,
					   gir_row_def(rowid)->section == GIR_SEC_REQUESTS ?
					   GIR_GLUE_ROW_TOTAL : GIR_GLUE_PLAIN, signed_column(cols, ncols),
					   rowname, e->line);
		return;
	}
	if (n < ncols)
	{
		gir_warn(ctx, "row_short", e->line,
				 "row %s has %d values instead of %d; its cells are left empty",
				 rowname, n, ncols);
		return;
	}

	for (i = 0; i < ncols && v[i].kind != GIR_TOK_NUM; i++)
		;
	if (i == ncols)
	{
		gir_warn(ctx, "row_blank", e->line,
				 "row %s is left blank: its cells are null", rowname);
		return;
	}

	for (i = 0; i < ncols; i++)
	{
		GirCell    *cell = &row->cells[i];
		const GirColDef *col = gir_col_def(cols[i]);
		bool		converted;

		cell->line = v[i].src_line;
		if (v[i].kind != GIR_TOK_NUM)
		{
			gir_warn(ctx, "cell_blank", v[i].src_line,
					 "row %s, column %s is blank%s%.*s%s",
					 rowname, col->key,
					 v[i].len ? " (“" : "", v[i].len, v[i].s, v[i].len ? "”)" : "");
			continue;
		}
		if (!gir_parse_number(ctx, v[i].s, v[i].len, cell, col->money, &converted))
			continue;
		if (converted)
			gir_warn(ctx, "unit_converted", v[i].src_line,
					 "row %s, column %s: “%.*s” converted from 元 to 万元",
					 rowname, col->key, v[i].len, v[i].s);
		if (!col->money && !cell->integral)
			gir_warn(ctx, "cell_not_integer", v[i].src_line,
					 "row %s, column %s: “%.*s” is not a whole number",
					 rowname, col->key, v[i].len, v[i].s);
		if (!col->signed_count && cell->num[0] == '-')
			gir_warn(ctx, "cell_negative", v[i].src_line,
					 "row %s, column %s: “%.*s” is negative",
					 rowname, col->key, v[i].len, v[i].s);
	}
}

/* ---------- table 三 ---------- */

/*
 * The rows of table 三 under a template, in the template's order (the
 * catalogue lists them in that order).  Returns their number.
 */
static int
t3_order(GirTemplate tpl, GirRowId *order)
{
	int			mask = 1 << (tpl == GIR_TPL_2019 ? GIR_TPL_2019 : GIR_TPL_2021);
	int			row,
				n = 0;

	for (row = GIR_R_NEW_RECEIVED; row <= GIR_R_CARRIED_FORWARD; row++)
		if (gir_row_def((GirRowId) row)->templates & mask)
			order[n++] = (GirRowId) row;
	return n;
}

static GirRowId
group_first_row(T3Group g, GirTemplate tpl)
{
	switch (g)
	{
		case G_DENIED:
			return GIR_R_DENIED_STATE_SECRET;
		case G_UNABLE:
			return GIR_R_UNABLE_NOT_HELD;
		case G_NOT_PROCESSED:
			return GIR_R_NP_COMPLAINT;
		default:
			return tpl == GIR_TPL_2019 ? GIR_R_OTHER : GIR_R_OTHER_NO_CORRECTION;
	}
}

/* Match a squeezed label: a leaf row, or only a group, or nothing. */
static void
match_t3_label(const char *sq, GirRowId *leaf, T3Group *group)
{
	const char *bare = skip_numbering(sq);
	uint64_t	have = gir_pair_mask(sq, strlen(sq));

	*leaf = (GirRowId) best_key(key_table(&t3_table), sq, have);
	*group = find_group(sq, have);
	/* 3.其他 under （六）: the only label that is a bare word */
	if ((int) *leaf < 0 && strcmp(bare, "其他") == 0)
		*leaf = GIR_R_OTHER_OTHER;
	/* the group word inside a leaf label is not a group heading */
	if (*group == G_DENIED && *leaf == GIR_R_DENIED_PROHIBITED_BY_LAW)
		*group = G_NONE;
}

/* What an entry's label names: a leaf row, or only a group. */
typedef struct T3Match
{
	GirRowId	leaf;
	T3Group		group;
	const char *label_sq;		/* the entry's own label, squeezed */
} T3Match;

/*
 * Match an entry of table 三: its own label first, then with the text
 * wrapped below it (only a row with a label of its own wraps), then with
 * the text above it, less what the entry before took of that text to
 * complete its own label (prev_used).  A row of only empty cells is a
 * heading unless its own label names a row.  Returns how much of the text
 * below (squeezed bytes) this entry used, for the next one.
 */
static int
match_t3_entry(GirCtx *ctx, const Entry *e, int prev_used, T3Match *m)
{
	char		sq[SQUEEZE_MAX];
	int			own = (int) squeeze(e->label, e->label_len, sq);
	GirRowId   *leaf = &m->leaf;
	T3Group    *group = &m->group;

	m->label_sq = gir_strndup(ctx->arena, sq, own);
	match_t3_label(sq, leaf, group);
	if (all_empty(e))
	{
		/* 总计, 其他 or a group word are header words here, not row labels */
		if (*leaf == GIR_R_TOTAL_PROCESSED || *leaf == GIR_R_OTHER_OTHER)
			*leaf = (GirRowId) -1;
		*group = G_NONE;
		return 0;
	}
	if ((int) *leaf < 0 && e->label_len > 0 && e->following_len > 0)
	{
		char		sqf[SQUEEZE_MAX];
		int			end;
		GirRowId	fleaf;

		squeeze_with_following(e, sqf);
		fleaf = (GirRowId) first_key(key_table(&t3_table), sqf, &end);
		if ((int) fleaf >= 0)
		{
			*leaf = fleaf;
			return end > own ? end - own : 0;
		}
	}
	if ((int) *leaf < 0 && *group == G_NONE && e->pending_len > 0)
	{
		size_t		n = squeeze(e->pending, e->pending_len, sq);
		const char *rest = sq + (prev_used < (int) n ? prev_used : (int) n);

		match_t3_label(rest, leaf, group);
		if ((int) *leaf >= 0)
			*leaf = (GirRowId) last_key(key_table(&t3_table), rest);
		/* the 总计 of the table's header (also repeated after a page break) */
		if (*leaf == GIR_R_TOTAL_PROCESSED &&
			(strstr(rest, "申请人情况") || strstr(rest, "自然人") || strstr(rest, "法人或其他组织")))
			*leaf = (GirRowId) -1;
	}
	return 0;
}

/*
 * Does the text that named a table-三 row hold the row's whole label (a
 * damaged one, "2.其他法律行政止公开", was matched by a fragment)?
 */
static bool
names_row_fully(const Entry *e, const T3Match *m, GirRowId leaf)
{
	const char *full = row_full_key(&t3_table, leaf);
	char		sq[SQUEEZE_MAX];

	if (full == NULL)
		return true;			/* 3.其他: matched whole */
	/* the label alone, as a rule: it starts the text with what follows */
	if (strstr(m->label_sq, full) || (leaf == GIR_R_TOTAL_PROCESSED && strstr(m->label_sq, "合计")))
		return true;
	squeeze_with_following(e, sq);
	if (strstr(sq, full) || (leaf == GIR_R_TOTAL_PROCESSED && strstr(sq, "合计")))
		return true;
	squeeze(e->pending, e->pending_len, sq);
	return strstr(sq, full) != NULL;
}

/* Which table-三 layout: T2021 has three rows under （六）其他处理. */
static GirTemplate
t3_template(GirCtx *ctx, const T3Match *m, int n)
{
	int			i;
	int			other_at = -1;

	for (i = 0; i < n; i++)
	{
		if (m[i].leaf == GIR_R_OTHER_NO_CORRECTION || m[i].leaf == GIR_R_OTHER_UNPAID_FEE)
			return GIR_TPL_2021;
		if (m[i].group == G_OTHER)
			other_at = i;
		if (m[i].leaf == GIR_R_TOTAL_PROCESSED && other_at >= 0)
			return i - other_at >= 3 ? GIR_TPL_2021 : GIR_TPL_2019;
	}
	return ctx->report->tpl;
}

static int
order_pos(const GirRowId *order, int n, GirRowId row)
{
	int			i;

	for (i = 0; i < n; i++)
		if (order[i] == row)
			return i;
	return -1;
}

static void
read_requests(GirCtx *ctx, GirRegion region)
{
	GirTRow    *rows;
	int			nrows = gir_region_rows(ctx, region, &rows);
	Entry	   *entries;
	int			n = build_entries(ctx, rows, nrows, 7, &entries);
	T3Match    *m = gir_alloc(ctx->arena, (n + 1) * sizeof(T3Match));
	GirTemplate tpl;
	GirRowId	order[GIR_NROWS];
	int			norder;
	int			cursor = 0;
	int			i;
	GirReport  *r = ctx->report;
	int			used = 0;		/* text below an entry the entry used */
	bool		chunks = false,
				misaligned = false;

	/* each entry's label, matched once for the template and the rows */
	for (i = 0; i < n; i++)
		used = match_t3_entry(ctx, &entries[i], used, &m[i]);
	tpl = t3_template(ctx, m, n);
	norder = t3_order(tpl, order);

	/*
	 * Values that came one per line, with rows that have no label: they
	 * were cut into rows of seven.  If any such row does not add up (R3.2),
	 * the cut is wrong (rows of eight, a missing cell) and none of the
	 * streamed rows can be trusted.
	 */
	for (i = 0; i < n; i++)
	{
		chunks |= entries[i].chunk;
		if (entries[i].streamed && entries[i].nvals == 7 &&
			!applicants_add_up(ctx, entries[i].vals))
			misaligned = true;
	}

	for (i = 0; i < n; i++)
	{
		Entry	   *e = &entries[i];
		GirRowId	leaf;
		T3Group		group;
		const char *how = NULL;
		int			pos;

		gir_tick(ctx);
		leaf = m[i].leaf;
		group = m[i].group;
		if (leaf == GIR_R_OTHER_NO_CORRECTION || leaf == GIR_R_OTHER_UNPAID_FEE ||
			leaf == GIR_R_OTHER_OTHER)
		{
			if (tpl == GIR_TPL_2019)
				leaf = GIR_R_OTHER;
		}

		if ((int) leaf < 0 && group != G_NONE)
		{
			GirRowId	first = group_first_row(group, tpl);

			if (group == G_OTHER && tpl == GIR_TPL_2019)
				leaf = GIR_R_OTHER;
			else if (i + 1 < n)
			{
				/* a heading with numbers above labelled items is a subtotal */
				GirRowId	next_leaf;
				T3Group		next_group;

				match_t3_label(m[i + 1].label_sq, &next_leaf, &next_group);
				if (next_leaf == first)
				{
					gir_warn(ctx, "subtotal_row", e->line,
							 "row “%s” carries a subtotal of its items; it is not an output row",
							 t3_group_labels[group]);
					cursor = order_pos(order, norder, first);
					continue;
				}
				leaf = first;
				how = gir_printf(ctx->arena, "the first item under %s", t3_group_labels[group]);
			}
			else
			{
				leaf = first;
				how = gir_printf(ctx->arena, "the first item under %s", t3_group_labels[group]);
			}
		}
		if ((int) leaf < 0 && e->label_len == 0)
		{
			if (cursor >= norder)
			{
				gir_warn(ctx, "unknown_row", e->line,
						 "a row of numbers without a label after the last row of table 三 was ignored");
				continue;
			}
			leaf = order[cursor];
			how = "its position";
		}
		if ((int) leaf < 0)
		{
			const char *bare;
			const char *full = cursor < norder ? row_full_key(&t3_table, order[cursor]) : NULL;

			bare = skip_numbering(m[i].label_sq);
			if (full && similar_label(bare, full))
			{
				leaf = order[cursor];
				gir_warn(ctx, "label_repaired", e->line,
						 "label “%s” read as “%s”",
						 quote_label(ctx, e->label, e->label_len),
						 gir_row_def(leaf)->label_zh);
			}
			else
			{
				if (!all_empty(e))	/* else a heading padded with empty cells */
					gir_warn(ctx, "unknown_row", e->line,
							 "row “%s” of table 三 is not in the template; its numbers were not used",
							 quote_label(ctx, e->label, e->label_len));
				continue;
			}
		}
		pos = order_pos(order, norder, leaf);
		if (pos < 0)
			continue;
		if (r->tpl != GIR_TPL_UNKNOWN &&
			!(gir_row_def(leaf)->templates & (1 << r->tpl)))
		{
			/* the report is one template: a row of the other is not output */
			gir_warn(ctx, "row_not_in_template", e->line,
					 "row “%s” belongs to the %s template, not to this report's %s one; its numbers were not used",
					 gir_row_def(leaf)->label_zh, gir_template_name(tpl),
					 gir_template_name(r->tpl));
			cursor = pos + 1;
			continue;
		}
		if (r->rows[leaf].present)
		{
			gir_warn(ctx, "duplicate_row", e->line,
					 "row %s appears again; the first occurrence was kept",
					 gir_row_def(leaf)->key);
			continue;
		}
		if (how)
			gir_warn(ctx, "row_inferred", e->line,
					 "row without a readable label taken as %s (%s) by %s",
					 gir_row_def(leaf)->key, gir_row_def(leaf)->label_zh, how);
		else if (!names_row_fully(e, &m[i], leaf))
			gir_warn(ctx, "label_repaired", e->line, "label “%s” read as “%s”",
					 quote_label(ctx, e->label_len ? e->label : e->pending,
								 e->label_len ? e->label_len : e->pending_len),
					 gir_row_def(leaf)->label_zh);
		/* a labelled row starts at its label: it stands if it adds up */
		if (chunks && misaligned && e->streamed &&
			(e->chunk || how || e->nvals != 7 || !applicants_add_up(ctx, e->vals)))
		{
			const GirColId *cols;

			present_with_nulls(&r->rows[leaf], gir_row_columns(leaf, tpl, &cols), e->line);
			gir_warn(ctx, "row_uncertain", e->line,
					 "row %s: the values of rows without labels came one per line and do not add up row by row, so where this row starts is not certain; its cells are left empty",
					 gir_row_def(leaf)->key);
		}
		else
			store_values(ctx, leaf, e, tpl, gir_row_def(leaf)->key);
		cursor = pos + 1;
	}

	for (i = 0; i < norder; i++)
		if (r->rows[order[i]].present)
			r->found[GIR_SEC_REQUESTS] = true;
	if (r->found[GIR_SEC_REQUESTS])
	{
		GirBuf		missing;

		gir_buf_init(&missing, ctx->arena, 128);
		for (i = 0; i < norder; i++)
			if (!r->rows[order[i]].present)
			{
				if (missing.len)
					gir_buf_puts(&missing, ", ");
				gir_buf_puts(&missing, gir_row_def(order[i])->key);
			}
		if (missing.len)
			gir_warn(ctx, "row_missing", ctx->doc.lines[region.first].src_line,
					 "table 三 lacks rows: %s", gir_buf_cstr(&missing));
		if (r->tpl == GIR_TPL_UNKNOWN)
			r->tpl = tpl;
		else if (tpl != r->tpl)
			gir_warn(ctx, "template_conflict", ctx->doc.lines[region.first].src_line,
					 "table 二 follows the %s template but table 三 the %s one",
					 gir_template_name(r->tpl), gir_template_name(tpl));
	}
}

/* ---------- table 二 ---------- */

/* Header words that only one template prints (report-format.md §3.2). */
static const char *const markers_2021[] = {
	"制发", "废止", "现行有效", "本年处理决定", "收费金额", NULL
};
static const char *const markers_2019[] = {
	"新制作", "新公开", "对外公开总数", "上一年项目", "增减", "采购项目",
	"采购总金额", "其他对外管理服务", NULL
};

static GirTemplate
detect_template(GirCtx *ctx, GirRegion region)
{
	GirBuf		text;
	int			li,
				i,
				v2019 = 0,
				v2021 = 0;
	const char *t;

	gir_buf_init(&text, ctx->arena, 4096);
	for (li = region.first; li < region.end && text.len < 16384; li++)
	{
		char		sq[SQUEEZE_MAX];
		size_t		n = squeeze(ctx->doc.lines[li].s, ctx->doc.lines[li].len, sq);

		gir_buf_append(&text, sq, n);
	}
	t = gir_buf_cstr(&text);
	for (i = 0; markers_2021[i]; i++)
		if (strstr(t, markers_2021[i]))
			v2021++;
	for (i = 0; markers_2019[i]; i++)
		if (strstr(t, markers_2019[i]))
			v2019++;
	if (v2021 > v2019)
		return GIR_TPL_2021;
	if (v2019 > v2021)
		return GIR_TPL_2019;
	return GIR_TPL_UNKNOWN;
}

/*
 * The one table-二 row of the template whose label a misspelt label is
 * close to (a dropped or substituted character), or -1.
 */
static int
similar_t2_row(const char *sq, GirTemplate tpl)
{
	const char *bare = skip_numbering(sq);
	int			found = -1,
				i,
				k;

	for (i = 0; i < (int) (sizeof(t2_keys) / sizeof(t2_keys[0])); i++)
	{
		const GirColId *cols;

		if (gir_row_columns(t2_keys[i].row, tpl, &cols) == 0)
			continue;
		for (k = 0; k < 4 && t2_keys[i].keys[k]; k++)
			if (utf8_chars(t2_keys[i].keys[k]) >= 4 && similar_label(bare, t2_keys[i].keys[k]))
			{
				if (found >= 0 && found != (int) t2_keys[i].row)
					return -1;	/* close to two rows: not certain */
				found = t2_keys[i].row;
			}
	}
	return found;
}

static void
read_active(GirCtx *ctx, GirRegion region)
{
	GirReport  *r = ctx->report;
	GirTRow    *rows;
	int			nrows = gir_region_rows(ctx, region, &rows);
	Entry	   *entries;
	int			n = build_entries(ctx, rows, nrows, 3, &entries);
	int			i;

	for (i = 0; i < n; i++)
	{
		Entry	   *e = &entries[i];
		char		sq[SQUEEZE_MAX];
		int			leaf;
		const GirColId *cols;

		gir_tick(ctx);
		squeeze(e->label, e->label_len, sq);
		leaf = best_key(key_table(&t2_table), sq, gir_pair_mask(sq, strlen(sq)));
		if (leaf < 0 && e->label_len > 0 && e->following_len > 0)
		{
			char		sqf[SQUEEZE_MAX];

			squeeze_with_following(e, sqf);
			leaf = first_key(key_table(&t2_table), sqf, NULL);
		}
		if (leaf < 0 && strstr(sq, "对外管理服务"))
			leaf = GIR_R_OTHER_SERVICES;
		if (leaf < 0 && e->label_len > 0 && !all_empty(e))
		{
			leaf = similar_t2_row(sq, r->tpl);
			if (leaf >= 0)
				gir_warn(ctx, "label_repaired", e->line, "label “%s” read as “%s”",
						 quote_label(ctx, e->label, e->label_len),
						 gir_row_def((GirRowId) leaf)->label_zh);
		}
		if (leaf < 0 && e->label_len == 0 && e->pending_len > 0)
		{
			char		sqp[SQUEEZE_MAX];

			squeeze(e->pending, e->pending_len, sqp);
			leaf = last_key(key_table(&t2_table), sqp);
		}
		if (leaf < 0)
		{
			if (all_empty(e))
				continue;		/* a heading row padded with empty cells */
			if (e->label_len > 0)
				gir_warn(ctx, "unknown_row", e->line,
						 "row “%s” of table 二 is not in the template; its numbers were not used",
						 quote_label(ctx, e->label, e->label_len));
			else
				gir_warn(ctx, "unknown_row", e->line,
						 "a row of numbers without a label in table 二 was ignored");
			continue;
		}
		if (gir_row_columns((GirRowId) leaf, r->tpl, &cols) == 0)
		{
			gir_warn(ctx, "row_not_in_template", e->line,
					 "row “%s” belongs to the %s template, not to this report's %s one; its numbers were not used",
					 gir_row_def((GirRowId) leaf)->label_zh,
					 r->tpl == GIR_TPL_2021 ? "2019" : "2021",
					 gir_template_name(r->tpl));
			continue;
		}
		if (r->rows[leaf].present)
		{
			gir_warn(ctx, "duplicate_row", e->line,
					 "row %s appears again; the first occurrence was kept",
					 gir_row_def((GirRowId) leaf)->key);
			continue;
		}
		store_values(ctx, (GirRowId) leaf, e, r->tpl, gir_row_def((GirRowId) leaf)->key);
		r->found[GIR_SEC_ACTIVE] = true;
	}
}

/* ---------- table 四 ---------- */

static const GirRowId review_blocks[3] = {GIR_R_REVIEW, GIR_R_SUIT_DIRECT, GIR_R_SUIT_AFTER_REVIEW};

/*
 * Table 四 as one run of digits (a crawler dropped the separators): split
 * it into 15 counts whose every fifth sums the four before it (R4.1-R4.3).
 * Returns false when the values are not such a run.
 */
static bool
review_from_glue(GirCtx *ctx, Entry *entries, int n, const GirTok *v, int nv)
{
	GirReport  *r = ctx->report;
	char		digits[GIR_GLUE_MAX_DIGITS + 1];
	int			len = 0,
				i,
				b;
	GirCell		cells[15];
	int			line = entries[0].line;

	for (i = 0; i < n; i++)
		if (entries[i].glued && len + entries[i].glued_len <= GIR_GLUE_MAX_DIGITS)
		{
			memcpy(digits + len, entries[i].glued, entries[i].glued_len);
			len += entries[i].glued_len;
			line = entries[i].line;
		}
	if (plain_digits(v, nv) + len < 15 || (nv > 0 && plain_digits(v, nv) == 0))
		return false;
	len += join_digits(v, nv, digits + len, sizeof(digits) - len);
	memset(cells, 0, sizeof(cells));
	for (i = 0; i < 15; i++)
		cells[i].state = GIR_CELL_NULL;
	fill_from_glue(ctx, cells, digits, len, 15, GIR_GLUE_BLOCKS_OF_5, -1, "review_litigation", line);
	for (b = 0; b < 3; b++)
	{
		GirRow	   *row = &r->rows[review_blocks[b]];

		row->present = true;
		row->line = line;
		for (i = 0; i < 5; i++)
		{
			row->cells[i] = cells[5 * b + i];
			row->cells[i].line = line;
		}
	}
	r->found[GIR_SEC_REVIEW] = true;
	return true;
}

static void
read_review(GirCtx *ctx, GirRegion region)
{
	const GirRowId *blocks = review_blocks;
	GirReport  *r = ctx->report;
	GirTRow    *rows;
	int			nrows = gir_region_rows(ctx, region, &rows);
	Entry	   *entries;
	int			n = build_entries(ctx, rows, nrows, 15, &entries);
	GirTok	   *all;
	int			nall = 0,
				i,
				b;

	if (n == 0)
		return;

	/* three labelled rows of five: map each by its label */
	if (n == 3)
	{
		int			assigned[3] = {-1, -1, -1};
		bool		ok = true;

		for (i = 0; i < 3 && ok; i++)
		{
			char		sq[SQUEEZE_MAX];

			squeeze(entries[i].label, entries[i].label_len, sq);
			if (strstr(sq, "复议后"))
				b = 2;
			else if (strstr(sq, "直接起诉") || strstr(sq, "未经复议"))
				b = 1;
			else if (strstr(sq, "复议"))
				b = 0;
			else
				b = -1;
			if (b < 0 || assigned[b] >= 0)
				ok = false;
			else
				assigned[b] = i;
		}
		if (ok)
		{
			for (b = 0; b < 3; b++)
				store_values(ctx, blocks[b], &entries[assigned[b]], r->tpl,
							 gir_row_def(blocks[b])->key);
			r->found[GIR_SEC_REVIEW] = true;
			return;
		}
	}

	/* otherwise fifteen values in a run: 复议, 直接起诉, 复议后起诉 */
	for (i = 0; i < n; i++)
		nall += entries[i].nvals;
	all = gir_alloc(ctx->arena, (nall + 1) * sizeof(GirTok));
	nall = 0;
	for (i = 0; i < n; i++)
	{
		memcpy(all + nall, entries[i].vals, entries[i].nvals * sizeof(GirTok));
		nall += entries[i].nvals;
	}
	{
		GirTok	   *v = all;

		while (nall > 15 && v[nall - 1].kind == GIR_TOK_EMPTY)
			nall--;
		while (nall > 15 && v[0].kind == GIR_TOK_EMPTY)
			v++, nall--;
		if (nall != 15 && review_from_glue(ctx, entries, n, v, nall))
			return;
		if (nall != 15)
		{
			gir_warn(ctx, "table_shape", entries[0].line,
					 "table 四 holds %d values where 15 were expected; it was not read",
					 nall);
			return;
		}
		if (n > 1)
			gir_warn(ctx, "table_joined", entries[0].line,
					 "the 15 values of table 四 were spread over %d rows and read in order",
					 n);
		for (b = 0; b < 3; b++)
		{
			Entry		block = entries[0];

			block.vals = v + 5 * b;
			block.nvals = 5;
			block.line = v[5 * b].src_line;
			store_values(ctx, blocks[b], &block, r->tpl, gir_row_def(blocks[b])->key);
		}
		r->found[GIR_SEC_REVIEW] = true;
	}
}

/* ---------- the three tables ---------- */

void
gir_read_tables(GirCtx *ctx)
{
	GirReport  *r = ctx->report;
	Sections	secs;
	GirRegion  *active,
			   *requests,
			   *review;
	int			s;

	find_sections(ctx, &secs);
	find_table_anchors(ctx, &secs);
	ctx->overview = secs.region[SEC_OVERVIEW];
	ctx->closing = secs.region[SEC_OTHER];
	active = &secs.region[SEC_ACTIVE];
	requests = &secs.region[SEC_REQUESTS];
	review = &secs.region[SEC_REVIEW];

	r->tpl = GIR_TPL_UNKNOWN;
	if (active->end > active->first)
		r->tpl = detect_template(ctx, *active);
	if (requests->end > requests->first)
		read_requests(ctx, *requests);
	if (active->end > active->first)
	{
		bool		guessed = (r->tpl == GIR_TPL_UNKNOWN);

		if (guessed)
			r->tpl = (r->year > 0 && r->year <= 2020) ? GIR_TPL_2019 : GIR_TPL_2021;
		read_active(ctx, *active);
		if (guessed && r->found[GIR_SEC_ACTIVE])
			gir_warn(ctx, "template_guessed", ctx->doc.lines[active->first].src_line,
					 "the template was not recognisable from the table headers; %s was assumed%s",
					 gir_template_name(r->tpl), r->year > 0 ? " from the report year" : "");
	}
	if (review->end > review->first)
		read_review(ctx, *review);

	for (s = 0; s < GIR_NSECTIONS; s++)
		if (!r->found[s])
			gir_warn(ctx, "table_missing", 0, "table %s (%s) was not found",
					 s == GIR_SEC_ACTIVE ? "二" : s == GIR_SEC_REQUESTS ? "三" : "四",
					 s == GIR_SEC_ACTIVE ? "主动公开政府信息情况" :
					 s == GIR_SEC_REQUESTS ? "收到和处理政府信息公开申请情况" :
					 "政府信息公开行政复议、行政诉讼情况");
	if (r->found[GIR_SEC_ACTIVE] && r->found[GIR_SEC_REQUESTS] && r->found[GIR_SEC_REVIEW])
		r->status = GIR_STATUS_OK;
	else if (r->found[GIR_SEC_ACTIVE] || r->found[GIR_SEC_REQUESTS] || r->found[GIR_SEC_REVIEW])
		r->status = GIR_STATUS_PARTIAL;
	else
	{
		r->status = GIR_STATUS_EMPTY;
		r->tpl = GIR_TPL_UNKNOWN;
		if (secs.title[SEC_LEGACY] >= 0)
			gir_warn(ctx, "legacy_report", ctx->doc.lines[secs.title[SEC_LEGACY]].src_line,
					 "this looks like a pre-2019 report (2007 条例 structure); its tables are not mapped");
	}
	gir_read_narrative(ctx);
}
