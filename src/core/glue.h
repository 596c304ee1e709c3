/*-------------------------------------------------------------------------
 * glue.h
 *	  Splitting digits that lost the separators between their cells.
 *
 * src/core/glue.h
 *-------------------------------------------------------------------------
 */
#ifndef GIR_GLUE_H
#define GIR_GLUE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define GIR_GLUE_MAX_CELLS	15		/* table 四 in one run */
#define GIR_GLUE_MAX_DIGITS	40		/* longer runs are not searched */
#define GIR_GLUE_MAX_WIDTH	9		/* digits of one count */

typedef enum GirGlueRule
{
	GIR_GLUE_PLAIN,				/* no arithmetic between the cells */
	GIR_GLUE_ROW_TOTAL,			/* the last cell is the sum of the others */
	GIR_GLUE_BLOCKS_OF_5		/* each fifth cell sums the four before it */
} GirGlueRule;

/*
 * Find the splits of digits[0..ndigits) into ncells counts that satisfy
 * rule.  Up to maxsols splits are written to sols; returns how many were
 * found (more than maxsols means "more than maxsols"), or -1 when the run
 * is not all digits or out of bounds.
 */
extern int	gir_glue_split(const char *digits, int ndigits, int ncells, GirGlueRule rule,
						   int64_t (*sols)[GIR_GLUE_MAX_CELLS], int maxsols);

#endif							/* GIR_GLUE_H */
