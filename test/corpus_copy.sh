#!/bin/sh
# Print every report of a corpus folder as one COPY text-format row:
#   name <TAB> body <TAB> truth
# for each NAME.txt that has a NAME.truth.json beside it.  Used by the
# regression tests through psql's \copy ... FROM PROGRAM.
dir=$1
[ -d "$dir" ] || exit 0
for txt in "$dir"/*.txt; do
	truth="${txt%.txt}.truth.json"
	[ -f "$truth" ] || continue
	perl -e '
		sub field { my ($f) = @_; local $/; open(my $h, "<:raw", $f) or die "$f: $!";
			my $s = <$h>; $s =~ s/\\/\\\\/g; $s =~ s/\t/\\t/g; $s =~ s/\n/\\n/g; $s =~ s/\r/\\r/g; $s }
		my ($txt, $truth) = @ARGV; (my $name = $txt) =~ s{.*/}{}; $name =~ s/\.txt$//;
		print join("\t", $name, field($txt), field($truth)), "\n";
	' "$txt" "$truth"
done
