/*
 * test_glue.c
 *	  Splitting runs of digits that lost their separators (src/core/glue.c).
 */
#include "glue.h"
#include "tap.h"

static int64_t sols[4][GIR_GLUE_MAX_CELLS];

static int
split(const char *digits, int ncells, GirGlueRule rule)
{
	return gir_glue_split(digits, (int) strlen(digits), ncells, rule, sols, 4);
}

int
main(int argc, char **argv)
{
	/* a table-三 row: 4+1+0+0+0+0 = 5 is the only reading */
	CHECK_INT_EQ(split("4100005", 7, GIR_GLUE_ROW_TOTAL), 1);
	CHECK_INT_EQ(sols[0][0], 4);
	CHECK_INT_EQ(sols[0][1], 1);
	CHECK_INT_EQ(sols[0][6], 5);
	/* two-digit cells: 12+3+0+0+0+0 = 15 is the only reading */
	CHECK_INT_EQ(split("123000015", 7, GIR_GLUE_ROW_TOTAL), 1);
	CHECK_INT_EQ(sols[0][0], 12);
	CHECK_INT_EQ(sols[0][6], 15);
	/* 12/3/0/0/1/0/16 and 1/2/3/0/0/10/16 both add up: ambiguous */
	CHECK_INT_EQ(split("123001016", 7, GIR_GLUE_ROW_TOTAL), 2);
	/* 1+1+0+0+0+0 = 2 or 11+0+…? 11 is no total of 2: unique */
	CHECK_INT_EQ(split("1100002", 7, GIR_GLUE_ROW_TOTAL), 1);
	/* digits that add up no way */
	CHECK_INT_EQ(split("1100003", 7, GIR_GLUE_ROW_TOTAL), 0);
	/* a total of 10 from 1+9 or 19? "1900000010": several readings */
	CHECK(split("19000000010", 7, GIR_GLUE_ROW_TOTAL) != 1);

	/* table 二 rows have no arithmetic: unique only when forced */
	CHECK_INT_EQ(split("103", 3, GIR_GLUE_PLAIN), 1);
	CHECK_INT_EQ(sols[0][2], 3);
	CHECK_INT_EQ(split("12037", 3, GIR_GLUE_PLAIN), 4);	/* 1/20/37 1/203/7 12/0/37 120/3/7 */
	/* a leading zero is never a count: 0/12 is no reading of "012" into 2 */
	CHECK_INT_EQ(split("012", 2, GIR_GLUE_PLAIN), 1);
	CHECK_INT_EQ(sols[0][0], 0);
	CHECK_INT_EQ(sols[0][1], 12);

	/* table 四 in one run: blocks of five, each fifth the sum of four */
	CHECK_INT_EQ(split("100120100100000", 15, GIR_GLUE_BLOCKS_OF_5), 1);
	CHECK_INT_EQ(sols[0][4], 2);
	CHECK_INT_EQ(sols[0][9], 1);
	CHECK_INT_EQ(split("10201130100100000", 15, GIR_GLUE_BLOCKS_OF_5), 1);	/* 10+2+0+1 = 13 */
	CHECK_INT_EQ(sols[0][0], 10);
	CHECK_INT_EQ(sols[0][4], 13);
	CHECK_INT_EQ(split("100130100100000", 15, GIR_GLUE_BLOCKS_OF_5), 0);

	/* out of bounds or not digits */
	CHECK_INT_EQ(split("12a", 2, GIR_GLUE_PLAIN), -1);
	CHECK_INT_EQ(split("12", 3, GIR_GLUE_PLAIN), -1);
	CHECK_INT_EQ(split("11111111111111111111111111111111111111111", 7, GIR_GLUE_ROW_TOTAL), -1);
	/* the worst runs the bound allows stay cheap: 40 nines */
	CHECK_INT_EQ(split("9999999999999999999999999999999999999999", 15, GIR_GLUE_BLOCKS_OF_5), 0);
	CHECK_INT_EQ(split("9999999999999999999999999999999999999999", 7, GIR_GLUE_ROW_TOTAL), 0);
	return TAP_DONE();
}
