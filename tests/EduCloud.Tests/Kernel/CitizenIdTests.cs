using EduCloud.Kernel.Codes;

namespace EduCloud.Tests.Kernel;

/// <summary>GB 11643-1999 citizen ID numbers, and the 15-digit GB 11643-1989 form of old records.</summary>
public sealed class CitizenIdTests
{
    [Fact]
    public void The_standard_example_is_valid_and_yields_birth_date_sex_and_region()
    {
        var id = CitizenId.TryParse("11010519491231002X", out var error);

        error.ShouldBeNull();
        id.ShouldNotBeNull();
        id.Value.ShouldBe("11010519491231002X");
        id.BirthDate.ShouldBe(new DateOnly(1949, 12, 31));
        id.RegionCode.ShouldBe("110105");
        id.Sex.ShouldBe(Sex.Female); // sequence 002: even
    }

    [Fact]
    public void A_lower_case_x_is_accepted_and_stored_upper_case()
    {
        var id = CitizenId.TryParse("11010519491231002x", out var error);

        error.ShouldBeNull();
        id!.Value.ShouldBe("11010519491231002X");
    }

    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("110105194912310020")]
    [InlineData("11010519491231002Y")]
    public void A_wrong_check_character_is_refused(string value)
    {
        CitizenId.TryParse(value, out var error).ShouldBeNull();
        error.ShouldNotBeNull();
        error.ShouldContain("校验码");
    }

    [Theory]
    [InlineData("11010519490230002")] // 30 February
    [InlineData("11010519491331002")] // month 13
    [InlineData("11010518991231002")] // before 1900
    [InlineData("11010520230229002")] // 29 February of a common year
    [InlineData("11010519490000002")] // month 0
    [InlineData("11010519490100002")] // day 0
    [InlineData("11010519490432002")] // 32 April
    public void An_impossible_birth_date_is_refused_even_with_a_correct_check_character(string first17)
    {
        var value = first17 + CitizenId.ComputeCheckCharacter(first17);

        CitizenId.TryParse(value, out var error).ShouldBeNull();
        error.ShouldBe("公民身份号码中的出生日期无效");
    }

    [Theory]
    [InlineData("11010520240229002", 2024, 2, 29)]
    [InlineData("11010520001231002", 2000, 12, 31)]
    [InlineData("11010519000101002", 1900, 1, 1)]
    public void The_birth_date_is_read_from_the_id(string first17, int year, int month, int day) =>
        CitizenId.TryParse(first17 + CitizenId.ComputeCheckCharacter(first17), out _)!.BirthDate.ShouldBe(new DateOnly(year, month, day));

    [Fact]
    public void The_check_character_follows_iso_7064_mod_11_2()
    {
        CitizenId.ComputeCheckCharacter("11010519491231002").ShouldBe('X');
        // Weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over all-zero digits give S = 0, which maps to '1'.
        CitizenId.ComputeCheckCharacter("00000000000000000").ShouldBe('1');
    }

    [Fact]
    public void The_old_15_digit_form_is_read_with_a_two_digit_year_and_no_check_digit()
    {
        var id = CitizenId.TryParse("110105491231003", out var error);

        error.ShouldBeNull();
        id!.BirthDate.ShouldBe(new DateOnly(1949, 12, 31));
        id.Sex.ShouldBe(Sex.Male); // sequence 003: odd
        id.RegionCode.ShouldBe("110105");
    }

    [Fact]
    public void An_old_15_digit_number_with_a_bad_date_or_a_letter_is_refused()
    {
        CitizenId.TryParse("110105491331003", out var dateError).ShouldBeNull();
        dateError.ShouldBe("公民身份号码中的出生日期无效");
        CitizenId.TryParse("11010549123100X", out var letterError).ShouldBeNull();
        letterError.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("1", Sex.Male)]
    [InlineData("2", Sex.Female)]
    [InlineData("7", Sex.Male)]
    [InlineData("0", Sex.Female)]
    public void Sex_comes_from_the_parity_of_the_last_sequence_digit(string digit, Sex expected)
    {
        var first17 = "5201022010090100" + digit;

        var id = CitizenId.TryParse(first17 + CitizenId.ComputeCheckCharacter(first17), out _);

        id!.Sex.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1101051949123100")]
    [InlineData("11010519491231002X1")]
    [InlineData("1101051949A231002X")]
    public void Wrong_length_or_non_digits_are_refused(string? value)
    {
        CitizenId.IsValid(value).ShouldBeFalse();
    }

    [Fact]
    public void Masking_keeps_only_the_first_four_and_last_two_characters()
    {
        CitizenId.Mask("11010519491231002X").ShouldBe("1101************2X");
    }
}
