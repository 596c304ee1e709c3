--
-- check.sql: the consistency rules (gir_check, gir_is_consistent,
-- gir_check_continuity, gir_rules) and the CHECK-constraint helpers.
--
-- The documents are the hand-read truth of two seeds, inlined:
-- seed 004 (建国门街道办事处 2024, 2021 template, non-zero values) and
-- seed 002 (新街口街道办事处 2020, 2019 template).  Both are consistent;
-- every failing case below changes one thing and shows the exact rows.
--
CREATE TABLE gir_test_docs (name text PRIMARY KEY, doc jsonb NOT NULL);
INSERT INTO gir_test_docs VALUES ('seed004', '{
  "format": 1, "template": "2021", "year": 2024, "agency": "建国门街道办事处",
  "active_disclosure": {
    "rules": {"issued": 0, "repealed": 0, "in_force": 0},
    "normative_docs": {"issued": 0, "repealed": 0, "in_force": 0},
    "licensing": {"decisions": 0},
    "penalty": {"decisions": 139},
    "coercion": {"decisions": 0},
    "fees": {"amount": 0}
  },
  "requests": {
    "new_received": {"natural_person": 16, "business": 1, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 17},
    "carried_over": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "granted": {"natural_person": 0, "business": 1, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 1},
    "partially_granted": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "denied.state_secret": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "denied.prohibited_by_law": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "denied.security_stability": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "denied.third_party_rights": {"natural_person": 1, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 1},
    "denied.internal_affairs": {"natural_person": 1, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 1},
    "denied.process_information": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "denied.enforcement_files": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "denied.administrative_query": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "unable.not_held": {"natural_person": 9, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 9},
    "unable.needs_creation": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "unable.still_unclear": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "not_processed.complaint": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "not_processed.duplicate": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "not_processed.publication": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "not_processed.excessive": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "not_processed.confirm_or_reissue": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "other.no_correction": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "other.unpaid_fee": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "other.other": {"natural_person": 5, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 5},
    "total_processed": {"natural_person": 16, "business": 1, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 17},
    "carried_forward": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0}
  },
  "review_litigation": {
    "review": {"upheld": 0, "corrected": 0, "other": 0, "pending": 1, "total": 1},
    "suit_direct": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0},
    "suit_after_review": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0}
  }
}');
INSERT INTO gir_test_docs VALUES ('seed002', '{
  "format": 1, "template": "2019", "year": 2020, "agency": "北京市西城区人民政府新街口街道办事处",
  "active_disclosure": {
    "rules": {"made": 0, "published": 0, "total_published": 0},
    "normative_docs": {"made": 0, "published": 0, "total_published": 0},
    "licensing": {"prev_items": 0, "change": 0, "decisions": 0},
    "other_services.inspection": {"prev_items": 0, "change": 0, "decisions": 0},
    "other_services.confirmation": {"prev_items": 0, "change": 0, "decisions": 0},
    "penalty": {"prev_items": 491, "change": -263, "decisions": 228},
    "coercion": {"prev_items": 0, "change": 0, "decisions": 0},
    "fees": {"prev_items": 0, "change": 0},
    "procurement": {"projects": 43, "amount": 13390.0654}
  },
  "requests": {
    "new_received": {"natural_person": 2, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 2},
    "carried_over": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "granted": {"natural_person": 2, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 2},
    "partially_granted": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "denied.state_secret": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "denied.prohibited_by_law": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "denied.security_stability": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "denied.third_party_rights": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "denied.internal_affairs": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "denied.process_information": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "denied.enforcement_files": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "denied.administrative_query": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "unable.not_held": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "unable.needs_creation": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "unable.still_unclear": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "not_processed.complaint": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "not_processed.duplicate": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "not_processed.publication": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "not_processed.excessive": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "not_processed.confirm_or_reissue": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "other": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0},
    "total_processed": {"natural_person": 2, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 2},
    "carried_forward": {"natural_person": 0, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 0}
  },
  "review_litigation": {
    "review": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0},
    "suit_direct": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0},
    "suit_after_review": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0}
  }
}');

-- ===================== the catalogue =====================
SELECT id, class, "table", statement_zh FROM gir_rules();
SELECT class, count(*) FROM gir_rules() GROUP BY class ORDER BY class;

-- ===================== consistent documents =====================
-- no rule of any class (R2.4h included) is broken by the seeds
SELECT d.name, c.*
FROM gir_test_docs AS d, gir_check(d.doc, '{D,C,H,R2.4h}') AS c;
SELECT name, gir_is_consistent(doc) FROM gir_test_docs ORDER BY name;
-- the composite form gives the same answers
SELECT name, gir_is_consistent(jsonb_populate_record(NULL::gir_report, doc))
FROM gir_test_docs ORDER BY name;

-- ===================== class D: one mutation at a time =====================
-- 一、本年新收 自然人 16 -> 17: R3.1 on the column, R3.2 on the row
SELECT * FROM gir_check((SELECT jsonb_set(doc, '{requests,new_received,natural_person}', '17')
						 FROM gir_test_docs WHERE name = 'seed004'));
-- the same, with row 四 dropped: R3.1 can no longer be evaluated
SELECT * FROM gir_check((SELECT jsonb_set(doc, '{requests,new_received,natural_person}', '17')
								#- '{requests,carried_forward}'
						 FROM gir_test_docs WHERE name = 'seed004'));
-- a blank where 9 was: blanks count as 0, and the messages say so
SELECT * FROM gir_check((SELECT jsonb_set(doc, '{requests,unable.not_held,natural_person}', 'null')
						 FROM gir_test_docs WHERE name = 'seed004'));
-- a blank where 0 was changes nothing
SELECT gir_is_consistent((SELECT jsonb_set(doc, '{requests,carried_forward,total}', 'null')
						  FROM gir_test_docs WHERE name = 'seed004'));
-- （六）3.其他 自然人 5 -> 4: R3.3 (and R3.2 on that row)
SELECT * FROM gir_check((SELECT jsonb_set(doc, '{requests,other.other,natural_person}', '4')
						 FROM gir_test_docs WHERE name = 'seed004'));
-- 2019 template: （六）其他处理 is one leaf row
SELECT * FROM gir_check((SELECT jsonb_set(doc, '{requests,other,total}', '1')
						 FROM gir_test_docs WHERE name = 'seed002'), '{R3.3}');
-- table 四: 行政复议 尚未审结 1 -> 2; 复议后起诉 总计 0 -> 1
SELECT * FROM gir_check((SELECT jsonb_set(jsonb_set(doc, '{review_litigation,review,pending}', '2'),
										  '{review_litigation,suit_after_review,total}', '1')
						 FROM gir_test_docs WHERE name = 'seed004'));
-- R0.3 and R0.4: a fraction in a count, a negative count, a negative amount
SELECT * FROM gir_check((SELECT jsonb_set(jsonb_set(jsonb_set(doc,
							'{active_disclosure,penalty,decisions}', '139.5'),
							'{active_disclosure,licensing,decisions}', '-1'),
							'{active_disclosure,fees,amount}', '-0.5')
						 FROM gir_test_docs WHERE name = 'seed004'));
-- 2019 本年增/减 may be negative (seed 002: 减263), but must be whole
SELECT * FROM gir_check((SELECT jsonb_set(doc, '{active_disclosure,penalty,change}', '-26.3')
						 FROM gir_test_docs WHERE name = 'seed002'));
-- numbers too large for 64 bits still add up exactly
SELECT * FROM gir_check('{"template": "2021", "review_litigation": {"review":
	{"upheld": 9000000000000000000, "corrected": 9000000000000000000,
	 "other": 0, "pending": 0, "total": 18000000000000000000}}}'::jsonb);
SELECT * FROM gir_check('{"template": "2021", "review_litigation": {"review":
	{"upheld": 9000000000000000000, "corrected": 9000000000000000000,
	 "other": 0, "pending": 0, "total": 18000000000000000001}}}'::jsonb);

-- ===================== classes C and H =====================
-- R0.2: a 2020 report in the 2021 layout; not class D, so still consistent
SELECT * FROM gir_check((SELECT jsonb_set(doc, '{year}', '2020')
						 FROM gir_test_docs WHERE name = 'seed004'), '{C}');
SELECT gir_is_consistent((SELECT jsonb_set(doc, '{year}', '2020')
						  FROM gir_test_docs WHERE name = 'seed004'));
-- R2.3 (H): 本年新公开 5 > 对外公开总数 0
SELECT * FROM gir_check((SELECT jsonb_set(doc, '{active_disclosure,rules,published}', '5')
						 FROM gir_test_docs WHERE name = 'seed002'), '{H}');
-- R2.4h only runs when named: seed 002 reads 行政处罚 as 491 - 263 = 228
SELECT * FROM gir_check((SELECT jsonb_set(doc, '{active_disclosure,penalty,decisions}', '230')
						 FROM gir_test_docs WHERE name = 'seed002'), '{D,C,H}');
SELECT * FROM gir_check((SELECT jsonb_set(doc, '{active_disclosure,penalty,decisions}', '230')
						 FROM gir_test_docs WHERE name = 'seed002'), '{r2.4H}');
-- R2.5 (C): a 其他对外管理服务事项 row over its 行政检查/行政确认 sub-rows
SELECT * FROM gir_check((SELECT jsonb_set(doc, '{active_disclosure,other_services}',
										  '{"prev_items": 1, "change": 0, "decisions": 0}')
						 FROM gir_test_docs WHERE name = 'seed002'), '{C}');

-- ===================== document facts (optional "facts" key) =====================
-- R0.1, R3.4, R3.5 and R3.7 need what the parser saw beyond the cells; one
-- application moved from （六）3.其他 to （六）2.逾期未缴费 keeps table 三
-- consistent but contradicts "no fee notice issued" (R3.7)
CREATE TABLE gir_test_facts AS
SELECT jsonb_set(jsonb_set(doc,
		'{requests,other.other}',
		'{"natural_person": 4, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 4}'),
		'{requests,other.unpaid_fee}',
		'{"natural_person": 1, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 1}')
	   || '{"facts": {
	"sections": [{"section": "overview", "line": 3, "numbering": "一、"},
				 {"section": "active_disclosure", "line": 20, "numbering": "2、"},
				 {"section": "review_litigation", "line": 30, "numbering": "四、"},
				 {"section": "requests", "line": 40, "numbering": "三、"},
				 {"section": "other_matters", "line": 160, "numbering": "六、"}],
	"subtotal_rows": {"denied": {"natural_person": 2, "business": 0, "research": 0,
								 "nonprofit": 0, "legal_service": 0, "other_org": 0,
								 "total": 3}},
	"subtotal_column": {"new_received": 1, "granted": 2},
	"fee_notice": "none_issued", "fee_notice_line": 88}}' AS doc
FROM gir_test_docs WHERE name = 'seed004';
SELECT * FROM gir_check((SELECT doc FROM gir_test_facts), '{D,C}');
-- without the facts those rules are not evaluated
SELECT * FROM gir_check((SELECT doc - 'facts' FROM gir_test_facts), '{D,C}');

-- ===================== the parser's narrative findings =====================
-- gir_parse compares the counts section 一 states with the tables (RT.1-RT.6)
-- and section 六's fee-notice sentence with table 三 (R3.7); each
-- disagreement is a warning coded with the rule id.  gir_check reads them
-- back and compares them with the cells again (expected: the table, actual:
-- what the text says).  The fixture's own text agrees with its tables; the
-- second copy states 9 applications (table: 7), 3 pending reviews (table: 2
-- reviews, 1 pending), no fee notice (table: 1 application closed for an
-- unpaid fee, moved from 本机关不掌握 so that table 三 still adds up)
\set f `cat data/cases/pipe_2021.md`
CREATE TABLE gir_test_parsed AS
SELECT 'agrees' AS name, gir_parse(:'f') AS r
UNION ALL
SELECT 'disagrees', gir_parse(replace(replace(replace(replace(:'f',
		'全年收到政府信息公开申请7件',
		'全年收到政府信息公开申请9件，其中自然人申请5件，法人或其他组织申请2件，被申请行政复议3件（尚未审结）'),
		'本年度未收取信息处理费。', '本年度未发出收费通知。'),
		'本机关不掌握相关政府信息 | 1 | 0 | 0 | 0 | 1 | 0 | 2 |',
		'本机关不掌握相关政府信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |'),
		'缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
		'缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 1 | 0 | 1 |'));
-- the warnings: none where the text agrees (自然人 5, 法人或其他组织 2)
SELECT name, w ->> 'code' AS code, (w ->> 'line')::int AS line, w ->> 'message' AS message
FROM gir_test_parsed, jsonb_array_elements((r).warnings) AS w
WHERE w ->> 'code' ~ '^R(T\.|3\.7)'
ORDER BY name, line, code, message;
-- class H: one row per disagreement
SELECT p.name, c.* FROM gir_test_parsed AS p, gir_check(p.r, '{H}') AS c
ORDER BY p.name, c.rule, c.col;
-- R3.7 is class C
SELECT p.name, c.* FROM gir_test_parsed AS p, gir_check(p.r, '{C}') AS c
ORDER BY p.name, c.rule;
-- the jsonb form reads the same warnings; rules can be named
SELECT c.* FROM gir_test_parsed AS p, gir_check(to_jsonb(p.r), '{RT.1}') AS c
WHERE p.name = 'disagrees';
-- a table corrected to what the text says: the finding is gone
SELECT count(*) FROM gir_test_parsed AS p,
	gir_check(jsonb_set(to_jsonb(p.r), '{requests,new_received,total}', '9'), '{RT.1}')
WHERE p.name = 'disagrees';
-- narrative findings never make a report inconsistent (class D)
SELECT name, gir_is_consistent(r) FROM gir_test_parsed ORDER BY name;

-- ===================== the gir_report form =====================
-- a composite built from the same jsonb is checked the same way
SELECT * FROM gir_check(jsonb_populate_record(NULL::gir_report,
		(SELECT jsonb_set(doc, '{review_litigation,review,total}', '2')
		 FROM gir_test_docs WHERE name = 'seed004')));
SELECT * FROM gir_check(ROW(1, 'partial', NULL, 2022, '2019', NULL,
							'{"new_received": {"natural_person": 1, "business": 0, "research": 0,
							  "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 2}}',
							NULL, '[]')::gir_report, '{D,C}');

-- ===================== cross-year rules (class X) =====================
-- previous year (2023): 规章 现行有效 10; 3 applications of natural persons
-- not yet answered (本机关不掌握 9 -> 6, （七）总计 16 -> 13, 结转下年度 3);
-- this year (2024): 规章 制发 2, 废止 1, 现行有效 12; 上年结转 still 0
CREATE TABLE gir_test_pair AS
SELECT jsonb_set(jsonb_set(jsonb_set(jsonb_set(jsonb_set(jsonb_set(d.doc,
		'{year}', '2023'),
		'{requests,unable.not_held}',
		'{"natural_person": 6, "business": 0, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 6}'),
		'{active_disclosure,rules,in_force}', '10'),
		'{requests,carried_forward,natural_person}', '3'),
		'{requests,carried_forward,total}', '3'),
		'{requests,total_processed}',
		'{"natural_person": 13, "business": 1, "research": 0, "nonprofit": 0, "legal_service": 0, "other_org": 0, "total": 14}') AS prev,
	   jsonb_set(jsonb_set(jsonb_set(d.doc,
		'{active_disclosure,rules,issued}', '2'),
		'{active_disclosure,rules,repealed}', '1'),
		'{active_disclosure,rules,in_force}', '12') AS curr
FROM gir_test_docs AS d WHERE d.name = 'seed004';
SELECT * FROM gir_check_continuity((SELECT prev FROM gir_test_pair),
								   (SELECT curr FROM gir_test_pair));
-- each year is consistent on its own
SELECT gir_is_consistent(prev), gir_is_consistent(curr) FROM gir_test_pair;
-- the composite form
SELECT rule, "row", col, expected, actual
FROM gir_test_pair AS p,
	 gir_check_continuity(jsonb_populate_record(NULL::gir_report, p.prev),
						  jsonb_populate_record(NULL::gir_report, p.curr));
-- years that do not follow each other are not compared
SELECT count(*) FROM gir_test_pair AS p,
	 gir_check_continuity(jsonb_set(p.prev, '{year}', '2021'), p.curr);
-- a report is continuous with itself only if nothing is carried
SELECT rule, "row", col, expected, actual
FROM gir_test_docs AS d,
	 gir_check_continuity(jsonb_set(d.doc, '{year}', '2019'), d.doc)
WHERE d.name = 'seed002';

-- ===================== documents of the wrong shape =====================
SELECT * FROM gir_check('[1, 2]'::jsonb);
SELECT * FROM gir_check('"text"'::jsonb);
SELECT * FROM gir_check('{"template": "2021", "requests": {"new_received": {"natural_person": "16"}}}'::jsonb);
SELECT * FROM gir_check('{"template": "2021", "requests": {"new_received": {"natural_person": true}}}'::jsonb);
SELECT * FROM gir_check('{"template": "2021", "requests": {"new_recieved": {"natural_person": 16}}}'::jsonb);
SELECT * FROM gir_check('{"template": "2021", "requests": {"new_received": {"natual_person": 16}}}'::jsonb);
SELECT * FROM gir_check('{"template": "2021", "requests": {"new_received": [16, 1]}}'::jsonb);
SELECT * FROM gir_check('{"template": "2021", "requests": {"other": {"total": 0}}}'::jsonb);
SELECT * FROM gir_check('{"template": "2021", "active_disclosure": {"rules": {"made": 0}}}'::jsonb);
SELECT * FROM gir_check('{"template": "2021", "requests": []}'::jsonb);
SELECT * FROM gir_check('{"template": 2021}'::jsonb);
SELECT * FROM gir_check('{"template": "2020"}'::jsonb);
SELECT * FROM gir_check('{"format": 2}'::jsonb);
SELECT * FROM gir_check('{"year": "2024"}'::jsonb);
SELECT * FROM gir_check('{"template": null, "active_disclosure": {"rules": {"made": 0, "issued": 0}}}'::jsonb);
SELECT * FROM gir_check('{"facts": {"fee_notice": "maybe"}}'::jsonb);
SELECT * FROM gir_check('{"facts": {"sections": {"overview": 1}}}'::jsonb);
SELECT * FROM gir_check('{"facts": {"sections": [{"section": "summary"}]}}'::jsonb);
SELECT * FROM gir_check('{"facts": {"subtotal_rows": {"granted": {"total": 1}}}}'::jsonb);
SELECT * FROM gir_check('{"facts": {"subtotal_column": {"review": 1}}}'::jsonb);
SELECT * FROM gir_check(ROW(1, 'ok', NULL, 2024, '2021', NULL, '[1]', NULL, '[]')::gir_report);
-- gir_check_continuity says which of its two documents is wrong
SELECT * FROM gir_check_continuity('{}'::jsonb, '{"requests": {"carried_over": 0}}'::jsonb);
-- with template null the template is read from the keys
SELECT * FROM gir_check('{"template": null, "active_disclosure": {"rules": {"made": 0, "published": 2, "total_published": 1}}}'::jsonb, '{H}');
-- gir_is_consistent answers false instead of raising
SELECT gir_is_consistent('[1, 2]'::jsonb),
	   gir_is_consistent('{"requests": {"new_received": {"natural_person": "16"}}}'::jsonb);
-- classes
SELECT * FROM gir_check('{}'::jsonb, '{D,Q}');
SELECT * FROM gir_check('{}'::jsonb, '{X}');
SELECT * FROM gir_check('{}'::jsonb, '{R3.6}');
SELECT * FROM gir_check('{}'::jsonb, ARRAY['D', NULL]);
SELECT * FROM gir_check('{}'::jsonb, '{{D},{C}}');
SELECT count(*) FROM gir_check('{}'::jsonb, '{}');
-- NULL in, nothing out (STRICT)
SELECT count(*) FROM gir_check(NULL::jsonb);
SELECT gir_is_consistent(NULL::jsonb);

-- ===================== CHECK constraints =====================
-- on a jsonb column
CREATE TABLE gir_test_reports (
	name		text PRIMARY KEY,
	doc			jsonb NOT NULL CONSTRAINT gir_test_reports_consistent
					CHECK (gir_is_consistent(doc))
);
INSERT INTO gir_test_reports SELECT name, doc FROM gir_test_docs;
INSERT INTO gir_test_reports
SELECT 'seed004 with a typo', jsonb_set(doc, '{requests,granted,total}', '11')
FROM gir_test_docs WHERE name = 'seed004';
SELECT name FROM gir_test_reports ORDER BY name;

-- as a stored generated column
CREATE TABLE gir_test_flags (
	name		text PRIMARY KEY,
	doc			jsonb NOT NULL,
	consistent	boolean GENERATED ALWAYS AS (gir_is_consistent(doc)) STORED
);
INSERT INTO gir_test_flags (name, doc)
SELECT name, doc FROM gir_test_docs
UNION ALL
SELECT 'seed004 with a typo', jsonb_set(doc, '{requests,granted,total}', '11')
FROM gir_test_docs WHERE name = 'seed004';
SELECT name, consistent FROM gir_test_flags ORDER BY name;

-- on numbers users keep in their own table: one row of table 三 per row
CREATE TABLE gir_test_requests (
	agency			text NOT NULL,
	year			integer NOT NULL,
	row_key			text NOT NULL,
	natural_person	integer,
	business		integer,
	research		integer,
	nonprofit		integer,
	legal_service	integer,
	other_org		integer,
	total			integer,
	CONSTRAINT gir_test_requests_total
		CHECK (gir_applicants_total_ok(natural_person, business, research,
									   nonprofit, legal_service, other_org,
									   total))
);
INSERT INTO gir_test_requests VALUES
	('建国门街道办事处', 2024, 'new_received', 16, 1, 0, 0, 0, 0, 17),
	('建国门街道办事处', 2024, 'unable.not_held', 9, NULL, NULL, NULL, NULL, NULL, 9);
INSERT INTO gir_test_requests VALUES
	('建国门街道办事处', 2024, 'granted', 0, 1, 0, 0, 0, 0, 2);
-- a blank total is 0, so it cannot hide a non-zero row
INSERT INTO gir_test_requests VALUES
	('建国门街道办事处', 2024, 'other.other', 5, 0, 0, 0, 0, 0, NULL);
SELECT row_key, total FROM gir_test_requests ORDER BY row_key;

-- the composite forms
CREATE TABLE gir_test_review (
	agency		text NOT NULL,
	year		integer NOT NULL,
	review		gir_case_outcomes CHECK (gir_outcomes_total_ok(review)),
	applicants	gir_applicants CHECK (gir_applicants_total_ok(applicants))
);
INSERT INTO gir_test_review VALUES
	('建国门街道办事处', 2024, ROW(0, 0, 0, 1, 1), ROW(16, 1, 0, 0, 0, 0, 17));
INSERT INTO gir_test_review VALUES
	('建国门街道办事处', 2024, ROW(0, 0, 0, 2, 1), ROW(16, 1, 0, 0, 0, 0, 17));
SELECT gir_outcomes_total_ok(0, 0, 0, 1, 1), gir_outcomes_total_ok(1, 1, 1, 1, 3),
	   gir_applicants_total_ok(ROW(2147483647, 2147483647, 0, 0, 0, 0, NULL)::gir_applicants);

DROP TABLE gir_test_docs, gir_test_facts, gir_test_parsed, gir_test_pair, gir_test_reports,
	gir_test_flags, gir_test_requests, gir_test_review;
