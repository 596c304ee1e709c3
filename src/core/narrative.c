/*-------------------------------------------------------------------------
 * narrative.c
 *	  Sections 一 and 六 against the tables: the counts the text states
 *	  (report-format.md §4.6 RT.1-RT.6, §6) and the fee-notice statement of
 *	  section 六 (R3.7).
 *
 * The text of a section is joined into one buffer (lines that a PDF
 * converter wrapped are rejoined), cut into sentences at 。；！？ and line
 * ends, and sentences into clauses at commas.  A count is a
 * number directly followed by 件/次/宗/起 (GIR_PAT_NARR_COUNT); what it
 * counts is read from the words before it in its clause, and for a few
 * phrasings after it (其中16件申请人为自然人).  A number is not a count
 * when it is part of a telephone or document number, a date, a URL, an
 * article number (第五十条) or a percentage; 约/近/余/多 … make it
 * approximate and it is not compared.  Statements of zero (未收到…申请,
 * 未发生行政复议) are read by their own patterns.
 *
 * Every count read becomes a GirNarrClaim; the rule engine (rules.c)
 * compares it with the tables, and each disagreement becomes a warning
 * whose code is the rule id and whose message is the rule's message, so
 * that gir_check() can read it back.  Agreement produces nothing.
 *
 * src/core/narrative.c
 *-------------------------------------------------------------------------
 */
#include <string.h>

#include "gir_rules.h"
#include "internal.h"

#define QUOTE_CHARS		40		/* a longer clause is quoted around its number */
#define QUOTE_BEFORE	28		/* characters kept before the number */
#define QUOTE_AFTER		12		/* characters kept after the unit */
#define PRE_BYTES		360		/* bytes of a clause read before a number */
#define POST_BYTES		60		/* bytes read after a count's unit */
#define WRAP_CHARS		20		/* a shorter line is never a wrapped line */
#define MAX_COUNT_DIGITS 9		/* larger "counts" are not application counts */
#define CLAUSE_BYTES	600		/* a clause is looked for this far each way */
#define MAX_CLAIMS		64		/* a real section 一 states a dozen */
#define MAX_MATCHES		2000	/* numbers examined per section: bounds the
								 * work on hostile text */

/* The section's text as one buffer, with the source line of each piece. */
typedef struct Text
{
	const char *s;
	int			len;
	int		   *off;			/* byte offset where piece i starts */
	int		   *src;			/* its 1-based source line */
	int			n;
} Text;

/* One pass over section 一. */
typedef struct Narr
{
	GirCtx	   *ctx;
	Text		t;
	GirNarrClaim *claims;
	int			nclaims;
	int			cap;
	int			sentence;		/* index of the current sentence */
	int			apply_sentence; /* last sentence that spoke of 申请 */
	int			cases_mask;		/* 1 行政复议, 2 行政诉讼 mentioned ... */
	int			cases_sentence; /* ... in this sentence */
	bool		sent_open;		/* the current sentence mentions 公开 */
	bool		sent_carry;		/* ... or 上年结转 */
	int			budget;			/* matches left to examine */
} Narr;

/* ---------- text helpers ---------- */

/*
 * A stretch of the text and the gir_pair_mask of its bytes (or of a
 * stretch around it): a word whose byte pairs are not all in the mask is
 * not there, and the search is skipped.  Clauses are tested against dozens
 * of words, most of them absent.
 */
typedef struct Window
{
	const char *s;
	int			len;
	uint64_t	pairs;
} Window;

static Window
window(const char *s, int len)
{
	Window		w = {s, len, gir_pair_mask(s, (size_t) (len > 0 ? len : 0))};

	return w;
}

/* Part of a window: the mask of the whole still rules words out. */
static Window
sub_window(const Window *w, const char *s, int len)
{
	Window		sub = {s, len, w->pairs};

	return sub;
}

static bool
may_hold(const Window *w, const char *word)
{
	return (gir_word_pairs(word) & ~w->pairs) == 0;
}

static bool
win_has(const Window *w, const char *word)
{
	return may_hold(w, word) && gir_contains(w->s, w->len, word);
}

/*
 * The gir_pair_mask of each word of a word list (the lists are static),
 * remembered by the list's address; NULL for a list too long to keep.
 */
#define MAX_LISTS	32
#define MAX_LIST_WORDS 16
static const uint64_t *
list_pairs(const char *const *words)
{
	static struct
	{
		const char *const *words;
		uint64_t	pairs[MAX_LIST_WORDS];
	}			memo[MAX_LISTS];
	static int	nmemo = 0;
	int			i,
				k;

	for (i = 0; i < nmemo; i++)
		if (memo[i].words == words)
			return memo[i].pairs;
	for (k = 0; words[k]; k++)
		if (k == MAX_LIST_WORDS)
			return NULL;
	if (nmemo == MAX_LISTS)
		return NULL;
	for (k = 0; words[k]; k++)
		memo[nmemo].pairs[k] = gir_pair_mask(words[k], strlen(words[k]));
	memo[nmemo].words = words;
	return memo[nmemo++].pairs;
}

static bool
win_any(const Window *w, const char *const *words)
{
	const uint64_t *pairs = list_pairs(words);
	int			k;

	for (k = 0; words[k]; k++)
		if (pairs ? (pairs[k] & ~w->pairs) == 0 && gir_contains(w->s, w->len, words[k]) :
			win_has(w, words[k]))
			return true;
	return false;
}

/* Byte offset of the last occurrence of needle in s[0..len), or -1. */
static int
last_pos(const char *s, int len, const char *needle)
{
	int			nl = (int) strlen(needle);
	int			i;

	for (i = len - nl; i >= 0; i--)
		if (s[i] == needle[0] && memcmp(s + i, needle, nl) == 0)
			return i;
	return -1;
}

static int
win_last(const Window *w, const char *word)
{
	return may_hold(w, word) ? last_pos(w->s, w->len, word) : -1;
}

static bool
starts(const char *s, int len, const char *prefix)
{
	int			pl = (int) strlen(prefix);

	return len >= pl && memcmp(s, prefix, pl) == 0;
}

/* The code point that ends just before s[pos]; 0 at the start. */
static uint32_t
prev_cp(const char *s, int pos)
{
	int			i = pos;
	uint32_t	cp;

	if (pos <= 0)
		return 0;
	i--;
	while (i > 0 && ((unsigned char) s[i] & 0xC0) == 0x80 && pos - i < 4)
		i--;
	gir_utf8_decode((const unsigned char *) s + i, (size_t) (pos - i), &cp);
	return cp;
}

static uint32_t
next_cp(const char *s, int pos, int end)
{
	uint32_t	cp;

	if (pos >= end)
		return 0;
	gir_utf8_decode((const unsigned char *) s + pos, (size_t) (end - pos), &cp);
	return cp;
}

/* Move pos back (or forward) by up to n characters. */
static int
back_chars(const char *s, int pos, int floor, int n)
{
	while (pos > floor && n > 0)
	{
		pos--;
		while (pos > floor && ((unsigned char) s[pos] & 0xC0) == 0x80)
			pos--;
		n--;
	}
	return pos;
}

static int
fwd_chars(const char *s, int pos, int ceil, int n)
{
	while (pos < ceil && n > 0)
	{
		pos++;
		while (pos < ceil && ((unsigned char) s[pos] & 0xC0) == 0x80)
			pos++;
		n--;
	}
	return pos;
}

static int
count_chars(const char *s, int len)
{
	int			n = 0,
				i;

	for (i = 0; i < len; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/*
 * Does s[0..len) hold at least n characters?  Stops counting there.  Where
 * SSE2 is there, the bytes that start a character are counted 16 at a
 * time (every line of section 一 is asked).
 */
static bool
has_chars(const char *s, int len, int n)
{
	int			i = 0;

#ifdef __SSE2__
	for (; i + 16 <= len && n > 0; i += 16)
	{
		/* 1 for each byte that is not a continuation byte (signed: 80-BF < C0) */
		__m128i		starts = _mm_andnot_si128(
			_mm_cmplt_epi8(_mm_loadu_si128((const __m128i *) (s + i)), _mm_set1_epi8((char) 0xC0)),
			_mm_set1_epi8(1));
		__m128i		sums = _mm_sad_epu8(starts, _mm_setzero_si128());

		n -= _mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4);
	}
#endif
	for (; i < len && n > 0; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			n--;
	return n <= 0;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* 〇 一 二 两 … 九 as a digit, else -1. */
static int
cn_digit(uint32_t cp)
{
	switch (cp)
	{
		case 0x96F6:			/* 零 */
		case 0x3007:			/* 〇 */
			return 0;
		case 0x4E00:			/* 一 */
			return 1;
		case 0x4E8C:			/* 二 */
		case 0x4E24:			/* 两 */
			return 2;
		case 0x4E09:
			return 3;
		case 0x56DB:
			return 4;
		case 0x4E94:
			return 5;
		case 0x516D:
			return 6;
		case 0x4E03:
			return 7;
		case 0x516B:
			return 8;
		case 0x4E5D:
			return 9;
	}
	return -1;
}

static bool
is_cn_numeral(uint32_t cp)
{
	return cn_digit(cp) >= 0 || cp == 0x5341 || cp == 0x767E || cp == 0x5343;
}

/* 十二 → 12, 二十 → 20, 一百零五 → 105, 两 → 2; false if malformed. */
static bool
cn_number(const char *s, int len, int64_t *out)
{
	int64_t		total = 0;
	int			digit = -1;
	int			i = 0;

	while (i < len)
	{
		uint32_t	cp;
		int			d;
		int			unit;

		i += gir_utf8_decode((const unsigned char *) s + i, (size_t) (len - i), &cp);
		d = cn_digit(cp);
		if (d >= 0)
		{
			if (digit > 0)
				return false;	/* 二三: not a number */
			digit = d;
			continue;
		}
		unit = cp == 0x5341 ? 10 : cp == 0x767E ? 100 : cp == 0x5343 ? 1000 : 0;
		if (unit == 0)
			return false;
		total += (digit < 0 ? 1 : digit) * unit;
		digit = -1;
	}
	if (digit > 0)
		total += digit;
	*out = total;
	return true;
}

/* ---------- the section as text ---------- */

/* A line that starts a heading: (一) 一、 # 1. */
static bool
heading_start(const char *s, int len)
{
	uint32_t	cp;
	int			n;

	if (len == 0)
		return false;
	if (s[0] == '(' || s[0] == '#' || s[0] == '[')
		return true;
	if (s[0] >= '0' && s[0] <= '9')
	{
		int			i = 0;

		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++;
		return i < len && (s[i] == '.' || starts(s + i, len - i, "、"));
	}
	n = gir_utf8_decode((const unsigned char *) s, (size_t) len, &cp);
	return is_cn_numeral(cp) && starts(s + n, len - n, "、");
}

/* A line that a converter wrapped: long, and not ending a sentence. */
static bool
wraps(const char *s, int len)
{
	uint32_t	last = prev_cp(s, len);

	if (!has_chars(s, len, WRAP_CHARS) || memchr(s, '\t', len))
		return false;
	return !(last == 0x3002 || last == ';' || last == '!' || last == '?' ||
			 last == ':' || last == 0x201D);
}

static void
build_text(GirCtx *ctx, GirRegion reg, Text *t)
{
	GirBuf		b;
	int			n = reg.end > reg.first ? reg.end - reg.first : 0;
	bool		soft = false;
	int			li;

	gir_buf_init(&b, ctx->arena, 1024);
	t->off = gir_alloc(ctx->arena, (n + 1) * sizeof(int));
	t->src = gir_alloc(ctx->arena, (n + 1) * sizeof(int));
	t->n = 0;
	for (li = reg.first; li < reg.end; li++)
	{
		const GirLine *ln = &ctx->doc.lines[li];
		const char *s = ln->s;
		int			len = ln->len;

		gir_tick(ctx);
		while (len > 0 && is_space(*s))
			s++, len--;
		while (len > 0 && is_space(s[len - 1]))
			len--;
		if (len == 0)
		{
			soft = false;
			continue;
		}
		if (gir_page_debris(ctx, s, len))
			continue;
		if (b.len > 0 && (!soft || heading_start(s, len)))
			gir_buf_putc(&b, '\n');
		t->off[t->n] = (int) b.len;
		t->src[t->n] = ln->src_line;
		t->n++;
		gir_buf_append(&b, s, len);
		soft = wraps(s, len);
	}
	t->s = gir_buf_cstr(&b);
	t->len = (int) b.len;
}

/* The source line of byte pos of the text. */
static int
src_line_at(const Text *t, int pos)
{
	int			lo = 0,
				hi = t->n - 1;

	if (t->n == 0)
		return 0;
	while (lo < hi)
	{
		int			mid = (lo + hi + 1) / 2;

		if (t->off[mid] <= pos)
			lo = mid;
		else
			hi = mid - 1;
	}
	return t->src[lo];
}

static bool
sentence_end(const char *s, int i, int len)
{
	return s[i] == '\n' || s[i] == ';' || s[i] == '!' || s[i] == '?' ||
		(i + 2 < len && starts(s + i, 3, "。"));
}

/*
 * The first sentence end at or after i, or len.  t.s ends in a NUL and
 * holds none before it, so strcspn stops at len at the latest.
 */
static int
next_sentence_end(const char *s, int i, int len)
{
	while (i < len)
	{
		i += (int) strcspn(s + i, "\n;!?\xE3");
		if (i >= len || s[i] != '\xE3' || sentence_end(s, i, len))
			break;
		i++;
	}
	return i < len ? i : len;
}

/*
 * Is s[i] a comma that ends a clause (not 1,234)?  A colon does not: in
 * 收到申请数量：18件 the words before it say what the number counts.
 */
static bool
clause_break(const char *s, int i, int a, int b)
{
	if (s[i] != ',')
		return false;
	if (i > a && s[i - 1] >= '0' && s[i - 1] <= '9' && i + 3 < b &&
		s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' && s[i + 2] <= '9' &&
		s[i + 3] >= '0' && s[i + 3] <= '9' && (i + 4 >= b || s[i + 4] < '0' || s[i + 4] > '9'))
		return false;
	return true;
}

/*
 * The clause of sentence [a, b) around byte p, at most CLAUSE_BYTES each
 * way (a longer run without a comma is cut on a character), so that the
 * work per count stays bounded.
 */
static void
clause_bounds(const char *s, int a, int b, int p, int *cs, int *ce)
{
	int			lo = p - CLAUSE_BYTES > a ? p - CLAUSE_BYTES : a;
	int			hi = p + CLAUSE_BYTES < b ? p + CLAUSE_BYTES : b;
	int			i;

	for (i = p; i > lo && !clause_break(s, i - 1, a, b); i--)
		;
	while (i < p && ((unsigned char) s[i] & 0xC0) == 0x80)
		i++;
	*cs = i;
	for (i = p; i < hi && !clause_break(s, i, a, b); i++)
		;
	while (i > p && i < b && ((unsigned char) s[i] & 0xC0) == 0x80)
		i--;
	*ce = i;
}

/*
 * The words quoted for a count at [ns, ue) in clause [cs, ce): the whole
 * clause, or a window around the number when the clause is long.
 */
static const char *
make_quote(GirCtx *ctx, const char *s, int cs, int ce, int ns, int ue)
{
	int			qs = cs,
				qe = ce;

	while (qs < qe && is_space(s[qs]))
		qs++;
	while (qe > qs && is_space(s[qe - 1]))
		qe--;
	if (count_chars(s + qs, qe - qs) > QUOTE_CHARS)
	{
		int			ws = back_chars(s, ns, qs, QUOTE_BEFORE);
		int			we = fwd_chars(s, ue, qe, QUOTE_AFTER);

		return gir_printf(ctx->arena, "%s%.*s%s", ws > qs ? "…" : "",
						  we - ws, s + ws, we < qe ? "…" : "");
	}
	return gir_strndup(ctx->arena, s + qs, qe - qs);
}

/* ---------- claims ---------- */

/* Where a count was read: its clause, and the number and unit in it. */
typedef struct Span
{
	int			cs;
	int			ce;
	int			ns;
	int			ue;
} Span;

static void
add_claim(Narr *nr, GirNarrTarget target, int64_t value, const Span *at)
{
	int			i;

	/* the same statement twice is one finding */
	if (nr->nclaims >= MAX_CLAIMS)
		return;
	for (i = 0; i < nr->nclaims; i++)
		if (nr->claims[i].target == target && nr->claims[i].value == value)
			return;
	if (nr->nclaims == nr->cap)
	{
		int			cap = nr->cap ? nr->cap * 2 : 16;
		GirNarrClaim *c = gir_alloc(nr->ctx->arena, cap * sizeof(GirNarrClaim));

		if (nr->nclaims)
			memcpy(c, nr->claims, nr->nclaims * sizeof(GirNarrClaim));
		nr->claims = c;
		nr->cap = cap;
	}
	nr->claims[nr->nclaims].target = target;
	nr->claims[nr->nclaims].value = value;
	nr->claims[nr->nclaims].quote = make_quote(nr->ctx, nr->t.s, at->cs, at->ce,
											   at->ns, at->ue);
	nr->claims[nr->nclaims].line = src_line_at(&nr->t, at->ns);
	nr->nclaims++;
}

static void
note_cases(Narr *nr, int bit)
{
	if (nr->cases_sentence != nr->sentence)
	{
		nr->cases_mask = 0;
		nr->cases_sentence = nr->sentence;
	}
	nr->cases_mask |= bit;
}

/* Did this sentence or one of the two before speak of 申请? */
static bool
about_requests(const Narr *nr)
{
	return nr->apply_sentence >= 0 && nr->sentence - nr->apply_sentence <= 2;
}

/* ---------- word lists ---------- */

/* comparisons with another year: the number is not this year's */
static const char *const w_compare[] = {
	"较上年", "比上年", "同比", "上年同期", "去年", "增长", "下降", "减少", "增加",
	"增幅", "降幅", NULL
};
/* other business counted in 件 or 次 */
static const char *const w_foreign[] = {
	"建议", "提案", "信访", "热线", "留言", "咨询", "投诉", "举报", "来电", "来信",
	"意见", "诉求", "培训", "会议", "检查", NULL
};
/* channels of a request: 当面申请1件 is not the total */
static const char *const w_channel[] = {
	"当面", "网络", "互联网", "网上", "网站", "信函", "传真", "邮寄", "邮件", "现场",
	"线上", "线下", "来访", "窗口", "在线", NULL
};
/* outcomes of a case, after 行政复议/行政诉讼 */
static const char *const w_case_outcome[] = {
	"维持", "纠正", "撤销", "驳回", "胜诉", "败诉", "审结", "结案", "确认违法", "其中",
	"调解", "撤诉", "终止", NULL
};
/* table-三 results other than 予以公开 */
static const char *const w_other_result[] = {
	"部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "不予受理", "不同意",
	"部分同意", NULL
};
static const char *const w_receive[] = {
	"收到", "接到", "新收", "受理", "接收", "收悉", "办理", NULL
};
static const char *const w_all[] = {
	"共办理", "共受理", "共处理", "累计办理", "累计受理", "共计办理", "共计受理", NULL
};
static const char *const w_carried_over[] = {
	"上年结转", "上年度结转", "结转上年", "上一年度结转", "上一年结转", "往年结转",
	"以前年度结转", NULL
};
static const char *const w_next_year[] = {
	"下年", "下一年", "次年", "明年", "至20", "到20", "入20", NULL
};
static const char *const w_last_year[] = {
	"上年", "上一年", "往年", "去年", "以前年度", NULL
};
static const char *const w_processed[] = {
	"办结", "办理完毕", "处理完毕", "答复", NULL
};
static const char *const w_part[] = {
	"其中", "延期", "逾期", "超期", NULL
};
static const char *const w_pending[] = {
	"尚未审结", "未审结", "正在审理", "审理中", NULL
};
static const char *const w_suit_sub[] = {
	"直接起诉", "复议后", "未经复议", NULL
};
static const char *const w_both[] = {
	"均", "各", "都", NULL
};
static const char *const w_pending_after[] = {
	"(尚未审结)", "尚未审结", "(未审结)", "(均未审结)", "(均尚未审结)", NULL
};

/* ---------- reading one count ---------- */

/*
 * What the count at [ns, ue) of sentence [a, b) counts, from the words
 * around it; adds the claim(s).
 */
static void
classify(Narr *nr, int a, int b, int ns, int ue, int64_t value)
{
	const char *s = nr->t.s;
	int			cs,
				ce;
	const char *pre;
	int			prelen;
	const char *post;
	int			postlen;
	Span		at;
	int			prv,
				pst,
				g;
	bool		nat,
				leg;
	Window		pw,
				qw;

	clause_bounds(s, a, b, ns, &cs, &ce);
	pre = s + cs;
	prelen = ns - cs;
	if (prelen > PRE_BYTES)
	{
		int			start = ns - PRE_BYTES;

		while (start < ns && ((unsigned char) s[start] & 0xC0) == 0x80)
			start++;
		pre = s + start;
		prelen = ns - start;
	}
	post = s + ue;
	postlen = ce - ue < POST_BYTES ? ce - ue : POST_BYTES;
	while (postlen > 0 && ((unsigned char) post[postlen] & 0xC0) == 0x80 &&
		   ue + postlen < ce)
		postlen--;
	while (postlen > 0 && is_space(*post))
		post++, postlen--;
	at.cs = cs;
	at.ce = ce;
	at.ns = ns;
	at.ue = ue;
	pw = window(pre, prelen);
	qw = window(post, postlen);

	if (win_any(&pw, w_compare) || win_any(&pw, w_foreign))
		return;

	/* RT.5: 行政复议, 行政诉讼, 尚未审结 */
	prv = win_last(&pw, "行政复议");
	pst = win_last(&pw, "诉讼");
	if (pst < 0)
		pst = win_last(&pw, "被起诉");
	if (win_any(&pw, w_pending) ||
		(prv < 0 && pst < 0 && (starts(post, postlen, "尚未审结") ||
								starts(post, postlen, "未审结"))))
	{
		GirNarrTarget t;
		int			mask = nr->cases_sentence >= 0 &&
			nr->sentence - nr->cases_sentence <= 1 ? nr->cases_mask : 0;

		if (prv >= 0 && pst < 0)
			t = GIR_NT_REVIEW_PENDING;
		else if (pst >= 0 && prv < 0)
			t = GIR_NT_SUIT_PENDING;
		else if (prv < 0 && pst < 0 && mask == 1)
			t = GIR_NT_REVIEW_PENDING;
		else if (prv < 0 && pst < 0 && mask == 2)
			t = GIR_NT_SUIT_PENDING;
		else
			t = GIR_NT_PENDING;
		if (mask || prv >= 0 || pst >= 0 || nr->sent_open)
			add_claim(nr, t, value, &at);
		return;
	}
	if (prv >= 0 || pst >= 0)
	{
		int			later = prv > pst ? prv : pst;
		int			klen = later == prv ? (int) strlen("行政复议") : (int) strlen("诉讼");
		Window		after = sub_window(&pw, pre + later + klen, prelen - later - klen);
		bool		both = false;
		GirNarrTarget t;
		int			i;

		if (!nr->sent_open && !win_has(&pw, "被申请") &&
			!win_has(&pw, "被提起") && !win_has(&pw, "被起诉"))
			return;
		if (win_any(&pw, w_suit_sub) || win_any(&after, w_case_outcome))
			return;
		if (prv >= 0 && pst >= 0)
		{
			int			first = prv < pst ? prv : pst;
			int			flen = first == prv ? (int) strlen("行政复议") : (int) strlen("诉讼");

			/* 行政复议、行政诉讼均为1件: one number for both */
			if (later - (first + flen) <= 12)
			{
				if (!win_any(&after, w_both))
					return;
				both = true;
			}
		}
		t = later == prv ? GIR_NT_REVIEW : GIR_NT_SUIT;
		add_claim(nr, t, value, &at);
		note_cases(nr, t == GIR_NT_REVIEW ? 1 : 2);
		if (both)
		{
			add_claim(nr, t == GIR_NT_REVIEW ? GIR_NT_SUIT : GIR_NT_REVIEW, value,
					  &at);
			note_cases(nr, 3);
		}
		/* 行政复议1次（尚未审结）: that many are pending */
		for (i = 0; !both && w_pending_after[i]; i++)
			if (starts(post, postlen, w_pending_after[i]))
			{
				add_claim(nr, t == GIR_NT_REVIEW ? GIR_NT_REVIEW_PENDING :
						  GIR_NT_SUIT_PENDING, value, &at);
				break;
			}
		return;
	}

	/* RT.3, and 上年结转 (no rule of its own) */
	if (win_has(&pw, "结转") || win_has(&pw, "转入") || win_has(&pw, "转至") ||
		win_has(&pw, "继续办理"))
	{
		if (win_any(&pw, w_next_year) && !win_any(&pw, w_last_year) &&
			about_requests(nr))
			add_claim(nr, GIR_NT_CARRIED_FORWARD, value, &at);
		return;
	}

	/* RT.6: 予以公开 / 同意公开, and no other result after it */
	g = win_last(&pw, "予以公开");
	{
		int			agree = win_last(&pw, "同意公开");

		if (agree > g && prev_cp(pre, agree) != 0x4E0D &&	/* 不 */
			!(agree >= 6 && memcmp(pre + agree - 6, "部分", 6) == 0))
			g = agree;
	}
	if (g >= 0)
	{
		Window		rest = sub_window(&pw, pre + g + 12, prelen - g - 12);

		if (!win_any(&rest, w_other_result))
			add_claim(nr, GIR_NT_GRANTED, value, &at);
		return;
	}
	if (win_any(&pw, w_other_result))
		return;
	if (win_any(&pw, w_channel))
		return;

	/* RT.4: 其中自然人申请20件 / 16件申请人为自然人，1件为法人 */
	nat = win_has(&pw, "自然人") || win_has(&pw, "公民");
	leg = win_has(&pw, "法人");
	if (!nat && !leg && !win_any(&pw, w_receive))
	{
		nat = win_has(&qw, "自然人") || win_has(&qw, "公民");
		leg = win_has(&qw, "法人");
	}
	if (nat != leg)
	{
		if (about_requests(nr) || win_has(&qw, "申请"))
			add_claim(nr, nat ? GIR_NT_NATURAL : GIR_NT_LEGAL, value, &at);
		return;
	}

	/* RT.2 */
	if (win_any(&pw, w_processed))
	{
		if (!win_any(&pw, w_part) && about_requests(nr))
			add_claim(nr, GIR_NT_PROCESSED, value, &at);
		return;
	}

	/* RT.1 */
	if (win_any(&pw, w_receive) &&
		(win_has(&pw, "申请") || win_has(&qw, "申请")) &&
		(win_has(&pw, "公开") || win_has(&qw, "公开") ||
		 win_has(&pw, "信息") || win_has(&qw, "信息")))
	{
		bool		all = win_any(&pw, w_all) || nr->sent_carry;

		add_claim(nr, all ? GIR_NT_RECEIVED_ALL : GIR_NT_RECEIVED, value, &at);
	}
}

/* A count match of GIR_PAT_NARR_COUNT at absolute offsets ov[]. */
static void
take_count(Narr *nr, int a, int b, const size_t *ov, int rc)
{
	const char *s = nr->t.s;
	int			ms = (int) ov[0];
	int			ns = (int) ov[4],
				ne = (int) ov[5];
	int			ue = (int) ov[9];
	uint32_t	before = prev_cp(s, ms);
	uint32_t	after;
	int64_t		value = 0;
	bool		chinese = !(s[ns] >= '0' && s[ns] <= '9');
	int			i;

	/* 约 余 多 左右 …: approximate */
	if ((rc > 1 && ov[2] != ov[3]) || (rc > 3 && ov[6] != ov[7]) ||
		(rc > 5 && ov[10] != ov[11]))
		return;
	after = next_cp(s, ue, b);
	/* part of a URL, a telephone or document number, an ordinal */
	if ((before < 0x80 && before != 0 &&
		 ((before >= '0' && before <= '9') || (before >= 'a' && before <= 'z') ||
		  (before >= 'A' && before <= 'Z') || strchr("./_=?&#%~+-\\", (int) before))) ||
		before == 0x7B2C)		/* 第 */
		return;
	if (after == 0x6027 || after == 0x4E8B)	/* 一次性, 一件事 */
		return;
	if (chinese)
	{
		/* 同一件, 逐一, 每一次, 一件一档 */
		static const uint32_t stop[] = {
			0x540C, 0x9010, 0x7EDF, 0x552F, 0x6BCF, 0x5355, 0x4EFB, 0x67D0,
			0x8FD9, 0x90A3, 0x54EA, 0x51E0, 0x5176, 0x4E4B, 0x6570, 0
		};

		for (i = 0; stop[i]; i++)
			if (before == stop[i])
				return;
		if (is_cn_numeral(after) || !cn_number(s + ns, ne - ns, &value))
			return;
	}
	else
	{
		int			digits = 0;

		for (i = ns; i < ne; i++)
		{
			if (s[i] == '.')
				return;			/* a fraction is no count */
			if (s[i] == ',')
				continue;
			if (++digits > MAX_COUNT_DIGITS)
				return;
			value = value * 10 + (s[i] - '0');
		}
	}
	classify(nr, a, b, ns, ue, value);
}

/*
 * The next match [*ms, *me) of a zero pattern in [off, b) of a sentence,
 * counted against the budget; false when there is none or no budget.
 */
static bool
next_zero(Narr *nr, const Window *sent, GirPatternId id, int off, int b,
		  int *ms, int *me)
{
	size_t		ov[2];

	if (off >= b || nr->budget <= 0 ||
		gir_match_within(nr->ctx, id, nr->t.s + off, b - off, sent->pairs, ov, 1) <= 0)
		return false;
	nr->budget--;
	*ms = off + (int) ov[0];
	*me = off + (int) ov[1];
	return true;
}

/* 未收到…申请, 未发生…行政复议: zero, said in words. */
static void
take_zeros(Narr *nr, const Window *sent, int a, int b)
{
	static const char *const w_not_zero[] = {
		"未经", "审结", "无论", "无法", "尚未", "无正当", NULL
	};
	const char *s = nr->t.s;
	int			off,
				ms,
				me,
				cs,
				ce;

	for (off = a; next_zero(nr, sent, GIR_PAT_NARR_NO_REQUEST, off, b, &ms, &me); off = me)
	{
		Window		clause,
					match;

		clause_bounds(s, a, b, ms, &cs, &ce);
		clause = sub_window(sent, s + cs, ce - cs);
		match = sub_window(sent, s + ms, me - ms);
		if (!win_has(&clause, "复议") && !win_has(&clause, "诉讼") &&
			!win_has(&clause, "结转") && !win_has(&match, "无正当"))
		{
			Span		at = {cs, ce, ms, me};

			add_claim(nr, nr->sent_carry ? GIR_NT_RECEIVED_ALL : GIR_NT_RECEIVED, 0, &at);
		}
	}
	if (!nr->sent_open)
		return;
	for (off = a; next_zero(nr, sent, GIR_PAT_NARR_NO_CASES, off, b, &ms, &me);
		 off = ce > me ? ce : me)
	{
		Window		match,
					rest;

		clause_bounds(s, a, b, ms, &cs, &ce);
		match = sub_window(sent, s + ms, me - ms);
		rest = sub_window(sent, s + ms, ce - ms);
		if (!win_any(&match, w_not_zero) && !win_has(&rest, "其中"))
		{
			Span		at = {cs, ce, ms, me};

			if (win_has(&rest, "行政复议"))
			{
				add_claim(nr, GIR_NT_REVIEW, 0, &at);
				note_cases(nr, 1);
			}
			if (win_has(&rest, "诉讼"))
			{
				add_claim(nr, GIR_NT_SUIT, 0, &at);
				note_cases(nr, 2);
			}
		}
	}
	for (off = a; next_zero(nr, sent, GIR_PAT_NARR_CASES_ZERO, off, b, &ms, &me); off = me)
	{
		Span		at;

		clause_bounds(s, a, b, ms, &cs, &ce);
		at.cs = cs;
		at.ce = ce;
		at.ns = ms;
		at.ue = me;
		add_claim(nr, GIR_NT_REVIEW, 0, &at);
		add_claim(nr, GIR_NT_SUIT, 0, &at);
		note_cases(nr, 3);
	}
}

/*
 * Every match of the count and zero patterns holds one of these characters
 * (pcre.c's required words): a unit of a count, a negation, or 均 都 皆 of
 * 均为零.  The first NUNITS are units, which count only after a number.
 */
static const char claim_chars[][4] = {
	"件", "次", "宗", "起", "未", "没", "无", "均", "都", "皆"
};
#define NCLAIM_CHARS ((int) (sizeof(claim_chars) / sizeof(claim_chars[0])))
#define NUNITS		4

/* Is a claim character, one that may make a claim, at s[at - 2 .. at]? */
static bool
claim_char_ends_at(const char *s, int at)
{
	int			k;

	for (k = 0; k < NCLAIM_CHARS; k++)
		if (s[at] == claim_chars[k][2] && memcmp(s + at - 2, claim_chars[k], 2) == 0)
			return k >= NUNITS || gir_count_may_end(s, (size_t) (at - 2));
	return false;
}

/*
 * Can sentence s[0..len) make a claim: does it hold a negation, 均 都 皆,
 * or a unit after a number?  Most sentences of an overview do not (文件,
 * 起草), and are spared the pattern searches.  Where SSE2 is there, 16
 * bytes at a time are tested for the characters' last two bytes.
 */
static bool
may_claim(const char *s, int len)
{
	int			i = 2;

#ifdef __SSE2__
	for (; i + 16 <= len; i += 16)
	{
		/* i >= 2: the middle bytes are at s + i - 1 */
		__m128i		b = _mm_loadu_si128((const __m128i *) (s + i));
		__m128i		middle = _mm_loadu_si128((const __m128i *) (s + i - 1));
		__m128i		hit = _mm_setzero_si128();
		unsigned	hits;
		int			k;

		for (k = 0; k < NCLAIM_CHARS; k++)
			hit = _mm_or_si128(hit, _mm_and_si128(_mm_cmpeq_epi8(b, _mm_set1_epi8(claim_chars[k][2])),
												  _mm_cmpeq_epi8(middle, _mm_set1_epi8(claim_chars[k][1]))));
		for (hits = (unsigned) _mm_movemask_epi8(hit); hits; hits &= hits - 1)
			if (claim_char_ends_at(s, i + __builtin_ctz(hits)))
				return true;
	}
#endif
	for (; i < len; i++)
		if (claim_char_ends_at(s, i))
			return true;
	return false;
}

/* One sentence [a, b) of section 一. */
static void
read_sentence(Narr *nr, int a, int b)
{
	const char *s = nr->t.s;
	size_t		ov[12];
	int			off = a;
	Window		sent;

	if (gir_contains(s + a, b - a, "申请"))
		nr->apply_sentence = nr->sentence;
	if (!may_claim(s + a, b - a))
		return;
	sent = window(s + a, b - a);
	nr->sent_open = win_has(&sent, "公开");
	nr->sent_carry = win_any(&sent, w_carried_over);
	take_zeros(nr, &sent, a, b);
	while (off < b && nr->budget > 0)
	{
		int			rc = gir_match_within(nr->ctx, GIR_PAT_NARR_COUNT, s + off, b - off,
										  sent.pairs, ov, 6);
		int			i;

		if (rc <= 0)
			break;
		nr->budget--;
		if (rc < 6)				/* unset trailing groups (never written) */
			for (i = 2 * rc; i < 12; i++)
				ov[i] = (size_t) -1;
		for (i = 0; i < 12; i++)
			if (ov[i] != (size_t) -1)
				ov[i] += off;
		for (i = 0; i < 6; i++)
			if (ov[2 * i] == (size_t) -1)
				ov[2 * i] = ov[2 * i + 1] = 0;
		take_count(nr, a, b, ov, 6);
		off = (int) ov[1] > off ? (int) ov[1] : off + 1;
	}
}

/* ---------- section 一: RT.1-RT.6 ---------- */

/*
 * Section 一 runs from its title to the first line of a table: a
 * sub-heading such as （一）主动公开政府信息情况 can end the region the
 * section finder keeps, but not the overview.
 */
static GirRegion
overview_region(GirCtx *ctx)
{
	GirRegion	reg = ctx->overview;
	GirReport  *r = ctx->report;
	int			first_row = 0;
	int			row;

	if (reg.first <= 0 || reg.end < reg.first)
		return reg;
	for (row = 0; row < GIR_NROWS; row++)
		if (r->rows[row].present && r->rows[row].line > 0 &&
			(first_row == 0 || r->rows[row].line < first_row))
			first_row = r->rows[row].line;
	if (first_row > 0 && reg.end > 0 && reg.end < ctx->doc.nlines &&
		ctx->doc.lines[reg.end - 1].src_line < first_row)
		while (reg.end < ctx->doc.nlines && ctx->doc.lines[reg.end].src_line < first_row)
			reg.end++;
	return reg;
}

static void *
arena_alloc(void *arena, size_t size)
{
	return gir_alloc((GirArena *) arena, size);
}

/* Evaluate facts with the given rules; each violation becomes a warning. */
static void
warn_violations(GirCtx *ctx, const GirDocFacts *facts, const GirRuleSet *set,
				int line, GirViolations *out)
{
	int			i;

	out->n = 0;
	gir_rules_eval(ctx->report, facts, set, out);
	for (i = 0; i < out->n; i++)
		gir_warn(ctx, gir_rule_def(out->items[i].rule)->name, line, "%s",
				 out->items[i].message);
}

static void
read_overview(GirCtx *ctx, GirViolations *out)
{
	Narr		nr;
	GirRuleSet	set;
	int			a = 0,
				i;

	memset(&nr, 0, sizeof(nr));
	nr.ctx = ctx;
	nr.apply_sentence = -1;
	nr.cases_sentence = -1;
	nr.budget = MAX_MATCHES;
	build_text(ctx, overview_region(ctx), &nr.t);
	for (i = next_sentence_end(nr.t.s, 0, nr.t.len);; i = next_sentence_end(nr.t.s, a, nr.t.len))
	{
		if (i > a)
		{
			gir_tick(ctx);
			read_sentence(&nr, a, i);
			nr.sentence++;
		}
		if (i >= nr.t.len)
			break;
		a = i + (nr.t.s[i] != '\n' && nr.t.s[i] != ';' &&
				 nr.t.s[i] != '!' && nr.t.s[i] != '?' ? 3 : 1);
	}

	gir_ruleset_clear(&set);
	for (i = GIR_RULE_RT_1; i <= GIR_RULE_RT_6; i++)
		set.on[i] = true;
	for (i = 0; i < nr.nclaims; i++)
	{
		GirDocFacts facts;

		memset(&facts, 0, sizeof(facts));
		facts.claims = &nr.claims[i];
		facts.nclaims = 1;
		warn_violations(ctx, &facts, &set, nr.claims[i].line, out);
	}
}

/* ---------- section 六: R3.7 ---------- */

static void
read_closing(GirCtx *ctx, GirViolations *out)
{
	Text		t;
	GirDocFacts facts;
	GirRuleSet	set;
	bool		issued = false;
	int			a = 0,
				i;

	memset(&facts, 0, sizeof(facts));
	build_text(ctx, ctx->closing, &t);
	for (i = next_sentence_end(t.s, 0, t.len);; i = next_sentence_end(t.s, a, t.len))
	{
		size_t		ov[4];

		if (i > a)
		{
			gir_tick(ctx);
			if (gir_match(ctx, GIR_PAT_NARR_FEE_ISSUED, t.s + a, i - a, ov, 2) > 0)
				issued = true;
			else if (facts.fee_notice == GIR_FEE_UNKNOWN &&
					 gir_match(ctx, GIR_PAT_NARR_FEE_NONE, t.s + a, i - a, ov, 1) > 0)
			{
				facts.fee_notice = GIR_FEE_NONE_ISSUED;
				facts.fee_notice_line = src_line_at(&t, a + (int) ov[0]);
				facts.fee_notice_quote = make_quote(ctx, t.s, a, i, a + (int) ov[0],
													a + (int) ov[1]);
			}
		}
		if (i >= t.len)
			break;
		a = i + (t.s[i] != '\n' && t.s[i] != ';' &&
				 t.s[i] != '!' && t.s[i] != '?' ? 3 : 1);
	}
	if (issued || facts.fee_notice != GIR_FEE_NONE_ISSUED)
		return;
	gir_ruleset_clear(&set);
	set.on[GIR_RULE_R3_7] = true;
	warn_violations(ctx, &facts, &set, facts.fee_notice_line, out);
}

/* ---------- entry point ---------- */

/*
 * Compare what sections 一 and 六 say with the tables just read; call it
 * after gir_read_tables() has filled the rows and ctx->overview/closing.
 */
void
gir_read_narrative(GirCtx *ctx)
{
	GirViolations out;
	GirAllocator mem;

	mem.alloc = arena_alloc;
	mem.release = NULL;
	mem.ctx = ctx->arena;
	gir_violations_init(&out, &mem);
	if (ctx->overview.end > ctx->overview.first)
		read_overview(ctx, &out);
	if (ctx->closing.end > ctx->closing.first)
		read_closing(ctx, &out);
}
