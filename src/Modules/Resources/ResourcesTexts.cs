namespace EduCloud.Resources;

/// <summary>English for the resource pages, code names and messages.</summary>
internal static class ResourcesTexts
{
    public static readonly Dictionary<string, string> English = new()
    {
        ["数字教育资源"] = "Digital education resources",
    };
}
