using System.Security.Cryptography;
using System.Text;
using EduCloud.Kernel.Privacy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace EduCloud.Tests.Kernel;

public sealed class PersonalDataProtectorTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "educloud-pdp-" + Guid.NewGuid().ToString("N"));
    private readonly IDataProtectionProvider _provider = new EphemeralDataProtectionProvider();

    private PersonalDataProtector Create(string? hashKey = null) => new(_provider, new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["DataDirectory"] = _directory, ["PersonalData:HashKey"] = hashKey })
        .Build());

    [Fact]
    public void Values_round_trip_and_the_same_value_encrypts_differently_each_time()
    {
        var protector = Create();
        var a = protector.Protect("52010220170314123X");
        var b = protector.Protect("52010220170314123X");

        a.ShouldNotBe(b, "a fresh nonce per value");
        a.ShouldNotContain("20170314");
        protector.Unprotect(a).ShouldBe("52010220170314123X");
        protector.Unprotect(protector.Protect("王芳 13800138000")).ShouldBe("王芳 13800138000");
    }

    [Fact]
    public void Nonces_stay_unique_across_the_refills_of_the_random_block()
    {
        var protector = Create();
        // 256 nonces per block: 1,000 values cross three refills on this thread.
        var sealedValues = Enumerable.Range(0, 1000).Select(_ => protector.Protect("52010220170314123X")).ToList();
        var nonces = sealedValues.Select(v => Convert.ToHexString(System.Buffers.Text.Base64Url.DecodeFromChars(v.AsSpan(4))[..12])).ToList();

        nonces.Distinct().Count().ShouldBe(1000);
        nonces.ShouldNotContain(new string('0', 24), "a used nonce is wiped from the block, never handed out again as zeros");
        sealedValues.ShouldAllBe(v => protector.Unprotect(v) == "52010220170314123X");
    }

    [Fact]
    public void Values_written_by_data_protection_before_are_still_read()
    {
        var protector = Create();
        var old = _provider.CreateProtector("EduCloud.PersonalData.v1").Protect("13800138000");

        protector.Unprotect(old).ShouldBe("13800138000");
    }

    [Fact]
    public void A_second_instance_on_the_same_data_directory_reads_the_first_ones_values()
    {
        var cipher = Create().Protect("13800138000");

        Create().Unprotect(cipher).ShouldBe("13800138000");
    }

    [Fact]
    public void A_tampered_value_is_refused()
    {
        var protector = Create();
        var cipher = protector.Protect("13800138000").ToCharArray();
        cipher[^3] = cipher[^3] == 'A' ? 'B' : 'A';

        Should.Throw<CryptographicException>(() => protector.Unprotect(new string(cipher)));
    }

    [Fact]
    public void The_lookup_hash_is_the_keyed_hash_of_the_trimmed_upper_case_value_as_before()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var protector = Create(Convert.ToBase64String(key));

        var expected = Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("52010220170314123X")));
        protector.Hash(" 52010220170314123x ").ShouldBe(expected);
        Parallel.For(0, 1000, _ => protector.Hash("52010220170314123X").ShouldBe(expected));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, true);
        }
    }
}
