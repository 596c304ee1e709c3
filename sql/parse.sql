-- gir_parse: the contract's shape, the typed composites, provenance,
-- markings, comments, and errors.
\set SHOW_CONTEXT never

-- STRICT: NULL in, NULL out
SELECT gir_parse(NULL) IS NULL AS null_gives_null;

-- the exact top-level keys of the format-1 contract
SELECT array_agg(k ORDER BY k) AS contract_keys
FROM jsonb_object_keys(to_jsonb(gir_parse(''))) AS k;

-- empty text: status empty, a warning per table not found
SELECT format, status, agency, year, template, active_disclosure, requests, review_litigation,
       jsonb_path_query_array(warnings, '$[*].message') AS messages
FROM gir_parse('');

-- not a report at all
SELECT status, jsonb_array_length(warnings) AS warnings
FROM gir_parse('本通知自发布之日起施行。');

\set pipe `cat data/cases/pipe_2021.md`

-- metadata and one cell through to_jsonb, as the contract promises
SELECT j ->> 'status' AS status, j ->> 'agency' AS agency, (j -> 'year')::int AS year,
       j ->> 'template' AS template, j #> '{requests,granted,total}' AS granted_total,
       j #> '{active_disclosure,fees,amount}' AS fees_amount
FROM to_jsonb(gir_parse(:'pipe')) AS j;

-- typed rows that jsonb_populate_record fills
SELECT (jsonb_populate_record(NULL::gir_applicants, (gir_parse(:'pipe')).requests -> 'new_received')).*;
SELECT (jsonb_populate_record(NULL::gir_case_outcomes, (gir_parse(:'pipe')).review_litigation -> 'review')).*;
SELECT issued, repealed, in_force
FROM jsonb_populate_record(NULL::gir_disclosure_row, (gir_parse(:'pipe')).active_disclosure -> 'normative_docs');

-- provenance: every non-zero number with the line it came from
SELECT section, row_key, col_key, value, line, source
FROM gir_cells(:'pipe')
WHERE value <> 0
ORDER BY line, section, row_key, col_key;
SELECT count(*) AS cells, count(value) AS with_value FROM gir_cells(:'pipe');

-- functions are marked truthfully
SELECT p.oid::regprocedure AS function, p.provolatile, p.proisstrict, p.proparallel
FROM pg_proc AS p
JOIN pg_depend AS d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension AS e ON e.oid = d.refobjid AND e.extname = 'gireport'
WHERE p.proname IN ('gir_parse', 'gir_cells')
ORDER BY p.oid::regprocedure::text;

-- every object of the extension has a comment
SELECT pg_describe_object(d.classid, d.objid, 0) AS uncommented
FROM pg_depend AS d
JOIN pg_extension AS e ON e.oid = d.refobjid AND e.extname = 'gireport'
WHERE d.deptype = 'e'
  AND obj_description(d.objid, (SELECT relname FROM pg_class WHERE oid = d.classid)) IS NULL
ORDER BY 1;

-- an input over gireport.max_input_size is refused before any work
SET gireport.max_input_size = '1kB';
SELECT gir_parse(repeat('规章', 1000));
SELECT :'LAST_ERROR_SQLSTATE' AS sqlstate;
RESET gireport.max_input_size;
