using EduCloud.Kernel.Codes;

namespace EduCloud.Tests.Kernel;

/// <summary>GB/T 2260 codes: province (2) + prefecture (2) + county (2).</summary>
public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("520000", RegionLevel.Province)]
    [InlineData("520100", RegionLevel.City)]
    [InlineData("520102", RegionLevel.County)]
    [InlineData("522301", RegionLevel.County)]
    [InlineData("110000", RegionLevel.Province)]
    public void The_level_is_read_from_the_trailing_zeros(string code, RegionLevel expected)
    {
        RegionCode.LevelOf(code).ShouldBe(expected);
    }

    [Theory]
    [InlineData("520102", "520000", "520100")]
    [InlineData("520302", "520000", "520300")]
    [InlineData("110105", "110000", "110100")]
    public void Province_and_city_are_derived_from_a_county(string county, string province, string city)
    {
        RegionCode.ProvinceOf(county).ShouldBe(province);
        RegionCode.CityOf(county).ShouldBe(city);
    }

    [Theory]
    [InlineData("520102", true)]
    [InlineData("52010", false)]
    [InlineData("5201020", false)]
    [InlineData("52010A", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_six_digits_are_well_formed(string? code, bool expected)
    {
        RegionCode.IsWellFormed(code).ShouldBe(expected);
    }
}
