#!/bin/bash
# Benchmark (not a test): the core's time per MB on hostile input, next to
# its time per MB on normal reports.
#
#   bench/pathological.sh            generate the inputs, measure, print a table
#   RUNS=9 bench/pathological.sh     repeat each parse 9 times (median kept)
#   MB=4 bench/pathological.sh       make the hostile inputs 4 MB instead of 1
#
# Inputs are written to bench/out/pathological/ (git-ignored).  The driver
# (bench/permb.c) parses each file RUNS times with the core alone, plus the
# JSON gir_parse builds, under the server's default PCRE2 limits, and
# reports the median.  Columns of the table:
#   ms/MB     median time per MB of input
#   x normal  that time over the normal reports' time per MB (want <= 10)
#   peak      the arena's peak memory, as a multiple of the input size
#   checks    interrupt checks (query cancel) during one parse
#   gap ms    the longest time between two checks (or the start/end)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
MB=${MB:-1}
OUT=bench/out/pathological
BIN=bench/out/permb
mkdir -p "$OUT"

PCRE2_CFLAGS=$(pkg-config --cflags libpcre2-8)
PCRE2_LIBS=$(pkg-config --libs libpcre2-8)
# shellcheck disable=SC2086
cc -O2 -g -std=c11 -Iinclude -Itest $PCRE2_CFLAGS -o "$BIN" bench/permb.c src/core/*.c $PCRE2_LIBS

# ---------- normal reports ----------
cat data/samples/*.txt > "$OUT/normal_concat.txt"
# the same, repeated to the hostile inputs' size
perl -e '
	local $/; my $t = <STDIN>; my $n = $ARGV[0] * 1048576;
	my $o = ""; $o .= $t while length($o) < $n; print substr($o, 0, $n);
' "$MB" < "$OUT/normal_concat.txt" > "$OUT/normal_x${MB}MB.txt"

# ---------- hostile inputs ----------
# gen NAME PERL-CODE: the code sets one unit ($u, bytes) and an optional
# head ($h); the input is the head followed by units up to MB megabytes
# (the code may change $mb).
gen()
{
	perl -e '
		my ($mb, $code) = @ARGV;
		our ($h, $u) = ("", "");
		eval $code; die $@ if $@;
		binmode STDOUT;
		my $n = int(($mb * 1048576 - length($h)) / length($u));
		$n = 1 if $n < 1;
		print $h, $u x $n;
	' "$MB" "$2" > "$OUT/$1.txt"
}
T3='三、收到和处理政府信息公开申请情况\n'
T2='二、主动公开政府信息情况\n'
T4='四、政府信息公开行政复议、行政诉讼情况\n'

gen digits_one_line       '$u = "0123456789"'
gen digits_lines          '$u = ("7" x 79) . "\n"'
gen digits_spaced_in_t3   '$h = "'"$T3"'"; $u = "1 22 333 "'
gen label_repeated        '$u = "（三）不予公开"'
gen label_tabs            '$u = "（三）不予公开\t"'
gen label_newlines        '$u = "（三）不予公开\n"'
gen label_nl_in_t3        '$h = "'"$T3"'"; $u = "（三）不予公开\n"'
gen label_tab_nl_in_t3    '$h = "'"$T3"'"; $u = "\t（三）不予公开\n"'
gen rows_t3_100k          '$h = "'"$T3"'"; $u = "本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n"; $mb = 100000 * length($u) / 1048576'
gen rows_t2_unlabelled    '$h = "'"$T2"'"; $u = "\t1\t2\t3\n"'
gen rows_t4_values        '$h = "'"$T4"'"; $u = "1\t2\t3\t4\t5\n"'
gen rows_pipes_in_t3      '$h = "'"$T3"'"; $u = "| 其他 | 1 | 2 | 3 | 4 | 5 | 6 | 21 |\n"'
gen cells_tab_led_in_t3   '$h = "'"$T3"'\n"; $u = "\t其他\n"'
gen cells_untabbed_in_t3  '$h = "'"$T3"'\n\t其他\n"; $u = "继续\n"'
gen blank_lines_in_t3     '$h = "'"$T3"'"; $u = "\n"'
gen spaces_lines_in_t3    '$h = "'"$T3"'"; $u = "   \n"'
gen single_line_report    '$u = ""; local $/; open my $f, "<", "'"$OUT"'/normal_concat.txt"; $u = <$f>; $u =~ s/\n/ /g'
gen single_line_tabs      '$u = ""; local $/; open my $f, "<", "'"$OUT"'/normal_concat.txt"; $u = <$f>; $u =~ s/\n/\t/g'
gen single_line_pipes_t3  '$h = "'"$T3"'"; $u = "| 1 "'
gen html_td_unclosed      '$u = "<td>"'
gen html_td_text          '$u = "<td>1"'
gen html_lt               '$h = "<tr>"; $u = "<"'
gen html_lt_letter        '$h = "<tr>"; $u = "<a"'
gen html_comment_unclosed '$h = "<tr><!--"; $u = "x"'
gen html_comments_open    '$h = "<tr>"; $u = "<!--"'
gen html_table_100k       '$u = "<table>"; $mb = 100000 * 7 / 1048576'
gen html_tr_td_rows       '$h = "<table><tr><td>'"${T3%\\n}"'</td></tr>"; $u = "<tr><td>其他</td><td>1</td><td>2</td></tr>\n"'
gen html_script_unclosed  '$h = "<tr><script>"; $u = "<td>1"'
gen html_entities         '$h = "<tr>"; $u = "&nbsp;&#12288;&amp"'
gen ideographic_space     '$u = "\xe3\x80\x80"'
gen ideographic_space_t3  '$h = "'"$T3"'"; $u = "\xe3\x80\x80\xe3\x80\x801\n"'
gen invalid_utf8          '$u = "\xff\xfe\x80\xc0\xaf"'
gen truncated_utf8        '$u = "\xe4\xb8"'
gen years                 '$u = "2023年"'
gen stat_period           '$u = "统计期限为"'
gen bookmarks             '$u = "[bookmark: _GoBack"'
gen newlines              '$u = "\n"'
gen cr_only               '$u = "\r"'
gen full_width_digits     '$h = "'"$T3"'"; $u = "１２\t"'

# ---------- measure ----------
"$BIN" -r "$RUNS" "$OUT"/normal_concat.txt "$OUT"/normal_x"${MB}"MB.txt data/samples/*.txt \
	> "$OUT/normal.tsv"
# ms per MB of the normal reports: all samples one by one, summed
normal=$(awk 'NR > 1 && $1 ~ /^data\/samples\// { b += $2; t += $3 }
	END { printf "%.3f", t / (b / 1048576) }' "$OUT/normal.tsv")
files=()
for f in "$OUT"/*.txt; do
	case "$f" in */normal_*) continue ;; esac
	files+=("$f")
done
"$BIN" -r "$RUNS" "$OUT"/normal_concat.txt "$OUT"/normal_x"${MB}"MB.txt "${files[@]}" > "$OUT/hostile.tsv"

printf '%-24s %9s %9s %9s %8s %7s %8s  %s\n' input MB ms/MB "x normal" peak checks "gap ms" status
printf '%-24s %9.3f %9.2f %9s %8s %7s %8s  %s\n' "normal (samples)" \
	"$(awk 'NR > 1 && $1 ~ /^data\/samples\// { b += $2 } END { print b / 1048576 }' "$OUT/normal.tsv")" \
	"$normal" "1.0" "-" "-" "-" "ok"
awk -v normal="$normal" 'NR > 1 {
	name = $1; sub(/^.*\//, "", name); sub(/\.txt$/, "", name);
	ratio = $4 / normal;
	printf "%-24s %9.3f %9.2f %9.1f %7.1fx %7d %8.2f  %s%s\n", name, $2 / 1048576, $4,
		ratio, $5, $6, $7, $8, (ratio > 10 ? "  <-- slow" : "")
}' "$OUT/hostile.tsv"
worst=$(awk -v normal="$normal" 'NR > 1 { r = $4 / normal; if (r > m) m = r } END { printf "%.1f", m }' "$OUT/hostile.tsv")
echo "worst: ${worst}x normal time per MB"
