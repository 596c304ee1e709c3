/*-------------------------------------------------------------------------
 * gir_json.h
 *	  Building jsonb values directly, without JSON text.
 *
 * The only header that knows how jsonb is built (a JsonbValue tree made
 * by src/gir_json.c, turned into jsonb by JsonbValueToJsonb): the rest of
 * the PostgreSQL layer sees an opaque builder.  Containers nest; a scalar
 * or container pushed inside an object needs a key first, and no object
 * may have a key twice.  Everything is allocated in CurrentMemoryContext.
 *
 * include/gir_json.h
 *-------------------------------------------------------------------------
 */
#ifndef GIR_JSON_H
#define GIR_JSON_H

#include "postgres.h"

#include "utils/jsonb.h"
#include "utils/numeric.h"

typedef struct GirJson GirJson;

extern GirJson *gir_json_new(void);
extern void gir_json_begin_object(GirJson *js);
extern void gir_json_end_object(GirJson *js);
extern void gir_json_begin_array(GirJson *js);
extern void gir_json_end_array(GirJson *js);
/* an object key; its text, and a string's, must stay valid until gir_json_finish */
extern void gir_json_key(GirJson *js, const char *key, int len);
extern void gir_json_string(GirJson *js, const char *s, int len);
extern void gir_json_numeric(GirJson *js, Numeric v);
extern void gir_json_int(GirJson *js, int64 v);
extern void gir_json_null(GirJson *js);
/* the finished value, once the outermost container has ended */
extern Jsonb *gir_json_finish(GirJson *js);

#endif							/* GIR_JSON_H */
