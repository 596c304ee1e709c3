/*
 * test_normalise.c
 *	  Core unit test: normalisation gives the same lines whether its fast
 *	  path copies and folds runs (16 bytes at a time where plain_prefix
 *	  allows) or every character is decoded and folded one at a time.
 *
 * Every kind of byte the block test must stop at is put at every offset of
 * a 16-byte block, in plain text and in HTML; then every file of
 * data/samples, data/cases and (when present) data/damaged and
 * ../shared/corpus/seeds is compared whole.  Run from the project root.
 * The word search of gir_find and gir_next_separator, which SSE2 speeds
 * up, are tested here too, against plain loops.
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/core/internal.h"
#include "files.h"
#include "tap.h"

static int	compared;

/* The normalised document of text, as one string: the HTML flag, the
 * count of invalid sequences, the source line table and the lines with
 * their source lines. */
static char *
normalised(const char *text, size_t len, bool fast)
{
	GirOptions	opt = gir_default_options();
	jmp_buf		oom;
	GirArena   *arena;
	GirCtx	   *ctx;
	char	   *out;
	size_t		size = 64,
				n;
	int			i;

	if (setjmp(oom) != 0)
		return NULL;
	arena = gir_arena_create(&opt.mem, &oom);
	ctx = gir_alloc0(arena, sizeof(GirCtx));
	ctx->arena = arena;
	ctx->opt = &opt;
	ctx->report = gir_alloc0(arena, sizeof(GirReport));
	ctx->report->arena = arena;
	gir_normalise_fast = fast;
	gir_normalise(ctx, text, len);
	gir_normalise_fast = true;
	for (i = 0; i < ctx->doc.nlines; i++)
		size += (size_t) ctx->doc.lines[i].len + 16;
	size += 24 * (size_t) ctx->report->nlines;
	out = malloc(size);
	n = (size_t) snprintf(out, size, "html %d invalid %d\nsource lines",
						  ctx->doc.html, ctx->doc.invalid_utf8);
	for (i = 0; i < ctx->report->nlines; i++)
		n += (size_t) snprintf(out + n, size - n, " %zu", ctx->report->line_off[i]);
	n += (size_t) snprintf(out + n, size - n, "\n");
	for (i = 0; i < ctx->doc.nlines; i++)
		n += (size_t) snprintf(out + n, size - n, "%d:%.*s\n", ctx->doc.lines[i].src_line,
							   ctx->doc.lines[i].len, ctx->doc.lines[i].s);
	gir_arena_destroy(arena);
	return out;
}

/* Is text normalised alike both ways?  Prints the first difference. */
static bool
same_both_ways(const char *what, const char *text, size_t len)
{
	char	   *fast = normalised(text, len, true);
	char	   *chars = normalised(text, len, false);
	bool		same = fast && chars && strcmp(fast, chars) == 0;

	compared++;
	if (!same)
		fprintf(stderr, "%s: fast path\n%s\none character at a time\n%s\n",
				what, fast ? fast : "(failed)", chars ? chars : "(failed)");
	free(fast);
	free(chars);
	return same;
}

/*
 * Each of these after 0 to 17 bytes of plain text, then more plain text:
 * every offset in a block, and the characters a block cuts.
 */
static void
test_stops(void)
{
	static const char *const stops[] = {
		"，", "（", "０", "\xe3\x80\x80", "。", "、", "“", "—", "…", "\xc2\xa0",
		"\xe2\x80\x8b", "\xe2\x80\x8f", "\xe2\x80\x80", "\xe2\x80\x8a", "\xe2\x80\x90",
		"\xe2\x81\xa0", "\xc2\xad", "\xc2", "\xc2\xa0\xc2\xa0", "\xef\xbb\xbf", "\xe2\x94\x82", "é", "\xf0\x9f\x98\x80",
		"\xff", "\x80", "\xe4\xb8", "\xe4\xb8" "a", "\xe4" "ab", "\xe3\x80", "\xed\xa0\x80",
		"\xe0\x80\x80", "\t", "\r", "\n", "\r\n", "\x01", "\x7f", " ", "  ", "[",
		"[bookmark: _GoBack]", "<", "<p>", "<td>", "&amp;", "&", "\xe2\x80\xa8",
	};
	static const char *const fills[] = {"a", "中", " ", "1"};
	static const char *const wrappers[][2] = {
		{"", ""},
		{"<table><tr><td>", "</td></tr></table>"},
		{"<html><body><p>", "</p></body></html>"},
	};
	size_t		s,
				f,
				w;
	int			k;

	for (w = 0; w < sizeof(wrappers) / sizeof(wrappers[0]); w++)
		for (s = 0; s < sizeof(stops) / sizeof(stops[0]); s++)
			for (f = 0; f < sizeof(fills) / sizeof(fills[0]); f++)
				for (k = 0; k <= 17; k++)
				{
					char		text[256];
					int			n = snprintf(text, sizeof(text), "%s", wrappers[w][0]),
								i;

					for (i = 0; i < k; i++)
						n += snprintf(text + n, sizeof(text) - n, "%s", fills[(f + i) % 4]);
					n += snprintf(text + n, sizeof(text) - n, "%s", stops[s]);
					n += snprintf(text + n, sizeof(text) - n,
								  "政府信息公开工作年度报告 2023 年%s", wrappers[w][1]);
					CHECK(same_both_ways(stops[s], text, (size_t) n));
				}
}

/* The first occurrence of word in s, the slow way. */
static size_t
naive_find(const char *s, size_t len, const char *word, size_t n)
{
	size_t		i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(s + i, word, n) == 0)
			return i;
	return n == 0 ? 0 : len;
}

/* A small linear congruential generator: the same cases on every run. */
static unsigned
next_random(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) & 0x7FFF;
}

/*
 * gir_find against naive_find: subjects of every length to 100 bytes made of
 * CJK, ASCII and stray bytes (in buffers of their exact size, so that the
 * sanitizers see any read past the end), words drawn from the same pieces
 * and cut from the subject itself, so that hits fall at every offset of a
 * 16-byte block and at the very end.
 */
static void
test_find(void)
{
	static const char *const pieces[] = {
		"申", "请", "公", "开", "件", "a", "1", "，", " ", "\xe8", "\xaf", "\xb7",
	};
	const unsigned npieces = (unsigned) (sizeof(pieces) / sizeof(pieces[0]));
	unsigned	seed = 12345;
	int			round;

	for (round = 0; round < 3000; round++)
	{
		char		text[160],
					word[32];
		size_t		len = 0,
					n = 0,
					want = (size_t) (round % 100);
		char	   *s;
		int			k;

		while (len < want)
		{
			const char *piece = pieces[next_random(&seed) % npieces];
			size_t		pl = strlen(piece);

			memcpy(text + len, piece, pl);
			len += pl;
		}
		if (round % 3 == 0 && len > 0)
		{
			/* a piece of the subject: there is a hit */
			size_t		from = next_random(&seed) % len;

			n = 1 + next_random(&seed) % 12;
			if (n > len - from)
				n = len - from;
			memcpy(word, text + from, n);
		}
		else
			for (k = 1 + (int) (next_random(&seed) % 4); k > 0; k--)
			{
				const char *piece = pieces[next_random(&seed) % npieces];

				memcpy(word + n, piece, strlen(piece));
				n += strlen(piece);
			}
		s = malloc(len > 0 ? len : 1);
		memcpy(s, text, len);
		CHECK_INT_EQ(gir_find(s, len, word, n), naive_find(s, len, word, n));
		free(s);
	}
}

/*
 * gir_next_separator against a byte loop: words of text, digits and
 * separators at every offset of the 16-byte blocks, in buffers of their
 * exact size.
 */
static void
test_separators(void)
{
	static const char *const pieces[] = {"中", "a", "1", "，", " ", "\t", "|", "文件汇编"};
	const unsigned npieces = (unsigned) (sizeof(pieces) / sizeof(pieces[0]));
	unsigned	seed = 54321;
	int			round;

	for (round = 0; round < 2000; round++)
	{
		char		text[160];
		size_t		len = 0,
					want = (size_t) (round % 120);
		const unsigned char *u,
				   *hit;
		char	   *s;

		while (len < want)
		{
			/* separators seldom, so that words span blocks */
			unsigned	k = next_random(&seed) % (npieces * 4);
			const char *piece = pieces[k < npieces ? k : k % 3 == 0 ? 0 : 7];

			memcpy(text + len, piece, strlen(piece));
			len += strlen(piece);
		}
		s = malloc(len > 0 ? len : 1);
		memcpy(s, text, len);
		u = (const unsigned char *) s;
		for (hit = u; hit < u + len && *hit != ' ' && *hit != '\t' && *hit != '|'; hit++)
			;
		CHECK_INT_EQ(gir_next_separator(u, u + len) - u, hit - u);
		free(s);
	}
}

/*
 * Line breaks inside HTML tags of every length to 60 bytes, at every
 * place, and inside comments (every other paragraph): each paragraph keeps
 * the source line it starts on.
 */
static void
test_tag_lines(void)
{
	char		text[8192];
	char	   *out;
	size_t		n = (size_t) snprintf(text, sizeof(text), "<html><body>\n");
	int			k;
	int			line[48];

	for (k = 0; k < 48; k++)
	{
		int			i;

		n += (size_t) snprintf(text + n, sizeof(text) - n, k % 2 ? "<!--" : "<p ");
		for (i = 0; i < k; i++)
			text[n++] = (i * 7 + k) % 11 == 0 ? '\n' : 'a' + i % 26;
		n += (size_t) snprintf(text + n, sizeof(text) - n, k % 2 ? "--><p>" : ">");
		line[k] = 1;
		for (i = 0; i < (int) n; i++)
			line[k] += text[i] == '\n';
		n += (size_t) snprintf(text + n, sizeof(text) - n, "第%d段</p>\n", k);
	}
	out = normalised(text, n, true);
	if (!CHECK(out != NULL))
		return;
	for (k = 0; k < 48; k++)
	{
		char		want[32];

		snprintf(want, sizeof(want), "\n%d:第%d段\n", line[k], k);
		if (!CHECK(strstr(out, want) != NULL))
			fprintf(stderr, "no line %s in\n%s", want + 1, out);
	}
	free(out);
}

static void
compare_file(const char *path)
{
	size_t		len;
	char	   *buf = read_file(path, &len);

	if (CHECK(buf != NULL))
		CHECK(same_both_ways(path, buf, len));
	free(buf);
}

int
main(void)
{
	char		err[256];

	CHECK(gir_patterns_ready(err, sizeof(err)));
	test_stops();
	test_find();
	test_separators();
	test_tag_lines();
	CHECK(for_each_fixture_file(compare_file));
	CHECK(compared > 3000);
	return TAP_DONE();
}
