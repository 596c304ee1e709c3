# gireport: PGXS build of the extension, plus the core's own tests.
EXTENSION    = gireport
EXTVERSION   = 0.1.0
MODULE_big   = gireport

CORE_SRCS    = $(sort $(wildcard src/core/*.c))
PG_SRCS      = $(sort $(wildcard src/*.c))
OBJS         = $(CORE_SRCS:.c=.o) $(PG_SRCS:.c=.o)

DATA         = $(wildcard gireport--*--*.sql)
DATA_built   = gireport--$(EXTVERSION).sql
# The install script is built from src/sql/*.sql, in name order.
SQL_PARTS    = $(sort $(wildcard src/sql/*.sql))

# Every sql/NAME.sql is a regression test; 00_setup sorts first.
REGRESS      = $(sort $(basename $(notdir $(wildcard sql/*.sql))))
# Chinese fixtures need a UTF-8 test database whatever the cluster default.
REGRESS_OPTS = --encoding=UTF8 --no-locale

EXTRA_CLEAN  = test/bin results regression.diffs regression.out

PG_CONFIG  ?= pg_config
PKG_CONFIG ?= pkg-config
PCRE2_CFLAGS := $(shell $(PKG_CONFIG) --cflags libpcre2-8)
PCRE2_LIBS   := $(shell $(PKG_CONFIG) --libs libpcre2-8)
PG_CPPFLAGS += -Iinclude $(PCRE2_CFLAGS)
SHLIB_LINK  += $(PCRE2_LIBS)

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

gireport--$(EXTVERSION).sql: $(SQL_PARTS)
	cat $(SQL_PARTS) > $@

# The core is the hot code: -O3, and its functions hidden, so that calls
# between its files are direct rather than through the PLT, and the
# compiler may inline them (PostgreSQL 16 hides modules' symbols by itself).
# The library exports only the SQL entry points and their helpers.
CORE_OPTFLAGS = -O3
$(CORE_SRCS:.c=.o): override CFLAGS += $(CORE_OPTFLAGS) -fvisibility=hidden

# PGXS knows no header dependencies: an inline function in a header changes
# the objects that use it.
$(OBJS): $(wildcard include/*.h src/core/*.h)

# ---------- the core, without PostgreSQL ----------
# Each test/test_NAME.c is one test binary linked with the core only.
CORE_CC      ?= cc
CORE_CFLAGS  ?= -O2 -g -Wall -Wextra -Wno-unused-parameter -std=c11
CORE_TESTS   = $(patsubst test/%.c,test/bin/%,$(sort $(wildcard test/test_*.c)))

test/bin/%: test/%.c $(CORE_SRCS) include/*.h src/core/*.h test/tap.h test/files.h
	@mkdir -p test/bin
	$(CORE_CC) $(CORE_CFLAGS) -Iinclude -Isrc/core -Itest $(PCRE2_CFLAGS) -o $@ $< $(CORE_SRCS) $(PCRE2_LIBS)

test/bin/girparse: tools/girparse.c $(CORE_SRCS) include/*.h
	@mkdir -p test/bin
	$(CORE_CC) $(CORE_CFLAGS) -Iinclude $(PCRE2_CFLAGS) -o $@ $< $(CORE_SRCS) $(PCRE2_LIBS)

.PHONY: core-test
core-test: $(CORE_TESTS)
	@set -e; for t in $(CORE_TESTS); do ./$$t; done

# Further targets (fuzzing, benchmarks) live in mk/*.mk.
-include $(sort $(wildcard mk/*.mk))
