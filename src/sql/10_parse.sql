
-- ===================== parsing =====================
CREATE FUNCTION @extschema@.gir_parse(report text)
RETURNS @extschema@.gir_report
AS 'MODULE_PATHNAME', 'gir_parse'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gir_parse(text) IS
    'Parse one annual report''s text into tables 二/三/四 with agency, year, template, status and warnings; to_jsonb() of the result is the format-1 contract';

CREATE FUNCTION @extschema@.gir_parse_strict(report text)
RETURNS @extschema@.gir_report
AS 'MODULE_PATHNAME', 'gir_parse_strict'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gir_parse_strict(text) IS
    'gir_parse() for loaders that want an error instead of status empty or partial: raises 22P02 when no template table is found (not a report) and 22000 when some are missing, naming them and quoting the warnings with their lines (docs/errors.md)';

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
