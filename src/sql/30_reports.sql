/*-------------------------------------------------------------------------
 * 30_reports.sql
 *	  Storage of loaded reports, the label reference table, and the BI views.
 *
 * Part of the install script gireport--VERSION.sql, which is the
 * concatenation of the src/sql files in name order: gir_report, gir_parse
 * (00_, 10_) and gir_check, gir_is_consistent, gir_check_continuity (20_)
 * are defined before this file.
 *
 * SQL-language bodies use the SQL-standard form (RETURN), so names are
 * resolved once, at CREATE EXTENSION time; the two PL/pgSQL wrappers pin
 * search_path to pg_catalog and name the extension's objects with
 * @extschema@.  Everywhere operators are written OPERATOR(pg_catalog.x)
 * and functions pg_catalog.f, so that objects a user created in the
 * extension's schema cannot capture them at CREATE EXTENSION time either
 * (test/capture.sh).  OPERATOR(...) always has the precedence of "any other
 * operator": every mixed expression is parenthesised.
 *
 * src/sql/30_reports.sql
 *-------------------------------------------------------------------------
 */

-- ===================== label reference =====================

CREATE TABLE @extschema@.gir_labels (
	section		text NOT NULL
		CHECK (section OPERATOR(pg_catalog.=) ANY
			   (ARRAY['active_disclosure', 'requests', 'review_litigation'])),
	kind		text NOT NULL
		CHECK (kind OPERATOR(pg_catalog.=) ANY (ARRAY['row', 'column'])),
	key			text NOT NULL,
	label_zh	text NOT NULL,
	label_zh_2019 text,
	label_en	text NOT NULL,
	in_2019		boolean NOT NULL,
	in_2021		boolean NOT NULL,
	level		integer,
	group_key	text,
	group_label_zh text,
	group_label_en text,
	is_outcome	boolean NOT NULL DEFAULT false,
	unit		text,
	sort_order	integer NOT NULL,
	PRIMARY KEY (section, kind, key)
);
COMMENT ON TABLE @extschema@.gir_labels IS
	'Reference: every row key and column key of the output contract, with its Chinese and English label (filled by the extension)';
COMMENT ON COLUMN @extschema@.gir_labels.section IS
	'Section of the parse result: active_disclosure (表二), requests (表三), review_litigation (表四)';
COMMENT ON COLUMN @extschema@.gir_labels.kind IS
	'row or column';
COMMENT ON COLUMN @extschema@.gir_labels.key IS
	'Contract key, e.g. denied.state_secret or natural_person';
COMMENT ON COLUMN @extschema@.gir_labels.label_zh IS
	'Chinese label as the 2021 template prints it (or the only template that has the key)';
COMMENT ON COLUMN @extschema@.gir_labels.label_zh_2019 IS
	'Chinese label under the 2019 template when it differs from label_zh, else NULL';
COMMENT ON COLUMN @extschema@.gir_labels.label_en IS
	'English label';
COMMENT ON COLUMN @extschema@.gir_labels.in_2019 IS
	'The key exists in the 2019 template (国办公开办函〔2019〕60号)';
COMMENT ON COLUMN @extschema@.gir_labels.in_2021 IS
	'The key exists in the 2021 template (国办公开办函〔2021〕30号)';
COMMENT ON COLUMN @extschema@.gir_labels.level IS
	'Rows: indentation level in the template (0 = 一…四, 1 = （一）…（七）, 2 = 1.…8.); NULL for columns';
COMMENT ON COLUMN @extschema@.gir_labels.group_key IS
	'Rows: the group a sub-item belongs to (denied, unable, not_processed, other, suit, other_services), else NULL';
COMMENT ON COLUMN @extschema@.gir_labels.group_label_zh IS
	'Chinese label of the group, e.g. （三）不予公开';
COMMENT ON COLUMN @extschema@.gir_labels.group_label_en IS
	'English label of the group';
COMMENT ON COLUMN @extschema@.gir_labels.is_outcome IS
	'Table 三 rows: a leaf of 三、本年度办理结果, i.e. one of the parts summed into （七）总计 (rule R3.3)';
COMMENT ON COLUMN @extschema@.gir_labels.unit IS
	'Columns: unit of the values (件 count, 万元 money); NULL for rows';
COMMENT ON COLUMN @extschema@.gir_labels.sort_order IS
	'Display order within section and kind; keys of both templates share one order that is template order within each template';

INSERT INTO @extschema@.gir_labels
	(section, kind, key, label_zh, label_zh_2019, label_en, in_2019, in_2021,
	 level, group_key, group_label_zh, group_label_en, is_outcome, unit, sort_order)
VALUES
	-- table 二: rows
	('active_disclosure', 'row', 'rules', '规章', NULL, 'Rules', true, true,
	 0, NULL, NULL, NULL, false, NULL, 10),
	('active_disclosure', 'row', 'normative_docs', '行政规范性文件', '规范性文件',
	 'Normative documents', true, true, 0, NULL, NULL, NULL, false, NULL, 20),
	('active_disclosure', 'row', 'licensing', '行政许可', NULL, 'Licensing', true, true,
	 0, NULL, NULL, NULL, false, NULL, 30),
	('active_disclosure', 'row', 'other_services', '其他对外管理服务事项', NULL,
	 'Other external management services', true, false,
	 0, NULL, NULL, NULL, false, NULL, 40),
	('active_disclosure', 'row', 'other_services.inspection', '行政检查', NULL,
	 'Inspection', true, false, 1, 'other_services', '其他对外管理服务事项',
	 'Other external management services', false, NULL, 41),
	('active_disclosure', 'row', 'other_services.confirmation', '行政确认', NULL,
	 'Confirmation', true, false, 1, 'other_services', '其他对外管理服务事项',
	 'Other external management services', false, NULL, 42),
	('active_disclosure', 'row', 'other_services.reward', '行政奖励', NULL,
	 'Reward', true, false, 1, 'other_services', '其他对外管理服务事项',
	 'Other external management services', false, NULL, 43),
	('active_disclosure', 'row', 'other_services.adjudication', '行政裁决', NULL,
	 'Adjudication', true, false, 1, 'other_services', '其他对外管理服务事项',
	 'Other external management services', false, NULL, 44),
	('active_disclosure', 'row', 'other_services.benefit', '行政给付', NULL,
	 'Benefit', true, false, 1, 'other_services', '其他对外管理服务事项',
	 'Other external management services', false, NULL, 45),
	('active_disclosure', 'row', 'penalty', '行政处罚', NULL, 'Penalty', true, true,
	 0, NULL, NULL, NULL, false, NULL, 50),
	('active_disclosure', 'row', 'coercion', '行政强制', NULL, 'Coercion', true, true,
	 0, NULL, NULL, NULL, false, NULL, 60),
	('active_disclosure', 'row', 'fees', '行政事业性收费', NULL, 'Administrative fees',
	 true, true, 0, NULL, NULL, NULL, false, NULL, 70),
	('active_disclosure', 'row', 'procurement', '政府集中采购', NULL,
	 'Central government procurement', true, false,
	 0, NULL, NULL, NULL, false, NULL, 80),
	-- table 二: columns (T2021: issued repealed in_force | decisions | amount;
	-- T2019: made published total_published | prev_items change decisions |
	-- projects amount)
	('active_disclosure', 'column', 'issued', '本年制发件数', NULL, 'Issued this year',
	 false, true, NULL, NULL, NULL, NULL, false, '件', 10),
	('active_disclosure', 'column', 'repealed', '本年废止件数', NULL, 'Repealed this year',
	 false, true, NULL, NULL, NULL, NULL, false, '件', 20),
	('active_disclosure', 'column', 'in_force', '现行有效件数', NULL, 'In force',
	 false, true, NULL, NULL, NULL, NULL, false, '件', 30),
	('active_disclosure', 'column', 'made', '本年新制作数量', NULL, 'Made this year',
	 true, false, NULL, NULL, NULL, NULL, false, '件', 40),
	('active_disclosure', 'column', 'published', '本年新公开数量', NULL, 'Published this year',
	 true, false, NULL, NULL, NULL, NULL, false, '件', 50),
	('active_disclosure', 'column', 'total_published', '对外公开总数量', NULL,
	 'Total published', true, false, NULL, NULL, NULL, NULL, false, '件', 60),
	('active_disclosure', 'column', 'prev_items', '上一年项目数量', NULL, 'Items last year',
	 true, false, NULL, NULL, NULL, NULL, false, '件', 70),
	('active_disclosure', 'column', 'change', '本年增/减', NULL, 'Change this year (signed)',
	 true, false, NULL, NULL, NULL, NULL, false, '件', 80),
	('active_disclosure', 'column', 'decisions', '本年处理决定数量', '处理决定数量',
	 'Decisions this year', true, true, NULL, NULL, NULL, NULL, false, '件', 90),
	('active_disclosure', 'column', 'projects', '采购项目数量', NULL, 'Procurement projects',
	 true, false, NULL, NULL, NULL, NULL, false, '件', 100),
	('active_disclosure', 'column', 'amount', '本年收费金额（单位：万元）', '采购总金额',
	 'Amount (10k yuan)', true, true, NULL, NULL, NULL, NULL, false, '万元', 110),

	-- table 三: rows
	('requests', 'row', 'new_received', '一、本年新收政府信息公开申请数量', NULL,
	 'New applications received', true, true, 0, NULL, NULL, NULL, false, NULL, 10),
	('requests', 'row', 'carried_over', '二、上年结转政府信息公开申请数量', NULL,
	 'Carried over from last year', true, true, 0, NULL, NULL, NULL, false, NULL, 20),
	('requests', 'row', 'granted', '（一）予以公开', NULL, 'Granted', true, true,
	 1, NULL, NULL, NULL, true, NULL, 30),
	('requests', 'row', 'partially_granted',
	 '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', NULL,
	 'Partially granted', true, true, 1, NULL, NULL, NULL, true, NULL, 40),
	('requests', 'row', 'denied.state_secret', '（三）不予公开 1.属于国家秘密', NULL,
	 'Denied: state secret', true, true, 2, 'denied', '（三）不予公开', 'Denied',
	 true, NULL, 51),
	('requests', 'row', 'denied.prohibited_by_law',
	 '（三）不予公开 2.其他法律行政法规禁止公开', NULL,
	 'Denied: prohibited by other laws', true, true, 2, 'denied', '（三）不予公开',
	 'Denied', true, NULL, 52),
	('requests', 'row', 'denied.security_stability',
	 '（三）不予公开 3.危及“三安全一稳定”', NULL,
	 'Denied: endangers security or stability', true, true, 2, 'denied',
	 '（三）不予公开', 'Denied', true, NULL, 53),
	('requests', 'row', 'denied.third_party_rights',
	 '（三）不予公开 4.保护第三方合法权益', NULL,
	 'Denied: third-party rights', true, true, 2, 'denied', '（三）不予公开',
	 'Denied', true, NULL, 54),
	('requests', 'row', 'denied.internal_affairs',
	 '（三）不予公开 5.属于三类内部事务信息', NULL,
	 'Denied: internal affairs', true, true, 2, 'denied', '（三）不予公开',
	 'Denied', true, NULL, 55),
	('requests', 'row', 'denied.process_information',
	 '（三）不予公开 6.属于四类过程性信息', NULL,
	 'Denied: process information', true, true, 2, 'denied', '（三）不予公开',
	 'Denied', true, NULL, 56),
	('requests', 'row', 'denied.enforcement_files',
	 '（三）不予公开 7.属于行政执法案卷', NULL,
	 'Denied: law-enforcement files', true, true, 2, 'denied', '（三）不予公开',
	 'Denied', true, NULL, 57),
	('requests', 'row', 'denied.administrative_query',
	 '（三）不予公开 8.属于行政查询事项', NULL,
	 'Denied: administrative query', true, true, 2, 'denied', '（三）不予公开',
	 'Denied', true, NULL, 58),
	('requests', 'row', 'unable.not_held',
	 '（四）无法提供 1.本机关不掌握相关政府信息', NULL,
	 'Unable: information not held', true, true, 2, 'unable', '（四）无法提供',
	 'Unable to provide', true, NULL, 61),
	('requests', 'row', 'unable.needs_creation',
	 '（四）无法提供 2.没有现成信息需要另行制作', NULL,
	 'Unable: would need to be created', true, true, 2, 'unable', '（四）无法提供',
	 'Unable to provide', true, NULL, 62),
	('requests', 'row', 'unable.still_unclear',
	 '（四）无法提供 3.补正后申请内容仍不明确', NULL,
	 'Unable: still unclear after correction', true, true, 2, 'unable',
	 '（四）无法提供', 'Unable to provide', true, NULL, 63),
	('requests', 'row', 'not_processed.complaint',
	 '（五）不予处理 1.信访举报投诉类申请', NULL,
	 'Not processed: petition or complaint', true, true, 2, 'not_processed',
	 '（五）不予处理', 'Not processed', true, NULL, 71),
	('requests', 'row', 'not_processed.duplicate', '（五）不予处理 2.重复申请', NULL,
	 'Not processed: duplicate', true, true, 2, 'not_processed', '（五）不予处理',
	 'Not processed', true, NULL, 72),
	('requests', 'row', 'not_processed.publication',
	 '（五）不予处理 3.要求提供公开出版物', NULL,
	 'Not processed: asks for publications', true, true, 2, 'not_processed',
	 '（五）不予处理', 'Not processed', true, NULL, 73),
	('requests', 'row', 'not_processed.excessive',
	 '（五）不予处理 4.无正当理由大量反复申请', NULL,
	 'Not processed: excessive repeated requests', true, true, 2, 'not_processed',
	 '（五）不予处理', 'Not processed', true, NULL, 74),
	('requests', 'row', 'not_processed.confirm_or_reissue',
	 '（五）不予处理 5.要求行政机关确认或重新出具已获取信息', NULL,
	 'Not processed: confirm or reissue', true, true, 2, 'not_processed',
	 '（五）不予处理', 'Not processed', true, NULL, 75),
	('requests', 'row', 'other', '（六）其他处理', NULL, 'Other handling', true, false,
	 1, 'other', '（六）其他处理', 'Other handling', true, NULL, 80),
	('requests', 'row', 'other.no_correction',
	 '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', NULL,
	 'Other: applicant did not correct in time', false, true, 2, 'other',
	 '（六）其他处理', 'Other handling', true, NULL, 81),
	('requests', 'row', 'other.unpaid_fee',
	 '（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', NULL,
	 'Other: fee not paid', false, true, 2, 'other', '（六）其他处理',
	 'Other handling', true, NULL, 82),
	('requests', 'row', 'other.other', '（六）其他处理 3.其他', NULL, 'Other: other',
	 false, true, 2, 'other', '（六）其他处理', 'Other handling', true, NULL, 83),
	('requests', 'row', 'total_processed', '（七）总计', NULL, 'Total processed',
	 true, true, 1, NULL, NULL, NULL, false, NULL, 90),
	('requests', 'row', 'carried_forward', '四、结转下年度继续办理', NULL,
	 'Carried forward to next year', true, true, 0, NULL, NULL, NULL, false, NULL, 100),
	-- table 三: columns
	('requests', 'column', 'natural_person', '自然人', NULL, 'Natural persons',
	 true, true, NULL, NULL, NULL, NULL, false, '件', 10),
	('requests', 'column', 'business', '法人或其他组织 商业企业', NULL, 'Businesses',
	 true, true, NULL, NULL, NULL, NULL, false, '件', 20),
	('requests', 'column', 'research', '法人或其他组织 科研机构', NULL,
	 'Research institutions', true, true, NULL, NULL, NULL, NULL, false, '件', 30),
	('requests', 'column', 'nonprofit', '法人或其他组织 社会公益组织', NULL,
	 'Non-profit organisations', true, true, NULL, NULL, NULL, NULL, false, '件', 40),
	('requests', 'column', 'legal_service', '法人或其他组织 法律服务机构', NULL,
	 'Legal service providers', true, true, NULL, NULL, NULL, NULL, false, '件', 50),
	('requests', 'column', 'other_org', '法人或其他组织 其他', NULL,
	 'Other organisations', true, true, NULL, NULL, NULL, NULL, false, '件', 60),
	('requests', 'column', 'total', '总计', NULL, 'Total', true, true,
	 NULL, NULL, NULL, NULL, false, '件', 70),

	-- table 四: rows
	('review_litigation', 'row', 'review', '行政复议', NULL, 'Administrative review',
	 true, true, 0, NULL, NULL, NULL, false, NULL, 10),
	('review_litigation', 'row', 'suit_direct', '行政诉讼 未经复议直接起诉', NULL,
	 'Lawsuit without prior review', true, true, 1, 'suit', '行政诉讼', 'Lawsuits',
	 false, NULL, 20),
	('review_litigation', 'row', 'suit_after_review', '行政诉讼 复议后起诉', NULL,
	 'Lawsuit after review', true, true, 1, 'suit', '行政诉讼', 'Lawsuits',
	 false, NULL, 30),
	-- table 四: columns
	('review_litigation', 'column', 'upheld', '结果维持', NULL, 'Upheld', true, true,
	 NULL, NULL, NULL, NULL, false, '件', 10),
	('review_litigation', 'column', 'corrected', '结果纠正', NULL, 'Corrected', true, true,
	 NULL, NULL, NULL, NULL, false, '件', 20),
	('review_litigation', 'column', 'other', '其他结果', NULL, 'Other result', true, true,
	 NULL, NULL, NULL, NULL, false, '件', 30),
	('review_litigation', 'column', 'pending', '尚未审结', NULL, 'Pending', true, true,
	 NULL, NULL, NULL, NULL, false, '件', 40),
	('review_litigation', 'column', 'total', '总计', NULL, 'Total', true, true,
	 NULL, NULL, NULL, NULL, false, '件', 50);

-- Reference data, readable by everyone (the views join it).
GRANT SELECT ON @extschema@.gir_labels TO PUBLIC;

-- ===================== loaded reports =====================

CREATE TABLE @extschema@.gir_reports (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	source		text,
	body		text NOT NULL,
	loaded_at	timestamptz NOT NULL DEFAULT pg_catalog.now(),
	report		@extschema@.gir_report
		GENERATED ALWAYS AS (@extschema@.gir_parse(body)) STORED
);
-- Bodies are read back whole at every re-parse: lz4 decompresses them in
-- about a third less time than the default pglz (docs/performance.md), for
-- about a tenth more space.  Builds without lz4 keep pglz.
DO $$
BEGIN
	IF EXISTS (SELECT FROM pg_catalog.pg_settings
			   WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
		ALTER TABLE @extschema@.gir_reports ALTER COLUMN body SET COMPRESSION lz4;
	END IF;
END
$$;

COMMENT ON TABLE @extschema@.gir_reports IS
	'Loaded annual reports (政府信息公开工作年度报告); report is recomputed from body on every write: after an extension upgrade re-parse with UPDATE gir_reports SET body = body';
COMMENT ON COLUMN @extschema@.gir_reports.id IS
	'Report id (identity)';
COMMENT ON COLUMN @extschema@.gir_reports.source IS
	'Where the text came from: file name or URL';
COMMENT ON COLUMN @extschema@.gir_reports.body IS
	'The report text as loaded (plain text, Markdown or HTML)';
COMMENT ON COLUMN @extschema@.gir_reports.loaded_at IS
	'When the row was loaded';
COMMENT ON COLUMN @extschema@.gir_reports.report IS
	'gir_parse(body), stored: the parse result in the format-1 contract';

COMMENT ON SEQUENCE @extschema@.gir_reports_id_seq IS
	'Identity of gir_reports.id';

-- User data: pg_dump must keep the rows and the identity's position.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.gir_reports', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.gir_reports_id_seq', '');

-- ===================== view helpers =====================

CREATE FUNCTION @extschema@.gir_number(cell jsonb)
RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN pg_catalog.jsonb_typeof(cell) OPERATOR(pg_catalog.=) 'number'
			THEN (cell OPERATOR(pg_catalog.#>>) '{}'::pg_catalog.text[])::pg_catalog.numeric
	   END;
COMMENT ON FUNCTION @extschema@.gir_number(jsonb) IS
	'The number in one cell of a parse result; NULL for a blank cell (JSON null), an absent cell or anything not a number';

CREATE FUNCTION @extschema@.gir_count(cell jsonb)
RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (SELECT CASE WHEN v OPERATOR(pg_catalog.=) pg_catalog.trunc(v)
						 AND pg_catalog.abs(v) OPERATOR(pg_catalog.<=) 2147483647::pg_catalog.numeric
					THEN v::pg_catalog.int4
			   END
		FROM (SELECT @extschema@.gir_number(cell) AS v) AS n);
COMMENT ON FUNCTION @extschema@.gir_count(jsonb) IS
	'A count cell as integer; NULL when blank, absent, or not a whole number (never rounded)';

CREATE FUNCTION @extschema@.gir_count(section jsonb, row_key text, col_key text)
RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN @extschema@.gir_count((section OPERATOR(pg_catalog.->) row_key)
							 OPERATOR(pg_catalog.->) col_key);
COMMENT ON FUNCTION @extschema@.gir_count(jsonb, text, text) IS
	'Count in section -> row_key -> col_key, e.g. gir_count((report).requests, ''granted'', ''total''); NULL when absent or blank';

CREATE FUNCTION @extschema@.gir_group_count(section jsonb, row_keys text[], col_key text)
RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN section OPERATOR(pg_catalog.?&) row_keys
			THEN (SELECT pg_catalog.sum(@extschema@.gir_count(section, k, col_key))
				  FROM pg_catalog.unnest(row_keys) AS u(k))::pg_catalog.int4
	   END;
COMMENT ON FUNCTION @extschema@.gir_group_count(jsonb, text[], text) IS
	'Sum of col_key over the rows row_keys: NULL unless every row is present; blank cells inside present rows are left out of the sum (count as 0), NULL if all are blank';

CREATE FUNCTION @extschema@.gir_ratio(part numeric, whole numeric)
RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN whole OPERATOR(pg_catalog.<>) 0::pg_catalog.numeric
			THEN pg_catalog.round(part OPERATOR(pg_catalog./) whole, 4)
	   END;
COMMENT ON FUNCTION @extschema@.gir_ratio(numeric, numeric) IS
	'part / whole as a fraction rounded to 4 decimals; NULL when whole is 0 or either is NULL';

-- ===================== BI views: stable contract, append columns only =====================

-- ---------- gir_report_overview: one row per report ----------
CREATE VIEW @extschema@.gir_report_overview
	WITH (security_invoker = true)
AS
SELECT r.id AS report_id,
	   r.source,
	   r.loaded_at,
	   (r.report).agency AS agency,
	   (r.report).year AS year,
	   (r.report).template AS template,
	   (r.report).status AS status,
	   pg_catalog.jsonb_array_length((r.report).warnings) AS warning_count,
	   CASE WHEN (r.report).status OPERATOR(pg_catalog.<>) 'empty'
			THEN @extschema@.gir_is_consistent(r.report)
	   END AS consistent,
	   CASE WHEN (r.report).status OPERATOR(pg_catalog.<>) 'empty'
			THEN (SELECT pg_catalog.count(*)
				  FROM @extschema@.gir_check(r.report, ARRAY['D']) AS c)::pg_catalog.int4
	   END AS broken_rule_count
FROM @extschema@.gir_reports AS r;
COMMENT ON VIEW @extschema@.gir_report_overview IS
	'年度报告概览: one row per loaded report: what was found and whether its numbers add up';
COMMENT ON COLUMN @extschema@.gir_report_overview.report_id IS
	'Report id (gir_reports.id) 报告编号';
COMMENT ON COLUMN @extschema@.gir_report_overview.source IS
	'File name or URL the text came from 来源';
COMMENT ON COLUMN @extschema@.gir_report_overview.loaded_at IS
	'When the report was loaded 载入时间';
COMMENT ON COLUMN @extschema@.gir_report_overview.agency IS
	'Issuing agency as named in the report; NULL if not named 发布机关';
COMMENT ON COLUMN @extschema@.gir_report_overview.year IS
	'Year the report covers (not the publication year) 报告年度';
COMMENT ON COLUMN @extschema@.gir_report_overview.template IS
	'National template of the tables: 2019 (国办公开办函〔2019〕60号) or 2021 (〔2021〕30号); NULL if undetected 报告格式';
COMMENT ON COLUMN @extschema@.gir_report_overview.status IS
	'ok = all three tables found, partial = some, empty = none (not a 2019+ annual report) 解析状态';
COMMENT ON COLUMN @extschema@.gir_report_overview.warning_count IS
	'Number of parser warnings (guesses, repairs, blanks) 解析警告数';
COMMENT ON COLUMN @extschema@.gir_report_overview.consistent IS
	'No definitional (class D) rule is broken (gir_is_consistent); NULL for empty reports, which cannot be assessed 勾稽关系一致';
COMMENT ON COLUMN @extschema@.gir_report_overview.broken_rule_count IS
	'Number of broken class-D rule instances (gir_check); NULL for empty reports 勾稽错误数';

-- ---------- gir_request_summary: one row per report, table 三 ----------
CREATE VIEW @extschema@.gir_request_summary
	WITH (security_invoker = true)
AS
SELECT f.report_id,
	   f.agency,
	   f.year,
	   f.template,
	   f.new_received,
	   f.carried_over,
	   f.granted,
	   f.partially_granted,
	   f.denied,
	   f.unable,
	   f.not_processed,
	   f.other_handling,
	   f.total_processed,
	   f.carried_forward,
	   f.new_natural_person,
	   f.new_business,
	   f.new_research,
	   f.new_nonprofit,
	   f.new_legal_service,
	   f.new_other_org,
	   @extschema@.gir_ratio((f.granted OPERATOR(pg_catalog.+) f.partially_granted)::pg_catalog.numeric,
							 f.total_processed::pg_catalog.numeric) AS disclosure_rate,
	   @extschema@.gir_ratio(f.denied::pg_catalog.numeric,
							 f.total_processed::pg_catalog.numeric) AS denial_rate,
	   @extschema@.gir_ratio(f.new_natural_person::pg_catalog.numeric,
							 f.new_received::pg_catalog.numeric) AS natural_person_share
FROM (
	SELECT r.id AS report_id,
		   (r.report).agency AS agency,
		   (r.report).year AS year,
		   (r.report).template AS template,
		   @extschema@.gir_count(q.t, 'new_received', 'total') AS new_received,
		   @extschema@.gir_count(q.t, 'carried_over', 'total') AS carried_over,
		   @extschema@.gir_count(q.t, 'granted', 'total') AS granted,
		   @extschema@.gir_count(q.t, 'partially_granted', 'total') AS partially_granted,
		   @extschema@.gir_group_count(q.t,
				ARRAY['denied.state_secret', 'denied.prohibited_by_law',
					  'denied.security_stability', 'denied.third_party_rights',
					  'denied.internal_affairs', 'denied.process_information',
					  'denied.enforcement_files', 'denied.administrative_query'],
				'total') AS denied,
		   @extschema@.gir_group_count(q.t,
				ARRAY['unable.not_held', 'unable.needs_creation',
					  'unable.still_unclear'],
				'total') AS unable,
		   @extschema@.gir_group_count(q.t,
				ARRAY['not_processed.complaint', 'not_processed.duplicate',
					  'not_processed.publication', 'not_processed.excessive',
					  'not_processed.confirm_or_reissue'],
				'total') AS not_processed,
		   -- T2019 prints （六）其他处理 as one row; T2021 as three sub-rows
		   CASE WHEN q.t OPERATOR(pg_catalog.?) 'other'
				THEN @extschema@.gir_count(q.t, 'other', 'total')
				ELSE @extschema@.gir_group_count(q.t,
						ARRAY['other.no_correction', 'other.unpaid_fee', 'other.other'],
						'total')
		   END AS other_handling,
		   @extschema@.gir_count(q.t, 'total_processed', 'total') AS total_processed,
		   @extschema@.gir_count(q.t, 'carried_forward', 'total') AS carried_forward,
		   @extschema@.gir_count(q.t, 'new_received', 'natural_person') AS new_natural_person,
		   @extschema@.gir_count(q.t, 'new_received', 'business') AS new_business,
		   @extschema@.gir_count(q.t, 'new_received', 'research') AS new_research,
		   @extschema@.gir_count(q.t, 'new_received', 'nonprofit') AS new_nonprofit,
		   @extschema@.gir_count(q.t, 'new_received', 'legal_service') AS new_legal_service,
		   @extschema@.gir_count(q.t, 'new_received', 'other_org') AS new_other_org
	FROM @extschema@.gir_reports AS r
	CROSS JOIN LATERAL (SELECT (r.report).requests AS t) AS q
) AS f;
COMMENT ON VIEW @extschema@.gir_request_summary IS
	'表三 收到和处理政府信息公开申请情况, summarised: one row per report; 总计 column; NULL (never 0) when a row or table is missing';
COMMENT ON COLUMN @extschema@.gir_request_summary.report_id IS
	'Report id (gir_reports.id) 报告编号';
COMMENT ON COLUMN @extschema@.gir_request_summary.agency IS
	'Issuing agency 发布机关';
COMMENT ON COLUMN @extschema@.gir_request_summary.year IS
	'Year the report covers 报告年度';
COMMENT ON COLUMN @extschema@.gir_request_summary.template IS
	'Template of the tables (2019 or 2021) 报告格式';
COMMENT ON COLUMN @extschema@.gir_request_summary.new_received IS
	'New applications received this year, total 一、本年新收政府信息公开申请数量（总计）';
COMMENT ON COLUMN @extschema@.gir_request_summary.carried_over IS
	'Applications carried over from last year, total 二、上年结转政府信息公开申请数量（总计）';
COMMENT ON COLUMN @extschema@.gir_request_summary.granted IS
	'Granted 三（一）予以公开';
COMMENT ON COLUMN @extschema@.gir_request_summary.partially_granted IS
	'Partially granted 三（二）部分公开';
COMMENT ON COLUMN @extschema@.gir_request_summary.denied IS
	'Denied: sum of the 8 sub-rows; NULL if any sub-row is missing 三（三）不予公开（合计）';
COMMENT ON COLUMN @extschema@.gir_request_summary.unable IS
	'Unable to provide: sum of the 3 sub-rows; NULL if any is missing 三（四）无法提供（合计）';
COMMENT ON COLUMN @extschema@.gir_request_summary.not_processed IS
	'Not processed: sum of the 5 sub-rows; NULL if any is missing 三（五）不予处理（合计）';
COMMENT ON COLUMN @extschema@.gir_request_summary.other_handling IS
	'Other handling: the row (2019 template) or the sum of its 3 sub-rows (2021); NULL if missing 三（六）其他处理';
COMMENT ON COLUMN @extschema@.gir_request_summary.total_processed IS
	'Total processed, as reported 三（七）总计';
COMMENT ON COLUMN @extschema@.gir_request_summary.carried_forward IS
	'Carried forward to next year 四、结转下年度继续办理';
COMMENT ON COLUMN @extschema@.gir_request_summary.new_natural_person IS
	'New applications from natural persons 本年新收·自然人';
COMMENT ON COLUMN @extschema@.gir_request_summary.new_business IS
	'New applications from businesses 本年新收·商业企业';
COMMENT ON COLUMN @extschema@.gir_request_summary.new_research IS
	'New applications from research institutions 本年新收·科研机构';
COMMENT ON COLUMN @extschema@.gir_request_summary.new_nonprofit IS
	'New applications from non-profit organisations 本年新收·社会公益组织';
COMMENT ON COLUMN @extschema@.gir_request_summary.new_legal_service IS
	'New applications from legal service providers 本年新收·法律服务机构';
COMMENT ON COLUMN @extschema@.gir_request_summary.new_other_org IS
	'New applications from other organisations 本年新收·其他';
COMMENT ON COLUMN @extschema@.gir_request_summary.disclosure_rate IS
	'(granted + partially granted) / total processed, fraction to 4 decimals; NULL when the total is 0 or unknown 实质公开率';
COMMENT ON COLUMN @extschema@.gir_request_summary.denial_rate IS
	'denied / total processed, fraction to 4 decimals; NULL when the total is 0 or unknown 不予公开率';
COMMENT ON COLUMN @extschema@.gir_request_summary.natural_person_share IS
	'Share of new applications from natural persons, fraction to 4 decimals; NULL when none were received or unknown 自然人申请占比';

-- ---------- gir_request_outcomes: report × table-三 row × column ----------
CREATE VIEW @extschema@.gir_request_outcomes
	WITH (security_invoker = true)
AS
SELECT r.id AS report_id,
	   (r.report).agency AS agency,
	   (r.report).year AS year,
	   (r.report).template AS template,
	   rw.key AS row_key,
	   lr.label_zh AS row_label_zh,
	   lr.label_en AS row_label_en,
	   COALESCE(lr.group_key, rw.key) AS row_group,
	   COALESCE(lr.group_label_zh, lr.label_zh) AS row_group_label_zh,
	   COALESCE(lr.group_label_en, lr.label_en) AS row_group_label_en,
	   lr.level AS row_level,
	   lr.is_outcome,
	   lr.sort_order AS row_order,
	   c.key AS col_key,
	   lc.label_zh AS col_label_zh,
	   lc.label_en AS col_label_en,
	   lc.sort_order AS col_order,
	   @extschema@.gir_count(c.value) AS value
FROM @extschema@.gir_reports AS r
CROSS JOIN LATERAL pg_catalog.jsonb_each((r.report).requests) AS rw(key, cells)
CROSS JOIN LATERAL pg_catalog.jsonb_each(rw.cells) AS c(key, value)
LEFT JOIN @extschema@.gir_labels AS lr
	ON lr.section OPERATOR(pg_catalog.=) 'requests'
   AND lr.kind OPERATOR(pg_catalog.=) 'row'
   AND lr.key OPERATOR(pg_catalog.=) rw.key
LEFT JOIN @extschema@.gir_labels AS lc
	ON lc.section OPERATOR(pg_catalog.=) 'requests'
   AND lc.kind OPERATOR(pg_catalog.=) 'column'
   AND lc.key OPERATOR(pg_catalog.=) c.key;
COMMENT ON VIEW @extschema@.gir_request_outcomes IS
	'表三 收到和处理政府信息公开申请情况, long form: one row per report, table row found in the text and applicant column; pivot on row_order × col_order';
COMMENT ON COLUMN @extschema@.gir_request_outcomes.report_id IS
	'Report id (gir_reports.id) 报告编号';
COMMENT ON COLUMN @extschema@.gir_request_outcomes.agency IS
	'Issuing agency 发布机关';
COMMENT ON COLUMN @extschema@.gir_request_outcomes.year IS
	'Year the report covers 报告年度';
COMMENT ON COLUMN @extschema@.gir_request_outcomes.template IS
	'Template of the tables (2019 or 2021) 报告格式';
COMMENT ON COLUMN @extschema@.gir_request_outcomes.row_key IS
	'Contract row key, e.g. denied.state_secret 行键';
COMMENT ON COLUMN @extschema@.gir_request_outcomes.row_label_zh IS
	'Chinese row label as in the template 行标签（中文）';
COMMENT ON COLUMN @extschema@.gir_request_outcomes.row_label_en IS
	'English row label 行标签（英文）';
COMMENT ON COLUMN @extschema@.gir_request_outcomes.row_group IS
	'Group of the row (denied, unable, not_processed, other) or the row key itself 分组';
COMMENT ON COLUMN @extschema@.gir_request_outcomes.row_group_label_zh IS
	'Chinese label of the group, e.g. （三）不予公开 分组标签（中文）';
COMMENT ON COLUMN @extschema@.gir_request_outcomes.row_group_label_en IS
	'English label of the group 分组标签（英文）';
COMMENT ON COLUMN @extschema@.gir_request_outcomes.row_level IS
	'Indentation level in the template: 0 = 一…四, 1 = （一）…（七）, 2 = 1.…8. 层级';
COMMENT ON COLUMN @extschema@.gir_request_outcomes.is_outcome IS
	'The row is one of the outcome leaves summed into （七）总计: sum value over is_outcome rows for an outcome breakdown 是否办理结果明细';
COMMENT ON COLUMN @extschema@.gir_request_outcomes.row_order IS
	'Display order of the row (template order) 行序';
COMMENT ON COLUMN @extschema@.gir_request_outcomes.col_key IS
	'Contract column key: natural_person, business, research, nonprofit, legal_service, other_org, total 列键';
COMMENT ON COLUMN @extschema@.gir_request_outcomes.col_label_zh IS
	'Chinese column label (申请人情况) 列标签（中文）';
COMMENT ON COLUMN @extschema@.gir_request_outcomes.col_label_en IS
	'English column label 列标签（英文）';
COMMENT ON COLUMN @extschema@.gir_request_outcomes.col_order IS
	'Display order of the column (template order) 列序';
COMMENT ON COLUMN @extschema@.gir_request_outcomes.value IS
	'Number of applications; NULL when the cell is blank or unreadable 件数';

-- ---------- gir_litigation_summary: one row per report, table 四 ----------
CREATE VIEW @extschema@.gir_litigation_summary
	WITH (security_invoker = true)
AS
SELECT f.report_id,
	   f.agency,
	   f.year,
	   f.template,
	   f.review_upheld,
	   f.review_corrected,
	   f.review_other,
	   f.review_pending,
	   f.review_total,
	   f.suit_direct_upheld,
	   f.suit_direct_corrected,
	   f.suit_direct_other,
	   f.suit_direct_pending,
	   f.suit_direct_total,
	   f.suit_after_review_upheld,
	   f.suit_after_review_corrected,
	   f.suit_after_review_other,
	   f.suit_after_review_pending,
	   f.suit_after_review_total,
	   (f.suit_direct_total OPERATOR(pg_catalog.+) f.suit_after_review_total) AS lawsuit_total,
	   @extschema@.gir_ratio(f.review_corrected::pg_catalog.numeric,
							 ((f.review_upheld OPERATOR(pg_catalog.+) f.review_corrected)
							  OPERATOR(pg_catalog.+) f.review_other)::pg_catalog.numeric)
		   AS review_correction_rate,
	   @extschema@.gir_ratio((f.suit_direct_corrected OPERATOR(pg_catalog.+)
							  f.suit_after_review_corrected)::pg_catalog.numeric,
							 (((((f.suit_direct_upheld OPERATOR(pg_catalog.+) f.suit_direct_corrected)
								  OPERATOR(pg_catalog.+) f.suit_direct_other)
								 OPERATOR(pg_catalog.+) f.suit_after_review_upheld)
								OPERATOR(pg_catalog.+) f.suit_after_review_corrected)
							  OPERATOR(pg_catalog.+) f.suit_after_review_other)::pg_catalog.numeric)
		   AS lawsuit_correction_rate
FROM (
	SELECT r.id AS report_id,
		   (r.report).agency AS agency,
		   (r.report).year AS year,
		   (r.report).template AS template,
		   @extschema@.gir_count(t.t, 'review', 'upheld') AS review_upheld,
		   @extschema@.gir_count(t.t, 'review', 'corrected') AS review_corrected,
		   @extschema@.gir_count(t.t, 'review', 'other') AS review_other,
		   @extschema@.gir_count(t.t, 'review', 'pending') AS review_pending,
		   @extschema@.gir_count(t.t, 'review', 'total') AS review_total,
		   @extschema@.gir_count(t.t, 'suit_direct', 'upheld') AS suit_direct_upheld,
		   @extschema@.gir_count(t.t, 'suit_direct', 'corrected') AS suit_direct_corrected,
		   @extschema@.gir_count(t.t, 'suit_direct', 'other') AS suit_direct_other,
		   @extschema@.gir_count(t.t, 'suit_direct', 'pending') AS suit_direct_pending,
		   @extschema@.gir_count(t.t, 'suit_direct', 'total') AS suit_direct_total,
		   @extschema@.gir_count(t.t, 'suit_after_review', 'upheld') AS suit_after_review_upheld,
		   @extschema@.gir_count(t.t, 'suit_after_review', 'corrected') AS suit_after_review_corrected,
		   @extschema@.gir_count(t.t, 'suit_after_review', 'other') AS suit_after_review_other,
		   @extschema@.gir_count(t.t, 'suit_after_review', 'pending') AS suit_after_review_pending,
		   @extschema@.gir_count(t.t, 'suit_after_review', 'total') AS suit_after_review_total
	FROM @extschema@.gir_reports AS r
	CROSS JOIN LATERAL (SELECT (r.report).review_litigation AS t) AS t
) AS f;
COMMENT ON VIEW @extschema@.gir_litigation_summary IS
	'表四 政府信息公开行政复议、行政诉讼情况: one row per report; NULL (never 0) when the table or a cell is missing';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.report_id IS
	'Report id (gir_reports.id) 报告编号';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.agency IS
	'Issuing agency 发布机关';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.year IS
	'Year the report covers 报告年度';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.template IS
	'Template of the tables (2019 or 2021) 报告格式';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.review_upheld IS
	'Administrative reviews: decision upheld 行政复议·结果维持';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.review_corrected IS
	'Administrative reviews: decision corrected 行政复议·结果纠正';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.review_other IS
	'Administrative reviews: other result 行政复议·其他结果';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.review_pending IS
	'Administrative reviews: not yet concluded 行政复议·尚未审结';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.review_total IS
	'Administrative reviews: total, as reported 行政复议·总计';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.suit_direct_upheld IS
	'Lawsuits without prior review: upheld 行政诉讼·未经复议直接起诉·结果维持';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.suit_direct_corrected IS
	'Lawsuits without prior review: corrected 行政诉讼·未经复议直接起诉·结果纠正';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.suit_direct_other IS
	'Lawsuits without prior review: other result 行政诉讼·未经复议直接起诉·其他结果';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.suit_direct_pending IS
	'Lawsuits without prior review: pending 行政诉讼·未经复议直接起诉·尚未审结';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.suit_direct_total IS
	'Lawsuits without prior review: total, as reported 行政诉讼·未经复议直接起诉·总计';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.suit_after_review_upheld IS
	'Lawsuits after review: upheld 行政诉讼·复议后起诉·结果维持';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.suit_after_review_corrected IS
	'Lawsuits after review: corrected 行政诉讼·复议后起诉·结果纠正';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.suit_after_review_other IS
	'Lawsuits after review: other result 行政诉讼·复议后起诉·其他结果';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.suit_after_review_pending IS
	'Lawsuits after review: pending 行政诉讼·复议后起诉·尚未审结';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.suit_after_review_total IS
	'Lawsuits after review: total, as reported 行政诉讼·复议后起诉·总计';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.lawsuit_total IS
	'All lawsuits: suit_direct_total + suit_after_review_total; NULL if either is unknown 行政诉讼合计';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.review_correction_rate IS
	'corrected / (upheld + corrected + other) over concluded reviews, fraction to 4 decimals; NULL when none concluded or unknown 行政复议纠错率';
COMMENT ON COLUMN @extschema@.gir_litigation_summary.lawsuit_correction_rate IS
	'corrected / (upheld + corrected + other) over concluded lawsuits of both kinds, fraction to 4 decimals; NULL when none concluded or unknown 行政诉讼纠错率';

-- ---------- gir_active_disclosure: report × table-二 row × column ----------
CREATE VIEW @extschema@.gir_active_disclosure
	WITH (security_invoker = true)
AS
SELECT r.id AS report_id,
	   (r.report).agency AS agency,
	   (r.report).year AS year,
	   (r.report).template AS template,
	   rw.key AS row_key,
	   CASE WHEN (r.report).template OPERATOR(pg_catalog.=) '2019'
			THEN COALESCE(lr.label_zh_2019, lr.label_zh)
			ELSE lr.label_zh
	   END AS row_label_zh,
	   lr.label_en AS row_label_en,
	   lr.group_key AS row_group,
	   lr.sort_order AS row_order,
	   c.key AS col_key,
	   CASE WHEN (r.report).template OPERATOR(pg_catalog.=) '2019'
			THEN COALESCE(lc.label_zh_2019, lc.label_zh)
			ELSE lc.label_zh
	   END AS col_label_zh,
	   lc.label_en AS col_label_en,
	   lc.sort_order AS col_order,
	   lc.unit,
	   @extschema@.gir_number(c.value) AS value
FROM @extschema@.gir_reports AS r
CROSS JOIN LATERAL pg_catalog.jsonb_each((r.report).active_disclosure) AS rw(key, cells)
CROSS JOIN LATERAL pg_catalog.jsonb_each(rw.cells) AS c(key, value)
LEFT JOIN @extschema@.gir_labels AS lr
	ON lr.section OPERATOR(pg_catalog.=) 'active_disclosure'
   AND lr.kind OPERATOR(pg_catalog.=) 'row'
   AND lr.key OPERATOR(pg_catalog.=) rw.key
LEFT JOIN @extschema@.gir_labels AS lc
	ON lc.section OPERATOR(pg_catalog.=) 'active_disclosure'
   AND lc.kind OPERATOR(pg_catalog.=) 'column'
   AND lc.key OPERATOR(pg_catalog.=) c.key;
COMMENT ON VIEW @extschema@.gir_active_disclosure IS
	'表二 主动公开政府信息情况, long form: one row per report, table row found in the text and column; columns differ between the 2019 and 2021 templates';
COMMENT ON COLUMN @extschema@.gir_active_disclosure.report_id IS
	'Report id (gir_reports.id) 报告编号';
COMMENT ON COLUMN @extschema@.gir_active_disclosure.agency IS
	'Issuing agency 发布机关';
COMMENT ON COLUMN @extschema@.gir_active_disclosure.year IS
	'Year the report covers 报告年度';
COMMENT ON COLUMN @extschema@.gir_active_disclosure.template IS
	'Template of the tables (2019 or 2021) 报告格式';
COMMENT ON COLUMN @extschema@.gir_active_disclosure.row_key IS
	'Contract row key, e.g. penalty or other_services.inspection 行键';
COMMENT ON COLUMN @extschema@.gir_active_disclosure.row_label_zh IS
	'Chinese row label under the report''s template, e.g. 规范性文件 (2019) / 行政规范性文件 (2021) 行标签（中文）';
COMMENT ON COLUMN @extschema@.gir_active_disclosure.row_label_en IS
	'English row label 行标签（英文）';
COMMENT ON COLUMN @extschema@.gir_active_disclosure.row_group IS
	'other_services for the sub-rows of 其他对外管理服务事项 (2019 local variant), else NULL 分组';
COMMENT ON COLUMN @extschema@.gir_active_disclosure.row_order IS
	'Display order of the row (template order) 行序';
COMMENT ON COLUMN @extschema@.gir_active_disclosure.col_key IS
	'Contract column key, e.g. issued, decisions, amount 列键';
COMMENT ON COLUMN @extschema@.gir_active_disclosure.col_label_zh IS
	'Chinese column header under the report''s template 列标签（中文）';
COMMENT ON COLUMN @extschema@.gir_active_disclosure.col_label_en IS
	'English column label 列标签（英文）';
COMMENT ON COLUMN @extschema@.gir_active_disclosure.col_order IS
	'Display order of the column (template order) 列序';
COMMENT ON COLUMN @extschema@.gir_active_disclosure.unit IS
	'Unit: 件 (count) or 万元 (money; 2019 procurement amounts are as the report states them) 单位';
COMMENT ON COLUMN @extschema@.gir_active_disclosure.value IS
	'The value (counts are whole numbers, 本年增/减 is signed, money keeps its decimals); NULL when blank or unreadable 数值';

-- ---------- gir_violations: one row per broken rule per report ----------
CREATE VIEW @extschema@.gir_violations
	WITH (security_invoker = true)
AS
SELECT v.report_id,
	   v.agency,
	   v.year,
	   v.template,
	   v.previous_report_id,
	   v.rule,
	   v.class,
	   v.row_key,
	   v.col_key,
	   v.expected,
	   v.actual,
	   v.message,
	   g.statement_en AS rule_statement_en,
	   g.statement_zh AS rule_statement_zh
FROM (
SELECT r.id AS report_id,
	   (r.report).agency AS agency,
	   (r.report).year AS year,
	   (r.report).template AS template,
	   NULL::pg_catalog.int8 AS previous_report_id,
	   c.rule,
	   c.class,
	   c."row" AS row_key,
	   c.col AS col_key,
	   c.expected,
	   c.actual,
	   c.message
FROM @extschema@.gir_reports AS r
CROSS JOIN LATERAL @extschema@.gir_check(r.report, ARRAY['D', 'C', 'H']) AS c
UNION ALL
SELECT cur.id,
	   (cur.report).agency,
	   (cur.report).year,
	   (cur.report).template,
	   prev.id,
	   c.rule,
	   c.class,
	   c."row",
	   c.col,
	   c.expected,
	   c.actual,
	   c.message
FROM (
	SELECT x.id, x.report
	FROM (
		SELECT r.id,
			   r.report,
			   pg_catalog.row_number() OVER (PARTITION BY (r.report).agency, (r.report).year
											 ORDER BY r.loaded_at DESC, r.id DESC) AS pick
		FROM @extschema@.gir_reports AS r
		WHERE (r.report).agency IS NOT NULL
		  AND (r.report).year IS NOT NULL
		  AND (r.report).status OPERATOR(pg_catalog.<>) 'empty'
	) AS x
	WHERE x.pick OPERATOR(pg_catalog.=) 1
) AS cur
JOIN (
	SELECT x.id, x.report
	FROM (
		SELECT r.id,
			   r.report,
			   pg_catalog.row_number() OVER (PARTITION BY (r.report).agency, (r.report).year
											 ORDER BY r.loaded_at DESC, r.id DESC) AS pick
		FROM @extschema@.gir_reports AS r
		WHERE (r.report).agency IS NOT NULL
		  AND (r.report).year IS NOT NULL
		  AND (r.report).status OPERATOR(pg_catalog.<>) 'empty'
	) AS x
	WHERE x.pick OPERATOR(pg_catalog.=) 1
) AS prev
	ON (prev.report).agency OPERATOR(pg_catalog.=) (cur.report).agency
   AND (prev.report).year OPERATOR(pg_catalog.=) ((cur.report).year OPERATOR(pg_catalog.-) 1)
CROSS JOIN LATERAL @extschema@.gir_check_continuity(prev.report, cur.report) AS c
) AS v
LEFT JOIN @extschema@.gir_rules() AS g
	ON g.id OPERATOR(pg_catalog.=) v.rule;
COMMENT ON VIEW @extschema@.gir_violations IS
	'勾稽关系检查结果: one row per broken rule instance per report (gir_check, classes D, C and H), plus the cross-year rules (class X, gir_check_continuity) of the report used for an agency and year against the one used for the year before';
COMMENT ON COLUMN @extschema@.gir_violations.report_id IS
	'Report id (gir_reports.id) of the report that breaks the rule 报告编号';
COMMENT ON COLUMN @extschema@.gir_violations.agency IS
	'Issuing agency 发布机关';
COMMENT ON COLUMN @extschema@.gir_violations.year IS
	'Year the report covers 报告年度';
COMMENT ON COLUMN @extschema@.gir_violations.template IS
	'Template of the tables (2019 or 2021) 报告格式';
COMMENT ON COLUMN @extschema@.gir_violations.previous_report_id IS
	'Cross-year rules only: the previous year''s report compared with; NULL for single-report rules 上年报告编号';
COMMENT ON COLUMN @extschema@.gir_violations.rule IS
	'Rule id from report-format.md, e.g. R3.1 规则编号';
COMMENT ON COLUMN @extschema@.gir_violations.class IS
	'Rule class: D definition, C convention, H heuristic, X across two years 规则类别';
COMMENT ON COLUMN @extschema@.gir_violations.row_key IS
	'Contract row key the violation is about, if any 行键';
COMMENT ON COLUMN @extschema@.gir_violations.col_key IS
	'Contract column key the violation is about, if any 列键';
COMMENT ON COLUMN @extschema@.gir_violations.expected IS
	'Value computed from the parts 应为';
COMMENT ON COLUMN @extschema@.gir_violations.actual IS
	'Value the report states 实为';
COMMENT ON COLUMN @extschema@.gir_violations.message IS
	'Human explanation 说明';
COMMENT ON COLUMN @extschema@.gir_violations.rule_statement_en IS
	'What the rule says, in English (gir_rules) 规则说明（英文）';
COMMENT ON COLUMN @extschema@.gir_violations.rule_statement_zh IS
	'What the rule says, in Chinese (gir_rules) 规则说明（中文）';

-- ---------- gir_agency_trends: one row per agency and year ----------
CREATE VIEW @extschema@.gir_agency_trends
	WITH (security_invoker = true)
AS
SELECT cur.agency,
	   cur.year,
	   cur.report_id,
	   cur.report_count,
	   cur.new_received,
	   (cur.new_received OPERATOR(pg_catalog.-) prev.new_received) AS new_received_change,
	   cur.total_processed,
	   (cur.total_processed OPERATOR(pg_catalog.-) prev.total_processed) AS total_processed_change,
	   cur.granted,
	   (cur.granted OPERATOR(pg_catalog.-) prev.granted) AS granted_change,
	   cur.review_total,
	   (cur.review_total OPERATOR(pg_catalog.-) prev.review_total) AS review_total_change,
	   cur.lawsuit_total,
	   (cur.lawsuit_total OPERATOR(pg_catalog.-) prev.lawsuit_total) AS lawsuit_total_change,
	   prev.report_id AS previous_report_id,
	   cur.carried_over,
	   prev.carried_forward AS previous_carried_forward,
	   (cur.carried_over OPERATOR(pg_catalog.=) prev.carried_forward) AS carry_over_matches,
	   CASE WHEN prev.report_id IS NOT NULL
			THEN (SELECT pg_catalog.count(*)
				  FROM @extschema@.gir_check_continuity(prev.report, cur.report) AS c)::pg_catalog.int4
	   END AS continuity_broken_rule_count
FROM (
	SELECT x.id AS report_id,
		   x.report,
		   x.report_count,
		   (x.report).agency AS agency,
		   (x.report).year AS year,
		   @extschema@.gir_count((x.report).requests, 'new_received', 'total') AS new_received,
		   @extschema@.gir_count((x.report).requests, 'total_processed', 'total') AS total_processed,
		   @extschema@.gir_count((x.report).requests, 'granted', 'total') AS granted,
		   @extschema@.gir_count((x.report).requests, 'carried_over', 'total') AS carried_over,
		   @extschema@.gir_count((x.report).review_litigation, 'review', 'total') AS review_total,
		   (@extschema@.gir_count((x.report).review_litigation, 'suit_direct', 'total')
			OPERATOR(pg_catalog.+)
			@extschema@.gir_count((x.report).review_litigation, 'suit_after_review', 'total'))
			   AS lawsuit_total
	FROM (
		SELECT r.id,
			   r.report,
			   pg_catalog.row_number() OVER w AS pick,
			   pg_catalog.count(*) OVER w AS report_count
		FROM @extschema@.gir_reports AS r
		WHERE (r.report).agency IS NOT NULL
		  AND (r.report).year IS NOT NULL
		  AND (r.report).status OPERATOR(pg_catalog.<>) 'empty'
		WINDOW w AS (PARTITION BY (r.report).agency, (r.report).year
					 ORDER BY r.loaded_at DESC, r.id DESC
					 ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
	) AS x
	WHERE x.pick OPERATOR(pg_catalog.=) 1
) AS cur
LEFT JOIN (
	SELECT x.id AS report_id,
		   x.report,
		   (x.report).agency AS agency,
		   (x.report).year AS year,
		   @extschema@.gir_count((x.report).requests, 'new_received', 'total') AS new_received,
		   @extschema@.gir_count((x.report).requests, 'total_processed', 'total') AS total_processed,
		   @extschema@.gir_count((x.report).requests, 'granted', 'total') AS granted,
		   @extschema@.gir_count((x.report).requests, 'carried_forward', 'total') AS carried_forward,
		   @extschema@.gir_count((x.report).review_litigation, 'review', 'total') AS review_total,
		   (@extschema@.gir_count((x.report).review_litigation, 'suit_direct', 'total')
			OPERATOR(pg_catalog.+)
			@extschema@.gir_count((x.report).review_litigation, 'suit_after_review', 'total'))
			   AS lawsuit_total
	FROM (
		SELECT r.id,
			   r.report,
			   pg_catalog.row_number() OVER (PARTITION BY (r.report).agency, (r.report).year
											 ORDER BY r.loaded_at DESC, r.id DESC) AS pick
		FROM @extschema@.gir_reports AS r
		WHERE (r.report).agency IS NOT NULL
		  AND (r.report).year IS NOT NULL
		  AND (r.report).status OPERATOR(pg_catalog.<>) 'empty'
	) AS x
	WHERE x.pick OPERATOR(pg_catalog.=) 1
) AS prev
	ON prev.agency OPERATOR(pg_catalog.=) cur.agency
   AND prev.year OPERATOR(pg_catalog.=) (cur.year OPERATOR(pg_catalog.-) 1);
COMMENT ON VIEW @extschema@.gir_agency_trends IS
	'年度趋势: one row per agency and year (the latest loaded non-empty report when there are several), main figures, change from the agency''s report for the year before, and carry-over continuity';
COMMENT ON COLUMN @extschema@.gir_agency_trends.agency IS
	'Issuing agency, exactly as parsed (differently written names are different agencies) 发布机关';
COMMENT ON COLUMN @extschema@.gir_agency_trends.year IS
	'Year the report covers 报告年度';
COMMENT ON COLUMN @extschema@.gir_agency_trends.report_id IS
	'The report used for this agency and year: the latest loaded (loaded_at, then id) 报告编号';
COMMENT ON COLUMN @extschema@.gir_agency_trends.report_count IS
	'How many non-empty reports were loaded for this agency and year (more than 1: duplicates or corrected versions) 同年报告数';
COMMENT ON COLUMN @extschema@.gir_agency_trends.new_received IS
	'New applications received, total 本年新收申请数';
COMMENT ON COLUMN @extschema@.gir_agency_trends.new_received_change IS
	'new_received minus the previous year''s; NULL without a report for year - 1 本年新收申请数增减';
COMMENT ON COLUMN @extschema@.gir_agency_trends.total_processed IS
	'Applications processed, total 办理总数（（七）总计）';
COMMENT ON COLUMN @extschema@.gir_agency_trends.total_processed_change IS
	'total_processed minus the previous year''s 办理总数增减';
COMMENT ON COLUMN @extschema@.gir_agency_trends.granted IS
	'Applications granted, total 予以公开数';
COMMENT ON COLUMN @extschema@.gir_agency_trends.granted_change IS
	'granted minus the previous year''s 予以公开数增减';
COMMENT ON COLUMN @extschema@.gir_agency_trends.review_total IS
	'Administrative reviews, total 行政复议总数';
COMMENT ON COLUMN @extschema@.gir_agency_trends.review_total_change IS
	'review_total minus the previous year''s 行政复议总数增减';
COMMENT ON COLUMN @extschema@.gir_agency_trends.lawsuit_total IS
	'Lawsuits (direct + after review), total 行政诉讼总数';
COMMENT ON COLUMN @extschema@.gir_agency_trends.lawsuit_total_change IS
	'lawsuit_total minus the previous year''s 行政诉讼总数增减';
COMMENT ON COLUMN @extschema@.gir_agency_trends.previous_report_id IS
	'The report used for year - 1, NULL if none was loaded 上年报告编号';
COMMENT ON COLUMN @extschema@.gir_agency_trends.carried_over IS
	'This year''s carried-over applications, total 上年结转申请数';
COMMENT ON COLUMN @extschema@.gir_agency_trends.previous_carried_forward IS
	'Last year''s carried-forward applications, total 上年报告结转下年度数';
COMMENT ON COLUMN @extschema@.gir_agency_trends.carry_over_matches IS
	'carried_over equals previous_carried_forward (rule R3.6 on the total column); NULL when either is unknown 结转数衔接一致';
COMMENT ON COLUMN @extschema@.gir_agency_trends.continuity_broken_rule_count IS
	'Number of broken cross-year rule instances (gir_check_continuity: R3.6, R2.2); NULL without a previous report 跨年度衔接错误数';
