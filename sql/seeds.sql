-- The five real reports of ../shared/corpus/seeds against their hand-read
-- truth: every cell of tables 二/三/四, and agency/year/template where the
-- truth gives them.  Without ../shared only the first line differs
-- (seeds_1.out).
\! test -d ../shared/corpus/seeds && echo "shared seeds: present" || echo "shared seeds: absent"
CREATE TEMP TABLE corpus (name text, body text, truth jsonb);
\copy corpus FROM PROGRAM 'test/corpus_copy.sh ../shared/corpus/seeds'
\i test/corpus_compare.sql
