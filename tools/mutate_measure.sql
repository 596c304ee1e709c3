/*
 * mutate_measure.sql
 *	  How many one-cell mistakes do the class-D rules catch?
 *
 * Expects a table mm_docs(name text, doc jsonb) of consistent documents in
 * output.md shape (tools/mutate_measure.sh loads the truth files into it).
 * Every numeric cell of tables 二, 三 and 四 is changed by +1 and by -1, one
 * at a time; a mutation is detected when gir_check(doc) (class D) returns at
 * least one row (detected_any: with classes C, H and R2.4h too).  Prints the totals, the totals per table, the rules that
 * fire, and every mutation no rule detects, with the reason.
 *
 * tools/mutate_measure.sql
 */
\set ON_ERROR_STOP on

-- the baseline: every document must be consistent, or the figures mean nothing
SELECT name, gir_is_consistent(doc) AS consistent FROM mm_docs ORDER BY name;

CREATE TEMP TABLE mm_mutations AS
SELECT d.name,
	   s.key AS section,
	   r.key AS row_key,
	   c.key AS col_key,
	   c.value::text::numeric AS value,
	   v.delta,
	   ARRAY(SELECT DISTINCT k.rule
			 FROM gir_check(jsonb_set(d.doc, ARRAY[s.key, r.key, c.key],
									  to_jsonb(c.value::text::numeric + v.delta))) AS k
			 ORDER BY 1) AS rules,
	   ARRAY(SELECT DISTINCT k.rule
			 FROM gir_check(jsonb_set(d.doc, ARRAY[s.key, r.key, c.key],
									  to_jsonb(c.value::text::numeric + v.delta)),
							'{D,C,H,R2.4h}') AS k
			 ORDER BY 1) AS rules_all
FROM mm_docs AS d
CROSS JOIN LATERAL jsonb_each(d.doc) AS s
CROSS JOIN LATERAL jsonb_each(s.value) AS r
CROSS JOIN LATERAL jsonb_each(r.value) AS c
CROSS JOIN (VALUES (1), (-1)) AS v(delta)
WHERE s.key IN ('active_disclosure', 'requests', 'review_litigation')
  AND jsonb_typeof(c.value) = 'number';

-- blank cells are not mutated (a blank counts as 0 and is already a warning)
SELECT count(*) AS blank_cells_skipped
FROM mm_docs AS d
CROSS JOIN LATERAL jsonb_each(d.doc) AS s
CROSS JOIN LATERAL jsonb_each(s.value) AS r
CROSS JOIN LATERAL jsonb_each(r.value) AS c
WHERE s.key IN ('active_disclosure', 'requests', 'review_litigation')
  AND jsonb_typeof(c.value) = 'null';

\echo '== all mutations (detected: by class D; detected_any: by D, C, H and R2.4h)'
SELECT count(*) AS mutations,
	   count(*) FILTER (WHERE cardinality(rules) > 0) AS detected,
	   round(100.0 * count(*) FILTER (WHERE cardinality(rules) > 0) / count(*), 1) AS pct,
	   count(*) FILTER (WHERE cardinality(rules_all) > 0) AS detected_any
FROM mm_mutations;

\echo '== per table'
SELECT section,
	   count(*) AS mutations,
	   count(*) FILTER (WHERE cardinality(rules) > 0) AS detected,
	   round(100.0 * count(*) FILTER (WHERE cardinality(rules) > 0) / count(*), 1) AS pct,
	   count(*) FILTER (WHERE cardinality(rules_all) > 0) AS detected_any
FROM mm_mutations
GROUP BY section ORDER BY section;

\echo '== per document'
SELECT name,
	   count(*) AS mutations,
	   count(*) FILTER (WHERE cardinality(rules) > 0) AS detected
FROM mm_mutations
GROUP BY name ORDER BY name;

\echo '== which rules fire (a mutation may fire several)'
SELECT rule, count(*) AS mutations
FROM mm_mutations, unnest(rules) AS rule
GROUP BY rule ORDER BY rule;

\echo '== undetected mutations, by reason'
SELECT CASE
		   WHEN section = 'active_disclosure' AND col_key = 'change'
			   THEN '2019 本年增/减 is signed: any whole number is valid, and no rule relates it (R2.4 is only a heuristic)'
		   WHEN section = 'active_disclosure' AND col_key = 'amount'
			   THEN 'money cell: only its sign is checked (R0.4)'
		   WHEN section = 'active_disclosure'
			   THEN 'table 二 cells are independent within one year (R2.1); only the sign is checked (R0.3)'
		   ELSE 'UNEXPECTED: tables 三/四 cells are all covered by a row total (R3.2, R4.x)'
	   END AS reason,
	   count(*) AS mutations,
	   string_agg(DISTINCT row_key || '.' || col_key, ', ') AS cells
FROM mm_mutations
WHERE cardinality(rules) = 0
GROUP BY 1 ORDER BY 2 DESC;

\echo '== undetected mutations, one per line'
SELECT name, section, row_key, col_key, value, delta, rules_all AS caught_by_other_classes
FROM mm_mutations
WHERE cardinality(rules) = 0
ORDER BY name, section, row_key, col_key, delta;
