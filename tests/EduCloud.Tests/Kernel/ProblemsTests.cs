using EduCloud.Kernel.Errors;

namespace EduCloud.Tests.Kernel;

public sealed class ProblemsTests
{
    [Fact]
    public void Several_fields_are_reported_together_in_one_exception()
    {
        var problems = new Problems()
            .Required("", "name", "学校名称")
            .MaxLength(new string('路', 201), 200, "address", "地址")
            .Check(false, "code", "学校标识码应为10位数字")
            .Check(false, "code", "学校标识码已被使用");

        problems.Any.ShouldBeTrue();
        var error = Should.Throw<ValidationFailedException>(problems.ThrowIfAny);
        error.Errors.Keys.Order().ShouldBe(["address", "code", "name"]);
        error.Errors["name"].ShouldBe(["学校名称不能为空"]);
        error.Errors["address"].ShouldBe(["地址不能超过200个字符"]);
        error.Errors["code"].ShouldBe(["学校标识码应为10位数字", "学校标识码已被使用"]);
    }

    [Fact]
    public void Passing_checks_add_nothing_and_do_not_throw()
    {
        var problems = new Problems()
            .Required("南明小学", "name", "学校名称")
            .MaxLength(null, 200, "address", "地址")
            .MaxLength(new string('路', 200), 200, "address", "地址")
            .Check(true, "code", "never");

        problems.Any.ShouldBeFalse();
        Should.NotThrow(problems.ThrowIfAny);
    }

    [Fact]
    public void A_single_field_error_names_the_field()
    {
        var error = ValidationFailedException.For("citizenId", "公民身份号码校验码不正确");

        error.Errors.Keys.ShouldContain("citizenId");
        error.Message.ShouldContain("citizenId");
    }
}
