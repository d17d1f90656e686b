using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace EduCloud.Kernel.Privacy;

/// <summary>
/// Encrypts personal data (citizen IDs, phone numbers, addresses) at rest with ASP.NET Data Protection,
/// and derives a keyed hash (HMAC-SHA256) for exact-match look-up and de-duplication without decrypting.
/// The hash key comes from configuration (PersonalData:HashKey) or a key file in the data directory.
/// </summary>
public sealed class PersonalDataProtector
{
    private readonly IDataProtector _protector;
    private readonly byte[] _hashKey;

    public PersonalDataProtector(IDataProtectionProvider provider, IConfiguration configuration)
    {
        _protector = provider.CreateProtector("EduCloud.PersonalData.v1");
        _hashKey = LoadHashKey(configuration);
    }

    public string Protect(string plain) => _protector.Protect(plain);

    public string Unprotect(string cipher) => _protector.Unprotect(cipher);

    public string Hash(string plain)
    {
        var digest = HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(plain.Trim().ToUpperInvariant()));
        return Convert.ToHexString(digest);
    }

    private static byte[] LoadHashKey(IConfiguration configuration)
    {
        var configured = configuration["PersonalData:HashKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Convert.FromBase64String(configured);
        }
        var dataDirectory = configuration["DataDirectory"] ?? "data";
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "personal-data-hash.key");
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        return key;
    }
}
