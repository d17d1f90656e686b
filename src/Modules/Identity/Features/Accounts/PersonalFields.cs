using EduCloud.Identity.Domain;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Privacy;

namespace EduCloud.Identity.Features.Accounts;

/// <summary>Validates and stores an account's personal data: encrypted, hashed for look-up, masked for lists.</summary>
internal static class PersonalFields
{
    public static CitizenId? CheckCitizenId(string? input, Problems problems)
    {
        var id = CitizenId.TryParse(input, out var error);
        problems.Check(id is not null, "citizenId", error ?? "");
        return id;
    }

    public static string? CheckPhone(string? input, Problems problems)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        var phone = input.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var ok = phone.Length == 11 && phone[0] == '1' && phone[1] is >= '3' and <= '9' && phone.All(char.IsAsciiDigit);
        problems.Check(ok, "phone", "手机号码应为11位数字，以13-19开头");
        return ok ? phone : null;
    }

    /// <summary>A user name: 3-64 ASCII letters, digits and _ - . @. Returns it trimmed.</summary>
    public static string CheckUserName(string? input, Problems problems)
    {
        var userName = input?.Trim() ?? "";
        problems.Check(userName.Length is >= 3 and <= 64 && userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '@'),
            "userName", "用户名应为3-64个字符，只能包含字母、数字和 _ - . @");
        return userName;
    }

    public static void CheckName(string? name, Problems problems)
    {
        problems.Required(name, "displayName", "姓名").MaxLength(name, 50, "displayName", "姓名");
    }

    public static void Store(Account account, CitizenId id, string? phone, PersonalDataProtector protector)
    {
        account.CitizenIdCipher = protector.Protect(id.Value);
        account.CitizenIdHash = protector.Hash(id.Value);
        account.CitizenIdMasked = CitizenId.Mask(id.Value);
        account.Sex = id.Sex;
        account.BirthDate = id.BirthDate;
        StorePhone(account, phone, protector);
    }

    public static void StorePhone(Account account, string? phone, PersonalDataProtector protector)
    {
        account.PhoneCipher = phone is null ? null : protector.Protect(phone);
        account.PhoneHash = phone is null ? null : protector.Hash(phone);
        account.PhoneMasked = phone is null ? null : string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(7));
    }
}
