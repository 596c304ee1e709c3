/* gireport--0.1.0.sql: built by the Makefile from the files in src/sql, in name order */

-- complain if this file is fed to psql by hand
\echo Use "CREATE EXTENSION gireport" to load this file. \quit

-- ===================== encoding guard =====================
-- The parser reads and writes Chinese text: only a UTF8 database will do.
DO $$
BEGIN
    IF pg_catalog.current_setting('server_encoding') OPERATOR(pg_catalog.<>) 'UTF8' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'feature_not_supported',
            MESSAGE = 'gireport requires a UTF8 database',
            DETAIL  = pg_catalog.format('The current database encoding is %s.',
                                        pg_catalog.current_setting('server_encoding')),
            HINT    = 'Create the database with ENCODING ''UTF8'' (and TEMPLATE template0) and install gireport there.';
    END IF;
END
$$;

-- ===================== types =====================
CREATE TYPE @extschema@.gir_report AS (
    format            integer,
    status            text,
    agency            text,
    year              integer,
    template          text,
    active_disclosure jsonb,
    requests          jsonb,
    review_litigation jsonb,
    warnings          jsonb
);
COMMENT ON TYPE @extschema@.gir_report IS
    'One parsed annual report; fields are the top-level keys of the format-1 contract (to_jsonb() gives the contract JSON)';

CREATE TYPE @extschema@.gir_applicants AS (
    natural_person integer,
    business       integer,
    research       integer,
    nonprofit      integer,
    legal_service  integer,
    other_org      integer,
    total          integer
);
COMMENT ON TYPE @extschema@.gir_applicants IS
    'One row of table 三 (收到和处理政府信息公开申请情况) by applicant type: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计';

CREATE TYPE @extschema@.gir_case_outcomes AS (
    upheld    integer,
    corrected integer,
    other     integer,
    pending   integer,
    total     integer
);
COMMENT ON TYPE @extschema@.gir_case_outcomes IS
    'One block of table 四 (行政复议 or 行政诉讼): 结果维持, 结果纠正, 其他结果, 尚未审结, 总计';

CREATE TYPE @extschema@.gir_disclosure_row AS (
    issued          integer,
    repealed        integer,
    in_force        integer,
    decisions       integer,
    amount          numeric,
    made            integer,
    published       integer,
    total_published integer,
    prev_items      integer,
    change          integer,
    projects        integer
);
COMMENT ON TYPE @extschema@.gir_disclosure_row IS
    'One row of table 二 (主动公开政府信息情况), either template: the columns a row does not have stay null';
