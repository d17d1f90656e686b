namespace EduCloud.Assessment;

/// <summary>English for the item bank and self-test pages (Chinese is the source text).</summary>
internal static class AssessmentTexts
{
    public static readonly IReadOnlyDictionary<string, string> English = new Dictionary<string, string>
    {
        ["题库"] = "Item bank",
        ["自测"] = "Self-tests",
        ["新建试题"] = "New item",
        ["编辑试题"] = "Edit item",
        ["题型"] = "Type",
        ["题干"] = "Stem",
        ["学段"] = "Stage",
        ["学科"] = "Subject",
        ["难度"] = "Difficulty",
        ["分值"] = "Points",
        ["知识点"] = "Knowledge points",
        ["参考答案"] = "Reference answer",
        ["共享给本校教师"] = "Share with my school",
        ["保存"] = "Save",
        ["筛选"] = "Filter",
        ["单选题"] = "Single choice",
        ["多选题"] = "Multiple choice",
        ["判断题"] = "True/false",
        ["填空题"] = "Fill in the blank",
        ["简答题"] = "Short answer",
        ["我的自测"] = "My self-tests",
        ["待完成的自测"] = "Open self-tests",
        ["已完成"] = "Completed",
        ["开始作答"] = "Start",
        ["继续作答"] = "Continue",
        ["提交"] = "Submit",
        ["保存答案"] = "Save answers",
        ["得分"] = "Score",
        ["正确答案"] = "Correct answer",
        ["试题统计"] = "Item statistics",
        ["作答人数"] = "Answered",
        ["难度系数"] = "Facility",
        ["区分度"] = "Discrimination",
        ["选项分布"] = "Option distribution",
        ["批阅"] = "Mark",
        ["待批阅"] = "Awaiting marking",
        ["截止时间"] = "Closes",
        ["导出 QTI"] = "Export QTI",
        ["导入 QTI"] = "Import QTI",
    };
}
