using EduCloud.Kernel.Codes;

namespace EduCloud.Tests.Kernel;

/// <summary>National student numbers (全国中小学生学籍号): the G, J and L rules of STANDARDS.md.</summary>
public sealed class StudentNumberTests
{
    [Fact]
    public void A_formal_number_is_G_and_a_valid_citizen_id()
    {
        var number = StudentNumber.TryParse("g11010519491231002x", out var error);

        error.ShouldBeNull();
        number!.Value.ShouldBe("G11010519491231002X");
        number.Kind.ShouldBe(StudentNumberKind.Formal);
        StudentNumber.Formal(CitizenId.TryParse("11010519491231002X", out _)!).ShouldBe("G11010519491231002X");
    }

    [Fact]
    public void A_G_number_with_a_wrong_check_digit_is_refused_with_the_id_reason()
    {
        StudentNumber.TryParse("G110105194912310021", out var error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("校验码");
    }

    [Fact]
    public void A_J_number_needs_18_digits_with_a_correct_check_character()
    {
        var first17 = "52010220150901123";
        var good = "J" + first17 + CitizenId.ComputeCheckCharacter(first17);
        StudentNumber.TryParse(good, out _)!.Kind.ShouldBe(StudentNumberKind.Substitute);
        var bad = "J" + first17 + (CitizenId.ComputeCheckCharacter(first17) == '0' ? '1' : '0');
        StudentNumber.TryParse(bad, out var error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("J字头");
    }

    [Fact]
    public void A_temporary_number_is_L_region_birth_date_and_sequence()
    {
        var text = StudentNumber.Temporary("520102", new DateOnly(2015, 9, 1), 7);

        text.ShouldBe("L520102201509010007");
        StudentNumber.TryParse(text, out _)!.Kind.ShouldBe(StudentNumberKind.Temporary);
    }

    [Theory]
    [InlineData("L520102201502300007", "L字头")] // 30 February does not exist
    [InlineData("L52010220150901000A", "L字头")]
    [InlineData("X520102201509010007", "G、J或L")]
    [InlineData("G1101051949123100", "19位")]
    [InlineData("", "19位")]
    public void Malformed_numbers_are_refused_with_a_reason(string input, string reason)
    {
        StudentNumber.TryParse(input, out var error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(reason);
    }
}

/// <summary>GB 3304-1991 ethnic groups, and the forms spreadsheets use for them.</summary>
public sealed class EthnicityTests
{
    [Fact]
    public void There_are_56_groups_plus_the_two_extension_codes()
    {
        Ethnicity.All.Count.ShouldBe(58);
        Ethnicity.All.Select(e => e.Code).Distinct().Count().ShouldBe(58);
        Ethnicity.All.Select(e => e.Letters).Distinct().Count().ShouldBe(58);
        Ethnicity.Find("56")!.Name.ShouldBe("基诺族");
    }

    [Theory]
    [InlineData("01", "汉族")]
    [InlineData("1", "汉族")]
    [InlineData("汉族", "汉族")]
    [InlineData("苗", "苗族")]
    [InlineData(" 布依族 ", "布依族")]
    [InlineData("mh", "苗族")]
    [InlineData("97", "其他未识别民族")]
    public void Codes_names_short_names_and_letters_are_understood(string input, string name) =>
        Ethnicity.Parse(input)!.Name.ShouldBe(name);

    [Theory]
    [InlineData("")]
    [InlineData("57")]
    [InlineData("火星族")]
    public void Unknown_values_are_not_guessed(string input) => Ethnicity.Parse(input).ShouldBeNull();
}
