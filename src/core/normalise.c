/*-------------------------------------------------------------------------
 * normalise.c
 *	  One pass over the input: decode UTF-8, fold full-width forms and odd
 *	  spaces, drop invisible characters and converter debris, turn HTML into
 *	  TAB-separated rows, and split into lines that remember their source
 *	  line.
 *
 * Every step looks at each input byte a bounded number of times: searches
 * for a closing '>' or "-->" are cached, so hostile input such as a
 * megabyte of '<' stays linear.
 *
 * src/core/normalise.c
 *-------------------------------------------------------------------------
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

/* ---------- UTF-8 ---------- */

int
gir_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	uint32_t	c = s[0];
	int			n,
				i;

	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		n = 2, c &= 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3, c &= 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, c &= 0x07;
	else
		goto invalid;
	if ((size_t) n > len)
		goto invalid;
	for (i = 1; i < n; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
			goto invalid;
		c = (c << 6) | (s[i] & 0x3F);
	}
	/* overlong forms, surrogates, beyond U+10FFFF */
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
		(c >= 0xD800 && c <= 0xDFFF))
		goto invalid;
	*cp = c;
	return n;

invalid:
	*cp = 0xFFFD;
	return 1;
}

int
gir_utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80)
	{
		out[0] = (char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		out[0] = (char) (0xC0 | (cp >> 6));
		out[1] = (char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		out[0] = (char) (0xE0 | (cp >> 12));
		out[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char) (0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char) (0xF0 | (cp >> 18));
	out[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char) (0x80 | (cp & 0x3F));
	return 4;
}

/*
 * Box drawing (w3m -dump tables) becomes the ASCII of pandoc grid tables:
 * vertical lines '|', horizontal lines '-', corners and junctions '+'.
 */
static uint32_t
fold_box_drawing(uint32_t cp)
{
	switch (cp)
	{
		case 0x2502:			/* │ ┃ ┆ ┇ ┊ ┋ ╎ ╏ ║ */
		case 0x2503:
		case 0x2506:
		case 0x2507:
		case 0x250A:
		case 0x250B:
		case 0x254E:
		case 0x254F:
		case 0x2551:
			return '|';
		case 0x2500:			/* ─ ━ ┄ ┅ ┈ ┉ ╌ ╍ ═ */
		case 0x2501:
		case 0x2504:
		case 0x2505:
		case 0x2508:
		case 0x2509:
		case 0x254C:
		case 0x254D:
		case 0x2550:
			return '-';
	}
	return '+';
}

/*
 * Fold one code point for normalised text.  Returns the replacement, or 0
 * to drop the character.  Structural characters (newline, TAB) are handled
 * by the caller.
 */
static uint32_t
fold_char(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;		/* full-width ASCII: ０ → 0, （ → ( */
	switch (cp)
	{
		case 0x3000:			/* ideographic space */
		case 0x00A0:			/* no-break space */
		case 0x1680:
		case 0x202F:
		case 0x205F:
		case 0x000B:
		case 0x000C:			/* form feed between PDF pages */
			return ' ';
		case 0x200B:			/* zero-width and formatting characters */
		case 0x200C:
		case 0x200D:
		case 0x200E:
		case 0x200F:
		case 0x2060:
		case 0xFEFF:
		case 0x00AD:
		case 0xFFFD:
			return 0;
		case 0x2212:			/* minus sign */
		case 0x2010:
		case 0x2011:
		case 0xFE63:
			return '-';
	}
	if (cp >= 0x2000 && cp <= 0x200A)
		return ' ';
	if (cp >= 0x2500 && cp <= 0x257F)
		return fold_box_drawing(cp);
	if (cp < 0x20)
		return 0;
	return cp;
}

/* ---------- text ---------- */

/*
 * Offset of the first occurrence of the n bytes of word in s[0..len), or
 * len when there is none.  Where SSE2 is there, 16 starts at a time are
 * tested for the word's first and last bytes together (UTF-8 text holds
 * each alone every few bytes, both at once seldom); then, and elsewhere,
 * memchr finds its last byte.
 */
size_t
gir_find(const char *s, size_t len, const char *word, size_t n)
{
	const char *end = s + len;
	const char *p;
	size_t		i = 0;

	if (n == 0)
		return 0;
	if (n > len)
		return len;
#ifdef __SSE2__
	if (n >= 2)
	{
		const __m128i first = _mm_set1_epi8(word[0]);
		const __m128i last = _mm_set1_epi8(word[n - 1]);

		/* both loads stay inside s: the last reads s[i + n - 1 + 15] */
		for (; i + n - 1 + 16 <= len; i += 16)
		{
			__m128i		a = _mm_loadu_si128((const __m128i *) (s + i));
			__m128i		b = _mm_loadu_si128((const __m128i *) (s + i + n - 1));
			unsigned	hits = (unsigned) _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first),
																		   _mm_cmpeq_epi8(b, last)));

			for (; hits; hits &= hits - 1)
			{
				size_t		at = i + (size_t) __builtin_ctz(hits);

				if (memcmp(s + at + 1, word + 1, n - 2) == 0)
					return at;
			}
		}
	}
#endif
	/* a CJK word ends in a common byte: its byte before rules out most stops */
	for (p = s + i + n - 1; p < end && (p = memchr(p, word[n - 1], (size_t) (end - p))) != NULL; p++)
		if ((n < 2 || p[-1] == word[n - 2]) && memcmp(p - (n - 1), word, n - 1) == 0)
			return (size_t) (p - s) - (n - 1);
	return len;
}

/*
 * A 64-bit mask of the byte pairs of s[0..len): if needle occurs in s, the
 * mask of needle is contained in the mask of s.  A cheap test before
 * strstr when many needles are looked for in one short text.
 */
uint64_t
gir_pair_mask(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *) s;
	uint64_t	m = 0;
	size_t		i;

	for (i = 1; i < len; i++)
		m |= UINT64_C(1) << ((u[i - 1] * 5u + u[i]) & 63);
	return m;
}

/*
 * gir_pair_mask of a word that is a string literal (an entry of one of
 * narrative.c's word lists), remembered by its address: such words are
 * tested thousands of times a report.
 */
uint64_t
gir_word_pairs(const char *word)
{
	static struct
	{
		const char *word;
		uint64_t	pairs;
	}			memo[512];
	size_t		h = ((uintptr_t) word >> 2) % 512;
	int			probes;

	for (probes = 0; probes < 8; probes++, h = (h + 1) % 512)
	{
		if (memo[h].word == word)
			return memo[h].pairs;
		if (memo[h].word == NULL)
		{
			memo[h].pairs = gir_pair_mask(word, strlen(word));
			memo[h].word = word;
			return memo[h].pairs;
		}
	}
	return gir_pair_mask(word, strlen(word));
}

/* ---------- label comparison keys ---------- */

/*
 * Traditional characters of the template's labels and section titles, with
 * their simplified forms, sorted by the traditional code point.  Mirror
 * sites convert pages to traditional script; comparison keys fold back.
 */
static const uint32_t trad_simp[][2] = {
	{0x4E26, 0x5E76}, {0x4F48, 0x5E03}, {0x4FC2, 0x7CFB}, {0x500B, 0x4E2A}, {0x5011, 0x4EEC},
	{0x5167, 0x5185}, {0x5283, 0x5212}, {0x52D5, 0x52A8}, {0x52D9, 0x52A1}, {0x52F5, 0x52B1},
	{0x5340, 0x533A}, {0x54E1, 0x5458}, {0x554F, 0x95EE}, {0x55AE, 0x5355}, {0x570B, 0x56FD},
	{0x5716, 0x56FE}, {0x57F7, 0x6267}, {0x5831, 0x62A5}, {0x5BE6, 0x5B9E}, {0x5BE9, 0x5BA1},
	{0x5C07, 0x5C06}, {0x5C0D, 0x5BF9}, {0x5C0E, 0x5BFC}, {0x5C6C, 0x5C5E}, {0x5EE2, 0x5E9F},
	{0x5F37, 0x5F3A}, {0x5F8C, 0x540E}, {0x5F9E, 0x4ECE}, {0x5FA9, 0x590D}, {0x5FB9, 0x5F7B},
	{0x61C9, 0x5E94}, {0x63A1, 0x91C7}, {0x64DA, 0x636E}, {0x6578, 0x6570}, {0x65BC, 0x4E8E},
	{0x66F8, 0x4E66}, {0x6703, 0x4F1A}, {0x689D, 0x6761}, {0x696D, 0x4E1A}, {0x69CB, 0x6784},
	{0x6A19, 0x6807}, {0x6A5F, 0x673A}, {0x6A94, 0x6863}, {0x6AA2, 0x68C0}, {0x6B0A, 0x6743},
	{0x6B72, 0x5C81}, {0x6C7A, 0x51B3}, {0x6C92, 0x6CA1}, {0x6CC1, 0x51B5}, {0x6E1B, 0x51CF},
	{0x6E96, 0x51C6}, {0x70BA, 0x4E3A}, {0x7121, 0x65E0}, {0x71DF, 0x8425}, {0x734E, 0x5956},
	{0x7372, 0x83B7}, {0x73FE, 0x73B0}, {0x74B0, 0x73AF}, {0x7522, 0x4EA7}, {0x7576, 0x5F53},
	{0x767C, 0x53D1}, {0x76E3, 0x76D1}, {0x78BA, 0x786E}, {0x7A69, 0x7A33}, {0x7BC4, 0x8303},
	{0x7CFE, 0x7EA0}, {0x7D0D, 0x7EB3}, {0x7D44, 0x7EC4}, {0x7D50, 0x7ED3}, {0x7D61, 0x7EDC},
	{0x7D66, 0x7ED9}, {0x7D71, 0x7EDF}, {0x7D93, 0x7ECF}, {0x7DAD, 0x7EF4}, {0x7DB2, 0x7F51},
	{0x7DE8, 0x7F16}, {0x7E23, 0x53BF}, {0x7E3D, 0x603B}, {0x7E54, 0x7EC7}, {0x7E73, 0x7F34},
	{0x7E7C, 0x7EE7}, {0x7E8C, 0x7EED}, {0x7F70, 0x7F5A}, {0x8207, 0x4E0E}, {0x8209, 0x4E3E},
	{0x842C, 0x4E07}, {0x85E5, 0x836F}, {0x8655, 0x5904}, {0x865F, 0x53F7}, {0x885B, 0x536B},
	{0x88DC, 0x8865}, {0x88FD, 0x5236}, {0x8907, 0x590D}, {0x8986, 0x590D}, {0x898F, 0x89C4},
	{0x8A02, 0x8BA2}, {0x8A08, 0x8BA1}, {0x8A0A, 0x8BAF}, {0x8A17, 0x6258}, {0x8A1F, 0x8BBC},
	{0x8A2A, 0x8BBF}, {0x8A2D, 0x8BBE}, {0x8A31, 0x8BB8}, {0x8A34, 0x8BC9}, {0x8A62, 0x8BE2},
	{0x8A71, 0x8BDD}, {0x8A8D, 0x8BA4}, {0x8AAA, 0x8BF4}, {0x8ACB, 0x8BF7}, {0x8B49, 0x8BC1},
	{0x8B70, 0x8BAE}, {0x8B77, 0x62A4}, {0x8CAB, 0x8D2F}, {0x8CAC, 0x8D23}, {0x8CBB, 0x8D39},
	{0x8CC7, 0x8D44}, {0x8CFC, 0x8D2D}, {0x8F38, 0x8F93}, {0x8F49, 0x8F6C}, {0x8FA6, 0x529E},
	{0x9019, 0x8FD9}, {0x9032, 0x8FDB}, {0x904B, 0x8FD0}, {0x904E, 0x8FC7}, {0x9109, 0x4E61},
	{0x93AE, 0x9547}, {0x9580, 0x95E8}, {0x958B, 0x5F00}, {0x95DC, 0x5173}, {0x969B, 0x9645},
	{0x96FB, 0x7535}, {0x9801, 0x9875}, {0x9805, 0x9879}, {0x9810, 0x9884}, {0x9818, 0x9886},
	{0x984C, 0x9898}, {0x984D, 0x989D}, {0x985E, 0x7C7B}, {0x9AD4, 0x4F53}, {0x9EDE, 0x70B9},
	{0x9EE8, 0x515A},
};

static uint32_t
fold_traditional(uint32_t cp)
{
	int			lo = 0,
				hi = (int) (sizeof(trad_simp) / sizeof(trad_simp[0])) - 1;

	if (cp < trad_simp[0][0])
		return cp;
	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (trad_simp[mid][0] == cp)
			return trad_simp[mid][1];
		if (trad_simp[mid][0] < cp)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return cp;
}

/* Words mirror sites swap in, mapped back (same byte length); gir_squeeze
 * looks for them only after starts_vocabulary's characters. */
static const char *const vocabulary[][2] = {
	{"资讯", "信息"},
	{"档案", "文件"},
};

/* The first characters of the vocabulary's words: 资 档 */
static const uint32_t vocabulary_starts[] = {0x8D44, 0x6863};

static bool
starts_vocabulary(uint32_t cp)
{
	return cp == vocabulary_starts[0] || cp == vocabulary_starts[1];
}

/* A letter of ASCII, whatever the locale. */
static inline bool
is_ascii_letter(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* A letter or digit of ASCII, whatever the locale. */
static inline bool
is_ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || is_ascii_letter(c);
}

/*
 * One bit per ideograph U+4000-U+9FFF (UTF-8 lead byte E4-E9) that
 * gir_squeeze cannot copy as it is: the traditional characters of
 * trad_simp and the vocabulary's first characters.  Indexed by the
 * bytes themselves, the code point's upper bits choose the word and its
 * last six bits the bit.
 */
#define SQUEEZE_FIRST	0x4000
#define SQUEEZE_LAST	0x9FFF

static const uint64_t *
squeeze_special(void)
{
	static uint64_t bits[(SQUEEZE_LAST - SQUEEZE_FIRST + 1) / 64];
	static bool ready = false;

	if (!ready)
	{
		size_t		k;

		for (k = 0; k < sizeof(trad_simp) / sizeof(trad_simp[0]); k++)
			if (trad_simp[k][0] >= SQUEEZE_FIRST && trad_simp[k][0] <= SQUEEZE_LAST)
				bits[(trad_simp[k][0] - SQUEEZE_FIRST) / 64] |=
					(uint64_t) 1 << (trad_simp[k][0] % 64);
		for (k = 0; k < sizeof(vocabulary_starts) / sizeof(vocabulary_starts[0]); k++)
			bits[(vocabulary_starts[k] - SQUEEZE_FIRST) / 64] |=
				(uint64_t) 1 << (vocabulary_starts[k] % 64);
		ready = true;
	}
	return bits;
}

static bool
is_key_char(uint32_t cp)
{
	if (cp < 0x80)
		return isalnum((int) cp) != 0;
	if (cp >= 0x3400 && cp <= 0x9FFF)	/* CJK ideographs */
		return true;
	if (cp >= 0xF900 && cp <= 0xFAFF)
		return true;
	return false;
}

size_t
gir_squeeze(const char *s, size_t len, char *out, size_t outcap)
{
	const unsigned char *p = (const unsigned char *) s;
	const unsigned char *end = p + len;
	char	   *o = out;
	char	   *full = out + outcap - 4;	/* no room for a character and NUL */
	bool		vocabulary_seen = false;
	const uint64_t *special = squeeze_special();
	size_t		i;

	while (p < end)
	{
		uint32_t	cp;
		unsigned char c = *p;
		int			n;

		/* fast paths: ASCII, and CJK ideographs U+4000-U+9FFF (lead E4-E9) */
		if (c < 0x80)
		{
			p++;
			if (!is_ascii_alnum(c))
				continue;
			if (o >= full)
				break;
			*o++ = (char) c;
			continue;
		}
		if ((unsigned char) (c - 0xE4) <= 0xE9 - 0xE4 && end - p >= 3 &&
			((p[1] ^ 0x80) | (p[2] ^ 0x80)) < 0x40)	/* two continuation bytes */
		{
			/* (code point >> 6) - SQUEEZE_FIRST / 64, and code point % 64 */
			unsigned	word = ((unsigned) (c & 0x0F) << 6 | (p[1] & 0x3F)) - SQUEEZE_FIRST / 64;

			if (o >= full)
				break;
			if ((special[word] >> (p[2] & 0x3F) & 1) == 0)
			{
				o[0] = (char) c;
				o[1] = (char) p[1];
				o[2] = (char) p[2];
				o += 3;
				p += 3;
				continue;
			}
			cp = fold_traditional(((uint32_t) (c & 0x0F) << 12) |
								  ((uint32_t) (p[1] & 0x3F) << 6) | (uint32_t) (p[2] & 0x3F));
			o += gir_utf8_encode(cp, o);
			vocabulary_seen |= starts_vocabulary(cp);
			p += 3;
			continue;
		}
		n = gir_utf8_decode(p, (size_t) (end - p), &cp);
		p += n;
		cp = fold_char(cp);
		if (cp == 0 || !is_key_char(cp))
			continue;
		if (o >= full)
			break;
		cp = fold_traditional(cp);
		o += gir_utf8_encode(cp, o);
		vocabulary_seen |= starts_vocabulary(cp);
	}
	*o = '\0';
	for (i = 0; vocabulary_seen && i < sizeof(vocabulary) / sizeof(vocabulary[0]); i++)
	{
		char	   *hit = out;

		while ((hit = strstr(hit, vocabulary[i][0])) != NULL)
			memcpy(hit, vocabulary[i][1], strlen(vocabulary[i][1]));
	}
	return (size_t) (o - out);
}

/* ---------- HTML ---------- */

/* A lazily advanced search: finds needle at or after a position, caching
 * the answer so repeated searches over the same text stay linear. */
typedef struct LazyFind
{
	const char *needle;
	size_t		nlen;			/* its length */
	bool		ci;				/* case-insensitive */
	const char *found;			/* last answer, or NULL */
	bool		none_left;		/* no occurrence after 'found' */
} LazyFind;

#define LAZY_FIND(needle, ci)	{needle, sizeof(needle) - 1, ci, NULL, false}

static inline const char *
lazy_find(LazyFind *lf, const char *from, const char *end)
{
	size_t		nlen = lf->nlen;
	const char *p;

	if (lf->none_left)
		return NULL;
	if (lf->found && lf->found >= from)
		return lf->found;
	if (nlen == 1)
	{
		/* > after every tag: memchr alone */
		if (from < end && (p = memchr(from, lf->needle[0], (size_t) (end - from))) != NULL)
			return lf->found = p;
		lf->none_left = true;
		return NULL;
	}
	for (p = from; p + nlen <= end; p++)
	{
		/* jump to the next possible start (the needles begin with < > -) */
		if (!isalpha((unsigned char) lf->needle[0]) &&
			(p = memchr(p, lf->needle[0], (size_t) (end - p) - nlen + 1)) == NULL)
			break;
		if (lf->ci ? strncasecmp(p, lf->needle, nlen) == 0 :
			memcmp(p, lf->needle, nlen) == 0)
		{
			lf->found = p;
			return p;
		}
	}
	lf->none_left = true;
	return NULL;
}

static const struct
{
	const char *name;
	uint32_t	cp;
}			entities[] = {
	{"nbsp", ' '}, {"ensp", ' '}, {"emsp", ' '}, {"thinsp", ' '},
	{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
	{"ldquo", 0x201C}, {"rdquo", 0x201D}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
	{"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026},
	{"middot", 0xB7}, {"times", 0xD7}, {"minus", 0x2212},
};

/* Decode an entity at s ('&'); returns its length or 0 if it is not one. */
static int
decode_entity(const char *s, const char *end, uint32_t *cp)
{
	const char *semi;
	size_t		i;

	for (semi = s + 1; semi < end && semi - s <= 10 && *semi != ';'; semi++)
		;
	if (semi >= end || *semi != ';' || semi == s + 1)
		return 0;
	if (s[1] == '#')
	{
		unsigned long v = 0;
		const char *p = s + 2;
		bool		hex = (p < semi && (*p == 'x' || *p == 'X'));

		if (hex)
			p++;
		if (p == semi)
			return 0;
		for (; p < semi; p++)
		{
			int			d = hex ? (isxdigit((unsigned char) *p) ?
								   (isdigit((unsigned char) *p) ? *p - '0' :
									(tolower((unsigned char) *p) - 'a' + 10)) : -1) :
			(isdigit((unsigned char) *p) ? *p - '0' : -1);

			if (d < 0 || v > 0x10FFFF)
				return 0;
			v = v * (hex ? 16 : 10) + (unsigned long) d;
		}
		if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			return 0;
		*cp = (uint32_t) v;
		return (int) (semi - s + 1);
	}
	for (i = 0; i < sizeof(entities) / sizeof(entities[0]); i++)
	{
		size_t		n = strlen(entities[i].name);

		if ((size_t) (semi - s - 1) == n && strncmp(s + 1, entities[i].name, n) == 0)
		{
			*cp = entities[i].cp;
			return (int) (semi - s + 1);
		}
	}
	return 0;
}

/* ---------- the writer ---------- */

typedef struct Writer
{
	GirCtx	   *ctx;
	GirBuf		out;
	size_t		line_start;		/* offset of the current line in out */
	int			line_src;		/* its source line, 0 until known */
	int			src_line;		/* current source line */
	GirLine    *lines;			/* offsets in .s until finished */
	int			nlines;
	int			cap;
	bool		collapse_space; /* HTML: runs of white space are one space */
	int			pre;			/* inside <pre>: white space and breaks kept */
} Writer;

static void
end_line(Writer *w, bool keep_empty)
{
	size_t		end = w->out.len;

	/* trailing white space is never meaningful */
	while (end > w->line_start && w->out.data[end - 1] == ' ')
		end--;
	w->out.len = end;
	if (end == w->line_start && !keep_empty)
		return;
	if (w->nlines == w->cap)
	{
		int			cap = w->cap * 2;
		GirLine    *l = gir_alloc(w->ctx->arena, cap * sizeof(GirLine));

		memcpy(l, w->lines, w->nlines * sizeof(GirLine));
		w->lines = l;
		w->cap = cap;
	}
	w->lines[w->nlines].s = (const char *) (uintptr_t) w->line_start;
	w->lines[w->nlines].len = (int) (end - w->line_start);
	w->lines[w->nlines].src_line = w->line_src ? w->line_src : w->src_line;
	w->nlines++;
	gir_buf_putc(&w->out, '\n');
	w->line_start = w->out.len;
	w->line_src = 0;
	gir_tick(w->ctx);
}

static void
put_cp(Writer *w, uint32_t cp)
{
	char		enc[4];

	cp = fold_char(cp);
	if (cp == 0)
		return;
	if (cp == ' ')
	{
		char		prev = w->out.len > w->line_start ? w->out.data[w->out.len - 1] : '\t';

		if (w->collapse_space && w->pre == 0 && (prev == ' ' || prev == '\t'))
			return;
	}
	else if (w->line_src == 0)
		w->line_src = w->src_line;
	if (cp < 0x80)
		gir_buf_putc(&w->out, (char) cp);
	else
		gir_buf_append(&w->out, enc, gir_utf8_encode(cp, enc));
}

static void
put_tab(Writer *w)
{
	gir_buf_putc(&w->out, '\t');
}

/* The tags normalisation acts on, by name. */
typedef enum TagKind
{
	TAG_OTHER,
	TAG_TABLE,
	TAG_PRE,
	TAG_TR,
	TAG_TD,
	TAG_TH,
	TAG_PAGE,					/* html, body: the text is a web page */
	TAG_PAGE_BLOCK,				/* p, div, br: a page's, and a block */
	TAG_BLOCK					/* the other block elements: a line ends */
} TagKind;

/* The kind of a two-character tag name, a and b lower-cased. */
static TagKind
two_char_tag(char a, char b)
{
	switch (a)
	{
		case 't':
			return b == 'r' ? TAG_TR : b == 'd' ? TAG_TD : b == 'h' ? TAG_TH : TAG_OTHER;
		case 'b':
			return b == 'r' ? TAG_PAGE_BLOCK : TAG_OTHER;
		case 'h':				/* h1-h6, hr */
			return (b >= '1' && b <= '6') || b == 'r' ? TAG_BLOCK : TAG_OTHER;
		case 'l':
			return b == 'i' ? TAG_BLOCK : TAG_OTHER;
		case 'u':
		case 'o':
			return b == 'l' ? TAG_BLOCK : TAG_OTHER;
		case 'd':
			return b == 't' || b == 'd' ? TAG_BLOCK : TAG_OTHER;
	}
	return TAG_OTHER;
}

/*
 * The kind of the tag whose name starts at p (ASCII letters and digits,
 * any case); *after is set past the name.  The name is compared where it
 * is, character by character: copied to a buffer and compared as a
 * string, every tag stalled on wide loads of bytes just stored.
 */
static TagKind
tag_kind(const char *p, const char *end, const char **after)
{
	static const struct
	{
		const char *name;
		size_t		len;
		TagKind		kind;
	}			longer[] = {
#define TAG(name, kind) {name, sizeof(name) - 1, kind}
		TAG("table", TAG_TABLE), TAG("pre", TAG_PRE), TAG("div", TAG_PAGE_BLOCK),
		TAG("html", TAG_PAGE), TAG("body", TAG_PAGE), TAG("title", TAG_BLOCK),
		TAG("header", TAG_BLOCK), TAG("footer", TAG_BLOCK), TAG("section", TAG_BLOCK),
		TAG("article", TAG_BLOCK), TAG("caption", TAG_BLOCK), TAG("blockquote", TAG_BLOCK),
#undef TAG
	};
	const char *q = p;
	size_t		n,
				i,
				k;

	while (q < end && is_ascii_alnum((unsigned char) *q))
		q++;
	*after = q;
	n = (size_t) (q - p);
	if (n == 1)
		return (*p | 0x20) == 'p' ? TAG_PAGE_BLOCK : TAG_OTHER;
	if (n == 2)
		return two_char_tag(p[0] | 0x20, p[1] | 0x20);
	for (i = 0; i < sizeof(longer) / sizeof(longer[0]); i++)
	{
		if (longer[i].len != n)
			continue;
		for (k = 0; k < n && (p[k] | 0x20) == longer[i].name[k]; k++)
			;
		if (k == n)
			return longer[i].kind;
	}
	return TAG_OTHER;
}

/*
 * Handle a tag spanning [s, gt]; updates the table depth and writes the
 * separators the tag stands for.
 */
static void
handle_tag(Writer *w, const char *s, const char *gt, int *table_depth)
{
	const char *p = s + 1;
	bool		closing = (p < gt && *p == '/');

	switch (tag_kind(p + closing, gt, &p))
	{
		case TAG_TABLE:
			*table_depth += closing ? (*table_depth > 0 ? -1 : 0) : 1;
			end_line(w, false);
			break;
		case TAG_PRE:
			/* preformatted text: a table drawn with box characters, say */
			w->pre += closing ? (w->pre > 0 ? -1 : 0) : 1;
			end_line(w, false);
			break;
		case TAG_TR:
			end_line(w, false);
			break;
		case TAG_TD:
		case TAG_TH:
			if (!closing)
				put_tab(w);
			break;
		case TAG_PAGE_BLOCK:
		case TAG_BLOCK:
			if (*table_depth == 0)
				end_line(w, false);
			break;
		case TAG_PAGE:
		case TAG_OTHER:
			break;
	}
}

/*
 * Is the text HTML?  It is when it has table rows; it is a whole page
 * (where line breaks are mere white space) when it has <html> or <body>,
 * or paragraphs outside tables.  A markdown or text report with an HTML
 * table inside keeps its own lines.
 */
static void
detect_html(const char *text, size_t len, bool *html, bool *page)
{
	const char *p = text;
	const char *end = text + len;
	int			table_depth = 0;

	*html = *page = false;
	while ((p = memchr(p, '<', end - p)) != NULL)
	{
		bool		closing = (++p < end && *p == '/');

		switch (tag_kind(p + closing, end, &p))
		{
			case TAG_TD:
			case TAG_TR:
				*html = true;
				break;
			case TAG_TABLE:
				table_depth += closing ? (table_depth > 0 ? -1 : 0) : 1;
				break;
			case TAG_PAGE:
			case TAG_PAGE_BLOCK:
				if (table_depth == 0)
				{
					/* a page is HTML: nothing further can change the answers */
					*page = *html = true;
					return;
				}
				break;
			default:
				break;
		}
	}
}

/* Append a source line's offset to the report's table, doubling it as needed. */
static void
add_source_line(GirCtx *ctx, size_t *cap, size_t off)
{
	GirReport  *r = ctx->report;

	if ((size_t) r->nlines == *cap)
	{
		size_t	   *grown = gir_alloc(ctx->arena, 2 * *cap * sizeof(size_t));

		memcpy(grown, r->line_off, *cap * sizeof(size_t));
		r->line_off = grown;
		*cap *= 2;
	}
	r->line_off[r->nlines++] = off;
}

/*
 * The report's source line table, for provenance: a line starts after each
 * \n, \r\n or lone \r.  This adds the lines of text[from..len): memchr
 * finds the \n; only a text with a \r is searched for lone ones, between
 * two \n.
 */
static void
source_lines_memchr(GirCtx *ctx, size_t *cap, const char *text, size_t from, size_t len)
{
	const char *end = text + len;
	const char *p = text + from;
	bool		has_cr = from < len && memchr(p, '\r', len - from) != NULL;

	while (p < end)
	{
		const char *nl = memchr(p, '\n', (size_t) (end - p));
		const char *stop = nl ? nl : end;
		const char *cr;

		/* a \r right before the \n is part of it; at the text's end it is not */
		for (cr = p; has_cr && (cr = memchr(cr, '\r', (size_t) (stop - cr))) != NULL &&
			 (cr + 1 < stop || nl == NULL); cr++)
			add_source_line(ctx, cap, (size_t) (cr + 1 - text));
		if (nl == NULL)
			break;
		add_source_line(ctx, cap, (size_t) (nl + 1 - text));
		p = nl + 1;
	}
}

#ifdef __SSE2__
/*
 * The same, 16 bytes at a time: one pass finds \n and \r together, where
 * memchr took a call per line (two on a text with \r).
 */
static void
source_lines_sse2(GirCtx *ctx, size_t *cap, const char *text, size_t len)
{
	size_t		at;

	for (at = 0; at + 16 <= len; at += 16)
	{
		__m128i		b = _mm_loadu_si128((const __m128i *) (text + at));
		unsigned	nl = (unsigned) _mm_movemask_epi8(_mm_cmpeq_epi8(b, _mm_set1_epi8('\n')));
		unsigned	cr = (unsigned) _mm_movemask_epi8(_mm_cmpeq_epi8(b, _mm_set1_epi8('\r')));
		unsigned	ends;

		/* a \r is part of the \n right after it, in this block or the next */
		cr &= ~(nl >> 1);
		if ((cr & 0x8000) && at + 16 < len && text[at + 16] == '\n')
			cr &= 0x7FFF;
		for (ends = nl | cr; ends; ends &= ends - 1)
			add_source_line(ctx, cap, at + (size_t) __builtin_ctz(ends) + 1);
	}
	source_lines_memchr(ctx, cap, text, at, len);
}
#endif

static void
source_lines(GirCtx *ctx, const char *text, size_t len)
{
	GirReport  *r = ctx->report;
	size_t		cap = len / 64 + 16;	/* most lines are longer */

	r->src = text;
	r->srclen = len;
	r->line_off = gir_alloc(ctx->arena, cap * sizeof(size_t));
	r->line_off[0] = 0;
	r->nlines = 1;
#ifdef __SSE2__
	if (gir_normalise_fast)
	{
		source_lines_sse2(ctx, &cap, text, len);
		return;
	}
#endif
	source_lines_memchr(ctx, &cap, text, 0, len);
}

/*
 * Four bytes read as one integer: bytes 1 and 2 are continuation bytes
 * (10xxxxxx).  They are the middle bytes in either byte order.
 */
#define CONT_MASK	UINT32_C(0x00C0C000)
#define CONT_BITS	UINT32_C(0x00808000)

/*
 * Whether gir_normalise may take its fast path: runs of characters copied
 * or folded without decoding each, 16 bytes at a time where plain_prefix
 * allows.  The core tests turn it off to check that the result is the same.
 */
bool		gir_normalise_fast = true;

#ifdef __SSE2__
/*
 * How many of the 16 bytes at q the fast path copies as they are: printable
 * ASCII but [ (and < & in HTML), spaces and TABs (but in HTML, where white
 * space collapses), and whole characters U+3001-U+9FFF (lead byte E3-E9,
 * two continuation bytes; not U+3000).  Stops at the first other byte or
 * malformed sequence, and before a character that the 16 bytes cut.
 * Reports' runs of text are mostly such bytes, and one test of 16 spares a
 * branch per character.
 */
static inline int
plain_prefix(const unsigned char *q, bool html, bool *ink)
{
	__m128i		b = _mm_loadu_si128((const __m128i *) q);
	__m128i		space = _mm_or_si128(_mm_cmpeq_epi8(b, _mm_set1_epi8(' ')),
									 _mm_cmpeq_epi8(b, _mm_set1_epi8('\t')));
	__m128i		ascii = _mm_and_si128(_mm_cmpgt_epi8(b, _mm_set1_epi8(' ')),
									  _mm_cmplt_epi8(b, _mm_set1_epi8(0x7F)));
	__m128i		held = _mm_cmpeq_epi8(b, _mm_set1_epi8('['));
	__m128i		lead = _mm_and_si128(_mm_cmpgt_epi8(b, _mm_set1_epi8((char) 0xE2)),
									 _mm_cmplt_epi8(b, _mm_set1_epi8((char) 0xEA)));
	unsigned	cont = (unsigned) _mm_movemask_epi8(_mm_cmplt_epi8(b, _mm_set1_epi8((char) 0xC0)));
	unsigned	leads = (unsigned) _mm_movemask_epi8(lead);
	unsigned	x80 = (unsigned) _mm_movemask_epi8(_mm_cmpeq_epi8(b, _mm_set1_epi8((char) 0x80)));
	unsigned	xe3 = (unsigned) _mm_movemask_epi8(_mm_cmpeq_epi8(b, _mm_set1_epi8((char) 0xE3)));
	unsigned	spaces = (unsigned) _mm_movemask_epi8(space);
	unsigned	plain,
				wanted,
				stop;
	int			n;

	if (html)
		held = _mm_or_si128(held, _mm_or_si128(_mm_cmpeq_epi8(b, _mm_set1_epi8('<')),
												_mm_cmpeq_epi8(b, _mm_set1_epi8('&'))));
	plain = (unsigned) _mm_movemask_epi8(_mm_andnot_si128(held, ascii)) | (html ? 0 : spaces);
	wanted = ((leads << 1) | (leads << 2)) & 0xFFFF;	/* continuation bytes */
	stop = (~(plain | leads | cont) & 0xFFFF) | (cont ^ wanted) |
		(xe3 & (x80 >> 1) & (x80 >> 2));	/* U+3000 */
	n = stop ? __builtin_ctz(stop) : 16;
	leads &= (1u << n) - 1;
	if (leads && 31 - __builtin_clz(leads) + 3 > n)
		n = 31 - __builtin_clz(leads);	/* a character cut at n */
	if (~spaces & ((1u << n) - 1))
		*ink = true;
	return n;
}
#endif

/*
 * The line breaks in s[0..end) (a comment, a tag that short_tag_end does
 * not end, or what a script or style tag skips), where the text goes on to
 * limit.  Where SSE2 is there, 16 bytes are tested at a time, the last
 * block reading past end (but not past limit) and masked.
 */
static int
count_newlines(const char *s, const char *end, const char *limit)
{
	int			n = 0;

#ifdef __SSE2__
	for (; s < end && limit - s >= 16; s += 16)
	{
		unsigned	nl = (unsigned) _mm_movemask_epi8(
			_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *) s), _mm_set1_epi8('\n')));

		if (end - s < 16)
			nl &= (1u << (end - s)) - 1;
		for (; nl; nl &= nl - 1)
			n++;
	}
#endif
	for (; s < end; s++)
		n += *s == '\n';
	return n;
}

/*
 * The > that ends the tag at p, when it is among the 16 bytes from p with
 * no line break before it; else NULL.  Most tags are such (<p>, </td>,
 * <span style=…>): one test spares a memchr call and the count of line
 * breaks inside.
 */
static inline const char *
short_tag_end(const char *p, const char *end)
{
#ifdef __SSE2__
	if (end - p >= 16)
	{
		__m128i		b = _mm_loadu_si128((const __m128i *) p);
		unsigned	gt = (unsigned) _mm_movemask_epi8(_mm_cmpeq_epi8(b, _mm_set1_epi8('>')));
		unsigned	nl = (unsigned) _mm_movemask_epi8(_mm_cmpeq_epi8(b, _mm_set1_epi8('\n')));

		if (gt && (nl & ((gt & -gt) - 1)) == 0)
			return p + __builtin_ctz(gt);
	}
#endif
	return NULL;
}

/*
 * gir_normalise
 *		Fill ctx->doc from the raw text, and the report's source line table.
 */
void
gir_normalise(GirCtx *ctx, const char *text, size_t len)
{
	GirReport  *r = ctx->report;
	const char *p = text;
	const char *end = text + len;
	Writer		w;
	bool		html,
				page;
	int			table_depth = 0;
	LazyFind	gt = LAZY_FIND(">", false);
	LazyFind	comment_end = LAZY_FIND("-->", false);
	LazyFind	script_end = LAZY_FIND("</script", true);
	LazyFind	style_end = LAZY_FIND("</style", true);
	size_t		nsrc;
	int			k;
	int			steps = 0;		/* a tick every 32 characters: one line can be long */

	source_lines(ctx, text, len);
	nsrc = (size_t) r->nlines;

	detect_html(text, len, &html, &page);
	ctx->doc.html = html;

	memset(&w, 0, sizeof(w));
	w.ctx = ctx;
	gir_buf_init(&w.out, ctx->arena, len + len / 8 + 64);
	/* a line per source line, as a rule: grown only for HTML, U+2028 */
	w.cap = nsrc < 255 ? 256 : (int) nsrc + 1;
	w.lines = gir_alloc(ctx->arena, w.cap * sizeof(GirLine));
	w.src_line = 1;
	w.collapse_space = html;

	while (p < end)
	{
		unsigned char c = (unsigned char) *p;
		uint32_t	cp;

		if (++steps >= 32)
		{
			steps = 0;
			gir_tick(ctx);
		}
		if (c == '\r' || c == '\n')
		{
			p += (c == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
			if (html && (page || table_depth > 0) && w.pre == 0)
				put_cp(&w, ' ');
			else
				end_line(&w, true);
			w.src_line++;
			continue;
		}
		if (c == '\t')
		{
			if (html && w.pre == 0)
				put_cp(&w, ' ');
			else
				put_tab(&w);
			p++;
			continue;
		}
		if (c == '[' && end - p >= 10 && memcmp(p, "[bookmark:", 10) == 0)
		{
			/* Word's "[bookmark: _GoBack]" debris */
			const char *q = p + 10;

			while (q < end && q - p < 80 && *q != ']' && *q != '\n')
				q++;
			if (q < end && *q == ']')
			{
				p = q + 1;
				continue;
			}
		}
		if (html && c == '<')
		{
			const char *close;
			bool		one_line;	/* the tag holds no line break */

			if (end - p >= 4 && memcmp(p, "<!--", 4) == 0 &&
				(close = lazy_find(&comment_end, p + 4, end)) != NULL)
			{
				w.src_line += count_newlines(p, close + 3, end);
				p = close + 3;
				continue;
			}
			close = short_tag_end(p, end);
			one_line = close != NULL;
			if (!one_line)
				close = lazy_find(&gt, p, end);
			if (close && close - p < 4096 && p + 1 < end &&
				(is_ascii_letter((unsigned char) p[1]) || p[1] == '/' || p[1] == '!'))
			{
				const char *skip_to = NULL;
				bool		s_tag = (p[1] | 0x20) == 's';	/* spares most compares */

				handle_tag(&w, p, close, &table_depth);
				if (s_tag && strncasecmp(p, "<script", 7) == 0)
					skip_to = lazy_find(&script_end, close, end);
				else if (s_tag && strncasecmp(p, "<style", 6) == 0)
					skip_to = lazy_find(&style_end, close, end);
				if (skip_to)
				{
					close = lazy_find(&gt, skip_to, end);
					one_line = false;
				}
				if (close == NULL)
					close = end - 1;
				if (!one_line)
					w.src_line += count_newlines(p, close + 1, end);
				p = close + 1;
				continue;
			}
		}
		if (html && c == '&')
		{
			int			n = decode_entity(p, end, &cp);

			if (n > 0)
			{
				put_cp(&w, cp);
				p += n;
				continue;
			}
		}
		if (gir_normalise_fast)
		{
			/*
			 * Fast path: a run of characters that fold_char keeps, drops or
			 * folds to one ASCII byte is written straight to the output.
			 */
			const unsigned char *q = (const unsigned char *) p;
			const unsigned char *qend = (const unsigned char *) end;
			char	   *o = gir_buf_space(&w.out, (size_t) (end - p) + 1);
			char	   *o0 = o;
			bool		ink = false;

			while (q < qend)
			{
				unsigned char d = *q;

#ifdef __SSE2__
				/*
				 * a block is worth testing where a plain character starts
				 * (white space is one outside HTML: PDF copies align
				 * columns with runs of spaces, TAB rows separate cells)
				 */
				if (qend - q >= 16 && ((unsigned char) (d - 0xE3) <= 0xE9 - 0xE3 ||
									   (d > 0x20 && d < 0x7F) ||
									   (!html && (d == ' ' || d == '\t'))))
				{
					int			n = plain_prefix(q, html, &ink);

					if (n > 0)
					{
						/* room: the output never outgrows the input here */
						_mm_storeu_si128((__m128i *) o, _mm_loadu_si128((const __m128i *) q));
						o += n;
						q += n;
						continue;
					}
				}
#endif

				/*
				 * Most of a report: ideographs U+4000-U+9FFF (lead byte
				 * E4-E9), copied four bytes at a time into room with a
				 * spare byte; the fourth is past the output's end.
				 */
				if ((unsigned char) (d - 0xE4) <= 0xE9 - 0xE4 && qend - q >= 4)
				{
					uint32_t	four;

					/* the lead and two continuation bytes, in one test */
					memcpy(&four, q, 4);
					if ((four & CONT_MASK) == CONT_BITS)
					{
						memcpy(o, &four, 4);
						o += 3;
						q += 3;
						ink = true;
						continue;
					}
				}

				if (d < 0x80)
				{
					if (d > 0x20 && d < 0x7F && d != '[' && (!html || (d != '<' && d != '&')))
						ink = true;
					else if (d != ' ' || html)
						break;
					*o++ = (char) *q++;
					continue;
				}
				if (d == 0xC2 && qend - q >= 2 && (q[1] == 0xA0 || q[1] == 0xAD))
				{
					/* no-break space (a space where spaces do not collapse), soft hyphen */
					if (q[1] == 0xAD)
						q += 2;
					else if (html)
						break;
					else
					{
						*o++ = ' ';
						q += 2;
					}
					continue;
				}
				if (qend - q < 3 || (q[1] & 0xC0) != 0x80 || (q[2] & 0xC0) != 0x80)
					break;
				if (d == 0xEF && ((q[1] == 0xBC && q[2] >= 0x81) || (q[1] == 0xBD && q[2] <= 0x9E)))
				{
					/* full-width ASCII U+FF01-U+FF5E: ，→ , ０→ 0 */
					*o++ = (char) (((q[1] & 0x3F) << 6 | (q[2] & 0x3F)) - 0xEE0);
					q += 3;
					ink = true;
					continue;
				}
				if ((d == 0xE2 && q[1] == 0x80 && q[2] >= 0x8B && q[2] <= 0x8F) ||
					(d == 0xE2 && q[1] == 0x81 && q[2] == 0xA0) ||
					(d == 0xEF && q[1] == 0xBB && q[2] == 0xBF))
				{
					/* dropped: zero-width characters U+200B-U+200F, U+2060, U+FEFF */
					q += 3;
					continue;
				}
				if (!html && ((d == 0xE3 && q[1] == 0x80 && q[2] == 0x80) ||
							  (d == 0xE2 && q[1] == 0x80 && q[2] <= 0x8A)))
				{
					/* ideographic space U+3000, spaces U+2000-U+200A */
					*o++ = ' ';
					q += 3;
					continue;
				}
				/* kept as they are: U+3001-U+9FFF, and — ‘ ’ “ ” … */
				if (!((d >= 0xE4 && d <= 0xE9) ||
					  (d == 0xE3 && (q[1] != 0x80 || q[2] != 0x80)) ||
					  (d == 0xE2 && q[1] == 0x80 &&
					   (q[2] == 0x94 || q[2] == 0x98 || q[2] == 0x99 ||
						q[2] == 0x9C || q[2] == 0x9D || q[2] == 0xA6))))
					break;
				o[0] = (char) q[0];
				o[1] = (char) q[1];
				o[2] = (char) q[2];
				o += 3;
				q += 3;
				ink = true;
			}
			if ((const char *) q > p)
			{
				size_t		taken = (size_t) ((const char *) q - p);

				if (ink && w.line_src == 0)
					w.line_src = w.src_line;
				w.out.len += (size_t) (o - o0);
				for (steps += (int) (taken % 32); taken >= 32; taken -= 32)
					gir_tick(ctx);	/* a long run counts as its characters */
				p = (const char *) q;
				continue;
			}
		}
		k = gir_utf8_decode((const unsigned char *) p, (size_t) (end - p), &cp);
		if (cp == 0xFFFD && k == 1 && c >= 0x80)
			ctx->doc.invalid_utf8++;
		if (cp == 0x2028 || cp == 0x2029)
			end_line(&w, true);
		else
			put_cp(&w, cp);
		p += k;
	}
	end_line(&w, false);

	/* turn offsets into pointers now that the buffer no longer moves */
	for (k = 0; k < w.nlines; k++)
		w.lines[k].s = w.out.data + (uintptr_t) w.lines[k].s;
	ctx->doc.lines = w.lines;
	ctx->doc.nlines = w.nlines;
}
