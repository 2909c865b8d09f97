-- report-fixture.sql — villages, teams, members and memberships for tests/cli/report.sh
-- (the records commands are another module's). Fixed stamps so output is deterministic.
INSERT INTO area (uuid, unit_scheme, unit_code, kind, name, name_fold, sort_key, created_at, updated_at, changed_by) VALUES
 ('a-dong', '2025-07', '00082', 'thon', 'Thôn Đông', 'thon dong', 'thon dong', '2022-01-01', '2022-01-01', '2025-07:00082'),
 ('a-tdp3', '2025-07', '00082', 'to_dan_pho', 'Tổ dân phố 3', 'to dan pho 3', 'to dan pho 3', '2022-01-01', '2022-01-01', '2025-07:00082'),
 ('a-bac', '2025-07', '00082', 'thon', 'Thôn Bắc', 'thon bac', 'thon bac', '2022-01-01', '2022-01-01', '2025-07:00082');
INSERT INTO team (uuid, unit_scheme, unit_code, level, area_uuid, name, name_fold, sort_key, status, created_at, updated_at, changed_by) VALUES
 ('t-xa', '2025-07', '00082', 'commune', NULL, 'Tổ CNSCĐ phường', 'to cnscd phuong', 'to cnscd phuong', 'active', '2022-01-01', '2022-01-01', '2025-07:00082'),
 ('t-dong', '2025-07', '00082', 'village', 'a-dong', 'Tổ CNSCĐ thôn Đông', 'to cnscd thon dong', 'to cnscd thon dong', 'active', '2022-01-01', '2022-01-01', '2025-07:00082'),
 ('t-tdp3', '2025-07', '00082', 'group', 'a-tdp3', 'Tổ CNSCĐ TDP 3', 'to cnscd tdp 3', 'to cnscd tdp 3', 'active', '2022-01-01', '2022-01-01', '2025-07:00082'),
 ('t-cu', '2025-07', '00082', 'group', 'a-tdp3', 'Tổ cũ TDP 3', 'to cu tdp 3', 'to cu tdp 3', 'dissolved', '2022-01-01', '2022-01-01', '2025-07:00082');
INSERT INTO member (uuid, unit_scheme, unit_code, full_name, name_fold, sort_key, created_at, updated_at, changed_by) VALUES
 ('m-an', '2025-07', '00082', 'Nguyễn Văn An', 'nguyen van an', 'an nguyen van', '2022-01-01', '2022-01-01', '2025-07:00082'),
 ('m-binh', '2025-07', '00082', 'Trần Thị Bình', 'tran thi binh', 'binh tran thi', '2022-01-01', '2022-01-01', '2025-07:00082'),
 ('m-cuong', '2025-07', '00082', 'Lê Văn Cường', 'le van cuong', 'cuong le van', '2022-01-01', '2022-01-01', '2025-07:00082'),
 ('m-dung', '2025-07', '00082', 'Phạm Thị Dung', 'pham thi dung', 'dung pham thi', '2022-01-01', '2022-01-01', '2025-07:00082'),
 ('m-giang', '2025-07', '00082', 'Hoàng Văn Giang', 'hoang van giang', 'giang hoang van', '2022-01-01', '2022-01-01', '2025-07:00082'),
 ('m-ha', '2025-07', '00082', 'Vũ Thị Hà', 'vu thi ha', 'ha vu thi', '2022-01-01', '2022-01-01', '2025-07:00082'),
 ('m-khanh', '2025-07', '00082', 'Đặng Văn Khánh', 'dang van khanh', 'khanh dang van', '2022-01-01', '2022-01-01', '2025-07:00082'),
 ('m-lan', '2025-07', '00082', 'Bùi Thị Lan', 'bui thi lan', 'lan bui thi', '2022-01-01', '2022-01-01', '2025-07:00082');
INSERT INTO membership (uuid, team_uuid, member_uuid, date_from, date_to, created_at, updated_at, changed_by) VALUES
 ('ms1', 't-xa', 'm-an', '2022-03-01', NULL, '2022-01-01', '2022-01-01', '2025-07:00082'),
 ('ms2', 't-xa', 'm-binh', '2022-03-01', NULL, '2022-01-01', '2022-01-01', '2025-07:00082'),
 ('ms3', 't-dong', 'm-an', '2022-03-01', NULL, '2022-01-01', '2022-01-01', '2025-07:00082'),
 ('ms4', 't-dong', 'm-cuong', '2022-03-01', NULL, '2022-01-01', '2022-01-01', '2025-07:00082'),
 ('ms5', 't-dong', 'm-dung', '2022-03-01', '2022-08-31', '2022-01-01', '2022-01-01', '2025-07:00082'),
 ('ms6', 't-tdp3', 'm-giang', '2022-03-01', NULL, '2022-01-01', '2022-01-01', '2025-07:00082'),
 ('ms7', 't-tdp3', 'm-ha', '2022-09-20', NULL, '2022-01-01', '2022-01-01', '2025-07:00082'),
 ('ms8', 't-tdp3', 'm-khanh', '2022-03-01', NULL, '2022-01-01', '2022-01-01', '2025-07:00082'),
 ('ms9', 't-cu', 'm-lan', '2022-03-01', NULL, '2022-01-01', '2022-01-01', '2025-07:00082');
