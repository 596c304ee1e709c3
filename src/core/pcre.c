/*-------------------------------------------------------------------------
 * pcre.c
 *	  The core's PCRE2 patterns: compiled once per process, JIT-compiled,
 *	  matched under the caller's limits.
 *
 * A backend is single-threaded, so one match data block per pattern is
 * reused for every match.  Patterns run on short subjects (a cell, a line,
 * the title block), never on the whole document, which keeps every parse
 * linear in the input.
 *
 * src/core/pcre.c
 *-------------------------------------------------------------------------
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

typedef struct GirPattern
{
	const char *name;
	const char *source;
	pcre2_code *code;
	pcre2_match_data *md;
} GirPattern;

static GirPattern patterns[GIR_NPATTERNS] = {
	[GIR_PAT_TITLE] = {"title",
		"([0-9]{4})\\s*年\\s*(?:度\\s*)?政\\s*府\\s*(?:信\\s*息|[资資]\\s*[讯訊])\\s*公\\s*[开開]\\s*"
		"(?:工\\s*作\\s*)?(?:年\\s*度\\s*)?[报報]\\s*告"},
	[GIR_PAT_STAT_PERIOD] = {"stat_period",
		"[统統][计計](?:期限|时限|期间|时间|区间|時限|期間|時間|區間)[^0-9]{0,8}([0-9]{4})\\s*年\\s*0?1\\s*月\\s*0?1\\s*日"},
	[GIR_PAT_YEAR] = {"year",
		"(?<![0-9〔\\[])((?:19|20)[0-9]{2})\\s*年"},
	[GIR_PAT_NUMBER] = {"number",
		"^(减少|減少|增加|减|減|增|[+-])?\\s*([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\\.[0-9]+)?\\s*"
		"(万元|元|件|个|项|条|次|篇)?$"},
	[GIR_PAT_PLACEHOLDER] = {"placeholder",
		"^(?:[-—–―─~]+|/|\\\\|无|不适用|空|×|\\*|…+|\\.{2,}|持平)$"},
	[GIR_PAT_PAGE_DEBRIS] = {"page_debris",
		"^\\s*(?:[-—–]+\\s*[0-9]{1,4}\\s*[-—–]+|第\\s*[0-9]{1,4}\\s*[页頁](?:\\s*[,，/]?\\s*共\\s*[0-9]{1,4}\\s*[页頁])?)\\s*$"},
	[GIR_PAT_META_AGENCY] = {"meta_agency",
		"(?:发布机构|发文机关|发布机关|发布单位|信息来源|發佈機構|發文機關)\\s*[:：]\\s*([^\\s:|>]{2,40})"},
	/*
	 * narrative.c: run on one sentence of normalised text at a time.  Every
	 * repeat is bounded, so that a sentence of digits costs linear time.
	 */
	[GIR_PAT_NARR_COUNT] = {"narr_count",
		"(约|近|逾|超过|大约|将近|不足|不到|数)?[ \\t]{0,3}"
		"([0-9]{1,3}(?:,[0-9]{3}){1,4}|[0-9]{1,12}(?:\\.[0-9]{1,4})?|[零〇一二两三四五六七八九十百千]{1,8})"
		"[ \\t]{0,3}(余|多|几|来)?[ \\t]{0,3}(件|次|宗|起)(左右|以上|之多|余|多)?"},
	[GIR_PAT_NARR_NO_REQUEST] = {"narr_no_request",
		"(?:(?:未|没有)(?:收到|接到|受理|接收|新收|发生|产生|有)(?:任何|新的|新)?[^,;。]{0,30}?|"
		"无(?:任何|新的|新)?[^,;。]{0,4}?)"
		"(?:政府信息公开|依申请公开|信息公开)[^,;。]{0,10}?(?:申请|事项)"},
	[GIR_PAT_NARR_NO_CASES] = {"narr_no_cases",
		"(?:未发生|未出现|未产生|未有|未收到|未接到|未被|没有发生|没有出现|没有|无)"
		"(?:任何)?[^,;。]{0,24}?行政(?:复议|诉讼)"},
	[GIR_PAT_NARR_CASES_ZERO] = {"narr_cases_zero",
		"行政复议[^,;。]{0,10}?(?:行政)?诉讼[^,;。]{0,8}?(?:均为|都为|均是|皆为|均|都)[ \\t]*(?:0|零|无)(?![0-9])"},
	[GIR_PAT_NARR_FEE_NONE] = {"narr_fee_none",
		"(?:未|没有|无)(?:向申请人)?(?:发出|发送|开具|出具)(?:过)?(?:任何)?(?:信息处理费)?(?:的)?收费通知|"
		"收费通知[^;。]{0,40}?(?:均为|都为|均是|皆为|均)[ \\t]*(?:0|零|无)(?![0-9.])|"
		"收费通知(?:书)?(?:的)?(?:件数)?(?:为)?[ \\t]*(?:0|零)[ \\t]*(?:件|份)"},
	[GIR_PAT_NARR_FEE_ISSUED] = {"narr_fee_issued",
		"收费通知(?:书)?(?:的)?(?:件数)?(?:为|共|共计)?[ \\t]*([1-9][0-9]*)[ \\t]*(?:件|份)"},
};

/*
 * Shortcuts: the answer of a pattern for the subjects that dominate a
 * report, without the cost of a pcre2_match() call.  A shortcut returns
 * what gir_match would (ovector included), or -1 to let PCRE2 decide.  It
 * encodes knowledge of its pattern: change both together.  The shortcuts
 * are cross-checked against PCRE2 by test/test_shortcuts.c, which clears
 * gir_match_shortcuts.
 */
bool		gir_match_shortcuts = true;

/*
 * number: a cell of ASCII digits only (most cells) matches; digits then an
 * ASCII character other than , . or white space (1、 1) a1), or a . not
 * followed by a digit (the numbering 1.属于), cannot.
 */
static int
number_shortcut(const char *s, size_t len, size_t *ovec, int novec)
{
	size_t		i = 0;

	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == 0)
		return -1;
	if (i < len)
	{
		unsigned char c = (unsigned char) s[i];

		if (c >= 0x80)
			return -1;
		if (c == '.')
			return (i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9') ? -1 : 0;
		return (c == ',' || strchr(" \t\n\v\f\r", c)) && c != '\0' ? -1 : 0;
	}
	/* group 1 (sign) unset, group 2 the digits, 3 and 4 unset */
	if (novec > 0)
		ovec[0] = 0, ovec[1] = len;
	if (novec > 1)
		ovec[2] = ovec[3] = PCRE2_UNSET;
	if (novec > 2)
		ovec[4] = 0, ovec[5] = len;
	return 3;
}

/*
 * placeholder: anchored, no leading space; the alternatives start with
 * - ~ / \ * . or with — – ― ─ … (E2), × (C3), 不 (E4), 无 持 (E6), 空 (E7)
 */
static int
placeholder_shortcut(const char *s, size_t len, size_t *ovec, int novec)
{
	unsigned char c;

	if (len == 0)
		return -1;
	c = (unsigned char) s[0];
	if (c < 0x80)
		return strchr("-~/\\*.", c) && c != '\0' ? -1 : 0;
	return (c == 0xE5 || c == 0xE8 || c == 0xE9) ? 0 : -1;
}

/*
 * page_debris: after white space, a dash or 第.  Lines that start (after
 * ASCII white space) with another ASCII character, or with a CJK ideograph
 * of U+4000-U+9FFF but 第 (lead bytes E4-E9: neither dashes nor white
 * space), cannot match.
 */
static int
page_debris_shortcut(const char *s, size_t len, size_t *ovec, int novec)
{
	size_t		i = 0;
	unsigned char c;

	while (i < len && strchr(" \t\n\v\f\r", s[i]) && s[i] != '\0')
		i++;
	if (i == len)
		return -1;
	c = (unsigned char) s[i];
	if (c < 0x80)
		return c == '-' ? -1 : 0;
	if (c >= 0xE4 && c <= 0xE9)
		return len - i >= 3 && memcmp(s + i, "第", 3) == 0 ? -1 : 0;
	return -1;
}

static int	(*const shortcuts[GIR_NPATTERNS]) (const char *s, size_t len,
											   size_t *ovec, int novec) = {
	[GIR_PAT_NUMBER] = number_shortcut,
	[GIR_PAT_PLACEHOLDER] = placeholder_shortcut,
	[GIR_PAT_PAGE_DEBRIS] = page_debris_shortcut,
};

/*
 * Required literals: a subject can only match if it contains, for every
 * string of the list, one of its |-separated words (each branch of the
 * pattern spells them out).  Unanchored patterns try every character of a
 * sentence as a start, which costs far more than looking for a word with
 * memchr.  Keep in step with the patterns above, and with narrative.c's
 * claim_chars (a sentence without them is not searched).  At most MAX_GROUPS
 * strings of MAX_WORDS words each (gir_patterns_ready checks).
 */
static const char *const *const required[GIR_NPATTERNS] = {
	[GIR_PAT_TITLE] = (const char *const[]) {"告", "年", NULL},
	[GIR_PAT_STAT_PERIOD] = (const char *const[]) {"计|計", "年", NULL},
	[GIR_PAT_YEAR] = (const char *const[]) {"年", NULL},
	[GIR_PAT_META_AGENCY] = (const char *const[]) {":|：", NULL},
	[GIR_PAT_NARR_COUNT] = (const char *const[]) {"件|次|宗|起", NULL},
	[GIR_PAT_NARR_NO_REQUEST] = (const char *const[]) {"未|没有|无", "申请|事项", "公开", NULL},
	[GIR_PAT_NARR_NO_CASES] = (const char *const[]) {"行政复议|行政诉讼", "未|没有|无", NULL},
	[GIR_PAT_NARR_CASES_ZERO] = (const char *const[]) {"行政复议", "诉讼", "均|都|皆", NULL},
	[GIR_PAT_NARR_FEE_NONE] = (const char *const[]) {"收费通知", NULL},
	[GIR_PAT_NARR_FEE_ISSUED] = (const char *const[]) {"收费通知", NULL},
};

/*
 * Where a search may start.  For an unanchored pattern without lookbehind,
 * reach is the most bytes a match can span from its start to the start of
 * the word of the first required group that it holds; no match can start
 * further than that before the first such word of the subject, so the
 * search starts there, not at every character of a long sentence.  Counted
 * from the patterns: narr_count 大约 (6) + 3 blanks + 八 numerals (24) + 3
 * + 余 (3) + 3; narr_no_cases 没有发生 (12) + 任何 (6) + 24 characters of 4
 * bytes.  A start function, where there is one, tells more closely where a
 * match holding the word can start, or that none can hold it.
 */
#define CANNOT_HOLD SIZE_MAX
typedef size_t (*WordStart) (const char *s, size_t at);

static const char numerals[] = "零〇一二两三四五六七八九十百千";
static const char approx_after[] = "余多几来";

/* Is s[at] one of the 3-byte characters of set? */
static bool
char_in(const char *s, size_t at, const char *set)
{
	for (; *set; set += 3)
		if (memcmp(s + at, set, 3) == 0)
			return true;
	return false;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * narr_count: where can a count with its unit at s[at] start?  Before the
 * unit, past at most 3 blanks, one of 余多几来 and at most 3 more blanks,
 * a number must end (a digit or a numeral), or CANNOT_HOLD.  The count
 * starts at most 9 bytes (大约 and 3 blanks) before the run of digits, , .
 * and numerals that ends there.  No count holding a later unit can start
 * before this one: units are in none of a count's parts before its unit.
 */
static size_t
count_start(const char *s, size_t at)
{
	size_t		p = at;
	int			k;

	for (k = 0; k < 3 && p > 0 && is_blank(s[p - 1]); k++)
		p--;
	if (p >= 3 && char_in(s, p - 3, approx_after))
		p -= 3;
	for (k = 0; k < 3 && p > 0 && is_blank(s[p - 1]); k++)
		p--;
	if (!((p > 0 && s[p - 1] >= '0' && s[p - 1] <= '9') ||
		  (p >= 3 && char_in(s, p - 3, numerals))))
		return CANNOT_HOLD;
	while (p > 0 && at - p <= 42)
	{
		if ((s[p - 1] >= '0' && s[p - 1] <= '9') || s[p - 1] == ',' || s[p - 1] == '.')
			p--;
		else if (p >= 3 && char_in(s, p - 3, numerals))
			p -= 3;
		else
			break;
	}
	return p > 9 ? p - 9 : 0;
}

bool
gir_count_may_end(const char *s, size_t at)
{
	return count_start(s, at) != CANNOT_HOLD;
}

static const struct
{
	int			reach;
	WordStart	start;
}			anchors[GIR_NPATTERNS] = {
	[GIR_PAT_NARR_COUNT] = {42, count_start},
	[GIR_PAT_NARR_NO_CASES] = {114, NULL},
};

#define MAX_WORDS	4			/* words of one required group */
#define MAX_GROUPS	3			/* required groups of one pattern */

/*
 * required[], split once when the patterns are compiled: each group's
 * words, their lengths and gir_pair_mask (a subject whose mask lacks every
 * word of a group cannot match).  A group of nwords 0 is past the last.
 */
typedef struct RequiredGroup
{
	int			nwords;
	const char *word[MAX_WORDS];
	size_t		wlen[MAX_WORDS];
	uint64_t	pairs[MAX_WORDS];
} RequiredGroup;
static RequiredGroup required_groups[GIR_NPATTERNS][MAX_GROUPS];

/* Can word k of the group be in a subject whose gir_pair_mask is within pairs? */
static inline bool
may_hold_word(const RequiredGroup *rg, int k, uint64_t pairs)
{
	return (rg->pairs[k] & ~pairs) == 0;
}

/*
 * Offset of the first word of a group in s[0..len) that a match can hold
 * (every word, without a start function), or len; *from is where such a
 * match can start.  Each word's next occurrence is kept, so passing over
 * words that cannot be held stays linear.  Words outside pairs (see
 * has_required) are not looked for.
 */
static size_t
first_word(const RequiredGroup *rg, uint64_t pairs, const char *s, size_t len,
		   WordStart start, size_t *from)
{
	size_t		next[MAX_WORDS];
	int			k,
				best;

	for (k = 0; k < rg->nwords; k++)
		next[k] = may_hold_word(rg, k, pairs) ? gir_find(s, len, rg->word[k], rg->wlen[k]) : len;
	for (;;)
	{
		size_t		after;

		for (best = 0, k = 1; k < rg->nwords; k++)
			if (next[k] < next[best])
				best = k;
		*from = 0;
		if (next[best] >= len)
			return len;
		if (start == NULL || (*from = start(s, next[best])) != CANNOT_HOLD)
			return next[best];
		after = next[best] + 1;
		next[best] = after + gir_find(s + after, len - after, rg->word[best], rg->wlen[best]);
	}
}

/* Does s[0..len) hold a word of the group (one inside pairs)? */
static bool
holds_word(const RequiredGroup *rg, uint64_t pairs, const char *s, size_t len)
{
	int			k;

	for (k = 0; k < rg->nwords; k++)
		if (may_hold_word(rg, k, pairs) && gir_find(s, len, rg->word[k], rg->wlen[k]) < len)
			return true;
	return false;
}

/*
 * Does the subject hold what the pattern requires (see required[])?  If it
 * does, *from is where a search for a match can start (see anchors[]).
 * pairs covers the subject's gir_pair_mask: words outside it are not
 * looked for.
 */
static bool
has_required(GirPatternId id, const char *s, size_t len, uint64_t pairs, size_t *from)
{
	const RequiredGroup *rg = required_groups[id];
	int			g = 0;

	*from = 0;
	if (anchors[id].reach)
	{
		size_t		first = first_word(&rg[0], pairs, s, len, anchors[id].start, from);

		if (first == len)
			return false;
		if (first > (size_t) anchors[id].reach &&
			*from < first - (size_t) anchors[id].reach)
			*from = first - (size_t) anchors[id].reach;
		while (*from > 0 && ((unsigned char) s[*from] & 0xC0) == 0x80)
			(*from)--;			/* a character's first byte */
		g++;
	}
	for (; g < MAX_GROUPS && rg[g].nwords > 0; g++)
		if (!holds_word(&rg[g], pairs, s, len))
			return false;
	return true;
}

/*
 * Split required[] into required_groups.  Returns false (with a message)
 * if a pattern has more groups or a group more words than there is room
 * for: a bug in the table, never a property of the input.
 */
static bool
ready_required_groups(char *errbuf, size_t errbuf_len)
{
	int			id,
				g;

	memset(required_groups, 0, sizeof(required_groups));
	for (id = 0; id < GIR_NPATTERNS; id++)
		for (g = 0; required[id] && required[id][g]; g++)
		{
			RequiredGroup *rg = &required_groups[id][g];
			const char *w = required[id][g];

			if (g == MAX_GROUPS)
			{
				snprintf(errbuf, errbuf_len, "pattern %s: more than %d required groups",
						 patterns[id].name, MAX_GROUPS);
				return false;
			}
			for (;;)
			{
				size_t		n = strcspn(w, "|");

				if (rg->nwords == MAX_WORDS)
				{
					snprintf(errbuf, errbuf_len, "pattern %s: more than %d required words in a group",
							 patterns[id].name, MAX_WORDS);
					return false;
				}
				rg->word[rg->nwords] = w;
				rg->wlen[rg->nwords] = n;
				rg->pairs[rg->nwords++] = gir_pair_mask(w, n);
				if (w[n] == '\0')
					break;
				w += n + 1;
			}
		}
	return true;
}

static bool compiled = false;
static pcre2_match_context *match_cxt = NULL;

/*
 * Compile every pattern once.  Returns false (with a message) on failure,
 * which is a bug in a pattern, never a property of the input.
 */
bool
gir_patterns_ready(char *errbuf, size_t errbuf_len)
{
	int			i;

	if (compiled)
		return true;
	if (match_cxt == NULL)
		match_cxt = pcre2_match_context_create(NULL);
	if (match_cxt == NULL)
	{
		snprintf(errbuf, errbuf_len, "out of memory creating the PCRE2 match context");
		return false;
	}
	for (i = 0; i < GIR_NPATTERNS; i++)
	{
		GirPattern *p = &patterns[i];
		int			err;
		PCRE2_SIZE	off;

		if (p->code)
			continue;
		p->code = pcre2_compile((PCRE2_SPTR) p->source, PCRE2_ZERO_TERMINATED,
								PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF |
								PCRE2_NEVER_BACKSLASH_C,
								&err, &off, NULL);
		if (p->code == NULL)
		{
			PCRE2_UCHAR msg[120];

			pcre2_get_error_message(err, msg, sizeof(msg));
			snprintf(errbuf, errbuf_len, "pattern %s: %s at offset %zu",
					 p->name, (char *) msg, (size_t) off);
			return false;
		}
		/* a JIT failure only means the interpreter is used */
		(void) pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE);
		p->md = pcre2_match_data_create_from_pattern(p->code, NULL);
		if (p->md == NULL)
		{
			snprintf(errbuf, errbuf_len, "out of memory creating PCRE2 match data");
			return false;
		}
	}
	if (!ready_required_groups(errbuf, errbuf_len))
		return false;
	compiled = true;
	return true;
}

/* Apply the caller's limits; called once per parse. */
void
gir_patterns_set_limits(const GirOptions *opt)
{
	pcre2_set_match_limit(match_cxt, opt->match_limit ? opt->match_limit : 10000000);
	pcre2_set_depth_limit(match_cxt, opt->depth_limit ? opt->depth_limit : 10000000);
	pcre2_set_heap_limit(match_cxt, opt->heap_limit_kb ? opt->heap_limit_kb : 20000000);
}

int
gir_match(GirCtx *ctx, GirPatternId id, const char *s, size_t len,
		  size_t *ovec, int novec)
{
	return gir_match_within(ctx, id, s, len, ~UINT64_C(0), ovec, novec);
}

int
gir_match_within(GirCtx *ctx, GirPatternId id, const char *s, size_t len,
				 uint64_t pairs, size_t *ovec, int novec)
{
	GirPattern *p = &patterns[id];
	int			rc;
	int			i;
	PCRE2_SIZE *v;
	size_t		start = 0;

	if (shortcuts[id] && gir_match_shortcuts &&
		(rc = shortcuts[id] (s, len, ovec, novec)) >= 0)
		return rc;
	if (required[id] && gir_match_shortcuts && !has_required(id, s, len, pairs, &start))
		return 0;
	rc = pcre2_match(p->code, (PCRE2_SPTR) s, len, start, 0, p->md, match_cxt);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0)
	{
		PCRE2_UCHAR msg[120];

		pcre2_get_error_message(rc, msg, sizeof(msg));
		if (ctx->errbuf)
			snprintf(ctx->errbuf, ctx->errbuf_len, "pattern %s: %s",
					 p->name, (char *) msg);
		longjmp(ctx->fail,
				(rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
				 rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT ||
				 rc == PCRE2_ERROR_NOMEMORY) ? GIR_ERR_MATCH_LIMIT : GIR_ERR_PCRE);
	}
	if (rc == 0)				/* ovector too small: cannot happen here */
		rc = (int) pcre2_get_ovector_count(p->md);
	v = pcre2_get_ovector_pointer(p->md);
	for (i = 0; i < rc && i < novec; i++)
	{
		ovec[2 * i] = v[2 * i];
		ovec[2 * i + 1] = v[2 * i + 1];
	}
	return rc;
}
