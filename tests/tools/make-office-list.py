#!/usr/bin/python3
# make-office-list.py — writes the member list of tests/data/members-office.*
# as a commune office keeps it: the national motto and title rows, STT, a
# two-row header with "Năm sinh" merged over "Nam" and "Nữ", a row of column
# numbers, Excel dates, phone numbers stored as numbers, everyday spellings of
# roles and categories, and signature lines below the data.
#   tests/tools/make-office-list.py DIR   writes DIR/members-office.xls (needs
#   Debian's python3-xlwt) and DIR/members-office.csv (as Excel saves it).
# The same list is built as .xlsx by tests/unit/test_table_read.c.
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


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    write_csv(out + "/members-office.csv")
    write_xls(out + "/members-office.xls")
