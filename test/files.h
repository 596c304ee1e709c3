/*
 * files.h
 *	  Reading report files, for the core's tests and bench drivers.
 *
 * The buffer holds exactly the file's bytes, with no NUL after them, as a
 * varlena's text has none: a parser that reads past the end shows up under
 * the sanitizers and valgrind.
 */
#ifndef GIR_FILES_H
#define GIR_FILES_H

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/*
 * Call each(path) for every file of dir but hidden ones and *.json (the
 * truth files).  False, after saying why, if dir cannot be opened and is
 * not optional (a fixture directory of the project, not ../shared).
 */
static inline bool
for_each_report_file(const char *dir, void (*each) (const char *path), bool optional)
{
	DIR		   *d = opendir(dir);
	struct dirent *e;

	if (d == NULL)
	{
		if (!optional)
			perror(dir);
		return optional;
	}
	while ((e = readdir(d)) != NULL)
	{
		char		path[1024];

		if (e->d_name[0] == '.' || strstr(e->d_name, ".json"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		each(path);
	}
	closedir(d);
	return true;
}

/*
 * Call each(path) for every report file of the fixtures: data/samples and
 * data/cases, which must be there, and data/damaged and
 * ../shared/corpus/seeds, when they are.  False if a required one is
 * missing.
 */
static inline bool
for_each_fixture_file(void (*each) (const char *path))
{
	bool		ok = for_each_report_file("data/samples", each, false);

	ok &= for_each_report_file("data/cases", each, false);
	for_each_report_file("data/damaged", each, true);
	for_each_report_file("../shared/corpus/seeds", each, true);
	return ok;
}

#endif							/* GIR_FILES_H */
