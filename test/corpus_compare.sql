-- Compare gir_parse() with the truth of every report in the temp table
-- corpus(name, body, truth); print a summary per report and every mismatch.
CREATE TEMP TABLE parsed AS
    SELECT name, truth, to_jsonb(gir_parse(body)) AS got FROM corpus;

-- every expected value: metadata keys the truth has, and every cell
CREATE TEMP VIEW expected_values AS
    SELECT name, k AS path, truth -> k AS want, got -> k AS have
    FROM parsed, unnest(ARRAY['agency', 'year', 'template']) AS k
    WHERE truth ? k
    UNION ALL
    SELECT name, s || '.' || r.key || '.' || c.key, c.value, got -> s -> r.key -> c.key
    FROM parsed,
         unnest(ARRAY['active_disclosure', 'requests', 'review_litigation']) AS s,
         jsonb_each(truth -> s) AS r,
         jsonb_each(r.value) AS c;

SELECT name,
       count(*) AS values_checked,
       count(*) FILTER (WHERE want IS DISTINCT FROM have) AS wrong
FROM expected_values
GROUP BY name
ORDER BY name;

-- mismatches, and rows the parser reported that the truth does not have
SELECT name, path, want, have
FROM expected_values
WHERE want IS DISTINCT FROM have
UNION ALL
SELECT name, s || '.' || r.key, NULL, r.value
FROM parsed,
     unnest(ARRAY['active_disclosure', 'requests', 'review_litigation']) AS s,
     jsonb_each(got -> s) AS r
WHERE NOT (truth -> s) ? r.key
ORDER BY 1, 2;

-- warning codes the truth expects (the project's samples list them)
SELECT name, code AS missing_warning
FROM parsed, jsonb_array_elements_text(coalesce(truth -> 'expect_warnings', '[]')) AS code
WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(got -> 'warnings') AS w
                  WHERE w ->> 'code' = code)
ORDER BY 1, 2;

DROP VIEW expected_values;
DROP TABLE parsed, corpus;
