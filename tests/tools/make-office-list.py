#!/usr/bin/python3
# make-office-list.py — writes the member list of tests/data/members-office.*
# as a commune office keeps it: the national motto and title rows, STT, a
# two-row header with "Năm sinh" merged over "Nam" and "Nữ", a row of column
# numbers, Excel dates, phone numbers stored as numbers, everyday spellings of
# roles and categories, and signature lines below the data.
#   tests/tools/make-office-list.py DIR   writes DIR/members-office.xls (needs
#   Debian's python3-xlwt) and DIR/members-office.csv (as Excel saves it).
# It also writes DIR/members-merged.xls: a list of two teams whose data rows
# merge cells, each team's name and village merged down over its members and
# one member's category over two rows, and DIR/members-merged.csv, the same
# list with every row written out.
# Both lists are built as .xlsx by tests/unit/test_table_read.c.
import csv, datetime, sys

D = datetime.date
HEADER = ["STT", "Họ và tên", "Năm sinh", "", "Số điện thoại", "Tổ", "Thôn/Tổ dân phố", "Chức danh",
          "Thành phần", "Học trực tuyến"]
SUB = ["", "", "Nam", "Nữ", "", "", "", "", "", ""]
TEAM, AREA = "Tổ CNSCĐ thôn Yên Hòa", "Thôn Yên Hòa"
ROWS = [
    [1, "Nguyễn Văn An", 1985, "", 912345678, TEAM, AREA, "TT", "Trưởng thôn", D(2022, 11, 20)],
    [2, "Trần Thị Bình", "", D(1990, 10, 15), "0987654321", TEAM, AREA, "Tổ phó", "Hội LHPN", "Đang học"],
    [3, "Lê Văn Cường", 1978, "", 868111222, TEAM, AREA, "TV", "CA xã", ""],
    [4, "Phạm Thị Dung", "", 2001, "", TEAM, AREA, "thành viên", "GV", "15.10.2022"],
    [5, "Hoàng Văn Em", 1995, "", 356789012, TEAM, AREA, "Thành viên", "Cán bộ y tế thôn", ""],
]
TOP = [["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["Độc lập - Tự do - Hạnh phúc"], [],
       ["DANH SÁCH THÀNH VIÊN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG"], ["UBND XÃ YÊN HÒA"], []]
BOTTOM = [[], ["", "", "", "", "", "", "Yên Hòa, ngày 20 tháng 11 năm 2022"],
          ["", "Người lập biểu", "", "", "", "", "CHỦ TỊCH UBND XÃ"],
          ["", "Nguyễn Thị Lập", "", "", "", "", "Trần Văn Chủ"]]
NUMBERS = ["(%d)" % (i + 1) for i in range(len(HEADER))]


def csv_cell(v):
    if isinstance(v, D):
        return v.strftime("%d/%m/%Y")
    return str(v)


def write_csv(path):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        for r in TOP + [HEADER, SUB, NUMBERS] + ROWS + BOTTOM:
            w.writerow([csv_cell(v) for v in r])


def write_xls(path):
    import xlwt
    book = xlwt.Workbook(encoding="utf-8")
    book.add_sheet("Hướng dẫn").write(0, 0, "Điền danh sách ở trang sau")
    ws = book.add_sheet("Danh sách")
    date = xlwt.easyxf(num_format_str="dd/mm/yyyy")
    row = 0
    for r in TOP:
        if r:
            ws.write_merge(row, row, 0, len(HEADER) - 1, r[0])
        row += 1
    for c, h in enumerate(HEADER):
        if c in (2, 3):
            continue
        ws.write_merge(row, row + 1, c, c, h)
    ws.write_merge(row, row, 2, 3, "Năm sinh")
    ws.write(row + 1, 2, "Nam")
    ws.write(row + 1, 3, "Nữ")
    row += 2
    for c, v in enumerate(NUMBERS):
        ws.write(row, c, v)
    row += 1
    for r in ROWS + BOTTOM:
        for c, v in enumerate(r):
            if v == "":
                continue
            ws.write(row, c, v, date) if isinstance(v, D) else ws.write(row, c, v)
        row += 1
    book.save(path)


MERGED_HEADER = ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Số điện thoại", "Tổ", "Thôn/Tổ dân phố",
                 "Chức danh", "Thành phần"]
TEAM2, AREA2 = "Tổ CNSCĐ thôn Đông Sơn", "Thôn Đông Sơn"
# Each team's members; the team and village columns (5, 6) are merged down
# over them, and the category of the last two members of the first team too.
MERGED_TEAMS = [
    (TEAM, AREA, [[1, "Đỗ Văn Giang", "Nam", 1980, "0912000001", "", "", "Tổ trưởng", "Trưởng thôn"],
                  [2, "Vũ Thị Hà", "Nữ", 1992, "0912000002", "", "", "Tổ phó", "Đoàn thanh niên"],
                  [3, "Bùi Văn Khánh", "Nam", 1999, "0912000003", "", "", "Thành viên", "Đoàn thanh niên"]]),
    (TEAM2, AREA2, [[4, "Ngô Thị Lan", "Nữ", 1987, "0912000004", "", "", "Tổ trưởng", "Trưởng thôn"],
                    [5, "Đinh Văn Minh", "Nam", 2000, "0912000005", "", "", "Thành viên", "GV"]]),
]


def merged_rows():
    """The merged list's data rows with every cell filled, as the CSV has them."""
    out = []
    for team, area, rows in MERGED_TEAMS:
        for r in rows:
            out.append(r[:5] + [team, area] + r[7:])
    return out


def write_merged(out):
    with open(out + "/members-merged.csv", "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        for r in [["DANH SÁCH THÀNH VIÊN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG"], [], MERGED_HEADER] + merged_rows():
            w.writerow([str(v) for v in r])
    import xlwt
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("Danh sách")
    ws.write_merge(0, 0, 0, len(MERGED_HEADER) - 1, "DANH SÁCH THÀNH VIÊN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG")
    for c, h in enumerate(MERGED_HEADER):
        ws.write(2, c, h)
    row = 3
    for team, area, rows in MERGED_TEAMS:
        ws.write_merge(row, row + len(rows) - 1, 5, 5, team)
        ws.write_merge(row, row + len(rows) - 1, 6, 6, area)
        for i, r in enumerate(rows):
            for c, v in enumerate(r):
                if c in (5, 6) or (team == TEAM and i > 0 and c == 8):
                    continue
                ws.write(row + i, c, v)
        if team == TEAM:
            ws.write_merge(row + 1, row + 2, 8, 8, rows[1][8])
        row += len(rows)
    book.save(out + "/members-merged.xls")


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    write_csv(out + "/members-office.csv")
    write_xls(out + "/members-office.xls")
    write_merged(out)
