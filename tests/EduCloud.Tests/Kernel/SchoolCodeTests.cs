using EduCloud.Kernel.Codes;

namespace EduCloud.Tests.Kernel;

/// <summary>学校标识码 AABBCCCCCC: known type digits, province digits matching the school's region.</summary>
public sealed class SchoolCodeTests
{
    [Theory]
    [InlineData("2152000001", "520102")]
    [InlineData("3452123456", "520103")]
    [InlineData("1111000001", "110105")]
    public void A_code_with_a_known_type_and_the_region_s_province_is_valid(string code, string region)
    {
        SchoolCode.Validate(code, region).ShouldBeNull();
    }

    [Theory]
    [InlineData("1052000001")]
    [InlineData("9952000001")]
    [InlineData("2352000001")]
    public void An_unknown_school_type_is_refused_naming_the_type_digits(string code)
    {
        var error = SchoolCode.Validate(code, "520102");

        error.ShouldNotBeNull();
        error.ShouldContain(code[..2]);
        error.ShouldContain("学校类别");
    }

    [Fact]
    public void Province_digits_that_do_not_match_the_region_are_refused()
    {
        var error = SchoolCode.Validate("2144000001", "520102");

        error.ShouldNotBeNull();
        error.ShouldContain("44");
        error.ShouldContain("52");
    }

    [Theory]
    [InlineData("215200001")]
    [InlineData("21520000011")]
    [InlineData("21520A0001")]
    public void A_code_that_is_not_ten_digits_is_refused(string code)
    {
        SchoolCode.Validate(code, "520102").ShouldBe("学校标识码应为10位数字");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void An_empty_code_is_refused(string? code)
    {
        SchoolCode.Validate(code, "520102").ShouldBe("学校标识码不能为空");
    }

    [Fact]
    public void Every_type_in_the_standard_table_is_known_and_nothing_else()
    {
        string[] standard = ["11", "21", "22", "31", "32", "33", "34", "35", "36", "37", "41", "42", "51", "91", "92", "93"];
        SchoolTypes.Names.Keys.Order().ShouldBe(standard.Order());
        SchoolTypes.IsKnown(null).ShouldBeFalse();
    }
}
