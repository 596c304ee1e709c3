/*-------------------------------------------------------------------------
 * baseline.sql
 *	  A reference parser in plain PL/pgSQL, for the benchmark only.
 *
 * bench.baseline_parse(body) reads tables 三 and 四 of one report with
 * PostgreSQL's own regular expressions, the way one would write it without
 * gireport: turn HTML tags into line breaks, walk the lines of the two
 * regions, collect every number that stands alone, and close a row of
 * table 三 whenever seven numbers have been collected, naming it by the
 * last key phrase in the text gathered since the previous row.  Table 四
 * is the first fifteen numbers of its region.  It returns
 *	  {"requests": {row: {col: n}}, "review_litigation": {row: {col: n}}}
 * with the keys of shared/spec/output.md.
 *
 * It is deliberately straightforward: no tables 二, no warnings, no
 * template detection, no repair of unlabeled rows, no 元→万元, no
 * provenance.  It is not part of the extension and is not installed; the
 * benchmark loads it into its throwaway database to show what the C
 * parser buys.  bench/run.sh also checks that it reads the samples of
 * data/samples/ right.
 *
 * bench/baseline.sql
 *-------------------------------------------------------------------------
 */
CREATE SCHEMA IF NOT EXISTS bench;

-- Key phrases of table 三, and the row each names.
CREATE TABLE bench.baseline_keys (phrase text PRIMARY KEY, row_key text NOT NULL);
INSERT INTO bench.baseline_keys VALUES
	('本年新收', 'new_received'),
	('上年结转', 'carried_over'),
	('予以公开', 'granted'),
	('部分公开', 'partially_granted'),
	('国家秘密', 'denied.state_secret'),
	('法律行政法规', 'denied.prohibited_by_law'),
	('三安全一稳定', 'denied.security_stability'),
	('第三方合法权益', 'denied.third_party_rights'),
	('内部事务', 'denied.internal_affairs'),
	('过程性信息', 'denied.process_information'),
	('行政执法案卷', 'denied.enforcement_files'),
	('行政查询', 'denied.administrative_query'),
	('不掌握', 'unable.not_held'),
	('没有现成', 'unable.needs_creation'),
	('补正后', 'unable.still_unclear'),
	('信访举报', 'not_processed.complaint'),
	('重复申请', 'not_processed.duplicate'),
	('出版物', 'not_processed.publication'),
	('大量反复', 'not_processed.excessive'),
	('行政机关确认', 'not_processed.confirm_or_reissue'),
	('申请人无正当理由', 'other.no_correction'),
	('逾期未按', 'other.unpaid_fee'),
	('其他处理', 'other'),
	('总计', 'total_processed'),
	('结转下年度', 'carried_forward');

CREATE FUNCTION bench.baseline_parse(body text)
RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
	-- a number standing alone: between blanks or pipes, or a placeholder
	num_re constant text := '(?:^|[\s|])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|[—–-]+|/)(?=[\s|]|$)';
	t3_cols constant text[] := '{natural_person,business,research,nonprofit,legal_service,other_org,total}';
	t4_rows constant text[] := '{review,suit_direct,suit_after_review}';
	t4_cols constant text[] := '{upheld,corrected,other,pending,total}';
	t text := body;
	ln text;
	sec int := 0;				-- 3: in table 三, 4: in table 四
	label text := '';
	vals text[] := '{}';
	t4 text[] := '{}';
	key text;
	req jsonb := '{}';
	rev jsonb := '{}';
	i int;

BEGIN
	-- HTML: line breaks inside cells join, every other tag breaks the line
	IF t ~* '<(td|tr|p|div)\M' THEN
		t := regexp_replace(t, '<br\s*/?>', '', 'gi');
		t := regexp_replace(t, '<[^>]*>', E'\n', 'g');
		t := replace(replace(t, '&nbsp;', ' '), '&amp;', '&');
	END IF;
	t := translate(t, E'０１２３４５６７８９\u3000\u00a0\u200b', '0123456789  ');

	FOREACH ln IN ARRAY regexp_split_to_array(t, E'\r?\n')
	LOOP
		IF ln ~ '收到和处理政府信息公开申请情况' THEN
			-- the last such line is the title (the overview may name it too)
			sec := 3;
			label := '';
			vals := '{}';
			t4 := '{}';
			req := '{}';
			CONTINUE;
		ELSIF sec = 3 AND ln ~ '行政复议.{0,3}行政诉讼' THEN
			sec := 4;
			CONTINUE;
		ELSIF sec = 4 AND ln ~ '存在的主要问题|其他需要报告' THEN
			EXIT;
		ELSIF sec = 0 OR ln ~ '^\s*第\s*\d+\s*页' OR ln ~ '^[\s|:-]*---' THEN
			CONTINUE;			-- outside the tables, a page footer, a |---| rule
		END IF;

		IF sec = 4 THEN
			t4 := t4 || ARRAY(SELECT m[1] FROM regexp_matches(ln, num_re, 'g') AS m);
			CONTINUE;
		END IF;

		vals := vals || ARRAY(SELECT m[1] FROM regexp_matches(ln, num_re, 'g') AS m);
		label := label || regexp_replace(regexp_replace(ln, num_re, ' ', 'g'), '[\s|]+', '', 'g');
		WHILE cardinality(vals) >= 7
		LOOP
			IF label ~ '3\W*其他\W*$' THEN
				key := 'other.other';
			ELSE
				SELECT k.row_key INTO key
				FROM bench.baseline_keys AS k
				WHERE strpos(label, k.phrase) > 0
				ORDER BY strpos(label, k.phrase) + length(k.phrase) DESC
				LIMIT 1;
			END IF;
			IF key IS NOT NULL AND NOT req ? key THEN
				req := req || jsonb_build_object(key, (
					SELECT jsonb_object_agg(t3_cols[c],
											CASE WHEN vals[c] ~ '^\d' THEN replace(vals[c], ',', '')::numeric END)
					FROM generate_series(1, 7) AS c));
			END IF;
			vals := vals[8:];
			label := '';
			key := NULL;
		END LOOP;
	END LOOP;

	IF cardinality(t4) >= 15 THEN
		FOR i IN 0..2
		LOOP
			rev := rev || jsonb_build_object(t4_rows[i + 1], (
				SELECT jsonb_object_agg(t4_cols[c],
										CASE WHEN t4[5 * i + c] ~ '^\d' THEN replace(t4[5 * i + c], ',', '')::numeric END)
				FROM generate_series(1, 5) AS c));
		END LOOP;
	END IF;
	RETURN jsonb_build_object('requests', req, 'review_litigation', rev);
END;
$$;
COMMENT ON FUNCTION bench.baseline_parse(text) IS
	'Benchmark reference: tables 三 and 四 read by a plain PL/pgSQL parser with PostgreSQL regular expressions';
