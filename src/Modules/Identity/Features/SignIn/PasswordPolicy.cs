namespace EduCloud.Identity.Features.SignIn;

/// <summary>密码策略: at least 8 characters, with letters and digits, and not the user name.</summary>
internal static class PasswordPolicy
{
    public const int MinLength = 8;

    public static string? Check(string? password, string userName)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return $"密码至少需要{MinLength}个字符";
        }
        if (password.Length > 128)
        {
            return "密码不能超过128个字符";
        }
        if (!password.Any(char.IsAsciiLetter) || !password.Any(char.IsAsciiDigit))
        {
            return "密码必须同时包含字母和数字";
        }
        if (password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            return "密码不能包含用户名";
        }
        return null;
    }
}
