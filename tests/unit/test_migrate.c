/* test_migrate.c — the mapping of 1 July 2025 built into the program, and a
 * migration's plan: where a commune went, the file's commune, villages placed
 * by name and from a CSV file, what is refused. */
#include "testutil.h"
#include "migrate.h"
#include "records.h"

static int setup(void **state)
{
    (void)state;
    return tu_db_setup("m.db");
}

static void mapping_knows_where_communes_went(void **state)
{
    (void)state;
    units_crossing c;
    assert_int_equal(units_mapping_find("00004", &c), 1);
    assert_string_equal(c.old_name, "Phường Trúc Bạch");
    assert_int_equal(c.n, 1); /* its two identical rows count once */
    assert_false(c.divided);
    assert_string_equal(c.to[0].code, "00004");
    assert_string_equal(c.to[0].name, "Phường Ba Đình");
    assert_string_equal(c.to[0].province, "01");
    assert_int_equal(units_mapping_find("00016", &c), 1);
    assert_true(c.divided);
    assert_int_equal(c.n, 2);
    assert_int_equal(units_crossing_index(&c, "00008"), 1);
    assert_int_equal(units_crossing_index(&c, "00020"), -1);
    assert_int_equal(units_mapping_find("03751", &c), 0); /* one of the 30 without a row */
    assert_int_equal(c.n, 0);
    assert_int_equal(units_mapping_find("0000", &c), 0);
    units_target t;
    assert_int_equal(units_builtin_commune("00008", &t), 1);
    assert_string_equal(t.name, "Phường Ngọc Hà");
    assert_int_equal(units_builtin_commune("99999", &t), 0);
}

/* Makes db a pre-2025 commune's file with two villages. */
static void old_commune(const char *code)
{
    cdtt_err e;
    assert_int_equal(units_ensure(db, "pre-2025", &e), 1);
    office_rec o = {"pre-2025", "", "commune", "Phường"};
    snprintf(o.code, sizeof o.code, "%s", code);
    assert_int_equal(office_set(db, &o, &e), 0);
    const char *names[] = {"Thôn Hoà", "Tổ dân phố 2"};
    for (int i = 0; i < 2; i++) {
        area_rec a;
        area_init(&a);
        snprintf(a.name, sizeof a.name, "%s", names[i]);
        assert_int_equal(area_save(db, &a, 1, NULL, &e), 0);
    }
}

static void divided_commune_places_its_villages(void **state)
{
    (void)state;
    old_commune("00016");
    migrate_plan p;
    cdtt_err e;
    assert_int_equal(migrate_plan_read(db, NULL, &p, &e), 0);
    assert_int_equal(p.home, -1);
    assert_int_equal(p.n_areas, 2);
    assert_int_equal(migrate_plan_ready(&p, &e), -1);
    assert_non_null(strstr(e.msg, "was divided on 1 July 2025 between Phường Ba Đình (00004), Phường Ngọc Hà (00008)"));
    migrate_plan_free(&p);
    assert_int_equal(migrate_plan_read(db, "00020", &p, &e), -1);
    assert_non_null(strstr(e.msg, "did not go into commune 00020"));
    assert_int_equal(migrate_plan_read(db, "00004", &p, &e), 0);
    assert_int_equal(migrate_place(&p, "thôn hòa", "00008", &e), 0); /* case and tone placement aside */
    assert_int_equal(migrate_place(&p, "Thôn Hoa", "00008", &e), -1);
    assert_non_null(strstr(e.msg, "no village or group called 'Thôn Hoa'"));
    assert_int_equal(migrate_place(&p, "Tổ dân phố 2", "00020", &e), -1);
    char left[200];
    assert_int_equal(migrate_unplaced(&p, left, sizeof left), 1);
    assert_string_equal(left, "Tổ dân phố 2");
    char path[600];
    snprintf(path, sizeof path, "%s/places.csv", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("\xef\xbb\xbfThôn,Xã mới\r\nTổ dân phố 2,00004\r\n", f);
    fclose(f);
    assert_int_equal(migrate_place_file(&p, path, &e), 1);
    assert_int_equal(migrate_plan_ready(&p, &e), 0);
    assert_int_equal(p.areas[0].dest + p.areas[1].dest, 1); /* one in 00008, one in 00004 */
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("Thôn,Xã mới\nTổ dân phố 2,8\n", f);
    fclose(f);
    assert_int_equal(migrate_place_file(&p, path, &e), -1);
    assert_non_null(strstr(e.msg, "places.csv:2: the second column must be the new commune's 5-digit code"));
    migrate_plan_free(&p);
}

static void whole_and_missing_communes(void **state)
{
    (void)state;
    old_commune("03751");
    migrate_plan p;
    cdtt_err e;
    assert_int_equal(migrate_plan_read(db, NULL, &p, &e), -1);
    assert_non_null(strstr(e.msg, "is missing from the mapping of 1 July 2025"));
    assert_int_equal(migrate_plan_read(db, "03283", &p, &e), 0);
    assert_true(p.missing);
    assert_int_equal(p.home, 0);
    assert_string_equal(p.map.to[0].name, "Xã Chiềng Sinh");
    assert_int_equal(migrate_plan_ready(&p, &e), 0); /* every village goes with it */
    assert_int_equal(migrate_place(&p, "Thôn Hoà", "03283", &e), -1);
    migrate_plan_free(&p);
}

static void other_files_are_refused(void **state)
{
    (void)state;
    migrate_plan p;
    cdtt_err e;
    assert_int_equal(migrate_plan_read(db, NULL, &p, &e), -1);
    assert_non_null(strstr(e.msg, "has no office yet"));
    office_rec o = {"2025-07", "00004", "commune", "Phường Ba Đình"};
    assert_int_equal(units_ensure(db, "2025-07", &e), 1);
    assert_int_equal(office_set(db, &o, &e), 0);
    assert_int_equal(migrate_plan_read(db, NULL, &p, &e), -1);
    assert_non_null(strstr(e.msg, "already belongs to Phường Ba Đình (00004) of the 2025-07 list"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(mapping_knows_where_communes_went),
        cmocka_unit_test_setup_teardown(divided_commune_places_its_villages, setup, tu_db_teardown),
        cmocka_unit_test_setup_teardown(whole_and_missing_communes, setup, tu_db_teardown),
        cmocka_unit_test_setup_teardown(other_files_are_refused, setup, tu_db_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
