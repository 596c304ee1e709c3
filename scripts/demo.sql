-- The main job's queries (run by scripts/demo.sh after loading the samples).
\pset footer off

\echo '== gir_report_overview: what was loaded, what was found, whether it adds up'
SELECT report_id, source, agency, year, template, status, warning_count, consistent
FROM gir_report_overview ORDER BY report_id;

\echo '== gir_request_summary: applications (表三), the rates supervising offices rank by'
SELECT report_id, agency, year, new_received, carried_over, total_processed, granted,
       partially_granted, denied, carried_forward, disclosure_rate, denial_rate
FROM gir_request_summary WHERE total_processed IS NOT NULL ORDER BY report_id;

\echo '== gir_litigation_summary: 行政复议 and 行政诉讼 (表四)'
SELECT report_id, agency, year, review_total, review_corrected, lawsuit_total,
       review_correction_rate, lawsuit_correction_rate
FROM gir_litigation_summary WHERE review_total > 0 OR lawsuit_total > 0 ORDER BY report_id;

\echo '== gir_agency_trends: agencies with more than one year'
SELECT agency, year, new_received, new_received_change, carried_over,
       previous_carried_forward, carry_over_matches
FROM gir_agency_trends
WHERE agency IN (SELECT agency FROM gir_agency_trends GROUP BY agency HAVING count(*) > 1)
ORDER BY agency, year;

\echo '== gir_violations: broken rules (勾稽关系), if any'
SELECT report_id, agency, year, rule, class, message FROM gir_violations ORDER BY report_id, rule;

\echo '== what the parser inferred or repaired in one report (warnings)'
SELECT w ->> 'code' AS code, (w ->> 'line')::int AS line, w ->> 'message' AS message
FROM gir_reports, jsonb_array_elements((report).warnings) AS w
WHERE source LIKE '%missing_labels_2019.txt' ORDER BY line LIMIT 6;

\echo '== provenance: where the numbers of one row came from (gir_cells)'
SELECT row_key, col_key, value, line, source
FROM gir_cells((SELECT body FROM gir_reports WHERE source LIKE '%09_pdflayout_2021.txt'))
WHERE row_key = 'new_received';
