using EduCloud.Kernel.Codes;

namespace EduCloud.Tests.Infrastructure;

/// <summary>Valid, unique identifiers for test data (GB 11643 check digits computed, not hard-coded).</summary>
public static class TestIds
{
    private static int _sequence = Random.Shared.Next(0, 500_000);

    public static string NextCitizenId(string region = "520102", string birth = "20100901")
    {
        var n = Interlocked.Increment(ref _sequence);
        var first17 = region + birth + (n % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        // Vary the birth day too so a thousand sequence numbers are not the only space.
        var day = 1 + (n / 1000 % 28);
        first17 = first17[..12] + day.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + first17[14..];
        return first17 + CitizenId.ComputeCheckCharacter(first17);
    }

    private static int _school = Random.Shared.Next(0, 900_000);

    public static string NextSchoolCode(string type = "21", string province = "52") =>
        type + province + Interlocked.Increment(ref _school).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
