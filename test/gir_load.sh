#!/bin/bash
# test/gir_load.sh: bin/gir-load against a live server.
#
# Makes a folder of awkward files (tabs, backslashes, quotes, CRLF, a BOM,
# GB18030, invalid UTF-8, NUL bytes, empty, unsupported types, a hidden
# folder) around the report files given as arguments (default:
# data/samples/*.txt), loads it, and checks what landed in gir_reports:
# bodies byte for byte (the BOM excepted), one row per file, nothing from
# failed files, exit statuses, -1 (all or nothing), -r (replace), -n
# (dry run), -E (legacy encodings) and the messages.  PDF and DOCX
# conversion is checked only when pdftotext / docx2txt are installed.
#
#     pg_virtualenv test/gir_load.sh
# Uses the PG* variables, creates and drops its own database, and ends with
# one "N passed, N failed" line.  GIR_EXTENSION names the extension.
set -u

EXT=${GIR_EXTENSION:-gireport}
export GIR_EXTENSION=$EXT
DB=gir_load_test_$$
WORK=$(mktemp -d)
LOAD=$(cd "$(dirname "$0")/.." && pwd)/bin/gir-load
PSQL=(psql -X -q -At -v ON_ERROR_STOP=1 -d "$DB")
passed=0
failed=0

cleanup()
{
	dropdb --if-exists "$DB" >/dev/null 2>&1
	rm -rf "$WORK"
}
trap cleanup EXIT

ok()
{
	passed=$((passed + 1))
	echo "ok - $1"
}

not_ok()
{
	failed=$((failed + 1))
	echo "not ok - $1"
	[ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/#   /'
}

# is NAME GOT WANT
is()
{
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got:  $2
want: $3"; fi
}

# like NAME TEXT PATTERN (grep -E)
like()
{
	if printf '%s\n' "$2" | grep -Eq -- "$3"; then ok "$1"; else not_ok "$1" "$2"; fi
}

sql() { "${PSQL[@]}" -c "$1"; }

if [ $# -gt 0 ]; then reports=("$@"); else reports=(data/samples/*.txt); fi
if [ ! -f "${reports[0]}" ]; then
	echo "gir_load.sh: no report files (give some as arguments)" >&2
	exit 2
fi

createdb -T template0 -E UTF8 --locale=C "$DB" || exit 2
sql "CREATE EXTENSION $EXT" || exit 2

# ---------- the folder ----------
D=$WORK/reports
mkdir -p "$D/sub" "$D/.hidden"
cp "${reports[0]}" "$D/report.txt"
[ ${#reports[@]} -gt 1 ] && cp "${reports[1]}" "$D/sub/second.md"
printf 'tab\there, back\\slash \\N \\. quotes '"'"'"" CRLF\r\nlast line\r\n\r\n' >"$D/sub/odd chars's.txt"
printf '<html><body><p>页面</p></body></html>\n' >"$D/sub/page.html"
printf '\xef\xbb\xbfBOM first\n' >"$D/sub/bom.txt"
printf 'x\xff\xfey\n' >"$D/sub/bad-utf8.txt"
printf 'a\0b\n' >"$D/sub/nul.txt"
: >"$D/sub/empty.txt"
printf 'ignored\n' >"$D/sub/picture.png"
cp "${reports[0]}" "$D/.hidden/hidden.txt"
printf '中文报告\n' | iconv -f UTF-8 -t GB18030 >"$WORK/gb.txt"

nfiles=$(( ${#reports[@]} > 1 ? 8 : 7 ))
out=$("$LOAD" -d "$DB" "$D" 2>&1)
rc=$?
is "exit status 1 when some files fail" "$rc" 1
like "progress line per loaded file" "$out" "^\[1/$nfiles\] loaded $D/report.txt → id [0-9]+, status ok"
like "invalid UTF-8 is named with its position" "$out" "FAILED $D/sub/bad-utf8.txt: not valid UTF-8 \(byte 0xFF at line 1, offset 1\)"
like "NUL bytes are refused" "$out" "FAILED $D/sub/nul.txt: contains NUL bytes"
like "empty files are refused" "$out" "FAILED $D/sub/empty.txt: the file is empty"
like "other types in a folder are ignored and counted" "$out" "ignored 1 file of other types"
like "failures listed at the end" "$out" "^3 failed:"
is "one row per readable file, nothing from failed or hidden files" \
	"$(sql "SELECT count(*) FROM gir_reports")" "$((nfiles - 3))"

# bodies arrive unchanged (the BOM is dropped)
for f in "$D/report.txt" "$D/sub/odd chars's.txt" "$D/sub/page.html"; do
	want=$(md5sum <"$f" | cut -d' ' -f1)
	got=$("${PSQL[@]}" -v src="$f" <<<"SELECT md5(body) FROM gir_reports WHERE source = :'src'")
	is "body byte for byte: $(basename "$f")" "$got" "$want"
done
is "a byte-order mark is dropped" \
	"$(sql "SELECT body FROM gir_reports WHERE source LIKE '%bom.txt'")" "BOM first"
is "the stored report is parsed" \
	"$(sql "SELECT (report).status FROM gir_reports WHERE source LIKE '%/report.txt'")" ok

# ---------- -E ----------
out=$("$LOAD" -d "$DB" "$WORK/gb.txt" 2>&1)
like "GB18030 without -E: hint" "$out" "use -E GB18030"
out=$("$LOAD" -d "$DB" -E GB18030 "$WORK/gb.txt" 2>&1)
like "GB18030 with -E: converted" "$out" "loaded $WORK/gb.txt → id [0-9]+, status empty.* \(from GB18030\)"
is "converted text stored as UTF-8" \
	"$(sql "SELECT body FROM gir_reports WHERE source LIKE '%gb.txt'")" "中文报告"

# ---------- -r ----------
before=$(sql "SELECT count(*) FROM gir_reports")
out=$("$LOAD" -d "$DB" -r "$D/report.txt" 2>&1)
like "-r replaces the earlier row" "$out" "replaced 1 earlier row"
is "-r keeps one row per file" "$(sql "SELECT count(*) FROM gir_reports")" "$before"

# ---------- -1 ----------
before=$(sql "SELECT count(*) FROM gir_reports")
out=$("$LOAD" -d "$DB" -1 "$D/report.txt" "$D/sub/bad-utf8.txt" 2>&1)
rc=$?
is "-1 with an unreadable file: exit 1" "$rc" 1
like "-1 with an unreadable file: says nothing was loaded" "$out" "nothing loaded \(-1\)"
is "-1 with an unreadable file: no row" "$(sql "SELECT count(*) FROM gir_reports")" "$before"
out=$("$LOAD" -d "$DB" -1 "$D/report.txt" "$D/sub/page.html" 2>&1)
rc=$?
is "-1: all loaded" "$rc" 0
is "-1: two rows" "$(sql "SELECT count(*) FROM gir_reports")" "$((before + 2))"

# ---------- -n, usage, database errors ----------
before=$(sql "SELECT count(*) FROM gir_reports")
out=$("$LOAD" -n "$D/report.txt" 2>&1)
like "-n checks without loading" "$out" "\[1/1\] ok $D/report.txt \([0-9]+ bytes\)"
is "-n loads nothing" "$(sql "SELECT count(*) FROM gir_reports")" "$before"
"$LOAD" >/dev/null 2>&1
is "no arguments: exit 2" "$?" 2
out=$("$LOAD" -d "$DB" "$WORK/nosuch.txt" "$D/sub/picture.png" 2>&1)
rc=$?
is "missing and unsupported files named: exit 1" "$rc" 1
like "missing file named" "$out" "nosuch.txt: no such file or directory"
like "unsupported type named" "$out" "picture.png: unsupported file type"
createdb -T template0 -E UTF8 --locale=C "${DB}_bare" || exit 2
out=$("$LOAD" -d "${DB}_bare" "$D/report.txt" 2>&1)
rc=$?
dropdb "${DB}_bare"
is "database without the extension: exit 2" "$rc" 2
like "database without the extension: says so" "$out" "extension $EXT is not installed"

# ---------- converters, when installed ----------
if command -v pdftotext >/dev/null; then
	echo garbage >"$WORK/broken.pdf"
	out=$("$LOAD" -n "$WORK/broken.pdf" 2>&1)
	like "broken PDF: pdftotext's error" "$out" "FAILED $WORK/broken.pdf: pdftotext failed: .*[Ee]rror"
else
	echo "ok - # skip pdftotext not installed"
fi
if command -v docx2txt >/dev/null || command -v pandoc >/dev/null; then
	echo garbage >"$WORK/broken.docx"
	out=$("$LOAD" -n "$WORK/broken.docx" 2>&1)
	like "broken DOCX: the converter's error" "$out" "FAILED $WORK/broken.docx: (docx2txt|pandoc) failed"
else
	echo "ok - # skip docx2txt/pandoc not installed"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
