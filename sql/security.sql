--
-- security: the SQL surface runs with the caller's rights and cannot be
-- captured through search_path (issue 5)
--
-- 00_setup has installed the extension (as the superuser running the
-- tests).  Roles are cluster-wide: they are named regress_* and dropped at
-- the end.
--
SELECT current_setting('server_encoding') <> 'UTF8' AS gir_skip \gset
\if :gir_skip
\echo 'security: skipped, the database is not UTF8'
\quit
\endif
\set SHOW_CONTEXT never
\set pipe `cat data/cases/pipe_2021.md`

-- ========== what the extension installs ==========
-- no SECURITY DEFINER function, and no function that sets its own role
SELECT p.oid::regprocedure AS security_definer
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'gireport')
  AND p.prosecdef;
-- SQL-language functions have SQL-standard bodies (parsed once, at CREATE
-- EXTENSION time) or a pinned search_path: none is parsed again with the
-- caller's search_path
SELECT p.oid::regprocedure AS sql_body_parsed_at_call
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'gireport')
  AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'sql')
  AND p.prosqlbody IS NULL
  AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) AS c WHERE c LIKE 'search\_path=%');
-- functions in other languages than C and SQL (plpgsql bodies would be
-- parsed at call time)
SELECT p.oid::regprocedure AS other_language, l.lanname
FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'gireport')
  AND l.lanname NOT IN ('c', 'sql');
-- every view runs with the invoker's rights (security_invoker)
SELECT c.relname AS view_without_security_invoker
FROM pg_class c JOIN pg_depend d ON d.objid = c.oid AND d.classid = 'pg_class'::regclass
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'gireport')
  AND c.relkind = 'v'
  AND NOT coalesce(c.reloptions @> ARRAY['security_invoker=true'], false);
-- privileges given to PUBLIC by the install script: none on tables but the
-- reference data
SELECT c.relname, c.relkind, a.privilege_type
FROM pg_class c JOIN pg_depend d ON d.objid = c.oid AND d.classid = 'pg_class'::regclass
CROSS JOIN LATERAL aclexplode(c.relacl) AS a
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'gireport')
  AND a.grantee = 0
ORDER BY 1, 3;

-- ========== an unprivileged role ==========
CREATE ROLE regress_gir_reader LOGIN;
CREATE ROLE regress_gir_loader LOGIN;
SET ROLE regress_gir_reader;
-- parsing needs no privilege
SELECT status, agency, year, template FROM gir_parse(:'pipe');
SELECT count(*) AS cells FROM gir_cells(:'pipe');
SELECT (gir_parse_strict(:'pipe')).status;
SELECT gir_is_consistent(gir_parse(:'pipe')) AS consistent;
RESET ROLE;

-- the stored reports and the views exist once src/sql/30_reports.sql is in
SELECT to_regclass('gir_reports') IS NULL AS no_reports \gset
\if :no_reports
\echo 'security: gir_reports is not installed; views and table privileges not tested'
\else
INSERT INTO gir_reports (source, body) VALUES ('pipe_2021.md', :'pipe');

SET ROLE regress_gir_reader;
-- nothing granted yet: no rows, no writes
SELECT count(*) FROM gir_reports;
SELECT report_id FROM gir_report_overview;
INSERT INTO gir_reports (source, body) VALUES ('x', 'y');
-- the reference data is public
SELECT count(*) > 0 AS labels_readable FROM gir_labels;
RESET ROLE;

-- a view granted alone is not enough: views run as the invoker, who needs
-- the table too (security_invoker), so a grant cannot leak rows
GRANT SELECT ON gir_report_overview TO regress_gir_reader;
SET ROLE regress_gir_reader;
SELECT report_id FROM gir_report_overview;
RESET ROLE;
GRANT SELECT ON gir_reports TO regress_gir_reader;
SET ROLE regress_gir_reader;
SELECT report_id, source, agency, year, status FROM gir_report_overview;
-- reading does not allow writing
INSERT INTO gir_reports (source, body) VALUES ('x', 'y');
UPDATE gir_reports SET body = body;
DELETE FROM gir_reports;
TRUNCATE gir_reports;
-- a view is not a way around it
DELETE FROM gir_report_overview;
RESET ROLE;

-- row-level security applies through the views (they run as the invoker)
ALTER TABLE gir_reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY regress_gir_only_pipe ON gir_reports FOR SELECT TO regress_gir_reader
    USING (source = 'pipe_2021.md');
INSERT INTO gir_reports (source, body) VALUES ('hidden.md', :'pipe');
SET ROLE regress_gir_reader;
SELECT source FROM gir_report_overview ORDER BY 1;
RESET ROLE;
SELECT source FROM gir_report_overview ORDER BY 1;
DROP POLICY regress_gir_only_pipe ON gir_reports;
ALTER TABLE gir_reports DISABLE ROW LEVEL SECURITY;

-- a loader granted INSERT can load; the report is computed for it
GRANT INSERT ON gir_reports TO regress_gir_loader;
SET ROLE regress_gir_loader;
INSERT INTO gir_reports (source, body) VALUES ('loader.md', :'pipe');
-- but cannot forge the parse result, nor read what others loaded (RETURNING
-- reads too)
INSERT INTO gir_reports (source, body, report) VALUES ('forged', '', gir_parse(:'pipe'));
INSERT INTO gir_reports (source, body) VALUES ('loader2.md', :'pipe') RETURNING id;
SELECT count(*) FROM gir_reports;
RESET ROLE;
SELECT source, (report).status, (report).agency FROM gir_reports
 WHERE source LIKE 'loader%' ORDER BY source;

DELETE FROM gir_reports;
REVOKE ALL ON gir_reports FROM regress_gir_reader, regress_gir_loader;
REVOKE ALL ON gir_report_overview FROM regress_gir_reader;
\endif

-- ========== search_path capture ==========
-- A role that may create objects in a schema on the caller's search_path,
-- ahead of pg_catalog, defines look-alikes of what the extension's SQL uses
-- (the = operator on text and on integers, jsonb functions).  Results must
-- not change: the extension's SQL was parsed at install time.
CREATE SCHEMA regress_gir_evil;
CREATE FUNCTION regress_gir_evil.texteq_always(text, text) RETURNS boolean
    LANGUAGE sql IMMUTABLE RETURN true;
CREATE OPERATOR regress_gir_evil.= (LEFTARG = text, RIGHTARG = text,
                                    FUNCTION = regress_gir_evil.texteq_always);
CREATE FUNCTION regress_gir_evil.int4eq_never(integer, integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE RETURN false;
CREATE OPERATOR regress_gir_evil.= (LEFTARG = integer, RIGHTARG = integer,
                                    FUNCTION = regress_gir_evil.int4eq_never);
CREATE FUNCTION regress_gir_evil.jsonb_typeof(jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE RETURN 'number';
-- what a captured query would answer
SET search_path = regress_gir_evil, pg_catalog, public;
SELECT 'a'::text = 'b'::text AS captured_text_eq, 1 = 1 AS captured_int_eq;
-- the extension's functions and views answer as before
SELECT gir_applicants_total_ok(1, 2, 0, 0, 0, 0, 3) AS applicants_ok,
       gir_applicants_total_ok(1, 2, 0, 0, 0, 0, 4) AS applicants_bad;
SELECT count(*) AS broken_rules FROM gir_check(gir_parse(:'pipe'));
\if :no_reports
\else
SELECT gir_count('{"granted": {"total": 3}}'::jsonb, 'granted', 'total') AS gir_count,
       gir_count('"x"'::jsonb) AS gir_count_of_text,
       gir_number('7.5'::jsonb) AS gir_number,
       gir_ratio(1, 4) AS gir_ratio;
INSERT INTO gir_reports (source, body) VALUES ('pipe_2021.md', :'pipe');
SELECT source, status, agency FROM gir_report_overview;
SELECT count(*) AS rows_by_label FROM gir_labels WHERE section OPERATOR(pg_catalog.=) 'requests';
DELETE FROM gir_reports;
\endif
RESET search_path;

SET client_min_messages = warning;
DROP SCHEMA regress_gir_evil CASCADE;
RESET client_min_messages;
DROP ROLE regress_gir_reader;
DROP ROLE regress_gir_loader;
