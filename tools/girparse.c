/*
 * girparse: print the format-1 JSON of report files, using the core alone.
 *
 *	girparse FILE...    (or - for standard input)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gir_core.h"

static char *
read_all(FILE *f, size_t *len)
{
	size_t		cap = 1 << 16,
				n = 0,
				got;
	char	   *buf = malloc(cap);

	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0)
	{
		n += got;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	*len = n;
	return buf;
}

int
main(int argc, char **argv)
{
	GirOptions	opt = gir_default_options();
	int			i,
				status = 0;

	if (argc < 2)
	{
		fprintf(stderr, "usage: girparse FILE...\n");
		return 2;
	}
	for (i = 1; i < argc; i++)
	{
		FILE	   *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "rb");
		size_t		len;
		char	   *text;
		GirReport  *r;
		char		err[256];

		if (f == NULL)
		{
			perror(argv[i]);
			status = 1;
			continue;
		}
		text = read_all(f, &len);
		if (f != stdin)
			fclose(f);
		if (text == NULL)
		{
			fprintf(stderr, "%s: out of memory\n", argv[i]);
			return 1;
		}
		if (gir_parse_report(text, len, &opt, &r, err, sizeof(err)) != GIR_OK)
		{
			fprintf(stderr, "%s: %s\n", argv[i], err);
			status = 1;
		}
		else
		{
			puts(gir_report_json(r));
			gir_report_free(r);
		}
		free(text);
	}
	return status;
}
