/* test_telex.c — the Telex engine: real Vietnamese words and names typed key by
 * key, both tone styles, undoing, capitals, and text that must be left alone. */
#include "testutil.h"
#include "telex.h"

#include <utf8proc.h>

enum which { BOTH, NEW, OLD };

/* keys typed → expected text (NFC).  Written from Vietnamese spelling, not
 * from the engine's output. */
static const struct {
    enum which style;
    const char *keys, *want;
} words[] = {
    {BOTH, "Nguyeenx Thij Hawngf", "Nguyễn Thị Hằng"},
    {BOTH, "Tranaf Vawn Ddawngj", "Trần Văn Đặng"},
    {BOTH, "DDawngj", "Đặng"},
    {BOTH, "Ddawngj", "Đặng"},
    {BOTH, "truongwf", "trường"},
    {BOTH, "truowngf", "trường"},
    {BOTH, "nguyeenx", "nguyễn"},
    {BOTH, "hoafn", "hoàn"},
    {BOTH, "hoanf", "hoàn"},
    {BOTH, "Leee", "Lee"},
    {BOTH, "Lee Thij Thu Haf", "Lê Thị Thu Hà"},
    {BOTH, "Phamj Minh Tuaans", "Phạm Minh Tuấn"},
    {BOTH, "Hoangf Vawn Nam", "Hoàng Văn Nam"},
    {BOTH, "Huyhnf", "Huyhnf"},
    {BOTH, "Huyfnh", "Huỳnh"},
    {BOTH, "Huynhf Thanh Tuwf", "Huỳnh Thanh Từ"},
    {BOTH, "Phan Thij Mai", "Phan Thị Mai"},
    {BOTH, "Vux Ddwcs Thawngs", "Vũ Đức Thắng"},
    {BOTH, "Vox Thij Lan", "Võ Thị Lan"},
    {BOTH, "Voox", "Vỗ"},
    {BOTH, "Ddawngj Quoocs Baor", "Đặng Quốc Bảo"},
    {BOTH, "Buif Thij Hoongf", "Bùi Thị Hồng"},
    {BOTH, "DDoox Vawn Hieeus", "Đỗ Văn Hiếu"},
    {BOTH, "Hoof Thij Nga", "Hồ Thị Nga"},
    {BOTH, "Ngoo Quang Vinh", "Ngô Quang Vinh"},
    {NEW, "Dwowng Thij Thuyf", "Dương Thị Thùy"},
    {OLD, "Dwowng Thij Thuyf", "Dương Thị Thuỳ"},
    {BOTH, "Lys Thij Kim", "Lý Thị Kim"},
    {BOTH, "Trinhj Vawn Haj", "Trịnh Văn Hạ"},
    {BOTH, "Ddinh Coong Trasng", "Đinh Công Tráng"},
    {BOTH, "Lwu Ddinhf Phucs", "Lưu Đình Phúc"},
    {BOTH, "Mai Anh Tuaans", "Mai Anh Tuấn"},
    {BOTH, "Nguyeenx Thij Ngocj Anh", "Nguyễn Thị Ngọc Anh"},
    {BOTH, "Traanf Thanh Huwowng", "Trần Thanh Hương"},
    {BOTH, "Nguyeenx Vawn Cuwowngf", "Nguyễn Văn Cường"},
    {BOTH, "Laau Thij Phuwowngj", "Lâu Thị Phượng"},
    {BOTH, "Ddoanf Vawn Hungf", "Đoàn Văn Hùng"},
    {BOTH, "Quachs Thij Thuy", "Quách Thị Thuy"},
    {BOTH, "Tieu", "Tieu"},
    {BOTH, "Tieeu Thij Lieen", "Tiêu Thị Liên"},
    {BOTH, "Ha Giang", "Ha Giang"},
    {BOTH, "Haf Giang", "Hà Giang"},
    {BOTH, "Hawngf", "Hằng"},
    {BOTH, "Thij", "Thị"},
    {BOTH, "Ddoongf Nai", "Đồng Nai"},
    {BOTH, "Quangr Ngaix", "Quảng Ngãi"},
    {BOTH, "Quangr Ninh", "Quảng Ninh"},
    {BOTH, "Haf Nooij", "Hà Nội"},
    {BOTH, "HAF NOOIJ", "HÀ NỘI"},
    {BOTH, "Thanhf phoos Hoof Chis Minh", "Thành phố Hồ Chí Minh"},
    {BOTH, "Ddaf Nawngx", "Đà Nẵng"},
    {BOTH, "Caanf Thow", "Cần Thơ"},
    {BOTH, "Hair Phongf", "Hải Phòng"},
    {BOTH, "Hueees", "Huees"},
    {BOTH, "Huees", "Huế"},
    {BOTH, "Hues", "Húe"},
    {BOTH, "Hueesj", "Huệ"},
    {BOTH, "Ngheej An", "Nghệ An"},
    {NEW, "Thanh Hosa", "Thanh Hóa"},
    {OLD, "Thanh Hosa", "Thanh Hoá"},
    {OLD, "Thanh Hoas", "Thanh Hoá"},
    {NEW, "Thanh Hoas", "Thanh Hóa"},
    {BOTH, "Laam DDoongf", "Lâm Đồng"},
    {BOTH, "Lamf", "Làm"},
    {BOTH, "Ddawsk Lawsk", "Đắk Lắk"},
    {BOTH, "Gia Lai", "Gia Lai"},
    {NEW, "Khasnh Hoaf", "Khánh Hòa"},
    {OLD, "Khasnh Hoaf", "Khánh Hoà"},
    {BOTH, "Tai Ninh", "Tai Ninh"},
    {BOTH, "Taay Ninh", "Tây Ninh"},
    {BOTH, "Vinhx Long", "Vĩnh Long"},
    {BOTH, "Ddieenj Bieen", "Điện Biên"},
    {BOTH, "Laij Chaau", "Lại Châu"},
    {BOTH, "Lai Chaau", "Lai Châu"},
    {BOTH, "Laof Cai", "Lào Cai"},
    {BOTH, "Tuyeen Quang", "Tuyên Quang"},
    {BOTH, "Thais Nguyeen", "Thái Nguyên"},
    {BOTH, "Phus Thoj", "Phú Thọ"},
    {BOTH, "Bawcs Ninh", "Bắc Ninh"},
    {BOTH, "Hwng Yeen", "Hưng Yên"},
    {BOTH, "Ninh Binhf", "Ninh Bình"},
    {BOTH, "Quangr Trij", "Quảng Trị"},
    {BOTH, "Caf Mau", "Cà Mau"},
    {BOTH, "Cafa", "Cầ"},
    {BOTH, "Cas Mau", "Cá Mau"},
    {BOTH, "An Giang", "An Giang"},
    {BOTH, "Vieetj Nam", "Việt Nam"},
    {BOTH, "tieengs Vieetj", "tiếng Việt"},
    {BOTH, "xaxx", "xax"},
    {BOTH, "xax", "xã"},
    {BOTH, "phuwowngf", "phường"},
    {BOTH, "thoon", "thôn"},
    {BOTH, "banr", "bản"},
    {BOTH, "aaps", "ấp"},
    {BOTH, "buoon", "buôn"},
    {BOTH, "khoms", "khóm"},
    {BOTH, "toor daan phoos", "tổ dân phố"},
    {BOTH, "Toor Coong ngheej soos coongj ddoongf", "Tổ Công nghệ số cộng đồng"},
    {BOTH, "chuyeenr ddooir soos", "chuyển đổi số"},
    {BOTH, "ddaof taoj", "đào tạo"},
    {BOTH, "thanhf vieen", "thành viên"},
    {BOTH, "toor truwowngr", "tổ trưởng"},
    {BOTH, "toor phos", "tổ phó"},
    {BOTH, "ddoanf thanh nieen", "đoàn thanh niên"},
    {BOTH, "hooij phuj nuwx", "hội phụ nữ"},
    {BOTH, "coong an", "công an"},
    {BOTH, "giaos vieen", "giáo viên"},
    {BOTH, "quyeets ddinhj", "quyết định"},
    {BOTH, "ngayf sinh", "ngày sinh"},
    {BOTH, "giowis tinhs", "giới tính"},
    {BOTH, "ddieenj thoaij", "điện thoại"},
    {BOTH, "ghi chus", "ghi chú"},
    {BOTH, "nguwowif", "người"},
    {BOTH, "nguwowif daan", "người dân"},
    {BOTH, "nuowcs", "nước"},
    {BOTH, "nuwocs", "nước"},
    {BOTH, "ruouwj", "rượu"},
    {BOTH, "huowu", "hươu"},
    {BOTH, "thuowr", "thuở"},
    {BOTH, "tuooir", "tuổi"},
    {BOTH, "muaw", "mưa"},
    {BOTH, "muwa", "mưa"},
    {BOTH, "guwir", "gửi"},
    {BOTH, "cuwuj", "cựu"},
    {BOTH, "giuwxa", "giữa"},
    {BOTH, "giuwax", "giữa"},
    {BOTH, "gif", "gì"},
    {BOTH, "giaf", "già"},
    {BOTH, "gieengs", "giếng"},
    {BOTH, "quys", "quý"},
    {BOTH, "quaan", "quân"},
    {BOTH, "quaanf", "quần"},
    {BOTH, "quyeenf", "quyền"},
    {BOTH, "khuyur", "khuỷu"},
    {BOTH, "ngoaif", "ngoài"},
    {BOTH, "xoays", "xoáy"},
    {BOTH, "ngoeos", "ngoéo"},
    {BOTH, "khuaays", "khuấy"},
    {BOTH, "xoawns", "xoắn"},
    {BOTH, "hieeuj", "hiệu"},
    {BOTH, "yeeus", "yếu"},
    {BOTH, "yeuse", "yếu"},
    {BOTH, "oong", "ông"},
    {BOTH, "uoonsg", "uống"},
    {BOTH, "khoong", "không"},
    {BOTH, "cos", "có"},
    {BOTH, "dduwowcj", "được"},
    {BOTH, "nhuwngx", "những"},
    {BOTH, "chuwa", "chưa"},
    {BOTH, "cuar", "của"},
    {BOTH, "vaf", "và"},
    {BOTH, "vowis", "với"},
    {BOTH, "ddeens", "đến"},
    {BOTH, "nawm", "năm"},
    {BOTH, "thasng", "tháng"},
    {BOTH, "ngayf", "ngày"},
    {BOTH, "xin chaof", "xin chào"},
    {BOTH, "camr own", "cảm ơn"},
    {BOTH, "caamf", "cầm"},
    {NEW, "hoaf", "hòa"},
    {OLD, "hoaf", "hoà"},
    {NEW, "thuyr", "thủy"},
    {OLD, "thuyr", "thuỷ"},
    {NEW, "khoer", "khỏe"},
    {OLD, "khoer", "khoẻ"},
    {NEW, "hoas", "hóa"},
    {OLD, "hoas", "hoá"},
    {NEW, "Thuyf", "Thùy"},
    {OLD, "Thuyf", "Thuỳ"},
    {NEW, "tuyj", "tụy"},
    {OLD, "tuyj", "tuỵ"},
    {NEW, "hoxa", "hõa"},
    {OLD, "hoxa", "hoã"},
    {NEW, "loaf", "lòa"},
    {OLD, "loaf", "loà"},
    {NEW, "toaf", "tòa"},
    {OLD, "toaf", "toà"},
    {NEW, "xoer", "xỏe"},
    {OLD, "xoer", "xoẻ"},
    {BOTH, "hoafng", "hoàng"},
    {BOTH, "toafn", "toàn"},
    {BOTH, "khoerm", "khoẻm"},
    {BOTH, "thuyeenf", "thuyền"},
    {NEW, "huyf", "hùy"},
    {OLD, "huyf", "huỳ"},
    {BOTH, "tuyeetj", "tuyệt"},
    {BOTH, "hoaz", "hoaz"},
    {BOTH, "hoafz", "hoa"},
    {NEW, "hoaszf", "hòa"},
    {OLD, "hoaszf", "hoà"},
    {BOTH, "ass", "as"},
    {BOTH, "asss", "ass"},
    {BOTH, "aaa", "aa"},
    {BOTH, "aaaa", "aaa"},
    {BOTH, "ddd", "dd"},
    {BOTH, "dddd", "ddd"},
    {BOTH, "aww", "aw"},
    {BOTH, "oww", "ow"},
    {BOTH, "uww", "w"},
    {BOTH, "www", "ww"},
    {BOTH, "ww", "w"},
    {BOTH, "tww", "tw"},
    {BOTH, "w", "ư"},
    {BOTH, "W", "Ư"},
    {BOTH, "tw", "tư"},
    {BOTH, "ngw", "ngư"},
    {BOTH, "Tw", "Tư"},
    {BOTH, "DD", "Đ"},
    {BOTH, "Dd", "Đ"},
    {BOTH, "dd", "đ"},
    {BOTH, "AA", "Â"},
    {BOTH, "Aa", "Â"},
    {BOTH, "OWF", "Ờ"},
    {BOTH, "Ows", "Ớ"},
    {BOTH, "Tieesng", "Tiếng"},
    {BOTH, "NGUYEENX", "NGUYỄN"},
    {BOTH, "mains", "mains"},
    {BOTH, "tains", "tains"},
    {BOTH, "taif", "t\u00e0i"},
    {BOTH, "xooong", "xoong"},
    {BOTH, "ngoeo", "ngoeo"},
    {BOTH, "hoongf", "h\u1ed3ng"},
    {BOTH, "class", "class"},
    {BOTH, "email", "email"},
    {BOTH, "hello", "hello"},
    {BOTH, "Zalo", "Zalo"},
    {BOTH, "computer", "computer"},
    {BOTH, "facebook", "facebook"},
    {BOTH, "print", "print"},
    {BOTH, "nam@gmail.com", "nam@gmail.com"},
    {BOTH, "nam@gmail.coms", "nam@gmail.coms"},
    {BOTH, "Hoa.Nguyen@mail.vn", "Hoa.Nguyen@mail.vn"},
    {BOTH, "abc123s", "abc123s"},
    {BOTH, "0912345678", "0912345678"},
    {BOTH, "45/QDD-UBND", "45/QĐ-UBND"}, /* dd after a letter: QĐ (issue 16) */
    {BOTH, "QDD", "QĐ"},
    {BOTH, "qdd", "qđ"},
    {BOTH, "2022s", "2022s"},
    {BOTH, "a,b", "a,b"},
    {BOTH, "(Haf", "(Hà"},
    {BOTH, "\"Vieetj\"", "\"Việt\""},
    {BOTH, "ddi,", "đi,"},
    {BOTH, "Vieetj-Nam", "Việt-Nam"},
};

static bool is_nfc(const char *s)
{
    char *n = (char *)utf8proc_NFC((const utf8proc_uint8_t *)s);
    bool same = n && strcmp(n, s) == 0;
    free(n);
    return same;
}

static void check_typed(const char *keys, enum telex_style style, const char *want)
{
    char *got = telex_type(keys, style);
    assert_non_null(got);
    if (strcmp(got, want) != 0)
        fail_msg("%s typed \"%s\": got \"%s\", want \"%s\"",
                 style == TELEX_NEW ? "new" : "old", keys, got, want);
    assert_true(is_nfc(got));
    free(got);
}

static void words_and_names(void **state)
{
    (void)state;
    size_t n = sizeof words / sizeof *words;
    assert_true(n >= 150);
    for (size_t i = 0; i < n; i++) {
        assert_true(is_nfc(words[i].want));
        if (words[i].style != OLD)
            check_typed(words[i].keys, TELEX_NEW, words[i].want);
        if (words[i].style != NEW)
            check_typed(words[i].keys, TELEX_OLD, words[i].want);
    }
}

static void apply_reports_replacement_or_literal(void **state)
{
    (void)state;
    char out[64];
    assert_int_equal(telex_apply("a", 'a', TELEX_NEW, out, sizeof out), 1);
    assert_string_equal(out, "\u00e2");
    assert_int_equal(telex_apply("tr\u01b0\u01a1ng", 'f', TELEX_NEW, out, sizeof out), 1);
    assert_string_equal(out, "tr\u01b0\u1eddng");
    /* a plain letter that moves the tone is a replacement too: hòa + n → hoàn */
    assert_int_equal(telex_apply("h\u00f2a", 'n', TELEX_NEW, out, sizeof out), 1);
    assert_string_equal(out, "ho\u00e0n");
    /* literal keys: out still holds word + key */
    assert_int_equal(telex_apply("xi", 'n', TELEX_NEW, out, sizeof out), 0);
    assert_string_equal(out, "xin");
    assert_int_equal(telex_apply("b", 's', TELEX_NEW, out, sizeof out), 0);
    assert_string_equal(out, "bs");
    assert_int_equal(telex_apply("cla", 's', TELEX_NEW, out, sizeof out), 0);
    assert_int_equal(telex_apply("a1", 's', TELEX_NEW, out, sizeof out), 0);
    assert_string_equal(out, "a1s");
    assert_int_equal(telex_apply("x@ya", 'f', TELEX_NEW, out, sizeof out), 0);
    assert_int_equal(telex_apply("ta", '1', TELEX_NEW, out, sizeof out), 0);
    assert_string_equal(out, "ta1");
    assert_int_equal(telex_apply("", 'a', TELEX_NEW, out, sizeof out), 0);
    assert_string_equal(out, "a");
}

static void decomposed_word_is_understood(void **state)
{
    (void)state;
    char out[64];
    /* "Vie" + combining circumflex, as some input methods send it */
    assert_int_equal(telex_apply("Vie\xcc\x82t", 'j', TELEX_NEW, out, sizeof out), 1);
    assert_string_equal(out, "Vi\u1ec7t");
    assert_true(is_nfc(out));
}

static void bad_input_is_refused_cleanly(void **state)
{
    (void)state;
    char out[64], tiny[3];
    assert_int_equal(telex_apply("\xc3(", 's', TELEX_NEW, out, sizeof out), -1);
    assert_int_equal(telex_apply("\xff", 's', TELEX_NEW, out, sizeof out), -1);
    assert_int_equal(telex_apply(NULL, 's', TELEX_NEW, out, sizeof out), -1);
    assert_int_equal(telex_apply("a", 's', TELEX_NEW, NULL, 8), -1);
    assert_int_equal(telex_apply("a", 's', TELEX_NEW, out, 0), -1);
    assert_int_equal(telex_apply("tie", 'e', TELEX_NEW, tiny, sizeof tiny), -1);
    /* a very long run of letters is typed literally, never overflows */
    char longword[300];
    memset(longword, 'a', sizeof longword - 1);
    longword[sizeof longword - 1] = 0;
    char big[400];
    assert_int_equal(telex_apply(longword, 's', TELEX_NEW, big, sizeof big), 0);
    assert_int_equal(strlen(big), sizeof longword);
    /* letters outside Vietnamese (ç, ß, Chinese) are left alone */
    assert_int_equal(telex_apply("gar\u00e7o", 'n', TELEX_NEW, out, sizeof out), 0);
    assert_int_equal(telex_apply("\u4e2da", 's', TELEX_NEW, out, sizeof out), 0);
    /* two tones in one word (pasted junk) are left alone */
    assert_int_equal(telex_apply("\u00e1\u00e0", 'n', TELEX_NEW, out, sizeof out), 0);
}

static void word_start_is_after_last_white_space(void **state)
{
    (void)state;
    const char *t = "Nguy\u1ec5n Th\u1ecb H";
    assert_int_equal(telex_word_start(t, strlen(t)), strlen(t) - 1);
    assert_int_equal(telex_word_start("abc", 3), 0);
    assert_int_equal(telex_word_start("ab\tcd", 5), 3);
    assert_int_equal(telex_word_start("ab ", 3), 3);
    assert_int_equal(telex_word_start("", 0), 0);
}

static void long_text_types_whole(void **state)
{
    (void)state;
    /* many words in one go: each word is independent of the ones before */
    char keys[4096] = "", want[8192] = "";
    for (int i = 0; i < 100; i++) {
        strcat(keys, "Nguyeenx Thij Hawngf ");
        strcat(want, "Nguy\u1ec5n Th\u1ecb H\u1eb1ng ");
    }
    check_typed(keys, TELEX_NEW, want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(words_and_names),
        cmocka_unit_test(apply_reports_replacement_or_literal),
        cmocka_unit_test(decomposed_word_is_understood),
        cmocka_unit_test(bad_input_is_refused_cleanly),
        cmocka_unit_test(word_start_is_after_last_white_space),
        cmocka_unit_test(long_text_types_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
