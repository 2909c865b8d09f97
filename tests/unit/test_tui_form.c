/* test_tui_form.c — the form engine over the member field table, its fields
 * libformw's (on a curses screen writing to /dev/null): typed text is parsed
 * into the record's stored forms (dates ISO, phones 0xxxxxxxxx, names NFC),
 * choices store codes, and an error focuses its field and leaves that record
 * field unset; keys typed into a field go through composition and Telex. */
#include "testutil.h"
#include "tui-core.h"
#include "tui-form.h"
#include "fields.h"

#include <locale.h>

static void set_text(form *f, const char *column, const char *text)
{
    int i = form_field_index(f, column);
    assert_true(i >= 0);
    form_set_text(f, i, text);
}

/* The text field `column` shows now. */
static void get_text(form *f, const char *column, char *out, size_t n)
{
    int i = form_field_index(f, column);
    assert_true(i >= 0);
    form_get_text(f, i, out, n);
}

/* The number of characters in UTF-8 s. */
static size_t chars_of(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void test_collect_parses_into_the_record(void **state)
{
    (void)state;
    member_entry me;
    memset(&me, 0, sizeof me);
    member_init(&me.m);
    snprintf(me.role, sizeof me.role, "member");
    form f;
    memset(&f, 0, sizeof f);
    form_open(&f, member_form_fields(), &me, NULL, NULL, NULL, NULL);
    set_text(&f, "full_name", "  Nguye\xCC\x82\xCC\x83n   Va\xCC\x86n An ");
    set_text(&f, "birth", "12/03/1985");
    set_text(&f, "phone", "+84 912 345 678");
    set_text(&f, "consent_date", "1-6-2025");
    f.sel[form_field_index(&f, "gender")] = choice_index(CHOICES_GENDER, "female");
    f.sel[form_field_index(&f, "role")] = choice_index(CHOICES_ROLE, "leader");
    f.sel[form_field_index(&f, "consent")] = 1;
    assert_int_equal(form_collect(&f), VALID_OK);
    assert_string_equal(me.m.full_name, "Nguyễn Văn An");
    assert_string_equal(me.m.birth, "1985-03-12");
    assert_string_equal(me.m.phone, "0912345678");
    assert_string_equal(me.m.consent_date, "2025-06-01");
    assert_string_equal(me.m.gender, "female");
    assert_string_equal(me.role, "leader");
    assert_int_equal(me.m.consent, 1);
    form_free(&f);
}

static void test_error_focuses_the_field(void **state)
{
    (void)state;
    member_entry me;
    memset(&me, 0, sizeof me);
    member_init(&me.m);
    form f;
    memset(&f, 0, sizeof f);
    form_open(&f, member_form_fields(), &me, NULL, NULL, NULL, NULL);
    set_text(&f, "full_name", "Trần Thị Bình");
    set_text(&f, "birth", "31/02/1992");
    set_text(&f, "phone", "0912345678");
    f.cur = 0;
    assert_int_equal(form_collect(&f), VALID_ERROR);
    int birth = form_field_index(&f, "birth");
    assert_int_equal(f.cur, birth);
    assert_int_equal(f.sev[birth], VALID_ERROR);
    assert_true(f.msg[birth][0] != 0);
    assert_string_equal(me.m.birth, ""); /* nothing stored for the bad field */
    assert_string_equal(me.m.phone, "0912345678");
    form_free(&f);
}

static void test_required_name(void **state)
{
    (void)state;
    area_rec a;
    area_init(&a);
    form f;
    memset(&f, 0, sizeof f);
    form_open(&f, area_form_fields(), &a, NULL, NULL, NULL, NULL);
    assert_int_equal(form_collect(&f), VALID_ERROR);
    assert_int_equal(f.cur, form_field_index(&f, "name"));
    set_text(&f, "name", "Thôn Đông");
    assert_int_equal(form_collect(&f), VALID_OK);
    assert_string_equal(a.name, "Thôn Đông");
    form_free(&f);
}

static void test_load_shows_stored_forms(void **state)
{
    (void)state;
    member_entry me;
    memset(&me, 0, sizeof me);
    member_init(&me.m);
    snprintf(me.m.full_name, sizeof me.m.full_name, "Lê Thị Bích Ngọc");
    snprintf(me.m.birth, sizeof me.m.birth, "1995-06-05");
    snprintf(me.m.category, sizeof me.m.category, "police");
    snprintf(me.role, sizeof me.role, "deputy");
    form f;
    memset(&f, 0, sizeof f);
    form_open(&f, member_form_fields(), &me, NULL, NULL, NULL, NULL);
    char out[256];
    get_text(&f, "birth", out, sizeof out);
    assert_string_equal(out, "05/06/1995");
    get_text(&f, "full_name", out, sizeof out);
    assert_string_equal(out, "Lê Thị Bích Ngọc");
    assert_int_equal(f.sel[form_field_index(&f, "category")], choice_index(CHOICES_CATEGORY, "police"));
    assert_int_equal(f.sel[form_field_index(&f, "role")], choice_index(CHOICES_ROLE, "deputy"));
    assert_false(f.dirty);
    form_free(&f);
}

/* An e-mail address of 254 characters, the longest validate_email accepts;
 * cut at 100 characters it would still look like an address ("…@…ex"). */
static void long_email(char out[EMAIL_MAX_BYTES + 1])
{
    int n = snprintf(out, EMAIL_MAX_BYTES + 1, "nguyen.thi.mai@");
    while (n < EMAIL_MAX_BYTES - 3)
        n += snprintf(out + n, (size_t)(EMAIL_MAX_BYTES + 1 - n), "ex.");
    snprintf(out + n, (size_t)(EMAIL_MAX_BYTES + 1 - n), "%.*s", EMAIL_MAX_BYTES - n, "vnx");
}

/* Editing another field of a member whose stored e-mail is 254 characters
 * long saves the e-mail whole. */
static void test_long_email_survives_another_edit(void **state)
{
    (void)state;
    char email[EMAIL_MAX_BYTES + 1];
    long_email(email);
    assert_int_equal(strlen(email), EMAIL_MAX_BYTES);
    valid_result vr;
    char ok[256];
    assert_int_equal(validate_email(email, ok, &vr), VALID_OK);
    member_entry me;
    memset(&me, 0, sizeof me);
    member_init(&me.m);
    snprintf(me.m.full_name, sizeof me.m.full_name, "Nguyễn Thị Mai");
    snprintf(me.m.email, sizeof me.m.email, "%s", email);
    snprintf(me.role, sizeof me.role, "member");
    form f;
    memset(&f, 0, sizeof f);
    form_open(&f, member_form_fields(), &me, NULL, NULL, NULL, NULL);
    assert_false(f.cut[form_field_index(&f, "email")]);
    set_text(&f, "note", "Đã đổi số điện thoại");
    assert_int_equal(form_collect(&f), VALID_OK);
    assert_string_equal(me.m.note, "Đã đổi số điện thoại");
    assert_int_equal(strlen(me.m.email), EMAIL_MAX_BYTES);
    assert_string_equal(me.m.email, email);
    form_free(&f);
}

/* Every text field of the record forms holds the longest value its model
 * accepts (the limits of validate.h). */
static void test_fields_hold_the_model_limits(void **state)
{
    (void)state;
    const struct {
        const form_field *fields;
        const char *column;
        int chars;
    } WANT[] = {
        {member_form_fields(), "full_name", NAME_MAX_CHARS}, {member_form_fields(), "email", EMAIL_MAX_BYTES},
        {member_form_fields(), "note", NOTE_MAX_CHARS},      {team_form_fields(), "name", NAME_MAX_CHARS},
        {team_form_fields(), "decision_no", DECISION_NO_MAX_CHARS},
        {team_form_fields(), "decision_issuer", ISSUER_MAX_CHARS},
        {team_form_fields(), "note", NOTE_MAX_CHARS},        {area_form_fields(), "name", NAME_MAX_CHARS},
        {area_form_fields(), "note", NOTE_MAX_CHARS},
    };
    for (size_t k = 0; k < sizeof WANT / sizeof WANT[0]; k++) {
        int found = 0;
        for (const form_field *fd = WANT[k].fields; fd->label; fd++)
            if (strcmp(fd->column, WANT[k].column) == 0) {
                assert_int_equal(fd->width, WANT[k].chars);
                found = 1;
            }
        assert_true(found);
    }
}

/* A stored note longer than its field (written before the limit, or by hand)
 * is shown cut, marked so, and kept whole when the form is saved untouched. */
static void test_overlong_value_is_kept_whole(void **state)
{
    (void)state;
    area_rec a;
    area_init(&a);
    snprintf(a.name, sizeof a.name, "Thôn Đông");
    char note[NOTE_MAX_CHARS + 51];
    memset(note, 'x', sizeof note - 1);
    note[sizeof note - 1] = 0;
    snprintf(a.note, sizeof a.note, "%s", note);
    form f;
    memset(&f, 0, sizeof f);
    form_open(&f, area_form_fields(), &a, NULL, NULL, NULL, NULL);
    int i = form_field_index(&f, "note");
    assert_true(f.cut[i]);
    char shown[NOTE_MAX_CHARS * 4 + 64];
    form_get_text(&f, i, shown, sizeof shown);
    assert_int_equal(chars_of(shown), NOTE_MAX_CHARS);
    set_text(&f, "name", "Thôn Đoài");
    assert_int_equal(form_collect(&f), VALID_OK);
    assert_string_equal(a.name, "Thôn Đoài");
    assert_string_equal(a.note, note); /* not cut to the field */
    form_free(&f);
}

/* A field whose record buffer is smaller than what the field takes: the form
 * refuses the value instead of storing its beginning. */
typedef struct {
    char code[8];
} tiny_rec;
FIELD_STR(tiny_rec, code, code)
static const form_field TINY_FIELDS[] = {
    {"Code", "code", FK_TEXT, 20, NULL, false, ACCESS(code), NULL},
    {NULL, NULL, 0, 0, NULL, false, NULL, NULL, NULL},
};

static void test_a_value_is_never_stored_cut(void **state)
{
    (void)state;
    tiny_rec t = {"abc"};
    form f;
    memset(&f, 0, sizeof f);
    form_open(&f, TINY_FIELDS, &t, NULL, NULL, NULL, NULL);
    set_text(&f, "code", "1234567");
    assert_int_equal(form_collect(&f), VALID_OK);
    assert_string_equal(t.code, "1234567");
    set_text(&f, "code", "123456789012");
    assert_int_equal(form_collect(&f), VALID_ERROR);
    assert_int_equal(f.sev[0], VALID_ERROR);
    assert_non_null(strstr(f.msg[0], "too long"));
    form_free(&f);
}

/* A save that finds the record changed meanwhile once (the stored version
 * is the_stored), then saves; it counts its calls. */
static member_entry the_stored;
static int saves;

static int save_changed_once(form *f, int accept, findings *fs, cdtt_err *e)
{
    (void)accept, (void)fs, (void)e;
    const member_entry *read = f->base;
    saves++;
    if (strcmp(read->m.email, the_stored.m.email) != 0) {
        memcpy(f->stored, &the_stored, sizeof the_stored);
        return REC_CHANGED;
    }
    return 0;
}

/* A member form whose record was read, edited (phone and note), while an
 * import set the e-mail and the note; F2's save then finds the change. */
static void open_changed(form *f, member_entry *me)
{
    memset(me, 0, sizeof *me);
    member_init(&me->m);
    snprintf(me->m.uuid, sizeof me->m.uuid, "00000000-0000-4000-8000-000000000001");
    snprintf(me->m.full_name, sizeof me->m.full_name, "Vũ Thị Mai");
    snprintf(me->m.phone, sizeof me->m.phone, "0912000111");
    snprintf(me->role, sizeof me->role, "member");
    memset(f, 0, sizeof *f);
    form_open(f, member_form_fields(), me, NULL, save_changed_once, NULL, NULL);
    form_track(f, sizeof *me);
    the_stored = *me;
    snprintf(the_stored.m.email, sizeof the_stored.m.email, "mai@example.com");
    snprintf(the_stored.m.note, sizeof the_stored.m.note, "từ danh sách Excel");
    saves = 0;
    set_text(f, "phone", "0912000119");
    set_text(f, "note", "gọi lại sau");
    f->touched[form_field_index(f, "phone")] = true;
    f->touched[form_field_index(f, "note")] = true;
    assert_int_equal(form_collect(f), VALID_OK);
}

/* The fields the question lists: those the file changed, with the user's
 * edits marked. */
static void test_changes_are_listed_field_by_field(void **state)
{
    (void)state;
    form f;
    member_entry me;
    open_changed(&f, &me);
    tui_event f2 = {true, 0, ACT_SAVE, NULL, 0};
    assert_int_equal(form_key(&f, &f2, false, 0), FORM_CHANGED);
    assert_int_equal(saves, 1);
    assert_int_equal(f.n_changes, 2);
    assert_int_equal(f.changes[0], form_field_index(&f, "email"));
    assert_int_equal(f.changes[1], form_field_index(&f, "note"));
    assert_false(form_field_edited(&f, f.changes[0]));
    assert_true(form_field_edited(&f, f.changes[1]));
    char text[256];
    form_value_text(&f, f.changes[0], f.stored, text, sizeof text);
    assert_string_equal(text, "mai@example.com");
    form_value_text(&f, f.changes[0], f.rec, text, sizeof text);
    assert_string_equal(text, "—");
    form_free(&f);
}

/* Merge: the stored value where the user did not edit, theirs where they did. */
static void test_merge_keeps_the_users_edits_only(void **state)
{
    (void)state;
    form f;
    member_entry me;
    open_changed(&f, &me);
    tui_event f2 = {true, 0, ACT_SAVE, NULL, 0};
    assert_int_equal(form_key(&f, &f2, false, 0), FORM_CHANGED);
    assert_int_equal(form_resolve(&f, FORM_MERGE), 1);
    assert_int_equal(saves, 2);
    assert_string_equal(me.m.email, "mai@example.com");
    assert_string_equal(me.m.phone, "0912000119");
    assert_string_equal(me.m.note, "gọi lại sau");
    form_free(&f);
}

/* Keep mine: every field as the form has it; take stored: the stored record,
 * nothing saved. */
static void test_keep_mine_and_take_stored(void **state)
{
    (void)state;
    form f;
    member_entry me;
    tui_event f2 = {true, 0, ACT_SAVE, NULL, 0};
    open_changed(&f, &me);
    assert_int_equal(form_key(&f, &f2, false, 0), FORM_CHANGED);
    assert_int_equal(form_resolve(&f, FORM_KEEP_MINE), 1);
    assert_string_equal(me.m.email, "");
    assert_string_equal(me.m.note, "gọi lại sau");
    form_free(&f);
    open_changed(&f, &me);
    assert_int_equal(form_key(&f, &f2, false, 0), FORM_CHANGED);
    assert_int_equal(form_resolve(&f, FORM_TAKE_STORED), 0);
    assert_int_equal(saves, 1);
    assert_string_equal(me.m.email, "mai@example.com");
    assert_string_equal(me.m.note, "từ danh sách Excel");
    assert_string_equal(me.m.phone, "0912000111");
    assert_false(f.dirty);
    form_free(&f);
}

/* A change in a column no field shows (here the stamp and the read-only team
 * names) is taken in without a question: nothing of the user's is lost. */
static int save_invisible_change(form *f, int accept, findings *fs, cdtt_err *e)
{
    (void)accept, (void)fs, (void)e;
    member_entry *read = f->base;
    saves++;
    if (strcmp(read->m.updated_at, "2026-01-02T03:04:05.006Z") != 0) {
        member_entry now = *read;
        snprintf(now.m.updated_at, sizeof now.m.updated_at, "2026-01-02T03:04:05.006Z");
        snprintf(now.m.team_names, sizeof now.m.team_names, "Tổ Hai");
        memcpy(f->stored, &now, sizeof now);
        return REC_CHANGED;
    }
    return 0;
}

static void test_a_change_no_field_shows_saves_silently(void **state)
{
    (void)state;
    form f;
    member_entry me;
    open_changed(&f, &me);
    f.save = save_invisible_change;
    tui_event f2 = {true, 0, ACT_SAVE, NULL, 0};
    assert_int_equal(form_key(&f, &f2, false, 0), 1);
    assert_int_equal(saves, 2);
    assert_string_equal(me.m.phone, "0912000119");
    assert_string_equal(me.m.team_names, "Tổ Hai"); /* the stored record's, under the form's values */
    form_free(&f);
}

/* ---- typing into the libformw fields ---- */

/* Whether the keys type() and press() give the form are typed with Telex. */
static bool telex_on;

/* Types UTF-8 text into the focused field code point by code point, as
 * term_read delivers it. */
static void type(form *f, const char *s)
{
    while (*s) {
        uint32_t cp;
        unsigned char u = (unsigned char)*s;
        int n = u < 0x80 ? 1 : u < 0xE0 ? 2 : u < 0xF0 ? 3 : 4;
        cp = n == 1 ? u : n == 2 ? (u & 0x1Fu) : n == 3 ? (u & 0x0Fu) : (u & 0x07u);
        for (int i = 1; i < n; i++)
            cp = (cp << 6) | ((unsigned char)s[i] & 0x3Fu);
        s += n;
        tui_event ev = {false, (wint_t)cp, keys_action(false, (wint_t)cp, true), NULL, 0};
        assert_int_equal(form_key(f, &ev, telex_on, 0), 0);
    }
}

/* Sends a curses key to the form. */
static int press(form *f, int k)
{
    tui_event ev = {true, (wint_t)k, keys_action(true, (wint_t)k, true), NULL, 0};
    return form_key(f, &ev, telex_on, 0);
}

/* Focuses the field of column. */
static void go_to(form *f, const char *column)
{
    f->cur = form_field_index(f, column);
    assert_true(f->cur >= 0);
}

/* A member form on an empty member, English, Telex off. */
static void open_member(form *f, member_entry *me)
{
    telex_on = false;
    memset(me, 0, sizeof *me);
    member_init(&me->m);
    snprintf(me->role, sizeof me->role, "member");
    memset(f, 0, sizeof *f);
    form_open(f, member_form_fields(), me, NULL, NULL, NULL, NULL);
}

/* The raw libform buffer of field column, trailing blanks dropped. */
static void raw_buffer(form *f, const char *column, char *out, size_t n)
{
    int i = form_field_index(f, column);
    form_driver_w(f->lf, KEY_CODE_YES, REQ_VALIDATION);
    snprintf(out, n, "%s", field_buffer(f->fld[i], 0));
    size_t len = strlen(out);
    while (len > 0 && out[len - 1] == ' ')
        out[--len] = 0;
}

/* Letters followed by combining marks (in either order) reach the libform
 * field composed: one cell per letter, NFC in the buffer; a lone mark is dropped. */
static void test_decomposed_input_is_composed_before_the_field(void **state)
{
    (void)state;
    form f;
    member_entry me;
    open_member(&f, &me);
    go_to(&f, "full_name");
    type(&f, "\xCC\x81" "\xC4\x90" "a\xCC\xA3\xCC\x86ng Thi\xCC\xA3 Ha\xCC\x80\xCC\x86ng");
    char raw[256];
    raw_buffer(&f, "full_name", raw, sizeof raw);
    assert_string_equal(raw, "Đặng Thị Hằng");
    assert_int_equal(chars_of(raw), 13);
    assert_true(f.touched[form_field_index(&f, "full_name")]);
    assert_int_equal(form_collect(&f), VALID_OK);
    assert_string_equal(me.m.full_name, "Đặng Thị Hằng");
    form_free(&f);
}

/* Telex keys are turned into Vietnamese before they reach the field. */
static void test_telex_into_a_libform_field(void **state)
{
    (void)state;
    form f;
    member_entry me;
    open_member(&f, &me);
    go_to(&f, "full_name");
    telex_on = true;
    type(&f, "Nguyeenx Thij Hawngf");
    char raw[256];
    raw_buffer(&f, "full_name", raw, sizeof raw);
    assert_string_equal(raw, "Nguyễn Thị Hằng");
    press(&f, KEY_BACKSPACE); /* ordinary editing keys still work in Telex mode */
    press(&f, KEY_HOME);
    press(&f, KEY_DC);
    raw_buffer(&f, "full_name", raw, sizeof raw);
    assert_string_equal(raw, "guyễn Thị Hằn");
    telex_on = false;
    form_free(&f);
}

/* A 254-character e-mail address typed into its field (wider than the
 * screen: the field scrolls) is saved whole and shown whole again. */
static void test_long_email_round_trip(void **state)
{
    (void)state;
    char email[EMAIL_MAX_BYTES + 1];
    long_email(email);
    form f;
    member_entry me;
    open_member(&f, &me);
    set_text(&f, "full_name", "Nguyễn Thị Mai");
    go_to(&f, "email");
    type(&f, email);
    type(&f, "x"); /* the field is full: nothing more goes in */
    assert_int_equal(form_collect(&f), VALID_OK);
    assert_string_equal(me.m.email, email);
    form_free(&f);
    memset(&f, 0, sizeof f);
    form_open(&f, member_form_fields(), &me, NULL, NULL, NULL, NULL);
    char shown[EMAIL_MAX_BYTES + 8];
    get_text(&f, "email", shown, sizeof shown);
    assert_string_equal(shown, email);
    assert_false(f.cut[form_field_index(&f, "email")]);
    form_free(&f);
}

/* The form says what it has to say in the report its caller handed it: a
 * save refused for an error is an error message there, and a draw puts the
 * cursor there, on the focused field's row. */
static void test_form_reports_to_its_caller(void **state)
{
    (void)state;
    tui_report said;
    memset(&said, 0, sizeof said);
    form f;
    member_entry me;
    open_member(&f, &me);
    f.out = &said;
    go_to(&f, "birth");
    type(&f, "31/02/1990");
    assert_int_equal(press(&f, KEY_F(2)), 0);
    assert_int_equal(said.msg_sev, 2);
    assert_int_equal(strncmp(said.msg, "Error: ", 7), 0);
    report_cursor(&said, -1, -1);
    form_draw(&f, 1, 20);
    assert_int_equal(said.cur_y, 1 + f.cur - f.top);
    assert_true(said.cur_x > 0);
    form_free(&f);
}

/* A resize to a tiny window and back rebuilds the libform fields and keeps
 * what was typed and not saved, and the focused field. */
static void test_resize_keeps_unsaved_text(void **state)
{
    (void)state;
    form f;
    member_entry me;
    open_member(&f, &me);
    go_to(&f, "full_name");
    type(&f, "Lê Thị Bích Ngọc");
    go_to(&f, "birth");
    type(&f, "05/06/1995");
    resizeterm(5, 20);
    form_draw(&f, 1, 2);
    resizeterm(24, 80);
    form_draw(&f, 1, 20);
    char out[256];
    get_text(&f, "full_name", out, sizeof out);
    assert_string_equal(out, "Lê Thị Bích Ngọc");
    get_text(&f, "birth", out, sizeof out);
    assert_string_equal(out, "05/06/1995");
    assert_ptr_equal(current_field(f.lf), f.fld[form_field_index(&f, "birth")]);
    type(&f, "x"); /* a date field takes digits and separators only */
    get_text(&f, "birth", out, sizeof out);
    assert_string_equal(out, "05/06/1995");
    form_free(&f);
}

/* Dates and phones have their own libform field types; choices are
 * TYPE_ENUM fields showing the pick's label. */
static void test_field_types(void **state)
{
    (void)state;
    form f;
    member_entry me;
    open_member(&f, &me);
    assert_non_null(field_type(f.fld[form_field_index(&f, "birth")]));
    assert_non_null(field_type(f.fld[form_field_index(&f, "phone")]));
    assert_ptr_equal(field_type(f.fld[form_field_index(&f, "gender")]), TYPE_ENUM);
    assert_null(field_type(f.fld[form_field_index(&f, "full_name")]));
    go_to(&f, "gender");
    press(&f, KEY_RIGHT);
    char raw[256];
    raw_buffer(&f, "gender", raw, sizeof raw);
    int g = form_field_index(&f, "gender");
    assert_string_equal(raw, CHOICES_GENDER[f.sel[g]].en);
    set_text(&f, "full_name", "Trần Văn Bình");
    assert_int_equal(form_collect(&f), VALID_OK);
    assert_string_equal(me.m.gender, CHOICES_GENDER[f.sel[g]].code);
    form_free(&f);
}

/* Whether rows (a form's) show every content field of table as its catalogue
 * row describes it (label, kind, choices, required flag), and only those and
 * `others` more. */
static void follows_the_catalogue(const form_field *rows, const char *table, int others)
{
    const record_kind *k = record_kind_of(table);
    int content = 0;
    for (const field_def *d = k->fields; d->column; d++) {
        if (!field_is_content(d) || d->type == FIELD_REF)
            continue;
        content++;
        const form_field *fd = rows;
        while (fd->label && strcmp(fd->column, d->column) != 0)
            fd++;
        assert_non_null(fd->label);
        assert_string_equal(fd->label, d->label);
        assert_ptr_equal(fd->choices, d->choices);
        assert_int_equal(fd->kind == FK_CHOICE, d->type == FIELD_CHOICE);
        assert_int_equal(fd->kind == FK_YESNO, d->type == FIELD_BOOL);
        assert_int_equal(fd->kind == FK_DATE || fd->kind == FK_BIRTH, d->type == FIELD_DATE);
        if (d->type == FIELD_TEXT || d->type == FIELD_CHOICE)
            assert_int_equal(fd->required, (d->flags & FIELD_REQUIRED) != 0);
    }
    int n = 0;
    while (rows[n].label)
        n++;
    assert_int_equal(n, content + others);
}

/* The member, area and team forms show their kind's catalogued fields; a
 * value set through a catalogue row lands in member_rec where the catalogue
 * says. */
static void test_member_form_follows_the_catalogue(void **state)
{
    (void)state;
    const form_field *rows = member_form_fields();
    follows_the_catalogue(rows, "member", 4); /* and the team, role and the two dates of the membership */
    follows_the_catalogue(area_form_fields(), "area", 0);
    follows_the_catalogue(team_form_fields(), "team", 1); /* and its area, picked from a list */
    assert_string_equal(rows[0].column, "full_name");
    assert_int_equal(rows[0].kind, FK_NAME);

    member_entry me;
    memset(&me, 0, sizeof me);
    member_init(&me.m);
    form f;
    memset(&f, 0, sizeof f);
    form_open(&f, rows, &me, NULL, NULL, NULL, NULL);
    set_text(&f, "full_name", "Lò Thị Mai");
    set_text(&f, "email", "  an@example.vn ");
    set_text(&f, "cccd", "001 085 012345");
    set_text(&f, "mooc_date", "5/6/2025");
    f.sel[form_field_index(&f, "youth_union")] = 1;
    f.sel[form_field_index(&f, "mooc_status")] = choice_index(CHOICES_MOOC_STATUS, "completed");
    assert_int_not_equal(form_collect(&f), VALID_ERROR);
    assert_string_equal(me.m.email, "an@example.vn");
    assert_string_equal(me.m.cccd, "001085012345");
    assert_string_equal(me.m.mooc_date, "2025-06-05");
    assert_int_equal(me.m.youth_union, 1);
    assert_string_equal(me.m.mooc_status, "completed");
    set_text(&f, "email", "not an address");
    assert_int_equal(form_collect(&f), VALID_ERROR);
    assert_int_equal(f.cur, form_field_index(&f, "email"));
    form_free(&f);
}

int main(void)
{
    tu_english();
    setlocale(LC_ALL, "C.UTF-8");
    /* libformw needs a curses screen: one that writes nowhere. */
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    SCREEN *scr = newterm("xterm", out, in);
    assert_non_null(scr);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_collect_parses_into_the_record),
        cmocka_unit_test(test_error_focuses_the_field),
        cmocka_unit_test(test_required_name),
        cmocka_unit_test(test_load_shows_stored_forms),
        cmocka_unit_test(test_long_email_survives_another_edit),
        cmocka_unit_test(test_fields_hold_the_model_limits),
        cmocka_unit_test(test_overlong_value_is_kept_whole),
        cmocka_unit_test(test_a_value_is_never_stored_cut),
        cmocka_unit_test(test_changes_are_listed_field_by_field),
        cmocka_unit_test(test_merge_keeps_the_users_edits_only),
        cmocka_unit_test(test_keep_mine_and_take_stored),
        cmocka_unit_test(test_a_change_no_field_shows_saves_silently),
        cmocka_unit_test(test_decomposed_input_is_composed_before_the_field),
        cmocka_unit_test(test_telex_into_a_libform_field),
        cmocka_unit_test(test_long_email_round_trip),
        cmocka_unit_test(test_resize_keeps_unsaved_text),
        cmocka_unit_test(test_form_reports_to_its_caller),
        cmocka_unit_test(test_field_types),
        cmocka_unit_test(test_member_form_follows_the_catalogue),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    endwin();
    delscreen(scr);
    fclose(out);
    fclose(in);
    return rc;
}
