-- The project's damaged samples (data/damaged, written by
-- tools/genreport.py --damaged-samples): every kind of damage a copy can do
-- (glued cells, box drawing, grid tables, bordered cells, inline HTML,
-- traditional script, typos, page and site debris, wild values).  No number
-- may be wrong; what the text cannot make certain is null with a warning.
-- The per-report counts record how much each report yields.
CREATE TEMP TABLE corpus (name text, body text, truth jsonb);
\copy corpus FROM PROGRAM 'test/corpus_copy.sh data/damaged'
CREATE TEMP TABLE parsed AS
    SELECT name, truth, to_jsonb(gir_parse(body)) AS got FROM corpus;
CREATE TEMP VIEW cells AS
    SELECT name, s || '.' || r.key || '.' || c.key AS path,
           c.value AS want, got -> s -> r.key -> c.key AS have
    FROM parsed,
         unnest(ARRAY['active_disclosure', 'requests', 'review_litigation']) AS s,
         jsonb_each(truth -> s) AS r,
         jsonb_each(r.value) AS c;

SELECT name,
       count(*) AS cells,
       count(*) FILTER (WHERE have = want) AS right,
       count(*) FILTER (WHERE have <> 'null' AND have <> want) AS wrong,
       count(*) FILTER (WHERE have = 'null' AND want <> 'null') AS left_null,
       count(*) FILTER (WHERE have IS NULL) AS row_missing
FROM cells
GROUP BY name
ORDER BY name;

-- every wrong number (there must be none)
SELECT name, path, want, have FROM cells WHERE have <> 'null' AND have <> want ORDER BY 1, 2;

-- agency, year and template
SELECT name, k AS key, truth -> k AS want, got -> k AS have
FROM parsed, unnest(ARRAY['agency', 'year', 'template']) AS k
WHERE truth ? k AND truth -> k IS DISTINCT FROM got -> k
ORDER BY 1, 2;

-- warnings a perfect parser emits that this one does not (traditional
-- script is read without a warning: folding it is no guess)
SELECT name, code AS missing_warning
FROM parsed, jsonb_array_elements_text(truth -> 'expect_warnings') AS code
WHERE code <> 'traditional_script'
  AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(got -> 'warnings') AS w
                  WHERE w ->> 'code' = code)
ORDER BY 1, 2;

DROP VIEW cells;
DROP TABLE parsed, corpus;
