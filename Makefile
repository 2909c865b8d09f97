# cdtt — build, run, test.  See README.md.
#
#   make            build ./cdtt
#   make run        install missing packages (as root), build, open the program
#   make test       install missing packages (as root), build, run every test suite
#   make sanitize   the whole suite under AddressSanitizer + UndefinedBehaviorSanitizer
#   make install    PREFIX=/usr/local DESTDIR=
#
# Warnings stop the build (-Werror) with WERROR=1. It is the default for the
# developer's targets (test, sanitize, units, valgrind, stress, fuzz*) and off for
# make, make run and make install, so that a newer compiler's new warning does not
# stop an end user. WERROR=0 or WERROR=1 on the command line decides for any target;
# .ci/run sets WERROR=1.

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
CC      ?= cc

DEV_GOALS := test test-run sanitize units valgrind stress fuzz fuzz-build fuzz-smoke
ifneq ($(filter $(DEV_GOALS),$(MAKECMDGOALS)),)
WERROR ?= 1
endif
WERROR ?= 0
export WERROR

PKGS     := ncursesw formw sqlite3 libutf8proc xlsxwriter libsodium libzip expat freexl libzstd libcrypto
PKGCFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKGLIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)

CFLAGS  ?= -O2 -g
override CFLAGS += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
           -Wall -Wextra -Wmissing-prototypes $(if $(filter 1,$(WERROR)),-Werror) -Wno-format-truncation -Iinclude -I/usr/include/iniparser $(PKGCFLAGS) \
           -pthread -DCDTT_VERSION='"$(VERSION)"' -DCDTT_LOCALEDIR='"$(LOCALEDIR)"' $(SAN)
LDLIBS  += $(PKGLIBS) -liniparser -pthread
LDFLAGS += $(SAN)

VERSION   := 0.1.0
LOCALEDIR ?= $(PREFIX)/share/locale

DB_SRC   := $(sort $(wildcard db/*.c))
CLI_SRC  := $(sort $(wildcard cli/*.c))
TUI_SRC  := $(sort $(wildcard tui/*.c))
DB_ASM   := $(sort $(wildcard db/*.S))
DB_OBJ   := $(DB_SRC:%.c=$(BUILD)/%.o) $(DB_ASM:%.S=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TUI_OBJ  := $(TUI_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
PO_FILE  := po/vi.po
MO_FILE  := locale/vi/LC_MESSAGES/cdtt.mo

ifeq ($(BUILD),build)
PROGRAM := cdtt
else
PROGRAM := $(BUILD)/cdtt
endif

.PHONY: man all run test test-run sanitize install uninstall clean deps deps-test units stress fuzz bench valgrind

all: $(PROGRAM) $(MO_FILE)

# Each compile also writes the headers it read into a .d file under $(BUILD)/deps/
# (included at the end), so touching a header rebuilds exactly its users. A missing
# .d file (an older build tree) counts as changed: the target is rebuilt once.
# clang writes the .d file after the output, so DEPDONE gives it the output's time.
DEPFILE  = $(BUILD)/deps/$(patsubst $(BUILD)/%,%,$(basename $@)).d
DEPFLAGS = -MMD -MP -MF $(DEPFILE)
DEPDONE  = @touch -r $@ $(DEPFILE)

# Headers: include/ holds the model's API (db/ implements it; tui/ and cli/ use it); a header
# private to one layer sits in that layer's folder, where its own sources find it beside them.
# The CLI also starts the full screen (tui/tui.h); tests and fuzzers reach into every layer.
TEST_INC := -Idb -Itui
$(BUILD)/cli/%.o: LAYER_INC := -Itui

$(BUILD)/%.o: %.c $(BUILD)/deps/%.d
	@mkdir -p $(dir $@) $(dir $(DEPFILE))
	$(CC) $(CFLAGS) $(LAYER_INC) $(DEPFLAGS) -c -o $@ $<
	$(DEPDONE)

# The official unit lists, built into the program (db/unit-lists/README.md).
$(BUILD)/db/units-builtin.o: db/units-builtin.S $(wildcard db/unit-lists/*.csv)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/libcdttdb.a: $(DB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libcdtttui.a: $(TUI_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(PROGRAM): $(CLI_OBJ) $(BUILD)/libcdtttui.a $(BUILD)/libcdttdb.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libcdtttui.a $(BUILD)/libcdttdb.a $(LDLIBS)

# Unit tests link the db library, the tui library (pure parts such as Telex) and cmocka.
$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/deps/tests/%.d $(BUILD)/libcdtttui.a $(BUILD)/libcdttdb.a
	@mkdir -p $(dir $@) $(dir $(DEPFILE))
	$(CC) $(CFLAGS) $(DEPFLAGS) -Itests/unit $(TEST_INC) $(shell pkg-config --cflags cmocka) -o $@ $< \
	    $(BUILD)/libcdtttui.a $(BUILD)/libcdttdb.a $(LDFLAGS) $(LDLIBS) $(shell pkg-config --libs cmocka)
	$(DEPDONE)

# The Vietnamese catalogue.
$(MO_FILE): $(PO_FILE)
	@mkdir -p $(dir $@)
	msgfmt --check-format -o $@ $(PO_FILE)

units: $(UNIT_BIN)

deps:
	@sh scripts/deps.sh

deps-test:
	@sh scripts/deps.sh --test

run: deps
	@$(MAKE) --no-print-directory all
	./cdtt

test: deps-test
	@$(MAKE) --no-print-directory test-run

test-run: all units
	@CDTT="$(CURDIR)/$(PROGRAM)" BUILD="$(BUILD)" sh tests/run.sh

sanitize: deps-test
	@CFLAGS="-O1 -g -fno-omit-frame-pointer" $(MAKE) --no-print-directory BUILD=build-san \
	    SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" test-run

stress: all
	@CDTT="$(CURDIR)/$(PROGRAM)" STRESS=1 sh tests/run.sh stress

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/doc/cdtt $(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES
	install -m 755 cdtt $(DESTDIR)$(PREFIX)/bin/cdtt
	install -m 644 man/cdtt.1 $(DESTDIR)$(PREFIX)/share/man/man1/cdtt.1
	install -m 644 etc/cdtt.ini.example $(DESTDIR)$(PREFIX)/share/doc/cdtt/cdtt.ini.example
	install -m 644 $(MO_FILE) $(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES/cdtt.mo

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/cdtt $(DESTDIR)$(PREFIX)/share/man/man1/cdtt.1 \
	    $(DESTDIR)$(LOCALEDIR)/vi/LC_MESSAGES/cdtt.mo
	rm -rf $(DESTDIR)$(PREFIX)/share/doc/cdtt

clean:
	rm -rf build build-san build-fuzz cdtt locale

# ---- fuzzing (clang libFuzzer): tests/fuzz/fuzz_*.c ------------------------------
#   make fuzz         each harness for FUZZ_SECONDS (default 600)
#   make fuzz-smoke   each harness for 20 s (CI)
# The db/ and tui/ libraries are built with clang into build-fuzz/; crashes are
# written to build-fuzz/crashes/. ./cdtt is built too: tests/fuzz/make-seeds.sh
# exports the package harness's seeds with it.
FUZZ_SECONDS ?= 600
FUZZ_SRC     := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN     := $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/fuzz/%)

.PHONY: fuzz-build fuzz-smoke

$(BUILD)/fuzz/%: tests/fuzz/%.c $(BUILD)/deps/fuzz/%.d $(BUILD)/libcdtttui.a $(BUILD)/libcdttdb.a
	@mkdir -p $(dir $@) $(dir $(DEPFILE))
	$(CC) $(CFLAGS) $(DEPFLAGS) $(TEST_INC) -fsanitize=fuzzer -o $@ $< $(BUILD)/libcdtttui.a $(BUILD)/libcdttdb.a $(LDLIBS)
	$(DEPDONE)

fuzz-build: $(PROGRAM)
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang CFLAGS="-O1 -g -fno-omit-frame-pointer -Wno-unknown-warning-option" \
	    SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" $(FUZZ_BIN)

fuzz: fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS)

fuzz-smoke: fuzz-build
	@sh tests/fuzz/run.sh 20

# The manual page: man/cdtt.1.in with the commands from the program's own --help.
man: $(PROGRAM)
	sh scripts/man.sh ./$(PROGRAM) > man/cdtt.1

# Every unit test and a few CLI runs under valgrind (no errors, no leaks).
valgrind: deps-test all units
	@CDTT="$(CURDIR)/$(PROGRAM)" BUILD="$(BUILD)" sh tests/valgrind/run.sh

# ---- header dependencies ---------------------------------------------------------
DEPS := $(patsubst $(BUILD)/%,$(BUILD)/deps/%.d,$(basename $(DB_OBJ) $(CLI_OBJ) $(TUI_OBJ) $(UNIT_BIN)) \
        $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%))
$(DEPS):
include $(wildcard $(DEPS))
