/*-------------------------------------------------------------------------
 * gir_json.c
 *	  Build jsonb values directly with pushJsonbValue (contrib hstore's
 *	  hstore_to_jsonb idiom), sparing jsonb_in a JSON text to re-parse.
 *
 * This is the only file that calls the jsonb building API; see
 * include/gir_json.h.
 *
 * src/gir_json.c
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "gir_json.h"

#define GIR_JSON_DEPTH	8		/* deepest nesting the layer builds */

struct GirJson
{
	JsonbParseState *state;
	JsonbValue *result;			/* set when the outermost container ends */
	int			depth;
	bool		in_array[GIR_JSON_DEPTH];
};

GirJson *
gir_json_new(void)
{
	return palloc0(sizeof(GirJson));
}

/* A scalar inside the current container. */
static void
push_scalar(GirJson *js, JsonbValue *v)
{
	if (js->depth == 0)
		elog(ERROR, "gireport: a jsonb scalar outside any container");
	pushJsonbValue(&js->state, js->in_array[js->depth - 1] ? WJB_ELEM : WJB_VALUE, v);
}

static void
begin(GirJson *js, JsonbIteratorToken tok, bool array)
{
	if (js->depth >= GIR_JSON_DEPTH)
		elog(ERROR, "gireport: jsonb nesting too deep");
	pushJsonbValue(&js->state, tok, NULL);
	js->in_array[js->depth++] = array;
}

static void
end(GirJson *js, JsonbIteratorToken tok)
{
	JsonbValue *v;

	if (js->depth == 0)
		elog(ERROR, "gireport: unbalanced jsonb container");
	v = pushJsonbValue(&js->state, tok, NULL);
	if (--js->depth == 0)
		js->result = v;
}

void
gir_json_begin_object(GirJson *js)
{
	begin(js, WJB_BEGIN_OBJECT, false);
}

void
gir_json_end_object(GirJson *js)
{
	end(js, WJB_END_OBJECT);
}

void
gir_json_begin_array(GirJson *js)
{
	begin(js, WJB_BEGIN_ARRAY, true);
}

void
gir_json_end_array(GirJson *js)
{
	end(js, WJB_END_ARRAY);
}

void
gir_json_key(GirJson *js, const char *key, int len)
{
	JsonbValue	k;

	k.type = jbvString;
	k.val.string.val = (char *) key;
	k.val.string.len = len;
	pushJsonbValue(&js->state, WJB_KEY, &k);
}

void
gir_json_string(GirJson *js, const char *s, int len)
{
	JsonbValue	v;

	v.type = jbvString;
	v.val.string.val = (char *) s;
	v.val.string.len = len;
	push_scalar(js, &v);
}

void
gir_json_numeric(GirJson *js, Numeric n)
{
	JsonbValue	v;

	v.type = jbvNumeric;
	v.val.numeric = n;
	push_scalar(js, &v);
}

void
gir_json_int(GirJson *js, int64 i)
{
	gir_json_numeric(js, int64_to_numeric(i));
}

void
gir_json_null(GirJson *js)
{
	JsonbValue	v;

	v.type = jbvNull;
	push_scalar(js, &v);
}

Jsonb *
gir_json_finish(GirJson *js)
{
	if (js->depth != 0 || js->result == NULL)
		elog(ERROR, "gireport: unfinished jsonb value");
	return JsonbValueToJsonb(js->result);
}
