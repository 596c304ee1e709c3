/*-------------------------------------------------------------------------
 * gir_json.c
 *	  Build jsonb values directly, sparing jsonb_in a JSON text to re-parse.
 *
 * The builder makes the JsonbValue tree itself and hands it to
 * JsonbValueToJsonb once.  pushJsonbValue would do the same, but it sorts
 * every object's keys with qsort_arg and a comparison through a function
 * pointer (3 % of gir_parse's time, for objects of a handful of keys); here
 * an object's keys are put in jsonb's order (shorter first, then bytewise)
 * by an insertion sort, which is cheap for so few.  This is the only file
 * that builds jsonb; see include/gir_json.h.
 *
 * src/gir_json.c
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "gir_json.h"
#include "utils/memutils.h"

#define GIR_JSON_DEPTH	8		/* deepest nesting the layer builds */

/* A container being filled: its value, and the room of its array. */
typedef struct Frame
{
	JsonbValue	v;				/* jbvArray or jbvObject */
	int			cap;
	bool		want_value;		/* an object's key came, its value not yet */
} Frame;

struct GirJson
{
	Frame		stack[GIR_JSON_DEPTH];
	int			depth;
	JsonbValue *result;			/* set when the outermost container ends */
};

GirJson *
gir_json_new(void)
{
	return palloc0(sizeof(GirJson));
}

/* The slot for the next value of the current container. */
static JsonbValue *
next_slot(GirJson *js)
{
	Frame	   *f;

	if (js->depth == 0)
		elog(ERROR, "gireport: a jsonb value outside any container");
	f = &js->stack[js->depth - 1];
	if (f->v.type == jbvObject)
	{
		if (!f->want_value)
			elog(ERROR, "gireport: a jsonb object value without a key");
		f->want_value = false;
		return &f->v.val.object.pairs[f->v.val.object.nPairs - 1].value;
	}
	if (f->v.val.array.nElems == f->cap)
	{
		f->cap *= 2;
		f->v.val.array.elems = repalloc(f->v.val.array.elems, f->cap * sizeof(JsonbValue));
	}
	return &f->v.val.array.elems[f->v.val.array.nElems++];
}

static void
begin(GirJson *js, enum jbvType type)
{
	Frame	   *f;

	if (js->depth >= GIR_JSON_DEPTH)
		elog(ERROR, "gireport: jsonb nesting too deep");
	f = &js->stack[js->depth++];
	memset(f, 0, sizeof(Frame));
	f->v.type = type;
	f->cap = 8;
	if (type == jbvObject)
		f->v.val.object.pairs = palloc(f->cap * sizeof(JsonbPair));
	else
		f->v.val.array.elems = palloc(f->cap * sizeof(JsonbValue));
}

/* jsonb's order of object keys: shorter first, then bytewise */
static int
key_cmp(const JsonbValue *a, const JsonbValue *b)
{
	if (a->val.string.len != b->val.string.len)
		return a->val.string.len < b->val.string.len ? -1 : 1;
	return memcmp(a->val.string.val, b->val.string.val, a->val.string.len);
}

/* Put an object's pairs in key order; a key given twice is a bug. */
static void
sort_pairs(JsonbPair *pairs, int n)
{
	int			i,
				j;

	for (i = 1; i < n; i++)
	{
		JsonbPair	p = pairs[i];
		int			c = 1;

		for (j = i; j > 0 && (c = key_cmp(&pairs[j - 1].key, &p.key)) > 0; j--)
			pairs[j] = pairs[j - 1];
		if (j > 0 && c == 0)
			elog(ERROR, "gireport: jsonb object key \"%.*s\" given twice",
				 p.key.val.string.len, p.key.val.string.val);
		pairs[j] = p;
	}
	for (i = 0; i < n; i++)
		pairs[i].order = i;
}

static void
end(GirJson *js, enum jbvType type)
{
	Frame	   *f;
	JsonbValue	done;

	if (js->depth == 0 || js->stack[js->depth - 1].v.type != type)
		elog(ERROR, "gireport: unbalanced jsonb container");
	f = &js->stack[js->depth - 1];
	if (f->want_value)
		elog(ERROR, "gireport: a jsonb object key without a value");
	if (type == jbvObject)
		sort_pairs(f->v.val.object.pairs, f->v.val.object.nPairs);
	done = f->v;
	js->depth--;
	if (js->depth == 0)
	{
		js->result = palloc(sizeof(JsonbValue));
		*js->result = done;
	}
	else
		*next_slot(js) = done;
}

void
gir_json_begin_object(GirJson *js)
{
	begin(js, jbvObject);
}

void
gir_json_end_object(GirJson *js)
{
	end(js, jbvObject);
}

void
gir_json_begin_array(GirJson *js)
{
	begin(js, jbvArray);
}

void
gir_json_end_array(GirJson *js)
{
	end(js, jbvArray);
}

void
gir_json_key(GirJson *js, const char *key, int len)
{
	Frame	   *f = js->depth > 0 ? &js->stack[js->depth - 1] : NULL;
	JsonbPair  *p;

	if (f == NULL || f->v.type != jbvObject || f->want_value)
		elog(ERROR, "gireport: a jsonb key out of place");
	if (f->v.val.object.nPairs == f->cap)
	{
		f->cap *= 2;
		f->v.val.object.pairs = repalloc(f->v.val.object.pairs, f->cap * sizeof(JsonbPair));
	}
	p = &f->v.val.object.pairs[f->v.val.object.nPairs++];
	p->key.type = jbvString;
	p->key.val.string.val = (char *) key;
	p->key.val.string.len = len;
	f->want_value = true;
}

void
gir_json_string(GirJson *js, const char *s, int len)
{
	JsonbValue *v = next_slot(js);

	v->type = jbvString;
	v->val.string.val = (char *) s;
	v->val.string.len = len;
}

void
gir_json_numeric(GirJson *js, Numeric n)
{
	JsonbValue *v = next_slot(js);

	v->type = jbvNumeric;
	v->val.numeric = n;
}

/*
 * Cells are small counts, and int64_to_numeric was 2 % of gir_parse's
 * time: the numerics of 0 .. SMALL_INTS-1 are made once per backend (at
 * most some 50 kB) and shared, as JsonbValueToJsonb only copies them.
 */
#define SMALL_INTS	4096

void
gir_json_int(GirJson *js, int64 i)
{
	static Numeric small[SMALL_INTS];

	if (i < 0 || i >= SMALL_INTS)
	{
		gir_json_numeric(js, int64_to_numeric(i));
		return;
	}
	if (small[i] == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

		small[i] = int64_to_numeric(i);
		MemoryContextSwitchTo(old);
	}
	gir_json_numeric(js, small[i]);
}

void
gir_json_null(GirJson *js)
{
	next_slot(js)->type = jbvNull;
}

Jsonb *
gir_json_finish(GirJson *js)
{
	if (js->depth != 0 || js->result == NULL)
		elog(ERROR, "gireport: unfinished jsonb value");
	return JsonbValueToJsonb(js->result);
}
