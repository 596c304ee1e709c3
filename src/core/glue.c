/*-------------------------------------------------------------------------
 * glue.c
 *	  Split a run of digits that lost the separators between its cells.
 *
 * Crawlers that flatten HTML tables write a table-三 row as
 * （一）予以公开4100005.  The digits can be cut into the row's cells in
 * many ways; the template's arithmetic rules most of them out:
 *
 *	- every cell is a count without leading zeros (a lone 0 is fine) and
 *	  of at most GIR_GLUE_MAX_WIDTH digits;
 *	- GIR_GLUE_ROW_TOTAL: the last cell is the sum of the others (R3.2);
 *	- GIR_GLUE_BLOCKS_OF_5: cells come in blocks of five whose fifth is the
 *	  sum of the first four (R4.1-R4.3, table 四).
 *
 * The caller uses a split only when it is the only one.  The search is
 * bounded: at most GIR_GLUE_MAX_DIGITS digits, and it stops once it has
 * found more solutions than the caller asked for.
 *
 * src/core/glue.c
 *-------------------------------------------------------------------------
 */
#include "glue.h"

typedef struct Search
{
	const char *digits;
	int			ndigits;		/* digits to place in cells [0, ncells) */
	int			ncells;
	GirGlueRule rule;
	int64_t		target;			/* ROW_TOTAL: the sum the cells must reach */
	int64_t		cells[GIR_GLUE_MAX_CELLS];
	int64_t		(*sols)[GIR_GLUE_MAX_CELLS];
	int			nsols;
	int			maxsols;
} Search;

/* The count written by digits[pos, pos+width), or -1 if not a count. */
static int64_t
cell_value(const Search *s, int pos, int width)
{
	int64_t		v = 0;
	int			i;

	if (width > 1 && s->digits[pos] == '0')
		return -1;				/* no leading zeros */
	for (i = 0; i < width; i++)
		v = v * 10 + (s->digits[pos + i] - '0');
	return v;
}

/* Does the split so far break the rule at the cell just placed? */
static bool
breaks_rule(const Search *s, int cell)
{
	int			first,
				i;
	int64_t		sum = 0;

	switch (s->rule)
	{
		case GIR_GLUE_PLAIN:
			return false;
		case GIR_GLUE_ROW_TOTAL:
			/* the total is placed first: the others may not pass it */
			for (i = 0; i <= cell; i++)
				sum += s->cells[i];
			return sum > s->target ||
				(cell == s->ncells - 1 && sum != s->target);
		case GIR_GLUE_BLOCKS_OF_5:
			if (cell % 5 != 4)
				return false;
			first = cell - 4;
			break;
		default:
			return false;
	}
	for (i = first; i < cell; i++)
		sum += s->cells[i];
	return sum != s->cells[cell];
}

static void
search(Search *s, int cell, int pos)
{
	int			width;
	int			left_cells = s->ncells - cell;

	if (s->nsols > s->maxsols)
		return;
	if (cell == s->ncells)
	{
		if (pos == s->ndigits)
		{
			if (s->nsols < s->maxsols)
				memcpy(s->sols[s->nsols], s->cells, sizeof(s->cells));
			s->nsols++;
		}
		return;
	}
	for (width = 1; width <= GIR_GLUE_MAX_WIDTH; width++)
	{
		int			rest = s->ndigits - pos - width;

		/* the cells after this one need one to MAX_WIDTH digits each */
		if (rest < left_cells - 1)
			break;
		if (rest > (left_cells - 1) * GIR_GLUE_MAX_WIDTH)
			continue;
		s->cells[cell] = cell_value(s, pos, width);
		if (s->cells[cell] < 0)
			break;				/* a leading zero: wider is no better */
		if (breaks_rule(s, cell))
			continue;
		search(s, cell + 1, pos + width);
	}
}

int
gir_glue_split(const char *digits, int ndigits, int ncells, GirGlueRule rule,
			   int64_t (*sols)[GIR_GLUE_MAX_CELLS], int maxsols)
{
	Search		s;
	int			i,
				width;

	if (ncells < 1 || ncells > GIR_GLUE_MAX_CELLS ||
		ndigits < ncells || ndigits > GIR_GLUE_MAX_DIGITS)
		return -1;
	for (i = 0; i < ndigits; i++)
		if (digits[i] < '0' || digits[i] > '9')
			return -1;
	memset(&s, 0, sizeof(s));
	s.digits = digits;
	s.ndigits = ndigits;
	s.ncells = ncells;
	s.rule = rule;
	s.sols = sols;
	s.maxsols = maxsols;
	if (rule != GIR_GLUE_ROW_TOTAL || ncells < 2)
	{
		search(&s, 0, 0);
		return s.nsols;
	}
	/* row total: try each width of the last cell, then split the rest */
	s.ncells = ncells - 1;
	for (width = 1; width <= GIR_GLUE_MAX_WIDTH && width <= ndigits - s.ncells; width++)
	{
		s.cells[ncells - 1] = cell_value(&s, ndigits - width, width);
		if (s.cells[ncells - 1] < 0)
			continue;
		s.target = s.cells[ncells - 1];
		s.ndigits = ndigits - width;
		search(&s, 0, 0);
	}
	return s.nsols;
}
