-- The main job's queries (run by scripts/demo.sh): load the sample reports,
-- parse them, and show what was found.
\pset footer off
CREATE EXTENSION IF NOT EXISTS gireport;

CREATE TEMP TABLE demo_reports (source text, body text);
\copy demo_reports FROM PROGRAM 'for f in data/samples/*.txt data/cases/*; do perl -e ''local $/; my $f = shift; open(my $h, "<:raw", $f) or die; my $s = <$h>; $s =~ s/\\/\\\\/g; $s =~ s/\t/\\t/g; $s =~ s/\n/\\n/g; $s =~ s/\r/\\r/g; (my $n = $f) =~ s{.*/}{}; print "$n\t$s\n"'' "$f"; done'
CREATE TEMP TABLE demo AS
    SELECT source, gir_parse(body) AS r FROM demo_reports;

\echo '== what was found in each report'
SELECT source,
       (r).agency,
       (r).year,
       (r).template,
       (r).status,
       jsonb_array_length((r).warnings) AS warnings,
       gir_is_consistent(r) AS consistent
FROM demo ORDER BY source;

\echo '== applications: received, processed, granted (表三 总计 column)'
SELECT source,
       ((r).requests #>> '{new_received,total}')::int AS new_received,
       ((r).requests #>> '{carried_over,total}')::int AS carried_over,
       ((r).requests #>> '{total_processed,total}')::int AS processed,
       ((r).requests #>> '{granted,total}')::int AS granted,
       ((r).review_litigation #>> '{review,total}')::int AS reviews,
       ((r).review_litigation #>> '{suit_direct,total}')::int
         + ((r).review_litigation #>> '{suit_after_review,total}')::int AS lawsuits
FROM demo WHERE (r).status <> 'empty' ORDER BY source;

\echo '== what the parser had to infer or repair (first 12)'
SELECT source, w ->> 'code' AS code, (w ->> 'line')::int AS line, w ->> 'message' AS message
FROM demo, jsonb_array_elements((r).warnings) AS w
WHERE w ->> 'code' NOT IN ('title_numbering', 'table_missing')
ORDER BY source, line LIMIT 12;

\echo '== provenance: where the numbers of one row came from'
SELECT row_key, col_key, value, line, source
FROM gir_cells((SELECT body FROM demo_reports WHERE source = '09_pdflayout_2021.txt'))
WHERE row_key = 'new_received';
