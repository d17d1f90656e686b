namespace EduCloud.Spaces;

/// <summary>English for the Spaces pages (Chinese is the source language).</summary>
internal static class SpacesTexts
{
    public static readonly Dictionary<string, string> English = new()
    {
        ["通知"] = "Notices",
        ["我的空间"] = "My space",
        ["发通知"] = "Send a notice",
        ["家校沟通"] = "Messages",
        ["教研组"] = "Research groups",
        ["教案"] = "Lesson plans",
        ["通知偏好"] = "Notification preferences",
        ["确认收到"] = "Acknowledge",
        ["已回执"] = "Acknowledged",
        ["未读"] = "Unread",
        ["已读"] = "Read",
        ["班级空间"] = "Class space",
        ["学校空间"] = "School space",
    };
}
