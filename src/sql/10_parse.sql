
-- ===================== parsing =====================
CREATE FUNCTION @extschema@.gir_parse(report text)
RETURNS @extschema@.gir_report
AS 'MODULE_PATHNAME', 'gir_parse'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gir_parse(text) IS
    'Parse one annual report''s text into tables 二/三/四 with agency, year, template, status and warnings; to_jsonb() of the result is the format-1 contract';

CREATE FUNCTION @extschema@.gir_cells(
    report text,
    OUT section text,
    OUT row_key text,
    OUT col_key text,
    OUT value numeric,
    OUT line integer,
    OUT source text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'gir_cells'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gir_cells(text) IS
    'Provenance: one row per table cell gir_parse reports, with the 1-based source line it was read from and that line''s text';
