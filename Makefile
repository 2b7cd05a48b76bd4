# safer: one GNU Makefile for the binary, the tests and the benchmarks.
#
#   make                        build ./safer
#   make run                    install missing packages (as root), build,
#                               create safer.db with the Stockport demo, serve it
#   make test                   every test layer; ends with "N passed, N failed"
#   make SAN=address,undefined  build ./safer with sanitizers
#   make unit                   only the unit tests
#   make fuzz                   build the fuzz targets (clang, libFuzzer)
#   make compile_commands.json  for clangd (needs bear)

CC ?= cc
ifeq ($(CC),cc)
CC := gcc
endif
PKGS := sqlite3 libmicrohttpd jansson libsodium gsl libarchive
SAN ?=
O ?= $(if $(SAN),build/san,build)
WERROR ?=

WARN := -Wall -Wextra -Wshadow -Wconversion -Wstrict-prototypes \
	-Wmissing-prototypes -Wpointer-arith -Wformat=2 -Wno-format-nonliteral \
	-Wundef -Wvla -Wimplicit-fallthrough $(if $(WERROR),-Werror)
CFLAGS ?= -O2 -g
ALL_CFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) -Isrc -I$(O)/gen \
	$(shell pkg-config --cflags $(PKGS) 2>/dev/null) -MMD -MP \
	$(if $(SAN),-fsanitize=$(SAN) -fno-omit-frame-pointer -fno-sanitize-recover=all)
LDLIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm
ALL_LDFLAGS := $(LDFLAGS) $(if $(SAN),-fsanitize=$(SAN))

SRC := $(sort $(wildcard src/*/*.c) $(filter-out src/main.c,$(wildcard src/*.c)))
OBJ := $(SRC:%.c=$(O)/%.o) $(O)/gen/static_files.o
STATIC := $(sort $(wildcard src/web/static/*))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%)

.PHONY: all safer run test unit fuzz clean deps-build deps-test bench

all: safer

# ./safer is whichever build was asked for last (plain or SAN=...): the
# target always runs, and copies when the binary differs.
safer: $(O)/safer
ifeq ($(O),build)
	@cmp -s $< $@ || cp -f $< $@
else ifneq ($(SAN),)
	@cmp -s $< $@ || cp -f $< $@
endif

$(O)/safer: $(O)/src/main.o $(O)/libsafer.a
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS)

$(O)/libsafer.a: $(OBJ)
	@rm -f $@
	ar rcs $@ $^

$(O)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(O)/gen/static_files.c: tools/embed.sh $(STATIC)
	@mkdir -p $(dir $@)
	tools/embed.sh $@ $(STATIC)

$(O)/gen/static_files.o: $(O)/gen/static_files.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Unit tests: one cmocka program per file, linked against libsafer.a.
$(O)/tests/%: tests/unit/%.c $(O)/libsafer.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(O)/libsafer.a \
		$(LDLIBS) -lcmocka

unit: $(UNIT_BIN)
	@tests/run-unit $(UNIT_BIN)

# Fuzz targets: clang with libFuzzer, address and undefined sanitizers.
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
fuzz: $(FUZZ_BIN)
build/fuzz/%: tests/fuzz/%.c $(SRC) $(wildcard src/*/*.h) $(STATIC)
	@$(MAKE) --no-print-directory O=build/fuzz/obj CC=clang \
		SAN=address,undefined,fuzzer-no-link build/fuzz/obj/libsafer.a
	clang -std=c11 -D_GNU_SOURCE -g -O1 -Isrc \
		-fsanitize=address,undefined,fuzzer -o $@ $< \
		build/fuzz/obj/libsafer.a $(LDLIBS)

deps-build:
	@tools/deps build
deps-test:
	@tools/deps build test

run: deps-build
	@$(MAKE) --no-print-directory safer
	@test -f safer.db || ./safer --db safer.db demo
	./safer --db safer.db serve

test: deps-test
	@$(MAKE) --no-print-directory WERROR=1 safer
	@tests/run-all

bench:
	@tools/deps build bench
	@$(MAKE) --no-print-directory safer
	@bench/crime && bench/http && bench/slowclients

compile_commands.json:
	bear -- $(MAKE) -B all

clean:
	rm -rf build safer

-include $(OBJ:.o=.d) $(O)/src/main.d
