/*-------------------------------------------------------------------------
 * 20_check.sql
 *	  Consistency rules (report-format.md §4): gir_check, gir_is_consistent,
 *	  gir_check_continuity, gir_rules, and row-level helpers for CHECK
 *	  constraints on tables that users fill themselves.
 *
 * Part of the install script gireport--VERSION.sql (the concatenation of
 * the src/sql files in name order); the types gir_report, gir_applicants
 * and gir_case_outcomes are defined before this file (00_types.sql).
 * The C functions are in src/gir_check.c, the rules in src/core/rules.c.
 *
 * SQL-language bodies use the SQL-standard form (RETURN), so names are
 * resolved once, at CREATE EXTENSION time; operators are written
 * OPERATOR(pg_catalog.x) like the rest of the script.
 *
 * src/sql/20_check.sql
 *-------------------------------------------------------------------------
 */

-- ===================== rules =====================

CREATE FUNCTION @extschema@.gir_rules()
RETURNS TABLE (id text, class text, "table" text,
			   statement_en text, statement_zh text)
AS 'MODULE_PATHNAME', 'gir_rules'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 24;
COMMENT ON FUNCTION @extschema@.gir_rules() IS
	'The consistency rules: id (report-format.md §4), class (D definition, C convention, H heuristic, X two reports), table (section key, document or all), statement in English and Chinese';

-- ===================== checks =====================

CREATE FUNCTION @extschema@.gir_check(report jsonb,
									  classes text[] DEFAULT '{D}')
RETURNS TABLE (rule text, class text, "row" text, col text,
			   expected numeric, actual numeric, message text)
AS 'MODULE_PATHNAME', 'gir_check_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@.gir_check(jsonb, text[]) IS
	'Broken consistency rules of a parse result in output.md shape, one row per (rule, row, column): expected is computed from the parts, actual is the reported total; blanks count as 0. classes: D (default), C, H, or rule ids such as R2.4h; the parser''s RT.1-RT.6 and R3.7 warnings are compared with the cells again (class H: expected is the table, actual the count section 一 states); raises on a document of the wrong shape';

CREATE FUNCTION @extschema@.gir_check(report @extschema@.gir_report,
									  classes text[] DEFAULT '{D}')
RETURNS TABLE (rule text, class text, "row" text, col text,
			   expected numeric, actual numeric, message text)
AS 'MODULE_PATHNAME', 'gir_check_report'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@.gir_check(@extschema@.gir_report, text[]) IS
	'Broken consistency rules of a gir_parse() result, one row per (rule, row, column), including the narrative checks RT.1-RT.6 read back from its warnings; see gir_check(jsonb, text[])';

CREATE FUNCTION @extschema@.gir_is_consistent(report jsonb)
RETURNS boolean
AS 'MODULE_PATHNAME', 'gir_is_consistent_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gir_is_consistent(jsonb) IS
	'True when no class-D rule is broken (gir_check returns no row); false, not an error, for a document of the wrong shape; for CHECK constraints and generated columns';

CREATE FUNCTION @extschema@.gir_is_consistent(report @extschema@.gir_report)
RETURNS boolean
AS 'MODULE_PATHNAME', 'gir_is_consistent_report'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gir_is_consistent(@extschema@.gir_report) IS
	'True when no class-D rule is broken in a gir_parse() result; for CHECK constraints and generated columns';

CREATE FUNCTION @extschema@.gir_check_continuity(prev jsonb, curr jsonb)
RETURNS TABLE (rule text, class text, "row" text, col text,
			   expected numeric, actual numeric, message text)
AS 'MODULE_PATHNAME', 'gir_check_continuity_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 4;
COMMENT ON FUNCTION @extschema@.gir_check_continuity(jsonb, jsonb) IS
	'Broken cross-year rules (class X: R2.2 documents in force, R3.6 carried over) between one agency''s report (prev) and its report of the next year (curr); nothing when both years are known and not consecutive';

CREATE FUNCTION @extschema@.gir_check_continuity(prev @extschema@.gir_report,
												 curr @extschema@.gir_report)
RETURNS TABLE (rule text, class text, "row" text, col text,
			   expected numeric, actual numeric, message text)
AS 'MODULE_PATHNAME', 'gir_check_continuity_report'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 4;
COMMENT ON FUNCTION @extschema@.gir_check_continuity(@extschema@.gir_report, @extschema@.gir_report) IS
	'Broken cross-year rules (R2.2, R3.6) between two gir_parse() results of one agency, prev the year before curr';

-- ===================== row-level CHECK helpers =====================

-- Not STRICT: a blank (NULL) cell counts as 0, as in gir_check
-- (report-format.md §4.1), so a NULL never slips through a CHECK.
CREATE FUNCTION @extschema@.gir_applicants_total_ok(natural_person integer,
													business integer,
													research integer,
													nonprofit integer,
													legal_service integer,
													other_org integer,
													total integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (((((COALESCE(natural_person, 0)::pg_catalog.int8
			OPERATOR(pg_catalog.+) COALESCE(business, 0))
		   OPERATOR(pg_catalog.+) COALESCE(research, 0))
		  OPERATOR(pg_catalog.+) COALESCE(nonprofit, 0))
		 OPERATOR(pg_catalog.+) COALESCE(legal_service, 0))
		OPERATOR(pg_catalog.+) COALESCE(other_org, 0))
	   OPERATOR(pg_catalog.=) COALESCE(total, 0);
COMMENT ON FUNCTION @extschema@.gir_applicants_total_ok(integer, integer, integer, integer, integer, integer, integer) IS
	'Rule R3.2 for one row of table 三 kept in your own table: the six applicant counts add up to total (NULL counts as 0)';

CREATE FUNCTION @extschema@.gir_applicants_total_ok(counts @extschema@.gir_applicants)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.gir_applicants_total_ok((counts).natural_person,
										   (counts).business,
										   (counts).research,
										   (counts).nonprofit,
										   (counts).legal_service,
										   (counts).other_org,
										   (counts).total);
COMMENT ON FUNCTION @extschema@.gir_applicants_total_ok(@extschema@.gir_applicants) IS
	'Rule R3.2 on a gir_applicants value: the six applicant counts add up to total (NULL counts as 0)';

-- Not STRICT, for the same reason.
CREATE FUNCTION @extschema@.gir_outcomes_total_ok(upheld integer,
												  corrected integer,
												  other integer,
												  pending integer,
												  total integer)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (((COALESCE(upheld, 0)::pg_catalog.int8
		  OPERATOR(pg_catalog.+) COALESCE(corrected, 0))
		 OPERATOR(pg_catalog.+) COALESCE(other, 0))
		OPERATOR(pg_catalog.+) COALESCE(pending, 0))
	   OPERATOR(pg_catalog.=) COALESCE(total, 0);
COMMENT ON FUNCTION @extschema@.gir_outcomes_total_ok(integer, integer, integer, integer, integer) IS
	'Rules R4.1-R4.3 for one row of table 四 kept in your own table: upheld + corrected + other + pending = total (NULL counts as 0)';

CREATE FUNCTION @extschema@.gir_outcomes_total_ok(outcomes @extschema@.gir_case_outcomes)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.gir_outcomes_total_ok((outcomes).upheld,
										 (outcomes).corrected,
										 (outcomes).other,
										 (outcomes).pending,
										 (outcomes).total);
COMMENT ON FUNCTION @extschema@.gir_outcomes_total_ok(@extschema@.gir_case_outcomes) IS
	'Rules R4.1-R4.3 on a gir_case_outcomes value: upheld + corrected + other + pending = total (NULL counts as 0)';
