namespace EduCloud.Statistics;

internal static class StatisticsTexts
{
    public static readonly Dictionary<string, string> English = new()
    {
        ["学生统计"] = "Student statistics",
        ["五级统计"] = "Five-level statistics",
        ["合计"] = "Total",
        ["学生数"] = "Students",
        ["留守儿童"] = "Left-behind",
        ["随迁子女"] = "Migrant",
        ["残疾学生"] = "Disabled",
        ["在籍学生"] = "Students on roll",
        ["分组"] = "Breakdown",
        ["下级单位"] = "Next level",
        ["导出 Excel"] = "Export to Excel",
        ["性别"] = "Sex",
        ["民族"] = "Ethnicity",
        ["城乡"] = "Urban/rural",
        ["学籍状态"] = "Status",
        ["暂无下级单位的数据"] = "No data for the next level",
        ["无权查看统计数据"] = "You may not view statistics",
        ["无权查看该地区的统计数据"] = "You may not view this region's statistics",
        ["未找到该学校"] = "School not found",
        ["未找到该行政区划"] = "Region not found",
        ["教师统计"] = "Teacher statistics",
        ["生师比"] = "Pupil/teacher ratio",
        ["在岗教师"] = "Active teachers",
        ["教师数"] = "Teachers",
        ["每位教师只按主教学科计一次"] = "Each teacher is counted once, under their main subject",
    };
}
