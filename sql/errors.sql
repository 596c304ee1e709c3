--
-- errors: what users see when the input is not (all of) a report
-- (docs/errors.md lists every SQLSTATE the extension raises)
--
SELECT current_setting('server_encoding') <> 'UTF8' AS gir_skip \gset
\if :gir_skip
\echo 'errors: skipped, the database is not UTF8'
\quit
\endif
\set SHOW_CONTEXT never
\set VERBOSITY default

\set pipe `cat data/cases/pipe_2021.md`
\set legacy `cat data/cases/legacy_2015.txt`

-- gir_parse_strict: NULL in, NULL out, like gir_parse
SELECT gir_parse_strict(NULL) IS NULL AS null_gives_null;

-- a whole report: the same row as gir_parse
SELECT gir_parse_strict(:'pipe') = gir_parse(:'pipe') AS same_as_gir_parse,
       (gir_parse_strict(:'pipe')).status;

-- not a report: 22P02 invalid_text_representation
SELECT gir_parse_strict('');
SELECT :'LAST_ERROR_SQLSTATE' AS sqlstate;
SELECT gir_parse_strict('本通知自发布之日起施行。');
SELECT :'LAST_ERROR_SQLSTATE' AS sqlstate;

-- a report of the pre-2019 structure: 22P02, and a hint that says so
SELECT gir_parse_strict(:'legacy');
SELECT :'LAST_ERROR_SQLSTATE' AS sqlstate;

-- a report cut before table 四: 22000 data_exception, naming the table and
-- quoting the other warnings with their source lines
SELECT gir_parse_strict(substr(:'pipe', 1, strpos(:'pipe', '四、') - 1));
SELECT :'LAST_ERROR_SQLSTATE' AS sqlstate;
-- gir_parse returns that text with status partial
SELECT status, jsonb_path_query_array(warnings, '$[*].code') AS codes
FROM gir_parse(substr(:'pipe', 1, strpos(:'pipe', '四、') - 1));

-- only table 二: two tables missing
SELECT gir_parse_strict(substr(:'pipe', 1, strpos(:'pipe', '三、') - 1));
SELECT :'LAST_ERROR_SQLSTATE' AS sqlstate;

-- in a loader: catch the error by its SQLSTATE, keep going
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['', '一、总体情况', '<html><body><td>1</td>']
    LOOP
        BEGIN
            PERFORM gir_parse_strict(t);
        EXCEPTION WHEN invalid_text_representation THEN
            RAISE NOTICE 'skipped (%): %', SQLSTATE, SQLERRM;
        END;
    END LOOP;
END
$$;

-- marking and comment
SELECT p.provolatile, p.proisstrict, p.proparallel, p.prosecdef,
       obj_description(p.oid, 'pg_proc') IS NOT NULL AS has_comment
FROM pg_proc p WHERE p.proname = 'gir_parse_strict';

-- settings refuse values out of their range (22023)
SET gireport.max_input_size = 0;
SELECT :'LAST_ERROR_SQLSTATE' AS sqlstate;
SET gireport.match_limit = 10;
SELECT :'LAST_ERROR_SQLSTATE' AS sqlstate;
-- and the prefix is reserved: a misspelt setting is an error (42602)
SET gireport.max_input = '1MB';
SELECT :'LAST_ERROR_SQLSTATE' AS sqlstate;
