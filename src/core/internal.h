/*-------------------------------------------------------------------------
 * internal.h
 *	  Structures shared by the core's files; not part of the core's API.
 *
 * src/core/internal.h
 *-------------------------------------------------------------------------
 */
#ifndef GIR_INTERNAL_H
#define GIR_INTERNAL_H

#include <setjmp.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>				/* the core's 16-byte searches */
#endif

#include "gir_core.h"

/* ---------- arena (arena.c) ---------- */

struct GirArena
{
	GirAllocator mem;
	void	   *blocks;			/* singly linked list of blocks */
	char	   *cur;			/* free space in the newest block */
	size_t		left;
	jmp_buf    *oom;			/* where to go when the allocator fails */
};

#define GIR_ALIGN(n)	(((n) + 15) & ~(size_t) 15)

extern GirArena *gir_arena_create(const GirAllocator *mem, jmp_buf *oom);
extern void gir_arena_destroy(GirArena *a);
extern void *gir_alloc_block(GirArena *a, size_t size);
extern void *gir_alloc0(GirArena *a, size_t size);

/*
 * size bytes, 16-aligned.  Inline: a parse takes thousands of small pieces
 * (a cell's number, a token); only a new block is a call.
 */
static inline void *
gir_alloc(GirArena *a, size_t size)
{
	void	   *p;

	size = GIR_ALIGN(size ? size : 1);
	if (size > a->left)
		return gir_alloc_block(a, size);
	p = a->cur;
	a->cur += size;
	a->left -= size;
	return p;
}

static inline char *
gir_strndup(GirArena *a, const char *s, size_t len)
{
	char	   *p = gir_alloc(a, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

extern char *gir_printf(GirArena *a, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));

/* A growable byte buffer in the arena. */
typedef struct GirBuf
{
	GirArena   *arena;
	char	   *data;
	size_t		len;
	size_t		cap;
} GirBuf;

extern void gir_buf_init(GirBuf *b, GirArena *a, size_t cap);
extern void gir_buf_grow(GirBuf *b, size_t more);
extern void gir_buf_puts(GirBuf *b, const char *s);
extern void gir_buf_json_string(GirBuf *b, const char *s, size_t len);
extern const char *gir_buf_cstr(GirBuf *b);

/*
 * Room for more bytes and a NUL.  Inline, as are the writers below: the
 * normaliser writes a byte at a time; only growing is a call.
 */
static inline void
gir_buf_reserve(GirBuf *b, size_t more)
{
	if (b->len + more + 1 > b->cap)
		gir_buf_grow(b, more);
}

static inline void
gir_buf_append(GirBuf *b, const char *s, size_t len)
{
	gir_buf_reserve(b, len);
	memcpy(b->data + b->len, s, len);
	b->len += len;
}

static inline void
gir_buf_putc(GirBuf *b, char c)
{
	gir_buf_reserve(b, 1);
	b->data[b->len++] = c;
}

/* Room for n more bytes: the caller writes them and adds what it wrote to len. */
static inline char *
gir_buf_space(GirBuf *b, size_t n)
{
	gir_buf_reserve(b, n);
	return b->data + b->len;
}

/* ---------- UTF-8 (normalise.c) ---------- */

/* Decode one code point at s (len > 0); returns its byte length, or 1 with
 * *cp = 0xFFFD for an invalid sequence. */
extern int	gir_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
extern int	gir_utf8_encode(uint32_t cp, char *out);

/*
 * Comparison key of a label: letters, digits and CJK characters only, with
 * traditional characters folded to simplified.  Whitespace, punctuation and
 * quotes are dropped.  Returns the key's length in bytes.
 */
extern size_t gir_squeeze(const char *s, size_t len, char *out, size_t outcap);

/* ---------- the normalised document (normalise.c) ---------- */

typedef struct GirLine
{
	const char *s;				/* normalised text, no newline */
	int			len;
	int			src_line;		/* 1-based line of the source it starts on */
} GirLine;

typedef struct GirDoc
{
	GirLine    *lines;
	int			nlines;
	bool		html;			/* the source was HTML */
	int			invalid_utf8;	/* invalid sequences replaced */
} GirDoc;

/* ---------- cells and rows (layout.c) ---------- */

typedef enum GirTokKind
{
	GIR_TOK_TEXT,				/* label or heading text */
	GIR_TOK_NUM,				/* a number, possibly signed or with a unit */
	GIR_TOK_BLANK,				/* placeholder: —, /, 无, 不适用 */
	GIR_TOK_EMPTY				/* an empty cell */
} GirTokKind;

typedef struct GirTok
{
	GirTokKind	kind;
	const char *s;				/* the cell's text (normalised, trimmed) */
	int			len;
	int			src_line;
} GirTok;

typedef struct GirTRow
{
	GirTok	   *toks;
	int			ntoks;
	int			cap;
	int			src_line;
} GirTRow;

typedef struct GirRegion
{
	int			first;			/* doc line index, inclusive */
	int			end;			/* doc line index, exclusive */
} GirRegion;

/* ---------- parsing context ---------- */

typedef struct GirCtx
{
	GirReport  *report;
	GirArena   *arena;
	GirDoc		doc;
	const GirOptions *opt;
	jmp_buf		fail;			/* longjmp target for OOM and match limits */
	char	   *errbuf;
	size_t		errbuf_len;
	unsigned	ticks;			/* for periodic interrupt checks */
	/* narrative sections, for checks against the tables (empty if absent) */
	GirRegion	overview;		/* 一、总体情况 */
	GirRegion	closing;		/* 六、其他需要报告的事项 */
} GirCtx;

/* A step of work: every 256th asks the caller whether to stop.  Inline:
 * it is counted per line and per word. */
static inline void
gir_tick(GirCtx *ctx)
{
	if (++ctx->ticks % 256 == 0 && ctx->opt->check_interrupts)
		ctx->opt->check_interrupts();
}

extern void gir_warn(GirCtx *ctx, const char *code, int line,
					 const char *fmt,...) __attribute__((format(printf, 4, 5)));

extern void gir_normalise(GirCtx *ctx, const char *text, size_t len);
extern bool gir_normalise_fast;	/* tests: the character path alone */
extern size_t gir_find(const char *s, size_t len, const char *word, size_t n);

/*
 * Does s[0..len) contain needle?  Inline: the needle is most often a
 * literal, whose length the compiler then knows.
 */
static inline bool
gir_contains(const char *s, int len, const char *needle)
{
	size_t		n = strlen(needle);

	return n == 0 || (len > 0 && gir_find(s, (size_t) len, needle, n) < (size_t) len);
}

/*
 * The first space, TAB or pipe in [s, end), or end.  A paragraph of text
 * is one long word: where SSE2 is there, it is passed 16 bytes at a time.
 */
static inline const unsigned char *
gir_next_separator(const unsigned char *s, const unsigned char *end)
{
#ifdef __SSE2__
	for (; end - s >= 16; s += 16)
	{
		__m128i		b = _mm_loadu_si128((const __m128i *) s);
		unsigned	seps = (unsigned) _mm_movemask_epi8(
			_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b, _mm_set1_epi8(' ')),
									  _mm_cmpeq_epi8(b, _mm_set1_epi8('\t'))),
						 _mm_cmpeq_epi8(b, _mm_set1_epi8('|'))));

		if (seps)
			return s + __builtin_ctz(seps);
	}
#endif
	while (s < end && *s != ' ' && *s != '\t' && *s != '|')
		s++;
	return s;
}

/* Are s[0..len) all ASCII digits?  Inline: table cells are tested by the thousand. */
static inline bool
gir_all_digits(const char *s, int len)
{
	int			i;

	for (i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

extern uint64_t gir_pair_mask(const char *s, size_t len);
extern uint64_t gir_word_pairs(const char *word);
extern bool gir_page_debris(GirCtx *ctx, const char *s, int len);
extern int	gir_region_rows(GirCtx *ctx, GirRegion region, GirTRow **rows);
extern bool gir_parse_number(GirCtx *ctx, const char *s, int len,
							 GirCell *cell, bool money, bool *converted);
extern void gir_read_tables(GirCtx *ctx);
/* narrative.c: sections 一 and 六 against the tables (RT.1-RT.6, R3.7) */
extern void gir_read_narrative(GirCtx *ctx);
extern void gir_read_metadata(GirCtx *ctx);

/* ---------- PCRE2 (pcre.c) ---------- */

typedef enum GirPatternId
{
	GIR_PAT_TITLE,				/* 2023年政府信息公开工作年度报告 */
	GIR_PAT_STAT_PERIOD,		/* 统计期限为2023年1月1日 */
	GIR_PAT_YEAR,				/* 2023年 */
	GIR_PAT_NUMBER,				/* a whole cell holding one number */
	GIR_PAT_PLACEHOLDER,		/* a whole cell meaning "blank" */
	GIR_PAT_PAGE_DEBRIS,		/* page numbers and footers */
	GIR_PAT_META_AGENCY,		/* 发布机构：X in a web page's metadata */
	/* narrative.c: counts quoted in sections 一 and 六 */
	GIR_PAT_NARR_COUNT,			/* 约 17 余 件 (qualifier, number, unit) */
	GIR_PAT_NARR_NO_REQUEST,	/* 未收到…政府信息公开申请 */
	GIR_PAT_NARR_NO_CASES,		/* 未发生…行政复议、行政诉讼 */
	GIR_PAT_NARR_CASES_ZERO,	/* 行政复议和行政诉讼均为0 */
	GIR_PAT_NARR_FEE_NONE,		/* 未发出收费通知, 收费通知…均为0 */
	GIR_PAT_NARR_FEE_ISSUED,	/* 发出收费通知2件 */
	GIR_NPATTERNS
} GirPatternId;

/* Match pattern id against subject; fills ovector pairs (up to novec).
 * Returns the number of pairs set (>0), 0 for no match; longjmps on a limit. */
extern int	gir_match(GirCtx *ctx, GirPatternId id, const char *s, size_t len,
					  size_t *ovec, int novec);
/* The same, for a subject whose gir_pair_mask is within pairs (the mask of
 * a sentence it is part of): required words outside it are not looked for. */
extern int	gir_match_within(GirCtx *ctx, GirPatternId id, const char *s, size_t len,
							 uint64_t pairs, size_t *ovec, int novec);
/* Can a match of GIR_PAT_NARR_COUNT in s end with the unit at s[at]? */
extern bool gir_count_may_end(const char *s, size_t at);
extern bool gir_patterns_ready(char *errbuf, size_t errbuf_len);
extern void gir_patterns_set_limits(const GirOptions *opt);

#endif							/* GIR_INTERNAL_H */
