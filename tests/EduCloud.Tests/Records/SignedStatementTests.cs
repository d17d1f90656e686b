using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Records;

/// <summary>
/// Signed statements (xAPI 1.0.3 Data 2.6, the ADL conformance suite's signature cases): a JWS made with an RSA key
/// and a self-signed X.509 certificate created here, sent as the signature attachment of a multipart/mixed POST.
/// Valid ones are stored and come back with their signature; tampered ones are 400 and nothing is stored.
/// </summary>
public sealed class SignedStatementTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private const string SignatureUsage = "http://adlnet.gov/expapi/attachments/signature";

    [Theory]
    [InlineData("RS256")]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task A_validly_signed_statement_is_stored_and_returned_with_its_signature(string alg)
    {
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        using var key = RSA.Create(2048);
        using var certificate = SelfSigned(key);
        var statement = Xapi.Statement(Xapi.UniqueEmail());
        statement["id"] = Guid.NewGuid().ToString();
        var jws = Sign(statement, key, alg, certificate);

        var response = await lrs.PostAsync("/xapi/statements", Signed(statement, jws));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var id = (string)JsonNode.Parse(text)![0]!;
        id.ShouldBe((string)statement["id"]!);

        var back = await lrs.GetAsync($"/xapi/statements?statementId={id}&attachments=true");
        back.StatusCode.ShouldBe(HttpStatusCode.OK);
        var boundary = back.Content.Headers.ContentType!.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        var reader = new Microsoft.AspNetCore.WebUtilities.MultipartReader(boundary, await back.Content.ReadAsStreamAsync());
        var json = JsonNode.Parse(await new StreamReader((await reader.ReadNextSectionAsync())!.Body).ReadToEndAsync())!;
        ((string?)json["attachments"]![0]!["usageType"]).ShouldBe(SignatureUsage);
        var part = await reader.ReadNextSectionAsync();
        part!.Headers!["X-Experience-API-Hash"].ToString().ShouldBe(Sha256(Encoding.ASCII.GetBytes(jws)));
        (await new StreamReader(part.Body).ReadToEndAsync()).ShouldBe(jws);
    }

    [Fact]
    public async Task The_lrs_may_add_id_timestamp_stored_authority_and_version_without_breaking_the_signature()
    {
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        using var key = RSA.Create(2048);
        using var certificate = SelfSigned(key);
        // Signed without an id or timestamp: the LRS assigns both after the statement was signed.
        var statement = Xapi.Statement(Xapi.UniqueEmail());
        var response = await lrs.PostAsync("/xapi/statements", Signed(statement, Sign(statement, key, "RS256", certificate)));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Tampered_or_malformed_signatures_are_400_with_a_reason_and_nothing_is_stored()
    {
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        using var key = RSA.Create(2048);
        using var otherKey = RSA.Create(2048);
        using var certificate = SelfSigned(key);
        var email = Xapi.UniqueEmail();

        JsonObject Fresh()
        {
            var s = Xapi.Statement(email);
            s["id"] = Guid.NewGuid().ToString();
            return s;
        }

        // The statement changed after signing (another verb): the payload no longer matches.
        var changed = Fresh();
        var signedOriginal = Sign(changed, key, "RS256", certificate);
        changed["verb"]!["id"] = "http://adlnet.gov/expapi/verbs/passed";
        await ExpectBadAsync(lrs, changed, signedOriginal, "payload");

        // The signature bytes altered: the certificate's key does not verify it.
        var altered = Fresh();
        var parts = Sign(altered, key, "RS256", certificate).Split('.');
        var sig = Convert.FromBase64String(Pad(parts[2].Replace('-', '+').Replace('_', '/')));
        sig[10] ^= 0xFF;
        await ExpectBadAsync(lrs, altered, $"{parts[0]}.{parts[1]}.{Base64Url(sig)}", "does not verify");

        // Signed by another key than the certificate's.
        var wrongKey = Fresh();
        await ExpectBadAsync(lrs, wrongKey, Sign(wrongKey, otherKey, "RS256", certificate), "does not verify");

        // An algorithm the specification does not allow.
        var hmac = Fresh();
        var header = Base64Url(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\"}"));
        var payload = Base64Url(Encoding.UTF8.GetBytes(hmac.ToJsonString()));
        var mac = Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes("secret"), Encoding.ASCII.GetBytes(header + "." + payload)));
        await ExpectBadAsync(lrs, hmac, $"{header}.{payload}.{mac}", "HS256");

        // Not a JWS at all.
        var garbage = Fresh();
        await ExpectBadAsync(lrs, garbage, "not-a-jws", "compact serialization");

        // None of them was stored.
        (await lrs.QueryAsync("agent=" + Xapi.Q(new JsonObject { ["mbox"] = "mailto:" + email }))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_signature_attachment_must_be_octet_stream()
    {
        using var lrs = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        using var key = RSA.Create(2048);
        using var certificate = SelfSigned(key);
        var statement = Xapi.Statement(Xapi.UniqueEmail());
        var content = Signed(statement, Sign(statement, key, "RS256", certificate), contentType: "text/plain");
        var response = await lrs.PostAsync("/xapi/statements", content);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("application/octet-stream");
    }

    private static async Task ExpectBadAsync(HttpClient lrs, JsonObject statement, string jws, string reason)
    {
        var response = await lrs.PostAsync("/xapi/statements", Signed(statement, jws));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        text.ShouldContain("signature");
        text.ShouldContain(reason);
    }

    private static X509Certificate2 SelfSigned(RSA key)
    {
        var request = new CertificateRequest("CN=EduCloud test signer", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    /// <summary>JWS compact serialization of the statement as it is now (before the signature attachment is added).</summary>
    private static string Sign(JsonObject statement, RSA key, string alg, X509Certificate2 certificate)
    {
        var header = new JsonObject { ["alg"] = alg, ["x5c"] = new JsonArray(Convert.ToBase64String(certificate.RawData)) };
        var signingInput = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(statement.ToJsonString()));
        var hash = alg switch { "RS384" => HashAlgorithmName.SHA384, "RS512" => HashAlgorithmName.SHA512, _ => HashAlgorithmName.SHA256 };
        return signingInput + "." + Base64Url(key.SignData(Encoding.ASCII.GetBytes(signingInput), hash, RSASignaturePadding.Pkcs1));
    }

    /// <summary>The statement with its signature attachment declared, and the JWS as the octet-stream part.</summary>
    private static MultipartContent Signed(JsonObject statement, string jws, string contentType = "application/octet-stream")
    {
        var bytes = Encoding.ASCII.GetBytes(jws);
        var sha2 = Sha256(bytes);
        var withSignature = (JsonObject)statement.DeepClone();
        withSignature["attachments"] = new JsonArray(new JsonObject
        {
            ["usageType"] = SignatureUsage, ["display"] = new JsonObject { ["en-US"] = "Signature" },
            ["contentType"] = contentType, ["length"] = bytes.Length, ["sha2"] = sha2,
        });
        var multipart = new MultipartContent("mixed");
        multipart.Add(new StringContent(withSignature.ToJsonString(), Encoding.UTF8, "application/json"));
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        part.Headers.Add("Content-Transfer-Encoding", "binary");
        part.Headers.Add("X-Experience-API-Hash", sha2);
        multipart.Add(part);
        return multipart;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Pad(string s) => s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
}
