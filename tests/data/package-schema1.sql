-- A package made by cdtt before schema 4 (package schema 1): commune 00012 Phường Giảng Võ,
-- 'cdtt demo --members 6 --seed 12' then 'cdtt export'. Load it with the sqlite3 shell; the
-- last line restores its identity (PRAGMA application_id, user_version), which .dump leaves out.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE office (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  scheme TEXT NOT NULL CHECK (scheme IN ('2025-07', 'pre-2025')),
  code TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('commune', 'district', 'province', 'national')),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO office VALUES(1,'2025-07','00012','commune','Phường Giảng Võ','2026-01-01T00:00:00.000Z');
CREATE TABLE unit (
  scheme TEXT NOT NULL CHECK (scheme IN ('2025-07', 'pre-2025')),
  level TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT '',
  parent_code TEXT,
  province_code TEXT NOT NULL,
  name_fold TEXT NOT NULL,
  PRIMARY KEY (scheme, level, code)
) STRICT, WITHOUT ROWID;
CREATE TABLE area (
  uuid TEXT PRIMARY KEY,
  unit_scheme TEXT NOT NULL,
  unit_code TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('thon', 'ban', 'ap', 'buon', 'khom',
                                     'to_dan_pho', 'khu_pho', 'other')),
  name TEXT NOT NULL,
  name_fold TEXT NOT NULL,
  sort_key TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  base_updated_at TEXT
) STRICT;
CREATE TABLE team (
  uuid TEXT PRIMARY KEY,
  unit_scheme TEXT NOT NULL,
  unit_code TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('commune', 'village', 'group')),
  area_uuid TEXT REFERENCES area (uuid),
  name TEXT NOT NULL,
  name_fold TEXT NOT NULL,
  sort_key TEXT NOT NULL,
  decision_no TEXT NOT NULL DEFAULT '',
  decision_date TEXT,
  decision_issuer TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dissolved', 'merged')),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  base_updated_at TEXT
) STRICT;
INSERT INTO team VALUES('2f2a0000-0000-451e-b8ec-53983cc3d88b','2025-07','00012','commune',NULL,'Tổ CNSCĐ Phường Giảng Võ','to cnscd phuong giang vo','ZT"ERYEG"VL\URK"KMARK"]S!20123!10111111000001000010','189/QĐ-UBND','2022-08-05','UBND Phường Giảng Võ','active','','2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
CREATE TABLE member (
  uuid TEXT PRIMARY KEY,
  unit_scheme TEXT NOT NULL,
  unit_code TEXT NOT NULL,
  full_name TEXT NOT NULL,
  name_fold TEXT NOT NULL,
  sort_key TEXT NOT NULL,
  gender TEXT CHECK (gender IN ('male', 'female', 'other')),
  birth TEXT,
  phone TEXT,
  cccd TEXT,
  email TEXT,
  category TEXT NOT NULL DEFAULT 'other' CHECK (category IN (
    'commune_official', 'village_head', 'party_secretary', 'police', 'youth_union',
    'womens_union', 'farmers_union', 'veterans', 'fatherland_front', 'teacher',
    'health_worker', 'telecom_it', 'resident', 'other')),
  youth_union INTEGER NOT NULL DEFAULT 0 CHECK (youth_union IN (0, 1)),
  consent INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
  consent_date TEXT,
  mooc_status TEXT NOT NULL DEFAULT 'not_started'
    CHECK (mooc_status IN ('not_started', 'in_progress', 'completed')),
  mooc_date TEXT,
  zalo_date TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  base_updated_at TEXT
) STRICT;
INSERT INTO member VALUES('2f2a0000-0001-41cd-bd81-8d602d82bac7','2025-07','00012','Đoàn Đình Chiến','doan dinh chien','ELMIR!4 GSAR"GMRL!11 1000010001000','male','1993-10-05','0812718281',NULL,NULL,'commune_official',0,1,'2025-01-06','in_progress',NULL,'2023-03-26','','2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
INSERT INTO member VALUES('2f2a0000-0003-484b-a47f-daee356fce07','2025-07','00012','Nguyễn Văn Phúc','nguyen van phuc','VL[E!4 RK[`IR"]BR!30 1000100000100','male','1972','0385859874',NULL,NULL,'teacher',0,1,'2025-09-09','not_started',NULL,NULL,'','2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
INSERT INTO member VALUES('2f2a0000-0005-4fac-905e-81a649d4479c','2025-07','00012','Nguyễn Thị Nhung','nguyen thi nhung','RL[RK!0 RK[`IR"ZLM!35 10000100000100','female','1997-01-27',NULL,NULL,NULL,'police',0,0,NULL,'completed','2024-02-02',NULL,'','2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
INSERT INTO member VALUES('2f2a0000-0007-4883-96a2-24b4db3e4958','2025-07','00012','Lê Diệu Xuân','le dieu xuan','_[CR!0 PI"FMI[!05 1000101000','female','1969-10-29','0912143060',NULL,NULL,'womens_union',0,1,'2025-07-01','completed','2025-01-23','2025-03-06','','2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
INSERT INTO member VALUES('2f2a0000-0009-4e39-9c89-b521551e6612','2025-07','00012','Nguyễn Quang Thành','nguyen quang thanh','ZLARL!1 RK[`IR"W[ARK!30 1000010000010000','male','1999-04-16','0985284653',NULL,'nguyenquangthanh02@gmail.com','youth_union',1,1,'2025-09-25','completed','2025-01-31','2024-12-04','','2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
INSERT INTO member VALUES('2f2a0000-000b-4b1e-89b5-e2ea50d35957','2025-07','00012','Chu Ngọc Thắm','chu ngoc tham','ZLBQ!4 EL["RKSE!05 10001001000','female','1978-07-28','0378426246',NULL,'chungoctham54@gmail.com','resident',0,1,'2024-06-14','completed','2025-06-23','2023-04-26','','2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
CREATE TABLE membership (
  uuid TEXT PRIMARY KEY,
  team_uuid TEXT NOT NULL REFERENCES team (uuid),
  member_uuid TEXT NOT NULL REFERENCES member (uuid),
  role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('leader', 'deputy', 'member')),
  date_from TEXT,
  date_to TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  base_updated_at TEXT
) STRICT;
INSERT INTO membership VALUES('2f2a0000-0002-4ba6-98ac-a225746361f0','2f2a0000-0000-451e-b8ec-53983cc3d88b','2f2a0000-0001-41cd-bd81-8d602d82bac7','leader','2022-08-05',NULL,'2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
INSERT INTO membership VALUES('2f2a0000-0004-4836-91bf-8367610bccbe','2f2a0000-0000-451e-b8ec-53983cc3d88b','2f2a0000-0003-484b-a47f-daee356fce07','deputy','2022-08-05',NULL,'2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
INSERT INTO membership VALUES('2f2a0000-0006-4435-a02b-2bc8dfaa569c','2f2a0000-0000-451e-b8ec-53983cc3d88b','2f2a0000-0005-4fac-905e-81a649d4479c','deputy','2022-08-05',NULL,'2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
INSERT INTO membership VALUES('2f2a0000-0008-44b4-b371-ca42d6e4c0a2','2f2a0000-0000-451e-b8ec-53983cc3d88b','2f2a0000-0007-4883-96a2-24b4db3e4958','member','2022-08-05',NULL,'2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
INSERT INTO membership VALUES('2f2a0000-000a-4c74-8c37-811f1dfb5309','2f2a0000-0000-451e-b8ec-53983cc3d88b','2f2a0000-0009-4e39-9c89-b521551e6612','member','2022-08-05',NULL,'2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
INSERT INTO membership VALUES('2f2a0000-000c-4780-927a-bdac2a2942c9','2f2a0000-0000-451e-b8ec-53983cc3d88b','2f2a0000-000b-4b1e-89b5-e2ea50d35957','member','2022-08-05',NULL,'2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
CREATE TABLE training_session (
  uuid TEXT PRIMARY KEY,
  unit_scheme TEXT NOT NULL,
  unit_code TEXT NOT NULL,
  date TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  organiser TEXT NOT NULL DEFAULT '',
  topic TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  base_updated_at TEXT
) STRICT;
INSERT INTO training_session VALUES('2f2a0000-000f-4f40-a5ea-ba638530a24f','2025-07','00012','2022-10-25','Hội trường UBND Phường Giảng Võ','UBND xã','Kỹ năng số cơ bản cho Tổ Công nghệ số cộng đồng','','2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
CREATE TABLE attendance (
  uuid TEXT PRIMARY KEY,
  session_uuid TEXT NOT NULL REFERENCES training_session (uuid),
  member_uuid TEXT NOT NULL REFERENCES member (uuid),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  base_updated_at TEXT
) STRICT;
INSERT INTO attendance VALUES('2f2a0000-0010-4e12-ac90-0fbab88a518e','2f2a0000-000f-4f40-a5ea-ba638530a24f','2f2a0000-0003-484b-a47f-daee356fce07','2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
INSERT INTO attendance VALUES('2f2a0000-0011-472c-bbed-13ff01a2dce4','2f2a0000-000f-4f40-a5ea-ba638530a24f','2f2a0000-0005-4fac-905e-81a649d4479c','2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
INSERT INTO attendance VALUES('2f2a0000-0012-43a7-bddf-b46ebcbcf5d6','2f2a0000-000f-4f40-a5ea-ba638530a24f','2f2a0000-0007-4883-96a2-24b4db3e4958','2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
INSERT INTO attendance VALUES('2f2a0000-0013-4e22-82e9-e46b1923bfda','2f2a0000-000f-4f40-a5ea-ba638530a24f','2f2a0000-0009-4e39-9c89-b521551e6612','2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
INSERT INTO attendance VALUES('2f2a0000-0014-4fdb-a501-6e50727763d2','2f2a0000-000f-4f40-a5ea-ba638530a24f','2f2a0000-000b-4b1e-89b5-e2ea50d35957','2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
CREATE TABLE activity (
  uuid TEXT PRIMARY KEY,
  team_uuid TEXT NOT NULL REFERENCES team (uuid),
  date TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('outreach', 'vneid', 'public_services', 'cashless',
    'ecommerce', 'provincial_app', 'digital_skills', 'online_safety',
    'digital_signature', 'other')),
  people INTEGER NOT NULL DEFAULT 0 CHECK (people >= 0),
  households INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  base_updated_at TEXT
) STRICT;
INSERT INTO activity VALUES('2f2a0000-000d-44d3-b098-17cd8a0eaf02','2f2a0000-0000-451e-b8ec-53983cc3d88b','2023-12-03','vneid',30,9,'','2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
INSERT INTO activity VALUES('2f2a0000-000e-484d-9697-00335d423063','2f2a0000-0000-451e-b8ec-53983cc3d88b','2023-10-26','vneid',60,55,'','2025-09-30T08:00:00.000Z','2025-09-30T08:00:00.000Z','2025-07:00012',0,NULL);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  office TEXT NOT NULL,
  tbl TEXT NOT NULL,
  record_uuid TEXT NOT NULL,
  action TEXT NOT NULL,
  old_json TEXT,
  new_json TEXT
) STRICT;
CREATE TABLE import_log (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  source_scheme TEXT NOT NULL,
  source_code TEXT NOT NULL,
  source_name TEXT NOT NULL DEFAULT '',
  package_created_at TEXT NOT NULL,
  digest TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  n_new INTEGER NOT NULL DEFAULT 0,
  n_updated INTEGER NOT NULL DEFAULT 0,
  n_unchanged INTEGER NOT NULL DEFAULT 0,
  n_deleted INTEGER NOT NULL DEFAULT 0,
  n_rejected INTEGER NOT NULL DEFAULT 0,
  n_conflicts INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE conflict (
  id INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  record_uuid TEXT NOT NULL,
  local_json TEXT NOT NULL,
  incoming_json TEXT NOT NULL,
  incoming_updated_at TEXT NOT NULL,
  source TEXT NOT NULL,
  detected_at TEXT NOT NULL,
  resolution TEXT CHECK (resolution IN ('mine', 'theirs')),
  resolved_at TEXT
) STRICT;
CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
INSERT INTO manifest VALUES('format','cdtt-package-1');
INSERT INTO manifest VALUES('source_scheme','2025-07');
INSERT INTO manifest VALUES('source_code','00012');
INSERT INTO manifest VALUES('source_level','commune');
INSERT INTO manifest VALUES('source_name','Phường Giảng Võ');
INSERT INTO manifest VALUES('province_code','01');
INSERT INTO manifest VALUES('parent_code','');
INSERT INTO manifest VALUES('created_at','2026-12-03T09:34:51.769Z');
INSERT INTO manifest VALUES('digest','abc0cf865ade5cea225f0e3a899587c40ab480ce31a8c5d239aa7b3c8df3dd21');
INSERT INTO manifest VALUES('schema_version','1');
INSERT INTO manifest VALUES('identifiers','masked');
INSERT INTO manifest VALUES('rows.area','0');
INSERT INTO manifest VALUES('rows.team','1');
INSERT INTO manifest VALUES('rows.member','6');
INSERT INTO manifest VALUES('rows.membership','6');
INSERT INTO manifest VALUES('rows.training_session','1');
INSERT INTO manifest VALUES('rows.attendance','5');
INSERT INTO manifest VALUES('rows.activity','2');
CREATE INDEX unit_parent ON unit (scheme, parent_code);
CREATE INDEX area_sort ON area (sort_key);
CREATE INDEX team_area ON team (area_uuid);
CREATE INDEX team_sort ON team (sort_key);
CREATE INDEX member_sort ON member (sort_key);
CREATE INDEX member_fold ON member (name_fold);
CREATE INDEX member_phone ON member (phone);
CREATE INDEX membership_team ON membership (team_uuid);
CREATE INDEX membership_member ON membership (member_uuid);
CREATE INDEX attendance_session ON attendance (session_uuid);
CREATE INDEX attendance_member ON attendance (member_uuid);
CREATE INDEX activity_team ON activity (team_uuid);
CREATE INDEX audit_record ON audit (record_uuid);
CREATE INDEX import_log_source ON import_log (source_scheme, source_code);
COMMIT;
PRAGMA application_id = 1128551508; PRAGMA user_version = 1;
