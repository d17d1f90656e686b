namespace EduCloud.Students;

/// <summary>English for the Students module's Chinese UI strings and messages.</summary>
internal static class StudentsTexts
{
    public static readonly Dictionary<string, string> English = new()
    {
        ["学籍"] = "Student records",
        ["学籍号"] = "Student number",
    };
}
