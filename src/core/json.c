/*-------------------------------------------------------------------------
 * json.c
 *	  The format-1 JSON of a parsed report (output.md).
 *
 * src/core/json.c
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static void
section_json(GirBuf *b, GirReport *r, GirSection section)
{
	int			row;
	bool		first_row = true;

	gir_buf_putc(b, '{');
	for (row = 0; row < GIR_NROWS; row++)
	{
		const GirRowDef *def = gir_row_def((GirRowId) row);
		const GirColId *cols;
		int			ncols,
					c;

		if (def->section != section || !r->rows[row].present)
			continue;
		ncols = gir_row_columns((GirRowId) row, r->tpl, &cols);
		if (!first_row)
			gir_buf_putc(b, ',');
		first_row = false;
		gir_buf_json_string(b, def->key, strlen(def->key));
		gir_buf_puts(b, ":{");
		for (c = 0; c < ncols; c++)
		{
			const GirCell *cell = &r->rows[row].cells[c];
			const char *key = gir_col_def(cols[c])->key;

			if (c > 0)
				gir_buf_putc(b, ',');
			gir_buf_json_string(b, key, strlen(key));
			gir_buf_putc(b, ':');
			gir_buf_puts(b, cell->state == GIR_CELL_VALUE ? cell->num : "null");
		}
		gir_buf_putc(b, '}');
	}
	gir_buf_putc(b, '}');
}

const char *
gir_section_json(GirReport *r, GirSection section)
{
	GirBuf		b;

	gir_buf_init(&b, r->arena, 1024);
	section_json(&b, r, section);
	return gir_buf_cstr(&b);
}

static void
warnings_json(GirBuf *b, GirReport *r)
{
	int			i;

	gir_buf_putc(b, '[');
	for (i = 0; i < r->nwarnings; i++)
	{
		const GirWarning *w = &r->warnings[i];
		char		line[24];

		if (i > 0)
			gir_buf_putc(b, ',');
		gir_buf_puts(b, "{\"code\":");
		gir_buf_json_string(b, w->code, strlen(w->code));
		gir_buf_puts(b, ",\"message\":");
		gir_buf_json_string(b, w->message, strlen(w->message));
		snprintf(line, sizeof(line), ",\"line\":%d}", w->line);
		gir_buf_puts(b, w->line > 0 ? line : ",\"line\":null}");
	}
	gir_buf_putc(b, ']');
}

const char *
gir_warnings_json(GirReport *r)
{
	GirBuf		b;

	gir_buf_init(&b, r->arena, 256);
	warnings_json(&b, r);
	return gir_buf_cstr(&b);
}

const char *
gir_report_json(GirReport *r)
{
	GirBuf		b;
	char		num[32];
	const char *tpl = gir_template_name(r->tpl);
	const char *status = gir_status_name(r->status);
	int			s;

	gir_buf_init(&b, r->arena, 4096);
	snprintf(num, sizeof(num), "{\"format\":%d,", GIR_FORMAT_VERSION);
	gir_buf_puts(&b, num);
	gir_buf_puts(&b, "\"status\":");
	gir_buf_json_string(&b, status, strlen(status));
	gir_buf_puts(&b, ",\"agency\":");
	if (r->agency)
		gir_buf_json_string(&b, r->agency, strlen(r->agency));
	else
		gir_buf_puts(&b, "null");
	gir_buf_puts(&b, ",\"year\":");
	if (r->year)
	{
		snprintf(num, sizeof(num), "%d", r->year);
		gir_buf_puts(&b, num);
	}
	else
		gir_buf_puts(&b, "null");
	gir_buf_puts(&b, ",\"template\":");
	if (tpl)
		gir_buf_json_string(&b, tpl, strlen(tpl));
	else
		gir_buf_puts(&b, "null");
	for (s = 0; s < GIR_NSECTIONS; s++)
	{
		const char *key = gir_section_key((GirSection) s);

		gir_buf_putc(&b, ',');
		gir_buf_json_string(&b, key, strlen(key));
		gir_buf_putc(&b, ':');
		section_json(&b, r, (GirSection) s);
	}
	gir_buf_puts(&b, ",\"warnings\":");
	warnings_json(&b, r);
	gir_buf_putc(&b, '}');
	return gir_buf_cstr(&b);
}
