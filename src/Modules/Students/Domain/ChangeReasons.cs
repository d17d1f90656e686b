namespace EduCloud.Students.Domain;

/// <summary>
/// 异动原因: the reason codes each kind of change accepts, two digits with a Chinese name. Modelled on the reason lists
/// of the national student-records system (JY/T 1001 学籍异动原因); the first digit follows the kind so a code read
/// alone still says what it belongs to. Admission 11 is what the demo data writes. Transfer reasons belong to the
/// transfer workflow.
/// </summary>
internal static class ChangeReasons
{
    public sealed record Reason(string Code, string Name);

    public static readonly IReadOnlyDictionary<ChangeKind, IReadOnlyList<Reason>> ByKind = new Dictionary<ChangeKind, IReadOnlyList<Reason>>
    {
        [ChangeKind.Admission] = [new("11", "新生入学"), new("12", "插班入学"), new("19", "其他")],
        [ChangeKind.Promotion] = [new("21", "学年升级")],
        [ChangeKind.Repeat] = [new("31", "因病留级"), new("32", "学业原因留级"), new("39", "其他")],
        [ChangeKind.Skip] = [new("41", "学业优秀跳级"), new("49", "其他")],
        [ChangeKind.NumberConfirmation] = [new("51", "身份证件核实")],
        [ChangeKind.ClassChange] = [new("55", "学校调整班级"), new("56", "家长申请"), new("59", "其他")],
        [ChangeKind.Suspension] = [new("61", "因病"), new("62", "因事"), new("63", "出国（境）"), new("69", "其他")],
        [ChangeKind.Resumption] = [new("71", "休学期满"), new("72", "提前复学"), new("79", "其他")],
        [ChangeKind.Withdrawal] = [new("81", "出国（境）"), new("82", "死亡"), new("83", "因病"), new("89", "其他")],
        [ChangeKind.Graduation] = [new("91", "毕业"), new("92", "结业")],
        [ChangeKind.Cancellation] = [new("01", "录入错误"), new("09", "其他")],
    };

    public static IReadOnlyList<Reason> For(ChangeKind kind) => ByKind.GetValueOrDefault(kind) ?? [];

    /// <summary>The reason's code when valid for the kind; a missing code takes the kind's only code if it has one.</summary>
    public static Reason? Find(ChangeKind kind, string? code)
    {
        var reasons = For(kind);
        if (string.IsNullOrWhiteSpace(code))
        {
            return reasons.Count == 1 ? reasons[0] : null;
        }
        return reasons.FirstOrDefault(r => r.Code == code.Trim());
    }

    public static string NameOf(ChangeKind kind, string code) => For(kind).FirstOrDefault(r => r.Code == code)?.Name ?? code;
}
