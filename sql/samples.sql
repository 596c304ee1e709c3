-- The project's own sample reports (data/samples, made by tools/genreport.py:
-- every layout, both templates, hard cases) against their truth files,
-- including the warning codes each sample must produce.
CREATE TEMP TABLE corpus (name text, body text, truth jsonb);
\copy corpus FROM PROGRAM 'test/corpus_copy.sh data/samples'
\i test/corpus_compare.sql
