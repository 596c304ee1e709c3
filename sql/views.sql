--
-- views: gir_reports, gir_labels and the BI views (issue 4)
--
-- Loads real sample reports plus variants made from them in SQL, and checks
-- every view against values computed by hand from the report texts (the
-- hand computations are in the comments).  00_setup has installed the
-- extension.
--
SELECT current_setting('server_encoding') <> 'UTF8' AS gir_skip \gset
\if :gir_skip
\echo 'views: skipped, the database is not UTF8'
\quit
\endif

-- ========== the objects ==========
-- gir_reports and its identity sequence are registered for pg_dump
SELECT unnest(extconfig)::regclass AS dumped FROM pg_extension
 WHERE extname = 'gireport' ORDER BY 1::text;
-- report bodies are stored with lz4 where the server has it (faster
-- re-parsing), with the default pglz where it has not
SELECT a.attcompression = CASE WHEN 'lz4' = ANY (s.enumvals) THEN 'l' ELSE '' END
       AS body_compression_as_documented
  FROM pg_attribute a, pg_settings s
 WHERE a.attrelid = 'gir_reports'::regclass AND a.attname = 'body'
   AND s.name = 'default_toast_compression';
-- every BI view runs with the caller's privileges
SELECT relname, reloptions FROM pg_class
 WHERE relkind = 'v' AND relname LIKE 'gir\_%' ORDER BY relname;
-- views have flat columns of plain types only (no jsonb, arrays, composites)
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
 WHERE c.relkind = 'v' AND c.relname LIKE 'gir\_%' AND a.attnum > 0
   AND format_type(a.atttypid, a.atttypmod) NOT IN
       ('integer', 'bigint', 'numeric', 'text', 'boolean',
        'timestamp with time zone');
-- every view, view column, table and table column has a comment
SELECT c.relname, a.attname
  FROM pg_class c LEFT JOIN pg_attribute a
       ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE c.relkind IN ('v', 'r') AND c.relname LIKE 'gir\_%'
   AND c.relnamespace = 'public'::regnamespace
   AND (obj_description(c.oid, 'pg_class') IS NULL
        OR col_description(c.oid, a.attnum) IS NULL);

-- ========== gir_labels ==========
SELECT section, kind, count(*) AS keys,
       count(*) FILTER (WHERE in_2019) AS in_2019,
       count(*) FILTER (WHERE in_2021) AS in_2021
  FROM gir_labels GROUP BY section, kind ORDER BY section, kind;
-- table 三 has 23 rows under T2019 and 25 under T2021 (report-format.md §2.2)
SELECT key, label_zh, label_en, level, group_key, is_outcome
  FROM gir_labels WHERE section = 'requests' AND kind = 'row' ORDER BY sort_order;
-- labels that differ between the templates
SELECT section, kind, key, label_zh, label_zh_2019 FROM gir_labels
 WHERE label_zh_2019 IS NOT NULL ORDER BY section, kind, sort_order;

-- ========== helpers ==========
SELECT gir_count('3'::jsonb) AS three, gir_count('3.5') AS half,
       gir_count('null') AS json_null, gir_count(NULL) AS sql_null,
       gir_count('"3"') AS string, gir_count('3000000000') AS too_big,
       gir_number('-263') AS signed, gir_number('13390.0654') AS money;
SELECT gir_count('{"granted": {"total": 4}}', 'granted', 'total') AS present,
       gir_count('{"granted": {"total": 4}}', 'denied', 'total') AS absent_row,
       gir_count('{"granted": {"total": 4}}', 'granted', 'business') AS absent_col;
-- group sums: NULL when a member row is missing; blank cells are left out
SELECT gir_group_count('{"a": {"t": 1}, "b": {"t": 2}}', '{a,b}', 't') AS both,
       gir_group_count('{"a": {"t": 1}}', '{a,b}', 't') AS b_missing,
       gir_group_count('{"a": {"t": 1}, "b": {"t": null}}', '{a,b}', 't') AS b_blank,
       gir_group_count('{"a": {"t": null}, "b": {"t": null}}', '{a,b}', 't') AS all_blank,
       gir_group_count('{}', '{a,b}', 't') AS no_table;
SELECT gir_ratio(2, 3) AS two_thirds, gir_ratio(1, 0) AS by_zero,
       gir_ratio(NULL, 3) AS unknown_part, gir_ratio(1, NULL) AS unknown_whole;

-- ========== load the samples ==========
-- (start from an empty table and id 1, whatever earlier tests did)
TRUNCATE gir_reports RESTART IDENTITY;
-- Seven samples of data/samples and variants made from them in SQL.  The
-- expected figures below were computed from the samples' *.truth.json (the
-- hand-read contract), independently of the views.
\set s01 `cat data/samples/01_docx_2021.txt`
\set s02 `cat data/samples/02_docx_2019.txt`
\set s08 `cat data/samples/08_html_2019_yuan.txt`
\set s11 `cat data/samples/11_docx_2019_unlabeled.txt`
\set s12 `cat data/samples/12_docx_2021_blanks.txt`
\set s13 `cat data/samples/13_html_2019_blanks.txt`
\set s14 `cat data/samples/14_tabrows_2021_noisy.txt`
INSERT INTO gir_reports (source, body) VALUES
    ('01_docx_2021.txt', :'s01'),
    ('02_docx_2019.txt', :'s02'),
    ('08_html_2019_yuan.txt', :'s08'),
    ('11_docx_2019_unlabeled.txt', :'s11'),
    ('12_docx_2021_blanks.txt', :'s12'),
    ('13_html_2019_blanks.txt', :'s13'),
    ('14_tabrows_2021_noisy.txt', :'s14');
-- 01 under another name, cut before table 四
INSERT INTO gir_reports (source, body)
SELECT '01-no-table4.txt',
       replace(left(:'s01', strpos(:'s01', '四、政府信息公开行政复议、行政诉讼情况') - 1),
               '云岭市芦汀县白鹭镇人民政府', '测试一镇人民政府');
-- 02 under another name, cut before table 三: only table 二 is left
INSERT INTO gir_reports (source, body)
SELECT '02-only-table2.txt',
       replace(left(:'s02', strpos(:'s02', '三、收到和处理政府信息公开申请情况') - 1),
               '松汀市禾丰县金川镇人民政府', '测试二镇人民政府');
-- not an annual report at all
INSERT INTO gir_reports (source, body) VALUES ('note.txt', '关于召开会议的通知');
-- 14 loaded a second time: trends must use this later copy
INSERT INTO gir_reports (source, body) VALUES ('14-again.txt', :'s14');

-- the samples parse exactly as their truth says (if not, the figures below
-- are the parser's problem, not the views')
\set t01 `cat data/samples/01_docx_2021.truth.json`
\set t02 `cat data/samples/02_docx_2019.truth.json`
\set t08 `cat data/samples/08_html_2019_yuan.truth.json`
\set t11 `cat data/samples/11_docx_2019_unlabeled.truth.json`
\set t12 `cat data/samples/12_docx_2021_blanks.truth.json`
\set t13 `cat data/samples/13_html_2019_blanks.truth.json`
\set t14 `cat data/samples/14_tabrows_2021_noisy.truth.json`
SELECT g.id, g.source,
       (g.report).agency IS NOT DISTINCT FROM t.truth->>'agency'
       AND (g.report).year = (t.truth->>'year')::int
       AND (g.report).template = t.truth->>'template'
       AND (g.report).active_disclosure = t.truth->'active_disclosure'
       AND (g.report).requests = t.truth->'requests'
       AND (g.report).review_litigation = t.truth->'review_litigation' AS as_truth
  FROM gir_reports g
  JOIN (VALUES ('01_docx_2021.txt', :'t01'::jsonb),
               ('02_docx_2019.txt', :'t02'), ('08_html_2019_yuan.txt', :'t08'),
               ('11_docx_2019_unlabeled.txt', :'t11'),
               ('12_docx_2021_blanks.txt', :'t12'),
               ('13_html_2019_blanks.txt', :'t13'),
               ('14_tabrows_2021_noisy.txt', :'t14')) AS t(source, truth)
       ON t.source = g.source
 ORDER BY g.id;
-- the variants parse as intended
SELECT id, source, (report).status, (report).year, (report).agency,
       (report).requests ? 'new_received' AS t3,
       (report).review_litigation ? 'review' AS t4
  FROM gir_reports WHERE id > 7 ORDER BY id;

-- ========== gir_report_overview ==========
-- every sample adds up (blank cells count as 0 in the rules); "warned": the
-- parser recorded repairs (blanks, noise, rows found by position, 元 to
-- 万元); note.txt cannot be assessed: NULL, not true
SELECT report_id, source, agency, year, template, status,
       warning_count > 0 AS warned, consistent, broken_rule_count
  FROM gir_report_overview ORDER BY report_id;

-- ========== gir_request_summary ==========
-- From the truth files (总计 column; denied/unable/not_processed are sums of
-- their sub-rows, other is the 2019 row or the sum of the 2021 sub-rows):
--      new  co  gr  part den una np oth  tot  cf   rates (gr+part)/tot, den/tot, person/new
--  01   28   3  14    1   1   6   2   4   28   3   15/28 .5357, 1/28 .0357, 20/28 .7143
--  02    5   0   2    1   2   0   0   0    5   0   3/5 .6, 2/5 .4, 4/5 .8
--  08    6   0   2    0   0   3   1   0    6   0   2/6 .3333, 0, 2/6 .3333
--  11  282   8  95   27  23  70  28  15  258  32   122/258 .4729, 23/258 .0891, 247/282 .8759
--  12   27   3   9    5   3   4   7   0   28   2   14/28 .5, 3/28 .1071, 21/27 .7778
--  13   26   3  10    3   3   9   0   3   28   1   13/28 .4643, 3/28 .1071, 22/26 .8462
--  14 1568 139 586  162 129 379 148 114 1518 189   748/1518 .4928, 129/1518 .0850, 1337/1568 .8527
--  01-no-table4: as 01; 02-only-table2 and note.txt have no table 三: NULL, never 0
SELECT s.report_id, r.source, s.new_received AS new, s.carried_over AS co,
       s.granted AS gr, s.partially_granted AS part, s.denied AS den,
       s.unable AS una, s.not_processed AS np, s.other_handling AS oth,
       s.total_processed AS tot, s.carried_forward AS cf
  FROM gir_request_summary s JOIN gir_reports r ON r.id = s.report_id
 ORDER BY s.report_id;
-- new applications by applicant (自然人/商业企业/科研机构/社会公益组织/法律服务机构/其他):
--  01 20/4/1/0/2/1  02 4/1/0/0/0/0  08 2/0/1/1/2/0  11 247/18/3/8/6/0
--  12 21/2/0/0/3/1  13 22/0/1/1/0/2  14 1337/98/13/8/67/45
SELECT s.report_id, r.source, s.new_natural_person AS person,
       s.new_business AS business, s.new_research AS research,
       s.new_nonprofit AS nonprofit, s.new_legal_service AS legal,
       s.new_other_org AS other_org, s.disclosure_rate, s.denial_rate,
       s.natural_person_share
  FROM gir_request_summary s JOIN gir_reports r ON r.id = s.report_id
 ORDER BY s.report_id;

-- ========== gir_request_outcomes ==========
-- 7 columns × 25 rows (2021) or × 23 rows (2019); blank cells: 7 in 12,
-- 11 in 13 (their truth has that many nulls); nothing without table 三
SELECT r.source, count(o.report_id) AS cells, count(DISTINCT o.row_key) AS rows,
       count(DISTINCT o.col_key) AS cols, count(o.value) AS values,
       count(o.report_id) - count(o.value) AS blank,
       count(o.row_label_zh) AS labelled
  FROM gir_reports r LEFT JOIN gir_request_outcomes o ON o.report_id = r.id
 GROUP BY r.id, r.source ORDER BY r.id;
-- 01, outcome mix (总计 column): 14 + 1 + 1 + 6 + 2 + 4 = 28 = （七）总计
SELECT row_group, row_group_label_zh, sum(value) AS total
  FROM gir_request_outcomes
 WHERE report_id = 1 AND is_outcome AND col_key = 'total'
 GROUP BY row_group, row_group_label_zh ORDER BY min(row_order);
-- 13, the blank cells, where they are in the table
SELECT row_key, row_label_zh, col_key, col_label_zh, value
  FROM gir_request_outcomes
 WHERE report_id = 6 AND value IS NULL ORDER BY row_order, col_order;
-- 02 (2019 template: （六）其他处理 is one row), every cell of three rows
SELECT row_key, row_label_en, row_group, row_level, is_outcome, col_key,
       col_label_en, value
  FROM gir_request_outcomes
 WHERE report_id = 2 AND row_key IN ('new_received', 'other', 'total_processed')
 ORDER BY row_order, col_order;

-- ========== gir_litigation_summary ==========
-- From the truth files (upheld corrected other pending total):
--        review      | suit_direct | suit_after_review | lawsuits | rates
--  01   3 0 0 1 4    | 0 1 0 0 1   | 0 2 0 0 2         | 3        | 0/3 = 0, 3/3 = 1
--  12   3 0 0 0 3    | 1 3 0 3 7   | 1 0 0 2 3         | 10       | 0/3 = 0, (3+0)/(1+3+0+1+0+0) = .6
--  14   0 2 0 1 3    | 0 0 1 0 1   | 2 1 0 0 3         | 4        | 2/2 = 1, (0+1)/(0+0+1+2+1+0) = .25
--  02 08 11 13: all 0, so both rates NULL (nothing concluded)
--  01-no-table4, 02-only-table2, note: NULL, never 0
SELECT l.report_id, r.source, l.review_upheld AS ru, l.review_corrected AS rc,
       l.review_other AS ro, l.review_pending AS rp, l.review_total AS rt,
       l.suit_direct_upheld AS du, l.suit_direct_corrected AS dc,
       l.suit_direct_other AS do, l.suit_direct_pending AS dp,
       l.suit_direct_total AS dt
  FROM gir_litigation_summary l JOIN gir_reports r ON r.id = l.report_id
 ORDER BY l.report_id;
SELECT l.report_id, r.source, l.suit_after_review_upheld AS au,
       l.suit_after_review_corrected AS ac, l.suit_after_review_other AS ao,
       l.suit_after_review_pending AS ap, l.suit_after_review_total AS at,
       l.lawsuit_total, l.review_correction_rate, l.lawsuit_correction_rate
  FROM gir_litigation_summary l JOIN gir_reports r ON r.id = l.report_id
 ORDER BY l.report_id;

-- ========== gir_active_disclosure ==========
-- 10 cells per 2021 report, 22 per 2019 report (report-format.md §2.1); 02
-- has 28: its 其他对外管理服务事项 is split into 行政检查/行政确认/行政奖励
-- (3 sub-rows × 3 instead of 1 row × 3); nothing for note.txt
SELECT r.source, count(a.report_id) AS cells, count(a.value) AS values,
       count(a.row_label_zh) AS labelled
  FROM gir_reports r LEFT JOIN gir_active_disclosure a ON a.report_id = r.id
 GROUP BY r.id, r.source ORDER BY r.id;
-- 08 (2019): 2019 labels, signed change (-91), procurement written
-- "251000元" in the source and stored as 25.1 万元
SELECT row_key, row_label_zh, col_key, col_label_zh, unit, value
  FROM gir_active_disclosure WHERE report_id = 3
 ORDER BY row_order, col_order;
-- 01 (2021): 2021 labels and columns
SELECT row_key, row_label_zh, col_key, col_label_zh, unit, value
  FROM gir_active_disclosure WHERE report_id = 1
 ORDER BY row_order, col_order;

-- ========== gir_violations ==========
-- the samples add up; 08 (2019) and 11 (2020) are one agency in consecutive
-- years, and 11's 上年结转 (7 自然人, 1 法律服务机构, 8 总计) does not match
-- 08's 结转下年度 (all 0): R3.6 in three columns
SELECT report_id, agency, year, previous_report_id, rule, class, row_key,
       col_key, expected, actual, rule_statement_zh
  FROM gir_violations
 WHERE class IN ('D', 'X')
 ORDER BY report_id, rule, row_key, col_key;
-- ========== gir_agency_trends ==========
-- one row per agency and year; 12 (no agency) and note.txt are left out;
-- 柳营 2024 uses the later copy (id 11) and counts 2 reports;
-- 新桥 2020 against 2019: new 282 - 6 = 276, processed 258 - 6 = 252,
-- granted 95 - 2 = 93, review 0 - 0, lawsuits 0 - 0;
-- carried_over 8 against last year's carried_forward 0: no match
SELECT agency, year, report_id, report_count, new_received,
       new_received_change, total_processed, total_processed_change,
       granted, granted_change
  FROM gir_agency_trends ORDER BY agency, year;
SELECT agency, year, review_total, review_total_change, lawsuit_total,
       lawsuit_total_change, previous_report_id, carried_over,
       previous_carried_forward, carry_over_matches,
       continuity_broken_rule_count
  FROM gir_agency_trends ORDER BY agency, year;

-- ========== re-parsing ==========
-- report is computed, never written
INSERT INTO gir_reports (body, report) VALUES ('x', NULL);
UPDATE gir_reports SET report = NULL;
-- the documented re-parse after an upgrade rewrites every row, same result
CREATE TEMP TABLE before AS SELECT id, report::text AS r FROM gir_reports;
UPDATE gir_reports SET body = body;
SELECT count(*) AS reparsed,
       count(*) FILTER (WHERE b.r = g.report::text) AS unchanged
  FROM gir_reports g JOIN before b USING (id);
-- a new body is parsed at once; trends fall back to the first copy of 14
UPDATE gir_reports SET body = '不是年度报告' WHERE source = '14-again.txt';
SELECT (report).status, (report).agency FROM gir_reports
 WHERE source = '14-again.txt';
SELECT agency, year, report_id, report_count FROM gir_agency_trends
 WHERE agency = '岚溪市北汀区柳营街道办事处';

-- ========== privileges ==========
-- a reader may SELECT the views (and, because they are security_invoker,
-- the columns of gir_reports they read, but not body); it cannot write
CREATE ROLE regress_gir_reader;
CREATE ROLE regress_gir_outsider;
GRANT SELECT (id, source, loaded_at, report) ON gir_reports TO regress_gir_reader;
GRANT SELECT ON gir_report_overview, gir_request_summary, gir_request_outcomes,
    gir_litigation_summary, gir_active_disclosure, gir_violations,
    gir_agency_trends TO regress_gir_reader, regress_gir_outsider;
SET ROLE regress_gir_reader;
SELECT (SELECT count(*) FROM gir_report_overview) AS overview,
       (SELECT count(*) FROM gir_request_summary) AS summary,
       (SELECT count(*) FROM gir_request_outcomes) AS outcomes,
       (SELECT count(*) FROM gir_litigation_summary) AS litigation,
       (SELECT count(*) FROM gir_active_disclosure) AS active,
       (SELECT count(*) FROM gir_violations) > 0 AS violations,
       (SELECT count(*) FROM gir_agency_trends) AS trends,
       (SELECT count(*) FROM gir_labels) AS labels;
SELECT body FROM gir_reports LIMIT 1;
INSERT INTO gir_reports (body) VALUES ('x');
UPDATE gir_reports SET body = body;
DELETE FROM gir_reports;
TRUNCATE gir_reports;
RESET ROLE;
-- without SELECT on gir_reports the views cannot be read at all: they do not
-- lend their owner's rights
SET ROLE regress_gir_outsider;
SELECT count(*) FROM gir_report_overview;
RESET ROLE;
DROP OWNED BY regress_gir_reader, regress_gir_outsider;
DROP ROLE regress_gir_reader, regress_gir_outsider;

-- leave the table empty for later tests
TRUNCATE gir_reports RESTART IDENTITY;
