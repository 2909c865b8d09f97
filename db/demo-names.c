/* demo-names.c — the word lists the demo generator draws from: Vietnamese
 * family names in their real proportions (weights in tenths of a percent),
 * middle and given names by gender, place words, phone prefixes, CCCD
 * province codes, member categories, activity types and training topics. */
#include "demo.h"

#include <stddef.h>

const demo_weighted DEMO_FAMILY_NAMES[] = {
    {"Nguyễn", 380}, {"Trần", 110}, {"Lê", 95}, {"Phạm", 70}, {"Hoàng", 30}, {"Huỳnh", 20},
    {"Phan", 45}, {"Vũ", 20}, {"Võ", 19}, {"Đặng", 21}, {"Bùi", 20}, {"Đỗ", 14}, {"Hồ", 13},
    {"Ngô", 13}, {"Dương", 10}, {"Lý", 5},
    /* others, about 10% together */
    {"Đào", 8}, {"Đoàn", 8}, {"Vương", 4}, {"Trịnh", 6}, {"Trương", 6}, {"Lâm", 4}, {"Phùng", 4},
    {"Mai", 6}, {"Tô", 4}, {"Hà", 6}, {"Tạ", 4}, {"Cao", 4}, {"Lưu", 4}, {"Chu", 3}, {"Đinh", 6},
    {"Lương", 4}, {"Lò", 2}, {"Quách", 2}, {"Triệu", 3}, {"Thái", 2}, {"Kiều", 2}, {"Khổng", 1},
    {"Mạc", 2}, {"La", 2}, {"Nông", 3}, {"Hứa", 2}, {"Từ", 2},
    {NULL, 0},
};

const demo_weighted DEMO_MIDDLE_MALE[] = {
    {"Văn", 400}, {"Hữu", 80}, {"Đức", 80}, {"Minh", 80}, {"Quang", 60}, {"Công", 50},
    {"Xuân", 40}, {"Thanh", 40}, {"Ngọc", 30}, {"Đình", 50}, {"Trọng", 30}, {"Quốc", 40},
    {"Anh", 20}, {"Tuấn", 20}, {"Mạnh", 20}, {"Gia", 20}, {"Bá", 20}, {"Thế", 30}, {"Huy", 15},
    {"Hoàng", 15}, {"Văn Minh", 10}, {"Đức Anh", 8},
    {NULL, 0},
};

const demo_weighted DEMO_MIDDLE_FEMALE[] = {
    {"Thị", 450}, {"Ngọc", 60}, {"Thanh", 50}, {"Thu", 50}, {"Minh", 30}, {"Thùy", 30},
    {"Kim", 30}, {"Hồng", 30}, {"Phương", 25}, {"Mỹ", 25}, {"Bích", 20}, {"Khánh", 20},
    {"Hoài", 15}, {"Diệu", 15}, {"Thị Thu", 20}, {"Thị Thanh", 20}, {"Thị Ngọc", 15},
    {"Thị Kim", 10}, {"Tuyết", 10}, {"Quỳnh", 10},
    {NULL, 0},
};

const char *const DEMO_GIVEN_MALE[] = {
    "An", "Anh", "Bảo", "Bình", "Cường", "Chiến", "Công", "Dũng", "Duy", "Dương", "Đạt", "Định",
    "Đông", "Đức", "Giang", "Hải", "Hào", "Hậu", "Hiếu", "Hiệp", "Hòa", "Hoàng", "Hùng", "Huy",
    "Hưng", "Khang", "Khánh", "Khoa", "Kiên", "Lâm", "Linh", "Lộc", "Long", "Lực", "Luân",
    "Mạnh", "Minh", "Nam", "Nghĩa", "Ngọc", "Nhân", "Phát", "Phong", "Phú", "Phúc", "Quân",
    "Quang", "Quý", "Sơn", "Tài", "Tâm", "Tân", "Thắng", "Thành", "Thịnh", "Thông", "Tiến",
    "Toàn", "Trí", "Trung", "Trường", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ", "Hưởng", "Kiệt",
    NULL,
};

const char *const DEMO_GIVEN_FEMALE[] = {
    "An", "Anh", "Bích", "Châu", "Chi", "Cúc", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng",
    "Hiền", "Hoa", "Hòa", "Hồng", "Huệ", "Hương", "Huyền", "Lan", "Liên", "Liễu", "Linh",
    "Loan", "Ly", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nguyệt", "Nhàn", "Nhung", "Oanh",
    "Phương", "Phượng", "Quyên", "Quỳnh", "Tâm", "Thảo", "Thắm", "Thanh", "Thơ", "Thu", "Thủy",
    "Thúy", "Thư", "Trang", "Trâm", "Trinh", "Tuyết", "Uyên", "Vân", "Vy", "Xuân", "Yến",
    "Diệp", "Khánh", "Lệ", "Mận", "Đào", "Hải",
    NULL,
};

const char *const DEMO_PLACE_WORDS[] = {
    "An", "Bình", "Phú", "Tân", "Hòa", "Thạnh", "Lộc", "Đông", "Tây", "Nam", "Bắc", "Trung",
    "Yên", "Thái", "Hưng", "Long", "Phước", "Mỹ", "Thuận", "Hải", "Sơn", "Lâm", "Thành", "Vĩnh",
    "Quang", "Hiệp", "Đức", "Xuân", "Thịnh", "Khánh", "Hợp", "Tiến", "Châu", "Minh", "Nghĩa",
    NULL,
};

const char *const DEMO_MOBILE_PREFIXES[] = {
    "032", "033", "034", "035", "036", "037", "038", "039", "056", "058", "059", "070", "076",
    "077", "078", "079", "081", "082", "083", "084", "085", "086", "088", "089", "090", "091",
    "092", "093", "094", "096", "097", "098", "099",
    NULL,
};

const char *const DEMO_CCCD_PROVINCES[] = {
    "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
    "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
    "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
    "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
    "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
    NULL,
};

/* Ordinary members (leaders and deputies are steered in demo_person_make). */
const demo_weighted DEMO_CATEGORIES[] = {
    {"resident", 200}, {"youth_union", 170}, {"village_head", 60}, {"party_secretary", 50},
    {"commune_official", 70}, {"police", 60}, {"womens_union", 90}, {"farmers_union", 60},
    {"veterans", 50}, {"fatherland_front", 40}, {"teacher", 60}, {"health_worker", 30},
    {"telecom_it", 40}, {"other", 20},
    {NULL, 0},
};

const demo_weighted DEMO_ACTIVITY_TYPES[] = {
    {"vneid", 250}, {"public_services", 200}, {"outreach", 150}, {"cashless", 120},
    {"digital_skills", 90}, {"online_safety", 60}, {"ecommerce", 50}, {"provincial_app", 50},
    {"digital_signature", 20}, {"other", 10},
    {NULL, 0},
};

const char *const DEMO_TRAINING_TOPICS[] = {
    "Kỹ năng số cơ bản cho Tổ Công nghệ số cộng đồng",
    "Hướng dẫn người dân cài đặt và kích hoạt VNeID",
    "Dịch vụ công trực tuyến và thanh toán không dùng tiền mặt",
    "An toàn thông tin, phòng chống lừa đảo trên mạng",
    "Đưa sản phẩm nông nghiệp lên sàn thương mại điện tử",
    "Bình dân học vụ số",
    NULL,
};

const char *const DEMO_ORGANISERS[] = {
    "Sở Khoa học và Công nghệ", "UBND xã", "Viễn thông tỉnh", "Bưu điện tỉnh",
    "Tỉnh đoàn", NULL,
};
