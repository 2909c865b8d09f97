/* csvio-import-place.c — the village or residential group and the team a row
 * names, found by exact name (Thôn Hà and Thôn Hạ are two villages; case,
 * spacing and tone placement do not count), created when missing. */
#include "csvio-import.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void note_created(importer *im, const char *what, const char *name)
{
    char line[700];
    snprintf(line, sizeof line, "%s %s", what, name);
    csvio_list_push(&im->s->created, &im->s->n_created, xstrdup(line));
}

/* The kind of a village or residential group, guessed from how its name starts. */
static const char *area_kind_of(const char *name)
{
    static const struct {
        const char *prefix, *kind;
    } KINDS[] = {
        {"thon ", "thon"}, {"ban ", "ban"},   {"ap ", "ap"},
        {"buon ", "buon"}, {"khom ", "khom"}, {"to dan pho ", "to_dan_pho"},
        {"tdp ", "to_dan_pho"}, {"to ", "to_dan_pho"}, {"khu pho ", "khu_pho"},
        {"khu ", "khu_pho"},
    };
    char *f = text_fold(name);
    const char *kind = "other";
    for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++)
        if (strncmp(f, KINDS[i].prefix, strlen(KINDS[i].prefix)) == 0) {
            kind = KINDS[i].kind;
            break;
        }
    free(f);
    return kind;
}

/* Reports that several records share the name in column field; hint (NULL
 * for: a list cannot tell them apart) says what to do. */
static void report_shared(importer *im, const name_lookup *l, const char *kind, const char *name,
                          const char *hint, int field, int *row_errors)
{
    char msg[1600], v[256];
    name_lookup_explain(l, kind, name,
                        hint ? hint : _("a list cannot say which: give them different names first"),
                        msg, sizeof msg);
    import_shown(name, v, sizeof v);
    import_problem(im, "%s:%ld: %s \"%s\": %s", im->path, im->line, im->cols.header[field], v, msg);
    (*row_errors)++;
}

/* The row's area: found (exact name), or created. area_uuid "" when the row
 * names none. kind gets a created area's kind. Returns 0, 1 refused, -1. */
static int find_or_make_area(importer *im, const csvio_member_row *row, char area_uuid[UUID_LEN],
                             char kind[16], int *row_errors)
{
    area_uuid[0] = kind[0] = '\0';
    if (!row->area[0])
        return 0;
    name_lookup l;
    if (area_lookup(im->db, row->area, NULL, 0, &l) == 0) {
        snprintf(area_uuid, UUID_LEN, "%s", l.uuid);
        return 0;
    }
    if (l.n > 1) {
        report_shared(im, &l, "area", row->area, NULL, CSVIO_F_AREA, row_errors);
        return 1;
    }
    area_rec a;
    area_init(&a);
    COPY(a.name, row->area);
    COPY(a.kind, area_kind_of(row->area));
    findings f = {0};
    int rc = import_after_save(im, area_save(im->db, &a, 1, &f, im->e), &f, CSVIO_F_AREA, row_errors);
    if (rc != 0)
        return rc;
    im->s->areas_created++;
    note_created(im, _("area"), a.name);
    snprintf(area_uuid, UUID_LEN, "%s", a.uuid);
    snprintf(kind, 16, "%s", a.kind);
    return 0;
}

/* The level of a new team in an area of kind (commune-level without one). */
static const char *team_level(const char *area_uuid, const char *kind)
{
    if (!area_uuid[0])
        return "commune";
    return strcmp(kind, "to_dan_pho") == 0 || strcmp(kind, "khu_pho") == 0 ? "group" : "village";
}

/* Finds or creates the area and team of the row. Returns 0, 1 (row refused) or -1. */
static int find_or_make_team(importer *im, const csvio_member_row *row, char team_uuid[UUID_LEN],
                             int *row_errors)
{
    char area_uuid[UUID_LEN], kind[16];
    int rc = find_or_make_area(im, row, area_uuid, kind, row_errors);
    if (rc != 0)
        return rc;
    /* Without an area column a team is looked for in every area. */
    int any_area = im->cols.col[CSVIO_F_AREA] < 0;
    name_lookup l;
    if (team_lookup(im->db, row->team, any_area ? NULL : area_uuid, NULL, 0, &l) == 0) {
        snprintf(team_uuid, UUID_LEN, "%s", l.uuid);
        return 0;
    }
    if (l.n > 1) {
        char hint[300];
        snprintf(hint, sizeof hint, _("add a column \"%s\" to say which"), "Thôn/Tổ dân phố");
        report_shared(im, &l, "team", row->team, any_area ? hint : NULL, CSVIO_F_TEAM, row_errors);
        return 1;
    }
    area_rec known;
    if (area_uuid[0] && !kind[0] && area_get(im->db, area_uuid, &known) == 0)
        COPY(kind, known.kind);
    team_rec t;
    team_init(&t);
    COPY(t.name, row->team);
    COPY(t.area_uuid, area_uuid);
    COPY(t.level, team_level(area_uuid, kind));
    findings f = {0};
    rc = import_after_save(im, team_save(im->db, &t, 1, &f, im->e), &f, CSVIO_F_TEAM, row_errors);
    if (rc != 0)
        return rc;
    im->s->teams_created++;
    note_created(im, _("team"), t.name);
    snprintf(team_uuid, UUID_LEN, "%s", t.uuid);
    return 0;
}

int import_resolve_team(importer *im, const csvio_member_row *row, char team_uuid[UUID_LEN],
                        int *row_errors)
{
    char key[1100];
    snprintf(key, sizeof key, "%s\x1f%s", row->team, row->area);
    int i;
    if (!im->teams)
        im->teams = strmap_new();
    if (strmap_get(im->teams, key, &i)) {
        snprintf(team_uuid, UUID_LEN, "%s", im->team_uuid.uuid[i]);
        return 0;
    }
    int rc = find_or_make_team(im, row, team_uuid, row_errors);
    if (rc == 0) {
        im->team_uuid.uuid = xrealloc(im->team_uuid.uuid, (size_t)(im->team_uuid.n + 1) * UUID_LEN);
        snprintf(im->team_uuid.uuid[im->team_uuid.n], UUID_LEN, "%s", team_uuid);
        strmap_put(im->teams, key, im->team_uuid.n++);
    }
    return rc;
}

void import_place_end(importer *im)
{
    strmap_free(im->teams);
    im->teams = NULL;
    free(im->team_uuid.uuid);
    memset(&im->team_uuid, 0, sizeof im->team_uuid);
}
