namespace EduCloud.Kernel.Codes;

/// <summary>行政区划代码 (GB/T 2260): 6 digits, province (2) + prefecture (2) + county (2).</summary>
public static class RegionCode
{
    public static bool IsWellFormed(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    public static RegionLevel LevelOf(string code) =>
        code[2..] == "0000" ? RegionLevel.Province : code[4..] == "00" ? RegionLevel.City : RegionLevel.County;

    public static string ProvinceOf(string code) => code[..2] + "0000";

    public static string CityOf(string code) => code[..4] + "00";
}

/// <summary>The five levels of use (五级应用).</summary>
public enum RegionLevel
{
    National = 0,
    Province = 1,
    City = 2,
    County = 3,
}
