/*-------------------------------------------------------------------------
 * layout.c
 *	  Read the cells of table lines, whatever the layout: one cell per line
 *	  (DOCX copies), TAB-separated rows, markdown pipes, HTML (already turned
 *	  into TAB rows by normalise.c) and space-aligned PDF text.
 *
 * A line becomes tokens: TEXT (label words), NUM (a number, possibly signed
 * or with a unit), BLANK (a placeholder such as — or /) and EMPTY (an empty
 * cell between separators).  Lines then group into table rows: in the
 * one-cell-per-line layout a blank line ends a row; elsewhere a line is a
 * row.
 *
 * src/core/layout.c
 *-------------------------------------------------------------------------
 */
#include <string.h>

#include "internal.h"

#define PCRE_OVEC	6
#define MAX_FIELDS	64			/* cells of one line kept */

static bool
is_space(char c)
{
	return c == ' ';
}

/*
 * A page number or footer on a line of its own (— 3 —, 第 3 页 共 5 页),
 * however it is indented or bordered.
 */
bool
gir_page_debris(GirCtx *ctx, const char *s, int len)
{
	size_t		ovec[2 * PCRE_OVEC];

	while (len > 0 && (*s == ' ' || *s == '\t' || *s == '|'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '|'))
		len--;
	return len > 0 && len < 48 &&
		gir_match(ctx, GIR_PAT_PAGE_DEBRIS, s, len, ovec, PCRE_OVEC) > 0;
}

/* Classify one space-free word as NUM, BLANK or TEXT. */
static GirTokKind
classify_word(GirCtx *ctx, const char *s, int len)
{
	unsigned char c = (unsigned char) s[0];
	size_t		ovec[2 * PCRE_OVEC];

	/* cheap filters first: most words are plainly text or plain digits */
	if (c >= '0' && c <= '9' && gir_all_digits(s, len))
		return GIR_TOK_NUM;
	if ((c >= '0' && c <= '9') || c == '+' || c == '-' ||
		(len >= 3 && (memcmp(s, "减", 3) == 0 || memcmp(s, "減", 3) == 0 ||
					  memcmp(s, "增", 3) == 0)))
	{
		if (gir_match(ctx, GIR_PAT_NUMBER, s, len, ovec, PCRE_OVEC) > 0)
			return GIR_TOK_NUM;
	}
	if (len <= 12 && gir_match(ctx, GIR_PAT_PLACEHOLDER, s, len, ovec, PCRE_OVEC) > 0)
		return GIR_TOK_BLANK;
	return GIR_TOK_TEXT;
}

static void
push_tok(GirTok *toks, int *n, int max, GirTokKind kind, const char *s, int len,
		 int src_line)
{
	if (*n >= max)
		return;
	toks[*n].kind = kind;
	toks[*n].s = s;
	toks[*n].len = len;
	toks[*n].src_line = src_line;
	(*n)++;
}

/* Tokens of one field (a cell between separators). */
static void
tokenize_field(GirCtx *ctx, const char *s, int len, int src_line,
			   GirTok *toks, int *n, int max)
{
	int			i = 0;
	const char *text_start = NULL;
	const char *text_end = NULL;

	while (len > 0 && is_space(s[0]))
		s++, len--;
	while (len > 0 && is_space(s[len - 1]))
		len--;
	if (len == 0)
	{
		push_tok(toks, n, max, GIR_TOK_EMPTY, s, 0, src_line);
		return;
	}
	while (i < len)
	{
		int			start,
					wlen;
		const char *space;
		GirTokKind	kind;

		while (i < len && is_space(s[i]))
			i++;
		start = i;
		/* the word runs to the next space (memchr: labels can be long) */
		space = memchr(s + i, ' ', (size_t) (len - i));
		i = space ? (int) (space - s) : len;
		wlen = i - start;
		if (wlen == 0)
			break;
		if (s[start] == '|' && strspn(s + start, "|") >= (size_t) wlen)
			continue;			/* a cell border left in the text: "0 |" */
		if (wlen > 6 && memcmp(s + start, "数据", 6) == 0 &&
			strspn(s + start + 6, "0123456789") == (size_t) (wlen - 6))
			continue;			/* a converter's column header: 数据1 */
		gir_tick(ctx);			/* one line can hold many words */
		kind = classify_word(ctx, s + start, wlen);
		if (kind == GIR_TOK_TEXT)
		{
			/* consecutive text words form one label, spaces kept */
			if (text_start == NULL)
				text_start = s + start;
			text_end = s + i;
			continue;
		}
		if (text_start)
		{
			push_tok(toks, n, max, GIR_TOK_TEXT, text_start,
					 (int) (text_end - text_start), src_line);
			text_start = NULL;
		}
		push_tok(toks, n, max, kind, s + start, wlen, src_line);
	}
	if (text_start)
		push_tok(toks, n, max, GIR_TOK_TEXT, text_start,
				 (int) (text_end - text_start), src_line);
}

/*
 * A rule line of a table drawing: only - = + : | and spaces, with some
 * dashes (grid tables, box drawing, markdown separators), or a line of
 * pipes alone (a cell border on a line of its own).
 */
static bool
line_is_rule(const GirLine *ln, bool *grid)
{
	int			i,
				dashes = 0,
				plus = 0,
				pipes = 0;

	for (i = 0; i < ln->len; i++)
	{
		char		c = ln->s[i];

		if (c == '-' || c == '=')
			dashes++;
		else if (c == '+')
			plus++;
		else if (c == '|')
			pipes++;
		else if (c != ':' && c != ' ' && c != '\t')
			return false;
	}
	*grid = plus > 0 && dashes >= 3;
	return dashes >= 3 || (pipes > 0 && dashes == 0 && plus == 0);
}

/*
 * The cells of a pipe row: the text between pipes, without the empty text
 * before the first pipe and after the last.  Returns the number of cells.
 */
static int
split_pipes(const char *s, int len, int *starts, int *lens, int max)
{
	int			n = 0,
				start = 0,
				i;

	while (start < len && (s[start] == ' ' || s[start] == '\t'))
		start++;
	if (start < len && s[start] == '|')
		start++;
	for (i = start; i <= len && n < max; i++)
	{
		if (i < len && s[i] != '|')
			continue;
		if (i == len)
		{
			int			j = start;

			while (j < len && (s[j] == ' ' || s[j] == '\t'))
				j++;
			if (j == len)
				break;			/* nothing after the last pipe */
		}
		starts[n] = start;
		lens[n] = i - start;
		n++;
		start = i + 1;
	}
	return n;
}

static bool
is_rule_cell(const char *s, int len)
{
	int			i;

	for (i = 0; i < len; i++)
		if (s[i] != '-' && s[i] != ':' && s[i] != ' ' && s[i] != '+' && s[i] != '=')
			return false;
	return true;
}

/* Does the line hold two pipes or more (a pipe row)? */
static bool
pipe_row(const GirLine *ln)
{
	const char *end = ln->s + ln->len;
	const char *p = memchr(ln->s, '|', (size_t) ln->len);

	return p != NULL && memchr(p + 1, '|', (size_t) (end - p - 1)) != NULL;
}

/* Tokens of one line.  Returns the count. */
static int
tokenize_line(GirCtx *ctx, const GirLine *ln, GirTok *toks, int max)
{
	const char *s = ln->s;
	int			len = ln->len;
	int			n = 0;
	int			i;

	if (gir_page_debris(ctx, s, len))
		return 0;

	if (pipe_row(ln))
	{
		/* markdown, grid or plain pipe row: | a | b | */
		int			starts[MAX_FIELDS],
					lens[MAX_FIELDS];
		int			nf = split_pipes(s, len, starts, lens, MAX_FIELDS);
		bool		all_rules = true;

		for (i = 0; i < nf; i++)
			if (!is_rule_cell(s + starts[i], lens[i]))
				all_rules = false;
		if (all_rules)
			return 0;			/* |---|---| separator */
		for (i = 0; i < nf; i++)
			tokenize_field(ctx, s + starts[i], lens[i], ln->src_line, toks, &n, max);
		return n;
	}

	/* TAB-separated fields; the field before a leading TAB is no cell */
	for (const char *field = s;;)
	{
		const char *tab = memchr(field, '\t', (size_t) (s + len - field));
		const char *field_end = tab ? tab : s + len;

		if (tab != s)
			tokenize_field(ctx, field, (int) (field_end - field), ln->src_line,
						   toks, &n, max);
		if (tab == NULL)
			break;
		field = tab + 1;
	}
	/* a line of only empty cells is a line of one empty cell */
	return n;
}

static bool
line_is_blank(const GirLine *ln)
{
	int			i;

	for (i = 0; i < ln->len; i++)
		if (ln->s[i] != ' ')
			return false;
	return true;
}

static bool
line_tab_led(const GirLine *ln)
{
	/* a copy may have turned the leading TAB into a space */
	return ln->len > 0 && (ln->s[0] == '\t' || ln->s[0] == ' ');
}

/* A line that holds at most one cell after its leading white space. */
static bool
line_single_cell(const GirLine *ln)
{
	const char *s = ln->s;
	int			len = ln->len;
	int			i,
				fields = 0,
				numbers = 0,
				words = 0;
	bool		in_field = false,
				in_word = false,
				digits_only = true;

	/*
	 * Cells are apart by TABs or by runs of spaces (PDF columns); and a line
	 * with a number beside other words is a row (TAB rows copied with
	 * spaces), not one cell.
	 */
	for (i = 1; i <= len; i++)
	{
		char		c = i < len ? s[i] : ' ';

		if (c == ' ' || c == '\t')
		{
			if (c == '\t' || (i + 1 < len && s[i + 1] == ' '))
				in_field = false;
			if (in_word)
			{
				words++;
				numbers += digits_only;
			}
			in_word = false;
			digits_only = true;
			continue;
		}
		if (!in_field)
		{
			if (++fields > 1)
				return false;
			in_field = true;
		}
		in_word = true;
		if (!(c >= '0' && c <= '9') && c != '.' && c != ',')
		{
			digits_only = false;
			/* the rest of this word changes nothing */
			while (i + 1 < len && s[i + 1] != ' ' && s[i + 1] != '\t')
				i++;
		}
	}
	return numbers == 0 || words == 1;
}

/* Append tokens to a row, doubling its array as needed. */
static void
row_append(GirCtx *ctx, GirTRow *row, const GirTok *toks, int n)
{
	if (row->ntoks + n > row->cap)
	{
		/* a one-line row gets its exact size: most rows are one line */
		int			cap = row->cap ? row->cap : n;
		GirTok	   *grown;

		while (cap < row->ntoks + n)
			cap *= 2;
		grown = gir_alloc(ctx->arena, cap * sizeof(GirTok));
		if (row->ntoks)
			memcpy(grown, row->toks, row->ntoks * sizeof(GirTok));
		row->toks = grown;
		row->cap = cap;
	}
	memcpy(row->toks + row->ntoks, toks, n * sizeof(GirTok));
	row->ntoks += n;
}

/*
 * One row from a block of grid-table lines (between +---+ rules): the text
 * of each column is joined over the block's lines, so a label wrapped
 * inside its cell is read whole.
 */
static void
grid_row(GirCtx *ctx, int first, int nlines, GirTRow *row)
{
	GirBuf		col[MAX_FIELDS];
	int			ncols = 0,
				li,
				c;
	GirTok		toks[MAX_FIELDS * 4];
	int			n = 0;

	for (li = first; li < first + nlines; li++)
	{
		const GirLine *ln = &ctx->doc.lines[li];
		int			starts[MAX_FIELDS],
					lens[MAX_FIELDS];
		int			nf = split_pipes(ln->s, ln->len, starts, lens, MAX_FIELDS);

		for (c = 0; c < nf; c++)
		{
			if (c >= ncols)
				gir_buf_init(&col[ncols++], ctx->arena, 64);
			if (col[c].len)
				gir_buf_putc(&col[c], ' ');
			gir_buf_append(&col[c], ln->s + starts[c], lens[c]);
		}
	}
	row->src_line = ctx->doc.lines[first].src_line;
	for (c = 0; c < ncols; c++)
		tokenize_field(ctx, gir_buf_cstr(&col[c]), (int) col[c].len, row->src_line,
					   toks, &n, (int) (sizeof(toks) / sizeof(toks[0])));
	row_append(ctx, row, toks, n);
}

/*
 * gir_region_rows
 *		Group the lines of a region into table rows of tokens.
 *
 * Returns the number of rows.  Three ways of grouping:
 * - grid tables (pandoc, or box drawing as w3m prints it): the lines
 *   between two +---+ rules are one row;
 * - one cell per line (DOCX copies), recognised by most lines being a TAB
 *   and one cell: a blank line (or a rule) ends a row unless the next text
 *   continues the cell, and lines without TAB continue the previous cell;
 * - otherwise a line is a row.
 */
int
gir_region_rows(GirCtx *ctx, GirRegion region, GirTRow **rows_out)
{
	GirDoc	   *doc = &ctx->doc;
	int			nonblank = 0,
				single = 0,
				blank = 0,
				grid_rules = 0;
	bool		cell_per_line,
				grid;
	int			li;
	GirTRow    *rows;
	int			nrows = 0;
	GirTRow    *cur = NULL;
	GirTok		linetoks[512];
	int			block_first = -1;
	int			next_text = -1; /* first non-blank line after a blank run */
	char	   *join_buf = NULL;	/* the cell being joined, and its room */
	int			join_cap = 0;
	/* per line of the region: blank or a rule (it ends a row as a blank does) */
	bool	   *gap = gir_alloc(ctx->arena, (size_t) (region.end > region.first ?
											   region.end - region.first : 0) + 1);

	for (li = region.first; li < region.end; li++)
	{
		const GirLine *ln = &doc->lines[li];
		bool		g;

		gap[li - region.first] = true;
		if (line_is_blank(ln))
			blank++;
		else if (line_is_rule(ln, &g))
		{
			grid_rules += g;
			blank++;
		}
		else
		{
			gap[li - region.first] = false;
			nonblank++;
			if (line_tab_led(ln) && line_single_cell(ln))
				single++;
		}
	}
	grid = grid_rules >= 2;
	cell_per_line = !grid && blank > 0 && single * 2 >= nonblank;
	/* every row holds a line that is neither blank nor a rule */
	rows = gir_alloc0(ctx->arena, (nonblank + 1) * sizeof(GirTRow));

	for (li = region.first; li <= region.end; li++)
	{
		const GirLine *ln = li < region.end ? &doc->lines[li] : NULL;
		int			n;

		gir_tick(ctx);
		if (grid)
		{
			/* a block of pipe lines ends at a rule, a blank or other text */
			if (ln && !gap[li - region.first] && pipe_row(ln))
			{
				if (block_first < 0)
					block_first = li;
				continue;
			}
			if (block_first >= 0)
			{
				grid_row(ctx, block_first, li - block_first, &rows[nrows++]);
				block_first = -1;
			}
		}
		if (ln == NULL)
			break;
		if (gap[li - region.first])
		{
			if (cell_per_line)
			{
				/* the row ends unless untabbed text continues a cell */
				int			next = li + 1 > next_text ? li + 1 : next_text;

				/* each line is looked at once: a run of blanks stays linear */
				while (next < region.end && gap[next - region.first])
					next++;
				next_text = next;
				if (next < region.end && !line_tab_led(&doc->lines[next]) &&
					cur && cur->ntoks > 0 && cur->toks[cur->ntoks - 1].kind == GIR_TOK_TEXT)
					continue;
			}
			cur = NULL;
			continue;
		}
		n = tokenize_line(ctx, ln, linetoks, (int) (sizeof(linetoks) / sizeof(linetoks[0])));
		if (n == 0)
			continue;

		if (cell_per_line && cur && !line_tab_led(ln) && n == 1 &&
			linetoks[0].kind == GIR_TOK_TEXT && cur->ntoks > 0 &&
			cur->toks[cur->ntoks - 1].kind == GIR_TOK_TEXT)
		{
			/* untabbed text continues the previous cell: join the two */
			GirTok	   *last = &cur->toks[cur->ntoks - 1];

			/* grow the joined cell's room by doubling: many lines stay linear */
			if (last->s != join_buf || last->len + linetoks[0].len + 1 > join_cap)
			{
				int			need = last->len + linetoks[0].len + 1;
				char	   *joined;

				join_cap = need < 32 ? 64 : 2 * need;
				joined = gir_alloc(ctx->arena, join_cap);
				memcpy(joined, last->s, last->len);
				join_buf = joined;
				last->s = joined;
			}
			memcpy(join_buf + last->len, linetoks[0].s, linetoks[0].len);
			last->len += linetoks[0].len;
			continue;
		}
		if (!cell_per_line || cur == NULL)
		{
			cur = &rows[nrows++];
			cur->src_line = ln->src_line;
		}
		row_append(ctx, cur, linetoks, n);
		if (!cell_per_line)
			cur = NULL;
	}
	*rows_out = rows;
	return nrows;
}

/* ---------- numbers ---------- */

/* 1 to 18 ASCII digits without a leading zero, or "0" */
static bool
plain_count(const char *s, int len)
{
	return len >= 1 && len <= 18 && !(s[0] == '0' && len > 1) && gir_all_digits(s, len);
}

/*
 * gir_parse_number
 *		Read a NUM token into a cell.
 *
 * Signs 减/增/+/- and thousands separators are understood; a unit 元 in a
 * money column is converted to 万元 (*converted is set so the caller can
 * warn).  Returns false if the text is not a number.
 */
bool
gir_parse_number(GirCtx *ctx, const char *s, int len, GirCell *cell, bool money,
				 bool *converted)
{
	size_t		ovec[2 * PCRE_OVEC];
	int			rc;
	char		digits[64];
	int			nd = 0;
	bool		negative = false;
	const char *frac = NULL;
	int			fraclen = 0;
	char		text[96];
	int			tl = 0;
	size_t		i;

	*converted = false;
	if (plain_count(s, len))
	{
		/* the common case, a whole number as printed: nothing to rewrite */
		int64_t		v = 0;

		for (i = 0; i < (size_t) len; i++)
			v = v * 10 + (s[i] - '0');
		cell->num = gir_strndup(ctx->arena, s, len);
		cell->state = GIR_CELL_VALUE;
		cell->integral = true;
		cell->ival = v;
		return true;
	}
	rc = gir_match(ctx, GIR_PAT_NUMBER, s, len, ovec, PCRE_OVEC);
	if (rc <= 0)
		return false;
	if (rc > 1 && ovec[2] != (size_t) -1)
	{
		const char *sign = s + ovec[2];

		negative = (*sign == '-' || memcmp(sign, "减", 3) == 0 ||
					memcmp(sign, "減", 3) == 0);
	}
	for (i = ovec[4]; i < ovec[5] && nd < 40; i++)
		if (s[i] != ',')
			digits[nd++] = s[i];
	digits[nd] = '\0';
	if (rc > 3 && ovec[6] != (size_t) -1)
	{
		frac = s + ovec[6] + 1;
		fraclen = (int) (ovec[7] - ovec[6] - 1);
		if (fraclen > 30)
			fraclen = 30;
	}
	/* strip leading zeros, keep one */
	{
		int			lead = 0;

		while (lead < nd - 1 && digits[lead] == '0')
			lead++;
		memmove(digits, digits + lead, nd - lead + 1);
		nd -= lead;
	}
	if (money && rc > 4 && ovec[8] != (size_t) -1 &&
		ovec[9] - ovec[8] == 3 && memcmp(s + ovec[8], "元", 3) == 0)
	{
		/* 元 → 万元: move the decimal point four places left */
		char		all[96];
		int			na = 0,
					point;

		memcpy(all, digits, nd);
		na = nd;
		memcpy(all + na, frac ? frac : "", fraclen);
		na += fraclen;
		point = nd - 4;
		while (point < 1)
		{
			memmove(all + 1, all, na);
			all[0] = '0';
			na++;
			point++;
		}
		nd = point;
		memcpy(digits, all, nd);
		digits[nd] = '\0';
		frac = gir_strndup(ctx->arena, all + point, na - point);
		fraclen = na - point;
		while (fraclen > 0 && frac[fraclen - 1] == '0')
			fraclen--;
		*converted = true;
	}

	if (negative && !(nd == 1 && digits[0] == '0' && fraclen == 0))
		text[tl++] = '-';
	memcpy(text + tl, digits, nd);
	tl += nd;
	if (fraclen > 0)
	{
		text[tl++] = '.';
		memcpy(text + tl, frac, fraclen);
		tl += fraclen;
	}
	cell->num = gir_strndup(ctx->arena, text, tl);
	cell->state = GIR_CELL_VALUE;
	cell->integral = (fraclen == 0 && nd <= 18);
	cell->ival = 0;
	if (cell->integral)
	{
		int64_t		v = 0;
		int			k;

		for (k = 0; k < nd; k++)
			v = v * 10 + (digits[k] - '0');
		cell->ival = negative ? -v : v;
	}
	return true;
}
