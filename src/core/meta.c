/*-------------------------------------------------------------------------
 * meta.c
 *	  The report's agency and year (report-format.md §3.1).
 *
 * The title "<agency><year>年政府信息公开工作年度报告" is looked for in the
 * short lines at the top, also split over two lines; without it the year
 * comes from the statistics period (统计期限为YYYY年1月1日) or from the
 * year most often written in the overview.
 *
 * src/core/meta.c
 *-------------------------------------------------------------------------
 */
#include <string.h>

#include "internal.h"

#define HEAD_LINES		40		/* non-empty lines searched for the title */
#define HEAD_LINE_MAX	240		/* longer lines are prose, not a title */
#define BODY_LINES		300		/* lines searched for the year otherwise */
#define OVEC			4

static bool
is_blank(const GirLine *ln)
{
	int			i;

	for (i = 0; i < ln->len; i++)
		if (ln->s[i] != ' ' && ln->s[i] != '\t')
			return false;
	return true;
}

/* Trim spaces, TABs, markdown marks and a trailing 关于 from a name. */
static const char *
clean_agency(GirCtx *ctx, const char *s, int len)
{
	GirBuf		b;
	int			i;

	gir_buf_init(&b, ctx->arena, len + 1);
	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '#' && s[i] != '*')
			gir_buf_putc(&b, s[i]);
	if (b.len >= 6 && memcmp(b.data + b.len - 6, "关于", 6) == 0)
		b.len -= 6;
	/* metadata such as 发布机构：X keeps only X */
	for (i = (int) b.len - 1; i >= 0; i--)
		if (b.data[i] == ':')
		{
			memmove(b.data, b.data + i + 1, b.len - i - 1);
			b.len -= i + 1;
			break;
		}
	if (b.len == 0 || b.len > 120)
		return NULL;
	return gir_buf_cstr(&b);
}

/*
 * A line that can be an agency's name on its own: short, no digits, no
 * colon (metadata such as 发文日期：2024-01-28), no breadcrumb marks.
 */
static bool
looks_like_name(const GirLine *ln)
{
	int			i;

	if (ln->len < 6 || ln->len > 120)
		return false;
	for (i = 0; i < ln->len; i++)
		if ((ln->s[i] >= '0' && ln->s[i] <= '9') || ln->s[i] == ':' ||
			ln->s[i] == '>' || ln->s[i] == '/' || ln->s[i] == '|')
			return false;
	return true;
}

/* The agency a web page's metadata block names (发布机构：X), or NULL. */
static const char *
metadata_agency(GirCtx *ctx, int *line)
{
	GirDoc	   *doc = &ctx->doc;
	int			li;

	for (li = 0; li < doc->nlines && li < BODY_LINES; li++)
	{
		const GirLine *ln = &doc->lines[li];
		size_t		ovec[2 * OVEC];

		if (ln->len < 512 &&
			gir_match(ctx, GIR_PAT_META_AGENCY, ln->s, ln->len, ovec, OVEC) > 1)
		{
			*line = ln->src_line;
			return clean_agency(ctx, ln->s + ovec[2], (int) (ovec[3] - ovec[2]));
		}
	}
	return NULL;
}

static int
parse_year(const char *s, size_t start, size_t end)
{
	int			y = 0;
	size_t		i;

	for (i = start; i < end; i++)
		y = y * 10 + (s[i] - '0');
	return (y >= 2008 && y <= 2099) ? y : 0;
}

/* The title in the head lines: sets agency and year when it has them. */
static void
read_title(GirCtx *ctx)
{
	GirDoc	   *doc = &ctx->doc;
	int			head[HEAD_LINES];
	int			nhead = 0,
				li,
				i;

	for (li = 0; li < doc->nlines && nhead < HEAD_LINES; li++)
	{
		if (is_blank(&doc->lines[li]))
			continue;
		if (doc->lines[li].len > HEAD_LINE_MAX)
			break;
		head[nhead++] = li;
	}
	for (i = 0; i < nhead; i++)
	{
		const GirLine *ln = &doc->lines[head[i]];
		size_t		ovec[2 * OVEC];
		const char *subject = ln->s;
		size_t		len = ln->len;

		if (gir_match(ctx, GIR_PAT_TITLE, subject, len, ovec, OVEC) <= 0)
		{
			/* a title split over two lines */
			const GirLine *next;
			char	   *joined;

			if (i + 1 >= nhead)
				continue;
			next = &doc->lines[head[i + 1]];
			joined = gir_alloc(ctx->arena, ln->len + next->len + 1);
			memcpy(joined, ln->s, ln->len);
			memcpy(joined + ln->len, next->s, next->len);
			subject = joined;
			len = ln->len + next->len;
			if (gir_match(ctx, GIR_PAT_TITLE, subject, len, ovec, OVEC) <= 0 ||
				ovec[2] >= (size_t) ln->len)
				continue;
		}
		ctx->report->year = parse_year(subject, ovec[2], ovec[3]);
		ctx->report->agency = clean_agency(ctx, subject, (int) ovec[2]);
		if (ctx->report->agency == NULL && i > 0)
		{
			const GirLine *prev = &doc->lines[head[i - 1]];

			if (looks_like_name(prev))
				ctx->report->agency = clean_agency(ctx, prev->s, prev->len);
		}
		return;
	}
}

/* The year most often written in the body, ignoring 《titles》 and 〔numbers〕. */
static int
frequent_year(GirCtx *ctx)
{
	GirDoc	   *doc = &ctx->doc;
	int			counts[100];
	int			li,
				best = 0,
				y;

	memset(counts, 0, sizeof(counts));
	for (li = 0; li < doc->nlines && li < BODY_LINES; li++)
	{
		const GirLine *ln = &doc->lines[li];
		size_t		start = 0;
		int			depth = 0;
		size_t		i;

		gir_tick(ctx);
		/* blank out book titles so 《…2024年工作要点》 does not count */
		{
			char	   *copy = gir_strndup(ctx->arena, ln->s, ln->len);

			for (i = 0; i < (size_t) ln->len; i++)
			{
				if (i + 3 <= (size_t) ln->len && memcmp(copy + i, "《", 3) == 0)
					depth++;
				else if (i + 3 <= (size_t) ln->len && memcmp(copy + i, "》", 3) == 0 && depth > 0)
					depth--;
				else if (depth > 0 && copy[i] >= '0' && copy[i] <= '9')
					copy[i] = 'x';
			}
			while (start < (size_t) ln->len)
			{
				size_t		ovec[2 * OVEC];

				gir_tick(ctx);	/* one line can hold many years */
				if (gir_match(ctx, GIR_PAT_YEAR, copy + start, ln->len - start, ovec, OVEC) <= 0)
					break;
				y = parse_year(copy + start, ovec[2], ovec[3]);
				if (y)
					counts[y - 2000]++;
				start += ovec[1] > 0 ? ovec[1] : 1;
			}
		}
	}
	for (y = 8; y < 100; y++)
		if (counts[y] > counts[best])
			best = y;
	return counts[best] ? 2000 + best : 0;
}

void
gir_read_metadata(GirCtx *ctx)
{
	GirDoc	   *doc = &ctx->doc;
	int			li;

	read_title(ctx);
	if (ctx->report->agency == NULL)
	{
		int			line = 0;

		ctx->report->agency = metadata_agency(ctx, &line);
		if (ctx->report->agency)
			gir_warn(ctx, "agency_from_metadata", line,
					 "the title does not name the agency; “%s” is the page's 发布机构",
					 ctx->report->agency);
	}
	if (ctx->report->year)
		return;
	for (li = 0; li < doc->nlines && li < BODY_LINES; li++)
	{
		size_t		ovec[2 * OVEC];
		const GirLine *ln = &doc->lines[li];

		if (gir_match(ctx, GIR_PAT_STAT_PERIOD, ln->s, ln->len, ovec, OVEC) > 0)
		{
			ctx->report->year = parse_year(ln->s, ovec[2], ovec[3]);
			if (ctx->report->year)
				return;
		}
	}
	ctx->report->year = frequent_year(ctx);
	if (ctx->report->year)
		gir_warn(ctx, "year_guessed", 0,
				 "no title or statistics period gives the year; %d is the year the text names most often",
				 ctx->report->year);
}
