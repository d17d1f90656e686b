using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace EduCloud.Identity.Features.SignIn;

/// <summary>
/// The provider's signing and encryption certificates. They are kept in the data directory (created on first
/// start), so tokens survive a restart and several web processes sharing the directory accept each other's
/// tokens. Operators can point Oidc:SigningCertificate / Oidc:EncryptionCertificate at their own PFX files.
/// </summary>
internal static class OidcKeys
{
    public static X509Certificate2 Signing(IConfiguration configuration) =>
        Load(configuration, "Oidc:SigningCertificate", "oidc-signing.pfx", X509KeyUsageFlags.DigitalSignature);

    public static X509Certificate2 Encryption(IConfiguration configuration) =>
        Load(configuration, "Oidc:EncryptionCertificate", "oidc-encryption.pfx", X509KeyUsageFlags.KeyEncipherment);

    private static X509Certificate2 Load(IConfiguration configuration, string key, string fileName, X509KeyUsageFlags usage)
    {
        var path = configuration[key];
        if (string.IsNullOrWhiteSpace(path))
        {
            var directory = Path.Combine(configuration["DataDirectory"] ?? "data", "keys");
            Directory.CreateDirectory(directory);
            path = Path.Combine(directory, fileName);
            if (!File.Exists(path))
            {
                Create(path, usage);
            }
        }
        return X509CertificateLoader.LoadPkcs12FromFile(path, configuration[key + "Password"], X509KeyStorageFlags.EphemeralKeySet);
    }

    private static void Create(string path, X509KeyUsageFlags usage)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=EduCloud OIDC", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, certificate.Export(X509ContentType.Pfx));
        // Another process may have created it meanwhile: the first one wins, so all processes share one key.
        try
        {
            File.Move(temporary, path);
        }
        catch (IOException)
        {
            File.Delete(temporary);
        }
    }
}
