namespace EduCloud.Kernel.Localization;

/// <summary>English for the kernel's own messages (validation helpers, errors, codes).</summary>
internal static class KernelTexts
{
    public static readonly Dictionary<string, string> English = new()
    {
        ["输入有误"] = "The input is not valid",
        ["与现有数据冲突"] = "This conflicts with existing data",
        ["无权在此范围内执行该操作"] = "You may not do this here: it is outside your scope",
        ["无权执行该操作"] = "You are not allowed to do this",
        ["未找到该记录"] = "Record not found",
        ["请求格式有误"] = "The request is malformed",
        ["JSON 格式或字段类型有误"] = "The JSON is malformed or a field has the wrong type",
        ["数据冲突，请刷新后重试"] = "The data changed meanwhile; reload and try again",
        ["公民身份号码应为18位"] = "The citizen ID must have 18 characters",
        ["公民身份号码校验码应为数字或X"] = "The citizen ID check character must be a digit or X",
        ["公民身份号码校验码不正确"] = "The citizen ID check digit is wrong",
        ["公民身份号码中的出生日期无效"] = "The birth date inside the citizen ID is not a valid date",
        ["15位公民身份号码应全部为数字"] = "A 15-digit citizen ID must be all digits",
        ["学校标识码不能为空"] = "The school code is required",
        ["学校标识码应为10位数字"] = "The school code must be 10 digits",
    };

    public static readonly (string Zh, string En)[] Templates =
    [
        ("{0}不能为空", "{0} is required"),
        ("{0}不能超过{1}个字符", "{0} must be at most {1} characters"),
        ("公民身份号码第{0}位应为数字", "Character {0} of the citizen ID must be a digit"),
        ("学校标识码前两位“{0}”不是已知的学校类别代码", "The first two digits of the school code, \"{0}\", are not a known school type"),
        ("学校标识码第3-4位“{0}”与所在行政区划的省级代码“{1}”不一致", "Digits 3-4 of the school code, \"{0}\", do not match the province code \"{1}\" of the school's region"),
    ];
}
