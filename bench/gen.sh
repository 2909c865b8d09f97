# bench/gen.sh — builds benchmark files with plain SQL (used until `cdtt demo` can);
# source it. Needs CDTT and the sqlite3 shell.
#   gen_units FILE P C          P provinces (codes 01..P), C communes each (codes PPccc)
#   gen_office FILE LEVEL CODE  the owning office
#   gen_members FILE PROV M     M members of province PROV in teams of about 4.6, over its communes
# Names are drawn from the commonest Vietnamese family, middle and given names.

gen_units() {
    sqlite3 "$1" "
    WITH RECURSIVE p(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM p WHERE i < $2),
                   c(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM c WHERE j < $3)
    INSERT INTO unit (scheme, level, code, name, parent_code, province_code, name_fold)
      SELECT '2025-07', 'province', printf('%02d', i), 'Tỉnh ' || i, NULL, printf('%02d', i), 'tinh ' || i FROM p
      UNION ALL
      SELECT '2025-07', 'commune', printf('%02d%03d', i, j), 'Xã ' || i || '-' || j, printf('%02d', i),
             printf('%02d', i), 'xa ' || i || '-' || j FROM p, c;"
}

gen_office() {
    sqlite3 "$1" "INSERT INTO office (id, scheme, code, level, name, created_at)
                  VALUES (1, '2025-07', '$3', '$2', 'Bench $3', '2026-01-01T00:00:00.000Z');"
}

gen_members() {
    sqlite3 "$1" "
    CREATE TEMP TABLE fam (k INTEGER PRIMARY KEY, n TEXT, f TEXT);
    INSERT INTO fam (n, f) VALUES ('Nguyễn','nguyen'),('Nguyễn','nguyen'),('Nguyễn','nguyen'),('Trần','tran'),
      ('Lê','le'),('Phạm','pham'),('Hoàng','hoang'),('Huỳnh','huynh'),('Phan','phan'),('Vũ','vu'),('Võ','vo'),
      ('Đặng','dang'),('Bùi','bui'),('Đỗ','do'),('Hồ','ho'),('Ngô','ngo'),('Dương','duong'),('Lý','ly');
    CREATE TEMP TABLE mid (k INTEGER PRIMARY KEY, n TEXT, f TEXT);
    INSERT INTO mid (n, f) VALUES ('Văn','van'),('Thị','thi'),('Minh','minh'),('Hữu','huu'),('Ngọc','ngoc'),
      ('Đức','duc'),('Thanh','thanh'),('Quốc','quoc');
    CREATE TEMP TABLE giv (k INTEGER PRIMARY KEY, n TEXT, f TEXT);
    INSERT INTO giv (n, f) VALUES ('An','an'),('Bình','binh'),('Chi','chi'),('Dũng','dung'),('Hà','ha'),
      ('Hùng','hung'),('Lan','lan'),('Linh','linh'),('Mai','mai'),('Nam','nam'),('Phương','phuong'),
      ('Quân','quan'),('Thảo','thao'),('Trang','trang'),('Tuấn','tuan'),('Yến','yen'),('Đạt','dat'),('Hương','huong');
    BEGIN;
    WITH RECURSIVE t(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM t WHERE i < ($3 * 74 / 340))
    INSERT INTO team (uuid, unit_scheme, unit_code, level, name, name_fold, sort_key, created_at, updated_at, changed_by)
      SELECT printf('t-$2-%07d', i), '2025-07', printf('$2%03d', 1 + i % 98), 'village', 'Tổ CNS số ' || i,
             'to cns so ' || i, 'to cns so ' || i, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z',
             printf('2025-07:$2%03d', 1 + i % 98) FROM t;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $3)
    INSERT INTO member (uuid, unit_scheme, unit_code, full_name, name_fold, sort_key, gender, phone, consent,
                        created_at, updated_at, changed_by)
      SELECT printf('m-$2-%07d', i), '2025-07', printf('$2%03d', 1 + (i * 74 / 340) % 98),
             fam.n || ' ' || mid.n || ' ' || giv.n, fam.f || ' ' || mid.f || ' ' || giv.f,
             giv.f || ' ' || fam.f || ' ' || mid.f || ' ' || i, CASE i % 2 WHEN 0 THEN 'male' ELSE 'female' END,
             printf('09$2%06d', i), i % 3 > 0, '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z',
             printf('2025-07:$2%03d', 1 + (i * 74 / 340) % 98)
      FROM n JOIN fam ON fam.k = 1 + (i * 7) % 18 JOIN mid ON mid.k = 1 + (i * 3) % 8
             JOIN giv ON giv.k = 1 + (i * 11) % 18;
    INSERT INTO membership (uuid, team_uuid, member_uuid, created_at, updated_at, changed_by)
      SELECT 'ms-' || uuid, printf('t-$2-%07d', CAST(substr(uuid, 6) AS INTEGER) * 74 / 340), uuid,
             created_at, updated_at, changed_by FROM member WHERE uuid LIKE 'm-$2-%';
    COMMIT;"
}
