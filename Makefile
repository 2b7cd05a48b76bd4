# safer: one GNU Makefile for the binary, the tests and the benchmarks.
#
#   make                        build ./safer
#   make run                    install missing packages (as root), build,
#                               create safer.db with the Stockport demo, serve it
#                               (make run DB=PATH LISTEN=HOST:PORT to choose)
#   make test                   every test layer; ends with "N passed, N failed, N skipped"
#   make SAN=address,undefined  build ./safer with sanitizers (undefined
#                               brings float-cast-overflow, which GCC's
#                               undefined leaves out)
#   make unit                   only the unit tests
#   make fuzz                   build the fuzz targets (clang, libFuzzer)
#   make compile_commands.json  for clangd (needs bear)

CC ?= cc
ifeq ($(CC),cc)
CC := gcc
endif
PKGS := sqlite3 libmicrohttpd jansson libsodium gsl libarchive libcrypto libdeflate \
	libxml-2.0
SAN ?=
O ?= $(if $(SAN),build/san,build)
WERROR ?=

# The sanitizers asked for, with float-cast-overflow beside undefined: GCC
# does not count a double too large for the integer it is cast to as
# undefined behaviour to check, though C does.
comma := ,
empty :=
space := $(empty) $(empty)
SAN_LIST := $(subst $(comma),$(space),$(SAN))
SAN_LIST += $(if $(filter undefined,$(SAN_LIST)),float-cast-overflow)
SAN_FLAGS := $(subst $(space),$(comma),$(strip $(sort $(SAN_LIST))))

WARN := -Wall -Wextra -Wshadow -Wconversion -Wstrict-prototypes \
	-Wmissing-prototypes -Wpointer-arith -Wformat=2 -Wno-format-nonliteral \
	-Wundef -Wvla -Wimplicit-fallthrough $(if $(WERROR),-Werror)
CFLAGS ?= -O2 -g
ALL_CFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) -Isrc -I$(O)/gen \
	$(shell pkg-config --cflags $(PKGS) 2>/dev/null) -MMD -MP \
	$(if $(SAN),-fsanitize=$(SAN_FLAGS) -fno-omit-frame-pointer -fno-sanitize-recover=all)
LDLIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm
ALL_LDFLAGS := $(LDFLAGS) $(if $(SAN),-fsanitize=$(SAN_FLAGS))

SRC := $(sort $(wildcard src/*/*.c) $(filter-out src/main.c,$(wildcard src/*.c)))
OBJ := $(SRC:%.c=$(O)/%.o) $(O)/gen/static_files.o
STATIC := $(sort $(wildcard src/web/static/*))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%)

.PHONY: all safer run test unit fuzz clean deps-build deps-test bench FORCE

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

# What $(O) is built with (as git's GIT-CFLAGS): rewritten only when the
# compiler, CFLAGS or the sanitizers change, and a prerequisite of every
# object, so that a build with other flags (another SAN) into the same
# folder rebuilds instead of mixing.  Warnings do not change the code.
BUILT_WITH := $(CC) $(CFLAGS) $(SAN_FLAGS) $(LDFLAGS)
$(O)/flags: FORCE
	@mkdir -p $(dir $@)
	@echo '$(BUILT_WITH)' | cmp -s - $@ || echo '$(BUILT_WITH)' > $@

$(O)/%.o: %.c $(O)/flags
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(O)/gen/static_files.c: tools/embed.sh $(STATIC)
	@mkdir -p $(dir $@)
	tools/embed.sh $@ $(STATIC)

$(O)/gen/static_files.o: $(O)/gen/static_files.c $(O)/flags
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
		SAN=address,undefined,float-cast-overflow,fuzzer-no-link \
		build/fuzz/obj/libsafer.a
	clang -std=c11 -D_GNU_SOURCE -g -O1 -Isrc \
		-fsanitize=address,undefined,float-cast-overflow,fuzzer -o $@ $< \
		build/fuzz/obj/libsafer.a $(LDLIBS)

deps-build:
	@tools/deps build
deps-test:
	@tools/deps build test

# make run DB=PATH LISTEN=HOST:PORT: another database or address.
DB ?= safer.db
LISTEN ?= 127.0.0.1:8080
run: deps-build
	@$(MAKE) --no-print-directory safer
	@test -f '$(DB)' || ./safer --db '$(DB)' demo
	./safer --db '$(DB)' serve --listen '$(LISTEN)'

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
