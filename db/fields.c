/* fields.c — the field catalogue (see fields.h): the columns of every table of
 * records, with their labels and kinds of value. */
#include "fields.h"
#include "cdtt.h"
#include "validate.h"

#include "records.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* A field with no struct member, spreadsheet header or option of its own. */
#define ROW(col, typ, lab, list, refd, fl) \
    {.column = col, .type = typ, .label = lab, .choices = list, .ref = refd, .flags = fl}

/* Where a record's struct rec keeps its field col. */
#define AT(rec, col) .off = offsetof(rec, col), .size = sizeof(((rec *)0)->col)

/* A field kept in a struct rec: its column (also the struct member), kind,
 * label, choice list, flags; then, when needed, what its text is (.format), its
 * length (.chars) or the table it refers to (.ref). */
#define FIELD_IN(rec, col, typ, lab, list, fl, ...)                                                  \
    {.column = #col, .type = typ, .label = lab, .choices = list, .flags = fl, AT(rec, col), __VA_ARGS__}
/* A bookkeeping column that the struct rec holds (read, never written by a save). */
#define KEPT_IN(rec, col, typ, lab, fl) {.column = #col, .type = typ, .label = lab, .flags = fl, AT(rec, col)}
/* The stamps of a record kept in rec (see STAMPS), with the ones its struct holds. */
#define KEPT_STAMPS(rec)                                                                            \
    KEPT_IN(rec, uuid, FIELD_TEXT, N_("Record id"), FIELD_HIDDEN),                                   \
    ROW("created_at", FIELD_TEXT, N_("Created"), NULL, NULL, FIELD_HIDDEN),                           \
    KEPT_IN(rec, updated_at, FIELD_TEXT, N_("Changed"), FIELD_HIDDEN),                               \
    ROW("changed_by", FIELD_TEXT, N_("Changed by"), NULL, NULL, FIELD_HIDDEN),                        \
    ROW("base_updated_at", FIELD_TEXT, N_("Changed"), NULL, NULL, FIELD_HIDDEN),                      \
    KEPT_IN(rec, deleted, FIELD_BOOL, N_("Deleted"), FIELD_KEPT)
/* The folded name and sort key of a record kept in rec, derived from its name. */
#define KEPT_NAME_KEYS(rec)                                                                         \
    ROW("name_fold", FIELD_TEXT, N_("Name"), NULL, NULL, FIELD_HIDDEN | FIELD_DERIVED),               \
    KEPT_IN(rec, sort_key, FIELD_TEXT, N_("Name"), FIELD_HIDDEN | FIELD_DERIVED)

/* A member's field: its column (also its member_rec member), kind, label,
 * choice list, flags, `cdtt add` option, spreadsheet header (Vietnamese,
 * English), more headers an imported list may use, and spreadsheet width;
 * then, when needed, what its text is (.format) and its length (.chars). */
#define MEMBER_FIELD(col, typ, lab, list, fl, opt, vi, en, more, w, ...)                              \
    FIELD_IN(member_rec, col, typ, lab, list, fl, .option = opt, .csv_vi = vi, .csv_en = en, .aliases = more, \
             .width = w, __VA_ARGS__)

/* The columns every travelling record carries (records.h: uuid, stamps). */
#define STAMPS                                                                  \
    ROW("uuid", FIELD_TEXT, N_("Record id"), NULL, NULL, FIELD_HIDDEN),            \
    ROW("created_at", FIELD_TEXT, N_("Created"), NULL, NULL, FIELD_HIDDEN),        \
    ROW("updated_at", FIELD_TEXT, N_("Changed"), NULL, NULL, FIELD_HIDDEN),        \
    ROW("changed_by", FIELD_TEXT, N_("Changed by"), NULL, NULL, FIELD_HIDDEN),     \
    ROW("base_updated_at", FIELD_TEXT, N_("Changed"), NULL, NULL, FIELD_HIDDEN),   \
    ROW("deleted", FIELD_BOOL, N_("Deleted"), NULL, NULL, 0)
#define UNIT                                                                    \
    ROW("unit_scheme", FIELD_TEXT, N_("Unit list"), NULL, NULL, 0),                \
    ROW("unit_code", FIELD_TEXT, N_("Commune"), NULL, NULL, 0)
#define END {.column = NULL}

static const field_def AREA[] = {
    UNIT,
    FIELD_IN(area_rec, kind, FIELD_CHOICE, N_("Kind"), CHOICES_AREA_KIND, FIELD_NOT_NULL | FIELD_REQUIRED,
             .chars = 30),
    FIELD_IN(area_rec, name, FIELD_TEXT, N_("Name"), NULL, FIELD_NOT_NULL | FIELD_REQUIRED,
             .format = FIELD_FMT_NAME),
    KEPT_NAME_KEYS(area_rec),
    FIELD_IN(area_rec, note, FIELD_TEXT, N_("Note"), NULL, FIELD_NOT_NULL | FIELD_LONG),
    KEPT_STAMPS(area_rec),
    END,
};

static const field_def TEAM[] = {
    UNIT,
    FIELD_IN(team_rec, level, FIELD_CHOICE, N_("Level"), CHOICES_TEAM_LEVEL, FIELD_NOT_NULL | FIELD_REQUIRED,
             .chars = 30),
    FIELD_IN(team_rec, area_uuid, FIELD_REF, N_("Area"), NULL, 0, .ref = "area"),
    FIELD_IN(team_rec, name, FIELD_TEXT, N_("Team name"), NULL, FIELD_NOT_NULL | FIELD_REQUIRED,
             .format = FIELD_FMT_NAME),
    KEPT_NAME_KEYS(team_rec),
    FIELD_IN(team_rec, decision_no, FIELD_TEXT, N_("Decision number"), NULL, FIELD_NOT_NULL,
             .chars = DECISION_NO_MAX_CHARS),
    FIELD_IN(team_rec, decision_date, FIELD_DATE, N_("Decision date"), NULL, 0),
    FIELD_IN(team_rec, decision_issuer, FIELD_TEXT, N_("Issued by"), NULL, FIELD_NOT_NULL,
             .chars = ISSUER_MAX_CHARS),
    FIELD_IN(team_rec, status, FIELD_CHOICE, N_("Status"), CHOICES_TEAM_STATUS, FIELD_NOT_NULL | FIELD_REQUIRED,
             .chars = 30),
    FIELD_IN(team_rec, note, FIELD_TEXT, N_("Note"), NULL, FIELD_NOT_NULL | FIELD_LONG),
    KEPT_STAMPS(team_rec),
    END,
};

/* More headers an imported member list may give a field (its own
 * csv_vi and csv_en always count); compared with case, accents, spaces and
 * punctuation set aside. */
static const char *const MORE_NAME[] = {"Họ tên", "Họ và tên thành viên", "Name", NULL};
static const char *const MORE_BIRTH[] = {"Năm sinh", "Ngày tháng năm sinh", "Birth date", "Birth", NULL};
static const char *const MORE_GENDER[] = {"Sex", NULL};
static const char *const MORE_PHONE[] = {"Điện thoại", "SĐT", "SDT", "Phone number", "Mobile", NULL};
static const char *const MORE_CCCD[] = {"CCCD", "Số căn cước", "Số căn cước công dân", "Căn cước công dân",
                                        "Citizen ID", "ID number", NULL};
static const char *const MORE_EMAIL[] = {"E-mail", "Thư điện tử", NULL};
static const char *const MORE_YOUTH[] = {"Đoàn viên thanh niên", "Youth Union", NULL};
static const char *const MORE_MOOC[] = {"Học MOOC", "MOOC", "Online training", NULL};
static const char *const MORE_MOOC_DATE[] = {"Ngày hoàn thành học trực tuyến", "Ngày học trực tuyến",
                                             "Ngày học MOOC", "MOOC date", "Online course date",
                                             "Online course completed on", NULL};
static const char *const MORE_ZALO[] = {"Quan tâm Zalo OA", "Zalo", NULL};
static const char *const MORE_CONSENT[] = {"Đồng ý", NULL};
static const char *const MORE_NOTE[] = {"Notes", NULL};

/* The member's fields, in the order of their numbers (conflicts --except). */
static const field_def MEMBER[] = {
    UNIT,
    MEMBER_FIELD(full_name, FIELD_TEXT, N_("Full name"), NULL, FIELD_NOT_NULL | FIELD_REQUIRED, NULL, "Họ và tên",
                 "Full name", MORE_NAME, 26, .format = FIELD_FMT_NAME),
    KEPT_NAME_KEYS(member_rec),
    MEMBER_FIELD(gender, FIELD_CHOICE, N_("Gender"), CHOICES_GENDER, 0, "--gender", "Giới tính", "Gender",
                 MORE_GENDER, 9, .chars = 12),
    MEMBER_FIELD(birth, FIELD_DATE, N_("Birth date"), NULL, FIELD_YEAR, "--birth", "Ngày sinh", "Date of birth",
                 MORE_BIRTH, 12),
    MEMBER_FIELD(phone, FIELD_TEXT, N_("Mobile phone"), NULL, FIELD_PERSONAL, "--phone", "Số điện thoại",
                 "Phone", MORE_PHONE, 13, .format = FIELD_FMT_PHONE),
    MEMBER_FIELD(cccd, FIELD_TEXT, N_("CCCD number"), NULL, FIELD_PERSONAL | FIELD_IDENTIFIER, "--cccd",
                 "Số CCCD", "CCCD number", MORE_CCCD, 14, .format = FIELD_FMT_CCCD),
    MEMBER_FIELD(email, FIELD_TEXT, N_("E-mail"), NULL, FIELD_PERSONAL, "--email", "Email", "Email", MORE_EMAIL,
                 24, .format = FIELD_FMT_EMAIL),
    MEMBER_FIELD(category, FIELD_CHOICE, N_("Category"), CHOICES_CATEGORY, FIELD_NOT_NULL | FIELD_REQUIRED,
                 "--category", "Thành phần", "Category", NULL, 24, .chars = 40),
    MEMBER_FIELD(youth_union, FIELD_BOOL, N_("Youth Union member"), NULL, 0, "--youth-union", "Đoàn viên",
                 "Youth Union member", MORE_YOUTH, 10),
    MEMBER_FIELD(consent, FIELD_BOOL, N_("Consent given"), NULL, FIELD_CONSENT, "--consent",
                 "Đồng ý xử lý dữ liệu", "Consent", MORE_CONSENT, 10),
    MEMBER_FIELD(consent_date, FIELD_DATE, N_("Consent date"), NULL, 0, "--consent-date", "Ngày đồng ý",
                 "Consent date", NULL, 12),
    MEMBER_FIELD(mooc_status, FIELD_CHOICE, N_("MOOC course"), CHOICES_MOOC_STATUS,
                 FIELD_NOT_NULL | FIELD_REQUIRED, "--mooc", "Học trực tuyến", "Online course", MORE_MOOC, 14,
                 .chars = 20),
    MEMBER_FIELD(mooc_date, FIELD_DATE, N_("MOOC completed on"), NULL, 0, "--mooc-date", "Ngày hoàn thành MOOC",
                 "MOOC completed on", MORE_MOOC_DATE, 12),
    MEMBER_FIELD(zalo_date, FIELD_DATE, N_("Follows Zalo OA since"), NULL, 0, "--zalo-date", "Zalo OA",
                 "Zalo OA", MORE_ZALO, 12),
    MEMBER_FIELD(note, FIELD_TEXT, N_("Note"), NULL, FIELD_NOT_NULL | FIELD_LONG, "--note", "Ghi chú", "Note", MORE_NOTE, 30),
    KEPT_STAMPS(member_rec),
    END,
};

static const field_def MEMBERSHIP[] = {
    ROW("team_uuid", FIELD_REF, N_("Team"), NULL, "team", 0),
    ROW("member_uuid", FIELD_REF, N_("Member"), NULL, "member", 0),
    ROW("role", FIELD_CHOICE, N_("Role in team"), CHOICES_ROLE, NULL, 0),
    ROW("date_from", FIELD_DATE, N_("In the team since"), NULL, NULL, 0),
    ROW("date_to", FIELD_DATE, N_("In the team until"), NULL, NULL, 0),
    STAMPS,
    END,
};

static const field_def SESSION[] = {
    UNIT,
    ROW("date", FIELD_DATE, N_("Date"), NULL, NULL, 0),
    ROW("place", FIELD_TEXT, N_("Place"), NULL, NULL, 0),
    ROW("organiser", FIELD_TEXT, N_("Organiser"), NULL, NULL, 0),
    ROW("topic", FIELD_TEXT, N_("Topic"), NULL, NULL, 0),
    ROW("note", FIELD_TEXT, N_("Note"), NULL, NULL, 0),
    STAMPS,
    END,
};

static const field_def ATTENDANCE[] = {
    ROW("session_uuid", FIELD_REF, N_("Training session"), NULL, "training_session", 0),
    ROW("member_uuid", FIELD_REF, N_("Member"), NULL, "member", 0),
    STAMPS,
    END,
};

static const field_def ACTIVITY[] = {
    ROW("team_uuid", FIELD_REF, N_("Team"), NULL, "team", 0),
    ROW("date", FIELD_DATE, N_("Date"), NULL, NULL, 0),
    ROW("type", FIELD_CHOICE, N_("Activity type"), CHOICES_ACTIVITY_TYPE, NULL, 0),
    ROW("people", FIELD_COUNT, N_("People helped"), NULL, NULL, 0),
    ROW("households", FIELD_COUNT, N_("Households helped"), NULL, NULL, 0),
    ROW("note", FIELD_TEXT, N_("Note"), NULL, NULL, 0),
    STAMPS,
    END,
};

static const field_def OFFICE[] = {
    ROW("scheme", FIELD_TEXT, N_("Unit list"), NULL, NULL, 0),
    ROW("code", FIELD_TEXT, N_("Code"), NULL, NULL, 0),
    ROW("level", FIELD_TEXT, N_("Level"), NULL, NULL, 0),
    ROW("name", FIELD_TEXT, N_("Name"), NULL, NULL, 0),
    ROW("id", FIELD_COUNT, N_("Record id"), NULL, NULL, FIELD_HIDDEN),
    ROW("created_at", FIELD_TEXT, N_("Created"), NULL, NULL, FIELD_HIDDEN),
    END,
};

static const record_kind KINDS[] = {
    {"area", N_("village or residential group"), "name", AREA},
    {"team", N_("team"), "name", TEAM},
    {"member", N_("member"), "full_name", MEMBER},
    {"membership", N_("membership"), NULL, MEMBERSHIP},
    {"training_session", N_("training session"), "topic", SESSION},
    {"attendance", N_("attendance"), NULL, ATTENDANCE},
    {"activity", N_("activity"), NULL, ACTIVITY},
    {"office", N_("office"), "name", OFFICE},
};

const record_kind *record_kind_next(const record_kind *k)
{
    size_t i = k ? (size_t)(k - KINDS) + 1 : 0;
    return i < sizeof KINDS / sizeof KINDS[0] ? &KINDS[i] : NULL;
}

const record_kind *record_kind_of(const char *table)
{
    for (size_t i = 0; table && i < sizeof KINDS / sizeof KINDS[0]; i++)
        if (strcmp(KINDS[i].table, table) == 0)
            return &KINDS[i];
    return NULL;
}

const field_def *field_of(const char *table, const char *column)
{
    const record_kind *k = record_kind_of(table);
    for (const field_def *f = k ? k->fields : NULL; f && f->column && column; f++)
        if (strcmp(f->column, column) == 0)
            return f;
    return NULL;
}

const char *field_def_label(const field_def *f)
{
    return _(f->label);
}

void field_value_text(const field_def *f, const char *stored, int full, char *out, size_t n)
{
    if (!stored || !stored[0]) {
        snprintf(out, n, "—");
        return;
    }
    if ((f->flags & FIELD_PERSONAL) && !full) {
        snprintf(out, n, "%s", _("(hidden)"));
        return;
    }
    switch (f->type) {
    case FIELD_DATE: {
        char d[11];
        date_to_display(stored, d);
        snprintf(out, n, "%s", d);
        break;
    }
    case FIELD_CHOICE:
        snprintf(out, n, "%s", choice_label(f->choices, stored));
        break;
    case FIELD_BOOL:
        snprintf(out, n, "%s", strcmp(stored, "0") == 0 ? _("no") : _("yes"));
        break;
    default:
        snprintf(out, n, "%s", stored);
    }
}

/* ---- a record's content columns, by label and number --------------------
 * The content columns of a table are its catalogue rows that are not
 * bookkeeping (FIELD_HIDDEN): they are numbered 1, 2, … in catalogue order,
 * which is how a field is chosen on the command line (conflicts --except). */

const char *field_label(const char *table, const char *column)
{
    const field_def *f = field_of(table, column);
    return f ? field_def_label(f) : column;
}

int field_number(const char *table, const char *column)
{
    const record_kind *k = record_kind_of(table);
    int n = 0;
    for (const field_def *f = k ? k->fields : NULL; f && f->column; f++) {
        if (f->flags & FIELD_HIDDEN)
            continue;
        n++;
        if (strcmp(f->column, column) == 0)
            return n;
    }
    return 0;
}

const char *field_by_number(const char *table, int number)
{
    const record_kind *k = record_kind_of(table);
    int n = 0;
    for (const field_def *f = k ? k->fields : NULL; f && f->column; f++)
        if (!(f->flags & FIELD_HIDDEN) && ++n == number)
            return f->column;
    return NULL;
}

char *field_display(const char *table, const char *column, const char *value)
{
    const field_def *f = field_of(table, column);
    if (!value || !*value)
        return xstrdup("");
    char out[1024];
    if (!f)
        return xstrdup(value);
    field_value_text(f, value, 1, out, sizeof out);
    return xstrdup(out);
}

/* ---- the columns no one types, and the personal-data rule ----------------- */

const char *const FIELD_BOOKKEEPING[] = {
    "uuid", "unit_scheme", "unit_code", "created_at", "updated_at", "changed_by", "deleted", "version",
    "base_version", NULL,
};

int field_shown(const field_def *f, int consented, int full)
{
    if (full || !(f->flags & FIELD_PERSONAL))
        return 1;
    return consented && !(f->flags & FIELD_IDENTIFIER);
}

const field_def *record_consent_field(const record_kind *k)
{
    for (const field_def *f = k ? k->fields : NULL; f && f->column; f++)
        if (f->flags & FIELD_CONSENT)
            return f;
    return NULL;
}

int field_max_chars(const field_def *f)
{
    if (f->chars > 0)
        return f->chars;
    if (f->type == FIELD_DATE)
        return DATE_MAX_CHARS;
    if (f->type != FIELD_TEXT)
        return 0;
    static const int BY_FORMAT[] = {
        [FIELD_FMT_LINE] = 0, [FIELD_FMT_NAME] = NAME_MAX_CHARS, [FIELD_FMT_PHONE] = PHONE_TYPED_MAX_CHARS,
        [FIELD_FMT_CCCD] = CCCD_TYPED_MAX_CHARS, [FIELD_FMT_EMAIL] = EMAIL_MAX_BYTES,
    };
    if (BY_FORMAT[f->format])
        return BY_FORMAT[f->format];
    return f->flags & FIELD_LONG ? NOTE_MAX_CHARS : NAME_MAX_CHARS; /* a line: as long as a name */
}

int field_is_content(const field_def *f)
{
    return f->size > 0 && !(f->flags & (FIELD_HIDDEN | FIELD_KEPT));
}
