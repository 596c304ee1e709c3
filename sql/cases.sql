-- The project's layout fixtures (data/cases, written by tools/make_cases.py):
-- one report per layout, each carrying numbers chosen so that a misread row
-- or column shows.  The same values are asserted in test/test_layouts.c.
CREATE TEMP TABLE cases (name text, body text);
\set f `cat data/cases/pipe_2021.md`
INSERT INTO cases VALUES ('markdown pipes', :'f');
\set f `cat data/cases/pdf_layout_2021.txt`
INSERT INTO cases VALUES ('pdftotext -layout', :'f');
\set f `cat data/cases/noisy_docx_2021.txt`
INSERT INTO cases VALUES ('docx with noise', :'f');
\set f `cat data/cases/html_2019.html`
INSERT INTO cases VALUES ('html 2019', :'f');
\set f `cat data/cases/missing_labels_2019.txt`
INSERT INTO cases VALUES ('missing labels', :'f');
\set f `cat data/cases/legacy_2015.txt`
INSERT INTO cases VALUES ('legacy 2015', :'f');

CREATE TEMP TABLE parsed AS SELECT name, gir_parse(body) AS r FROM cases;

SELECT name, (r).status, (r).agency, (r).year, (r).template FROM parsed ORDER BY name;

-- table 三 rows with non-zero numbers, as natural_person … total
SELECT name, k.key AS row,
       array_to_string(ARRAY[v ->> 'natural_person', v ->> 'business', v ->> 'research',
                             v ->> 'nonprofit', v ->> 'legal_service', v ->> 'other_org',
                             v ->> 'total'], ' ', 'null') AS applicants
FROM parsed, jsonb_each((r).requests) AS k(key, v)
WHERE EXISTS (SELECT 1 FROM jsonb_each(v) AS c WHERE c.value <> '0')
ORDER BY name, k.key;

-- tables 二 and 四 whole
SELECT name, (r).active_disclosure FROM parsed ORDER BY name;
SELECT name, (r).review_litigation FROM parsed ORDER BY name;

-- what the parser had to say
SELECT name, w ->> 'code' AS code, count(*) AS n, min((w ->> 'line')::int) AS first_line
FROM parsed, jsonb_array_elements((r).warnings) AS w
GROUP BY name, code
ORDER BY name, code;
SELECT w ->> 'message' AS message
FROM parsed, jsonb_array_elements((r).warnings) AS w
WHERE name IN ('missing labels', 'html 2019') AND w ->> 'code' IN ('row_inferred', 'extra_cell', 'unit_converted', 'cell_blank')
ORDER BY name, (w ->> 'line')::int, w ->> 'code'
LIMIT 8;
