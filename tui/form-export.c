/* form-export.c — the export forms: a package for the level above, and a table
 * as CSV or every table as an Excel workbook. Both are form-engine forms whose
 * save writes the file (asking before an existing file is replaced). */
#include "tui-exchange.h"
#include "tui-screens.h"
#include "csvio.h"
#include "office.h"
#include "conflict.h"
#include "package.h"
#include "progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* The longest file name the forms take, in characters. */
#define PATH_FIELD_CHARS 200

typedef struct {
    char path[UTF8_BUF(PATH_FIELD_CHARS)]; /* holds every name the field takes, uncut */
    char table[16]; /* a csvio table name, or "xlsx" */
    int full;
    int plain;      /* a package for an office above that runs an older cdtt (not compressed) */
    int force;      /* the user agreed to replace the existing file */
} export_rec;

FIELD_STR(export_rec, path, path)
FIELD_STR(export_rec, table, table)
FIELD_INT(export_rec, full, full)
FIELD_INT(export_rec, plain, plain)

/* What the sheet export can write. */
static const choice SHEET_TABLES[] = {
    {"xlsx", "Mọi bảng: sổ Excel (.xlsx)", "Every table: Excel workbook (.xlsx)"},
    {"members", "Thành viên (.csv)", "Members (.csv)"},
    {"teams", "Tổ (.csv)", "Teams (.csv)"},
    {"areas", "Thôn, tổ dân phố (.csv)", "Villages and groups (.csv)"},
    {"sessions", "Buổi tập huấn (.csv)", "Training sessions (.csv)"},
    {"activities", "Hoạt động (.csv)", "Activities (.csv)"},
    {NULL, NULL, NULL},
};

static const form_field PACKAGE_FIELDS[] = {
    {N_("File name"), "path", FK_TEXT, PATH_FIELD_CHARS, NULL, true, ACCESS(path), NULL},
    {N_("Include personal identifiers"), "full", FK_YESNO, 6, NULL, true, ACCESS(full), NULL},
    {N_("For an older cdtt (not compressed)"), "plain", FK_YESNO, 6, NULL, true, ACCESS(plain), NULL},
    {NULL, NULL, 0, 0, NULL, false, NULL, NULL, NULL},
};

static const form_field SHEET_FIELDS[] = {
    {N_("What"), "table", FK_CHOICE, 40, SHEET_TABLES, true, ACCESS(table), NULL},
    {N_("File name"), "path", FK_TEXT, PATH_FIELD_CHARS, NULL, true, ACCESS(path), NULL},
    {N_("Include personal identifiers"), "full", FK_YESNO, 6, NULL, true, ACCESS(full), NULL},
    {NULL, NULL, 0, 0, NULL, false, NULL, NULL, NULL},
};

/* "cdtt-CODE-YYYY-MM-DD" followed by ext, in the current folder. */
static void default_name(tui_ctx *cx, char *out, size_t n, const char *ext)
{
    office_rec o;
    char day[16];
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(day, sizeof day, "%Y-%m-%d", &tm);
    snprintf(out, n, "cdtt-%s-%s%s", office_get(cx->db, &o) == 0 ? o.code : "office", day, ext);
}

/* Adds the sheet export's extension (.xlsx or .csv) to r->path when it is
 * missing; false when the name would be too long. */
static bool add_extension(export_rec *r)
{
    if (!r->table[0])
        return true; /* a package keeps the name typed */
    const char *ext = strcmp(r->table, "xlsx") == 0 ? ".xlsx" : ".csv";
    size_t n = strlen(r->path), k = strlen(ext);
    if (n >= k && strcmp(r->path + n - k, ext) == 0)
        return true;
    if (n + k >= sizeof r->path)
        return false;
    strcat(r->path, ext);
    return true;
}

/* Asked before the file is written (the form's confirm_save): an existing
 * file is replaced only when the user agrees; declining is not an error,
 * the message line says that nothing was written. */
static bool confirm_write(form *f)
{
    tui_ctx *cx = form_screen_ctx(f);
    export_rec *r = f->rec;
    struct stat st;
    r->force = 0;
    if (!add_extension(r)) {
        ctx_message(cx, 2, "%s%s", _("Error: "), _("the file name is too long"));
        return false;
    }
    if (stat(r->path, &st) != 0)
        return true;
    char q[700];
    snprintf(q, sizeof q, _("%s exists. Replace it?"), r->path);
    if (!ctx_confirm(cx, q)) {
        ctx_message(cx, 0, _("Nothing written: %s is kept as it was. Give another file name, or press F2 again to "
                         "replace it."),
                    r->path);
        return false;
    }
    r->force = 1;
    return true;
}

/* Writes into out the file's name and the folder it is in ("x.cdtt in the
 * folder /home/ubnd"), so that the official can find it. */
static void where(const char *path, char *out, size_t n)
{
    char *full = realpath(path, NULL);
    const char *p = full ? full : path, *slash = strrchr(p, '/');
    if (slash && slash != p)
        snprintf(out, n, _("%s in the folder %.*s"), slash + 1, (int)(slash - p), p);
    else if (slash)
        snprintf(out, n, _("%s in the folder %.*s"), slash + 1, 1, p);
    else
        snprintf(out, n, "%s", p);
    free(full);
}

/* The message after a file was written. */
static char written_[1200];

/* Writes the package; an existing file is replaced only after confirmation. */
static int save_package(form *f, int accept_warnings, findings *fs, cdtt_err *e)
{
    tui_ctx *cx = form_screen_ctx(f);
    (void)accept_warnings;
    (void)fs;
    export_rec *r = f->rec;
    package_export_opts o = {.full = r->full, .force = r->force, .plain = r->plain};
    package_manifest m;
    progress_start(_("Exporting"));
    if (package_export(cx->db, r->path, &o, progress_package_cb, NULL, &m, e) < 0)
        return -1;
    char at[900];
    where(r->path, at, sizeof at);
    snprintf(written_, sizeof written_, r->full ? _("Package written to %s (with personal identifiers).")
                                                : _("Package written to %s (personal identifiers left out)."),
             at);
    long long open = conflict_open_count(cx->db);
    if (open > 0) {
        size_t len = strlen(written_);
        snprintf(written_ + len, sizeof written_ - len, " %s",
                 _("Conflicts are still open: the package carries this office's version of those records."));
    }
    return 0;
}

/* Writes the chosen table as CSV, or every table as xlsx; the extension is added when missing. */
static int save_sheet(form *f, int accept_warnings, findings *fs, cdtt_err *e)
{
    tui_ctx *cx = form_screen_ctx(f);
    (void)accept_warnings;
    (void)fs;
    export_rec *r = f->rec;
    bool xlsx = strcmp(r->table, "xlsx") == 0;
    if (!add_extension(r))
        return err_set(e, "%s", _("the file name is too long")), -1;
    csvio_export_opts o = {r->full, r->force, progress_csvio_cb, NULL, NULL, NULL};
    progress_start(_("Exporting"));
    long long rows = 0;
    int rc = xlsx ? report_office_xlsx(cx->db, cx->cfg, r->path, &o, e)
                  : csvio_export_csv(cx->db, csvio_table_from_name(r->table), r->path, &o, &rows, e);
    if (rc < 0)
        return -1;
    char at[900];
    where(r->path, at, sizeof at);
    if (xlsx)
        snprintf(written_, sizeof written_, _("Workbook written to %s."), at);
    else
        snprintf(written_, sizeof written_, _("%lld rows written to %s."), rows, at);
    return 0;
}

/* After a file was written: back to the menu, saying where it is. */
static void written(form_screen *fs)
{
    tui_ctx *cx = fs->base.cx;
    ctx_pop(cx);
    ctx_message(cx, 0, "%s", written_);
}

/* A form screen over a new export_rec with a default file name. */
static tui_screen *export_form(tui_ctx *cx, const char *title, const form_field *fields, form_save_fn save,
                               const char *table, const char *ext)
{
    export_rec *r = xcalloc(1, sizeof *r);
    snprintf(r->table, sizeof r->table, "%s", table);
    default_name(cx, r->path, sizeof r->path, ext);
    form_screen *fs = form_screen_new(cx, title, fields, r, true, NULL, save);
    fs->f.confirm_save = confirm_write;
    fs->saved = written;
    return &fs->base;
}

tui_screen *screen_export_package_new(tui_ctx *cx)
{
    return export_form(cx, _("Export a package for the level above"), PACKAGE_FIELDS, save_package, "", ".cdtt");
}

tui_screen *screen_export_sheet_new(tui_ctx *cx)
{
    return export_form(cx, _("Export to Excel"), SHEET_FIELDS, save_sheet, "xlsx", "");
}
