namespace EduCloud.Students.Features.Transfers;

/// <summary>转学原因 codes (two digits, in the style of the 学籍异动 reason codes).</summary>
internal static class TransferReasons
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["31"] = "家庭搬迁",
        ["32"] = "父母工作调动",
        ["33"] = "随迁子女返回户籍地",
        ["34"] = "特殊教育需要",
        ["39"] = "其他",
    };

    public static string NameOf(string code) => All.GetValueOrDefault(code, code);
}
