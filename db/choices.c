/* choices.c — the fixed pick-lists and their labels in both languages. */
#include "choices.h"
#include "i18n.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

const choice CHOICES_AREA_KIND[] = {
    {"thon", "Thôn", "Village (thôn)"},
    {"ban", "Bản", "Village (bản)"},
    {"ap", "Ấp", "Hamlet (ấp)"},
    {"buon", "Buôn", "Village (buôn)"},
    {"khom", "Khóm", "Hamlet (khóm)"},
    {"to_dan_pho", "Tổ dân phố", "Residential group"},
    {"khu_pho", "Khu phố", "Quarter (khu phố)"},
    {"other", "Khác", "Other"},
    {NULL, NULL, NULL},
};

const choice CHOICES_TEAM_LEVEL[] = {
    {"commune", "Cấp xã", "Commune"},
    {"village", "Thôn, bản, ấp", "Village"},
    {"group", "Tổ dân phố", "Residential group"},
    {NULL, NULL, NULL},
};

const choice CHOICES_TEAM_STATUS[] = {
    {"active", "Đang hoạt động", "Active"},
    {"dissolved", "Đã giải thể", "Dissolved"},
    {"merged", "Đã sáp nhập", "Merged"},
    {NULL, NULL, NULL},
};

const choice CHOICES_ROLE[] = {
    {"leader", "Tổ trưởng", "Leader"},
    {"deputy", "Tổ phó", "Deputy"},
    {"member", "Thành viên", "Member"},
    {NULL, NULL, NULL},
};

const choice CHOICES_CATEGORY[] = {
    {"commune_official", "Cán bộ, công chức xã", "Commune official"},
    {"village_head", "Trưởng thôn, tổ trưởng TDP", "Village or group head"},
    {"party_secretary", "Bí thư chi bộ", "Party cell secretary"},
    {"police", "Công an", "Police"},
    {"youth_union", "Đoàn thanh niên", "Youth Union"},
    {"womens_union", "Hội Phụ nữ", "Women's Union"},
    {"farmers_union", "Hội Nông dân", "Farmers' Union"},
    {"veterans", "Hội Cựu chiến binh", "Veterans' Association"},
    {"fatherland_front", "Mặt trận Tổ quốc", "Fatherland Front"},
    {"teacher", "Giáo viên", "Teacher"},
    {"health_worker", "Y tế", "Health worker"},
    {"telecom_it", "Doanh nghiệp viễn thông, bưu chính, CNTT", "Telecom, postal or IT company"},
    {"resident", "Người dân am hiểu công nghệ", "Tech-capable resident"},
    {"other", "Khác", "Other"},
    {NULL, NULL, NULL},
};

const choice CHOICES_GENDER[] = {
    {"male", "Nam", "Male"},
    {"female", "Nữ", "Female"},
    {"other", "Khác", "Other"},
    {NULL, NULL, NULL},
};

const choice CHOICES_MOOC_STATUS[] = {
    {"not_started", "Chưa học", "Not started"},
    {"in_progress", "Đang học", "In progress"},
    {"completed", "Đã hoàn thành", "Completed"},
    {NULL, NULL, NULL},
};

const choice CHOICES_ACTIVITY_TYPE[] = {
    {"outreach", "Tuyên truyền", "Outreach"},
    {"vneid", "VNeID", "VNeID"},
    {"public_services", "Dịch vụ công trực tuyến", "Online public services"},
    {"cashless", "Thanh toán không dùng tiền mặt", "Cashless payment"},
    {"ecommerce", "Thương mại điện tử", "E-commerce"},
    {"provincial_app", "Ứng dụng của tỉnh", "Provincial app"},
    {"digital_skills", "Kỹ năng số, Bình dân học vụ số", "Digital skills"},
    {"online_safety", "An toàn trên mạng", "Online safety"},
    {"digital_signature", "Chữ ký số", "Digital signature"},
    {"other", "Khác", "Other"},
    {NULL, NULL, NULL},
};

const char *choice_label(const choice *list, const char *code)
{
    int i = choice_index(list, code);
    if (i < 0)
        return code ? code : "";
    return strcmp(i18n_lang(), "en") == 0 ? list[i].en : list[i].vi;
}

int choice_index(const choice *list, const char *code)
{
    if (!code)
        return -1;
    for (int i = 0; list[i].code; i++)
        if (strcmp(list[i].code, code) == 0)
            return i;
    return -1;
}

int choice_count(const choice *list)
{
    int n = 0;
    while (list[n].code)
        n++;
    return n;
}

const char *choice_match(const choice *list, const char *text)
{
    char *want = text_fold(text);
    const char *found = NULL;
    for (int i = 0; list[i].code && !found && *want; i++) {
        char *vi = text_fold(list[i].vi), *en = text_fold(list[i].en);
        if (strcmp(want, list[i].code) == 0 || strcmp(want, vi) == 0 || strcmp(want, en) == 0)
            found = list[i].code;
        free(vi);
        free(en);
    }
    free(want);
    return found;
}
