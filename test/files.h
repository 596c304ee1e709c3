/*
 * files.h
 *	  Reading a whole report file, for the core's tests and bench drivers.
 *
 * The buffer holds exactly the file's bytes, with no NUL after them, as a
 * varlena's text has none: a parser that reads past the end shows up under
 * the sanitizers and valgrind.
 */
#ifndef GIR_FILES_H
#define GIR_FILES_H

#include <stdio.h>
#include <stdlib.h>

/* The bytes of path (malloc'd; *len their number), or NULL. */
static inline char *
read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(n > 0 ? (size_t) n : 1);
	if (buf && fread(buf, 1, (size_t) n, f) != (size_t) n)
	{
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = n > 0 ? (size_t) n : 0;
	return buf;
}

#endif							/* GIR_FILES_H */
