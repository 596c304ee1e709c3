/*-------------------------------------------------------------------------
 * invariants.h
 *	  What must hold of any parse, whatever the input: shared by the fuzz
 *	  harness (fuzz/fuzz_parse.c) and the regression replay
 *	  (test/test_regressions.c).
 *
 * gir_parse hands the core's JSON to jsonb_in and each cell's text to
 * numeric_in, and gir_cells hands source lines to the client: so the JSON
 * must be valid UTF-8 and valid JSON, numbers must be plain decimals and
 * lines must be inside the text.  Each check returns NULL when it holds,
 * else a sentence naming what broke.
 *
 * Header-only (static functions): include it from one file per binary.
 *
 * fuzz/invariants.h
 *-------------------------------------------------------------------------
 */
#ifndef GIR_INVARIANTS_H
#define GIR_INVARIANTS_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "gir_core.h"

/* ---------- UTF-8 ---------- */

/* Strict UTF-8, as PostgreSQL's pg_verifymbstr accepts it (no NUL). */
static bool
inv_valid_utf8(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *) str;
	size_t		i = 0;

	while (i < len)
	{
		unsigned char c = s[i];
		size_t		n,
					k;
		unsigned int cp;

		if (c == 0)
			return false;
		if (c < 0x80)
		{
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 2, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 3, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 4, cp = c & 0x07;
		else
			return false;
		if (i + n > len)
			return false;
		for (k = 1; k < n; k++)
		{
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
			(cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += n;
	}
	return true;
}

/* ---------- JSON syntax (RFC 8259), iterative enough for our depth ---------- */

typedef struct InvJson
{
	const char *p;
	const char *end;
	int			depth;
} InvJson;

static bool inv_json_value(InvJson *j);

static void
inv_json_ws(InvJson *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

static bool
inv_json_string(InvJson *j)
{
	if (j->p >= j->end || *j->p != '"')
		return false;
	j->p++;
	while (j->p < j->end && *j->p != '"')
	{
		unsigned char c = (unsigned char) *j->p;

		if (c < 0x20)
			return false;
		if (c == '\\')
		{
			j->p++;
			if (j->p >= j->end)
				return false;
			if (*j->p == 'u')
			{
				int			k;

				for (k = 1; k <= 4; k++)
					if (j->p + k >= j->end || !strchr("0123456789abcdefABCDEF", j->p[k]) ||
						j->p[k] == '\0')
						return false;
				j->p += 4;
			}
			else if (!strchr("\"\\/bfnrt", *j->p) || *j->p == '\0')
				return false;
		}
		j->p++;
	}
	if (j->p >= j->end)
		return false;
	j->p++;
	return true;
}

static bool
inv_json_number(InvJson *j)
{
	const char *start = j->p;

	if (j->p < j->end && *j->p == '-')
		j->p++;
	if (j->p >= j->end || *j->p < '0' || *j->p > '9')
		return false;
	if (*j->p == '0')
		j->p++;
	else
		while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
			j->p++;
	if (j->p < j->end && *j->p == '.')
	{
		j->p++;
		if (j->p >= j->end || *j->p < '0' || *j->p > '9')
			return false;
		while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
			j->p++;
	}
	return j->p > start;
}

static bool
inv_json_literal(InvJson *j, const char *word)
{
	size_t		n = strlen(word);

	if ((size_t) (j->end - j->p) < n || memcmp(j->p, word, n) != 0)
		return false;
	j->p += n;
	return true;
}

static bool
inv_json_value(InvJson *j)
{
	char		close;

	inv_json_ws(j);
	if (j->p >= j->end)
		return false;
	switch (*j->p)
	{
		case '"':
			return inv_json_string(j);
		case 'n':
			return inv_json_literal(j, "null");
		case 't':
			return inv_json_literal(j, "true");
		case 'f':
			return inv_json_literal(j, "false");
		case '{':
		case '[':
			break;
		default:
			return inv_json_number(j);
	}
	if (++j->depth > 32)
		return false;
	close = *j->p == '{' ? '}' : ']';
	j->p++;
	inv_json_ws(j);
	if (j->p < j->end && *j->p == close)
	{
		j->p++;
		j->depth--;
		return true;
	}
	for (;;)
	{
		if (close == '}')
		{
			inv_json_ws(j);
			if (!inv_json_string(j))
				return false;
			inv_json_ws(j);
			if (j->p >= j->end || *j->p != ':')
				return false;
			j->p++;
		}
		if (!inv_json_value(j))
			return false;
		inv_json_ws(j);
		if (j->p >= j->end)
			return false;
		if (*j->p == close)
		{
			j->p++;
			j->depth--;
			return true;
		}
		if (*j->p != ',')
			return false;
		j->p++;
	}
}

/* A whole JSON document of the given first character ('{' or '['). */
static bool
inv_valid_json(const char *s, char first)
{
	InvJson		j;

	if (s == NULL)
		return false;
	j.p = s;
	j.end = s + strlen(s);
	j.depth = 0;
	inv_json_ws(&j);
	if (j.p >= j.end || *j.p != first || !inv_json_value(&j))
		return false;
	inv_json_ws(&j);
	return j.p == j.end;
}

/* numeric_in accepts it, and it is plain: -?digits(.digits)? */
static bool
inv_plain_decimal(const char *s)
{
	InvJson		j;

	if (s == NULL || *s == '\0')
		return false;
	j.p = s;
	j.end = s + strlen(s);
	j.depth = 0;
	return inv_json_number(&j) && j.p == j.end && strcmp(s, "-0") != 0;
}

/* ---------- the report ---------- */

/*
 * inv_check_report
 *		Every invariant of one successful parse of text[0..len).
 *
 * Returns NULL when all hold, else a static sentence.  Builds the JSON
 * (in the report's arena) as gir_parse does.
 */
static const char *
inv_check_report(GirReport *r, const char *text, size_t len)
{
	int			s,
				row,
				i;

	if (r->status != GIR_STATUS_EMPTY && r->status != GIR_STATUS_PARTIAL &&
		r->status != GIR_STATUS_OK)
		return "status out of range";
	if (gir_status_name(r->status) == NULL)
		return "status has no name";
	if ((r->status == GIR_STATUS_OK) !=
		(r->found[GIR_SEC_ACTIVE] && r->found[GIR_SEC_REQUESTS] && r->found[GIR_SEC_REVIEW]))
		return "status ok without all three tables, or the reverse";
	if (r->status == GIR_STATUS_EMPTY &&
		(r->found[GIR_SEC_ACTIVE] || r->found[GIR_SEC_REQUESTS] || r->found[GIR_SEC_REVIEW]))
		return "status empty with a table found";
	if (r->year != 0 && (r->year < 2008 || r->year > 2099))
		return "year out of range";
	if (r->agency && (!inv_valid_utf8(r->agency, strlen(r->agency)) || r->agency[0] == '\0'))
		return "agency is empty or not valid UTF-8";
	if (r->src != text || r->srclen != len || r->nlines < 1)
		return "source pointers do not describe the input";
	for (i = 0; i < r->nlines; i++)
		if (r->line_off[i] > len || (i > 0 && r->line_off[i] <= r->line_off[i - 1]))
			return "line offsets out of order";

	for (row = 0; row < GIR_NROWS; row++)
	{
		const GirColId *cols;
		int			ncols = gir_row_columns((GirRowId) row, r->tpl, &cols);

		if (!r->rows[row].present)
			continue;
		if (ncols < 0 || ncols > GIR_MAX_CELLS)
			return "row with a bad column count";
		if (r->rows[row].line < 0 || r->rows[row].line > r->nlines)
			return "row line out of range";
		for (i = 0; i < ncols; i++)
		{
			const GirCell *c = &r->rows[row].cells[i];
			size_t		l;

			if (c->line < 0 || c->line > r->nlines)
				return "cell line out of range";
			(void) gir_report_line(r, c->line, &l);
			if (c->state == GIR_CELL_VALUE && !inv_plain_decimal(c->num))
				return "cell value is not a plain decimal";
		}
	}
	/* warnings are capped (1000, then one warnings_truncated) */
	if (r->nwarnings < 0 || r->nwarnings > 1001)
		return "more than 1001 warnings";
	for (i = 0; i < r->nwarnings; i++)
	{
		const GirWarning *w = &r->warnings[i];

		if (w->code == NULL || w->message == NULL)
			return "warning without code or message";
		if (!inv_valid_utf8(w->message, strlen(w->message)))
			return "warning message is not valid UTF-8";
		if (w->line < 0 || w->line > r->nlines)
			return "warning line out of range";
	}
	for (s = 0; s < GIR_NSECTIONS; s++)
	{
		const char *js = gir_section_json(r, (GirSection) s);

		if (!inv_valid_utf8(js, strlen(js)) || !inv_valid_json(js, '{'))
			return "section JSON is not valid UTF-8 JSON";
	}
	{
		const char *js = gir_warnings_json(r);

		if (!inv_valid_utf8(js, strlen(js)) || !inv_valid_json(js, '['))
			return "warnings JSON is not valid UTF-8 JSON";
		js = gir_report_json(r);
		if (!inv_valid_utf8(js, strlen(js)) || !inv_valid_json(js, '{'))
			return "report JSON is not valid UTF-8 JSON";
	}
	return NULL;
}

#endif							/* GIR_INVARIANTS_H */
