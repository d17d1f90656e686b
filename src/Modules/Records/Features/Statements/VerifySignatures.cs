using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EduCloud.Records.Features.Statements;

/// <summary>
/// Signed statements (xAPI 1.0.3 Data 2.6): an attachment with usageType .../attachments/signature carries a JWS
/// (compact serialization, RS256/RS384/RS512) whose payload is the statement as it was before the signature was
/// attached. The LRS decodes it, checks the payload is logically the received statement (ignoring what the LRS
/// may set: id, authority, stored, timestamp, version; and the signature attachment itself), and, when the header
/// carries an X.509 chain (x5c), checks the signature with the first certificate's RSA key. Anything else is a
/// malformed signature: 400 with the reason.
/// </summary>
internal static class VerifySignatures
{
    public const string SignatureUsage = "http://adlnet.gov/expapi/attachments/signature";

    private static readonly string[] LrsSet = ["id", "authority", "stored", "timestamp", "version"];

    /// <summary>The error for the first bad signature of the statement, or null (also when it carries none).</summary>
    public static string? Check(JsonObject statement, IReadOnlyDictionary<string, StoreStatements.Part> parts)
    {
        var attachments = statement["attachments"] as JsonArray ?? [];
        foreach (var signature in attachments.OfType<JsonObject>().Where(a => (string?)a["usageType"] == SignatureUsage))
        {
            if (!string.Equals((string?)signature["contentType"], "application/octet-stream", StringComparison.OrdinalIgnoreCase))
            {
                return "signature: the signature attachment's contentType must be application/octet-stream";
            }
            if ((string?)signature["sha2"] is not { } sha2 || !parts.TryGetValue(sha2, out var part))
            {
                return "signature: the signature attachment must be sent as a multipart part";
            }
            if (Verify(statement, Encoding.ASCII.GetString(part.Content).Trim()) is { } error)
            {
                return "signature: " + error;
            }
        }
        return null;
    }

    private static string? Verify(JsonObject received, string jws)
    {
        var segments = jws.Split('.');
        if (segments.Length != 3 || segments.Any(s => s.Length == 0))
        {
            return "not a JWS in compact serialization (header.payload.signature)";
        }
        JsonObject header;
        JsonObject original;
        byte[] signatureBytes;
        try
        {
            header = JsonNode.Parse(FromBase64Url(segments[0]))?.AsObject() ?? throw new FormatException();
            original = JsonNode.Parse(FromBase64Url(segments[1]))?.AsObject() ?? throw new FormatException();
            signatureBytes = FromBase64Url(segments[2]);
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return "the JWS header, payload or signature is not valid base64url JSON";
        }
        var hash = (string?)header["alg"] switch
        {
            "RS256" => HashAlgorithmName.SHA256,
            "RS384" => HashAlgorithmName.SHA384,
            "RS512" => HashAlgorithmName.SHA512,
            var other => (HashAlgorithmName?)null,
        };
        if (hash is null)
        {
            return $"alg {(string?)header["alg"] ?? "(missing)"} is not allowed; use RS256, RS384 or RS512";
        }
        if (!JsonNode.DeepEquals(Comparable(original, dropSignatures: false), Comparable(received, dropSignatures: true)))
        {
            return "the JWS payload is not the statement that was received (it differs in more than id, authority, stored, timestamp or version)";
        }
        if (header["x5c"] is JsonArray { Count: > 0 } chain)
        {
            try
            {
                using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String((string)chain[0]!));
                using var rsa = certificate.GetRSAPublicKey();
                if (rsa is null)
                {
                    return "the x5c certificate has no RSA key";
                }
                var signed = Encoding.ASCII.GetBytes(segments[0] + "." + segments[1]);
                if (!rsa.VerifyData(signed, signatureBytes, hash.Value, RSASignaturePadding.Pkcs1))
                {
                    return "the JWS signature does not verify with the x5c certificate's key";
                }
            }
            catch (Exception e) when (e is FormatException or CryptographicException or InvalidCastException)
            {
                return "the x5c certificate cannot be read";
            }
        }
        return null;
    }

    /// <summary>The statement without what the LRS may set and without signature attachments (an empty list counts as none).</summary>
    private static JsonObject Comparable(JsonObject statement, bool dropSignatures)
    {
        var copy = (JsonObject)statement.DeepClone();
        foreach (var name in LrsSet)
        {
            copy.Remove(name);
        }
        if (copy["attachments"] is JsonArray attachments)
        {
            if (dropSignatures)
            {
                foreach (var signature in attachments.OfType<JsonObject>().Where(a => (string?)a["usageType"] == SignatureUsage).ToList())
                {
                    attachments.Remove(signature);
                }
            }
            if (attachments.Count == 0)
            {
                copy.Remove("attachments");
            }
        }
        return copy;
    }

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
