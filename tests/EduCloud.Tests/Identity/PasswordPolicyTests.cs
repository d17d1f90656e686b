using EduCloud.Identity.Features.SignIn;

namespace EduCloud.Tests.Identity;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("Abc12345")]
    [InlineData("longer passphrase 2026")]
    public void A_password_with_letters_and_digits_and_eight_characters_passes(string password) =>
        PasswordPolicy.Check(password, "zhangsan").ShouldBeNull();

    [Theory]
    [InlineData(null, "至少需要8个字符")]
    [InlineData("Ab1", "至少需要8个字符")]
    [InlineData("abcdefgh", "字母和数字")]
    [InlineData("12345678", "字母和数字")]
    [InlineData("xZhangSan1", "用户名")]
    public void Weak_passwords_are_refused_with_the_reason(string? password, string reason) =>
        PasswordPolicy.Check(password, "zhangsan")!.ShouldContain(reason);

    [Fact]
    public void Overlong_passwords_are_refused() =>
        PasswordPolicy.Check(new string('a', 120) + "123456789", "u")!.ShouldContain("128");
}

public sealed class LockoutRuleTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Four_failures_count_but_do_not_lock()
    {
        var (failures, until) = (0, (DateTime?)null);
        for (var i = 0; i < 4; i++)
        {
            (failures, until) = LockoutRule.AfterFailure(failures, until, Now);
        }
        failures.ShouldBe(4);
        LockoutRule.IsLocked(until, Now).ShouldBeFalse();
    }

    [Fact]
    public void The_fifth_failure_locks_for_fifteen_minutes_and_restarts_the_count()
    {
        var (failures, until) = LockoutRule.AfterFailure(4, null, Now);

        failures.ShouldBe(0);
        until.ShouldBe(Now.AddMinutes(15));
        LockoutRule.IsLocked(until, Now.AddMinutes(14).AddSeconds(59)).ShouldBeTrue();
        LockoutRule.IsLocked(until, Now.AddMinutes(15)).ShouldBeFalse();
    }
}
