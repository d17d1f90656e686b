using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace EduCloud.Records.Features.Statements;

/// <summary>
/// Reads the body of PUT/POST /xapi/statements: application/json, or multipart/mixed whose first part is the JSON and
/// whose other parts are attachments with an X-Experience-API-Hash header (Data 2.4.11), into one pooled buffer
/// parsed as one JSON document (ADR 0041).
/// </summary>
internal static class ReadStatementsBody
{
    /// <summary>
    /// The request's statements as a JSON document over a pooled copy of its bytes, and its attachment parts (keyed by
    /// their hash). Dispose it once the statements are stored: the document's metadata and the bytes go back to the pool.
    /// </summary>
    internal sealed class RequestBody : IDisposable
    {
        private JsonDocument? _document;
        private byte[]? _bytes;

        public JsonElement Body => _document?.RootElement ?? default;
        public Dictionary<string, StoreStatements.Part> Parts { get; } = new(StringComparer.Ordinal);
        public string? Error { get; private set; }

        internal RequestBody Fail(string error)
        {
            Error = error;
            return this;
        }

        /// <summary>Parses <paramref name="length"/> bytes of <paramref name="bytes"/> (rented; this body returns them).</summary>
        internal RequestBody Parse(byte[] bytes, int length)
        {
            _bytes = bytes;
            var json = bytes.AsMemory(0, length);
            if (json.Span.StartsWith(Utf8Bom)) { json = json[Utf8Bom.Length..]; } // as the serializer did
            try
            {
                _document = JsonDocument.Parse(json, Strict);
            }
            catch (JsonException e)
            {
                // A repeated property name is found once its object is complete, and the document names no position
                // for it: the line is looked up on this (rare) path.
                Error = $"body: not valid JSON (line {(e.LineNumber ?? DuplicateLine(json.Span)) + 1})";
            }
            return this;
        }

        /// <summary>The 0-based line of the first property name repeated within its object (else the last line).</summary>
        private static long DuplicateLine(ReadOnlySpan<byte> json)
        {
            var reader = new Utf8JsonReader(json);
            var names = new Stack<HashSet<string>>();
            try
            {
                while (reader.Read())
                {
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.StartObject: names.Push(new HashSet<string>(StringComparer.Ordinal)); break;
                        case JsonTokenType.EndObject: names.Pop(); break;
                        case JsonTokenType.PropertyName when !names.Peek().Add(reader.GetString()!):
                            return json[..(int)reader.TokenStartIndex].Count((byte)'\n');
                    }
                }
            }
            catch (JsonException)
            {
                // Not a duplicate after all: fall through to the last line.
            }
            return json.Count((byte)'\n');
        }

        public void Dispose()
        {
            _document?.Dispose();
            _document = null;
            if (_bytes is not null) { ArrayPool<byte>.Shared.Return(_bytes); }
            _bytes = null;
        }
    }

    /// <summary>Reads the JSON body, or the multipart/mixed body with its attachment parts.</summary>
    internal static async Task<RequestBody> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var result = new RequestBody();
        try
        {
            return await ReadIntoAsync(result, request, ct);
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    private static async Task<RequestBody> ReadIntoAsync(RequestBody result, HttpRequest request, CancellationToken ct)
    {
        var parts = result.Parts;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
        {
            return result.Fail("Content-Type: application/json or multipart/mixed is required");
        }
        if (type.MediaType.Equals("multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
            if (string.IsNullOrEmpty(boundary)) { return result.Fail("Content-Type: multipart/mixed needs a boundary"); }
            var reader = new MultipartReader(boundary, request.Body);
            var first = await reader.ReadNextSectionAsync(ct);
            if (first is null || !MediaTypeHeaderValue.TryParse(first.ContentType, out var firstType) || !firstType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return result.Fail("multipart: the first part must be application/json statements");
            }
            var (json, jsonLength) = await ReadAllAsync(first.Body, null, ct);
            if (result.Parse(json, jsonLength).Error is not null) { return result; }
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                var hash = section.Headers?.TryGetValue("X-Experience-API-Hash", out var h) == true ? h.ToString() : "";
                if (hash.Length == 0) { return result.Fail("multipart: every attachment part needs an X-Experience-API-Hash header"); }
                if (section.Headers!.TryGetValue("Content-Transfer-Encoding", out var cte) && !cte.ToString().Equals("binary", StringComparison.OrdinalIgnoreCase))
                {
                    return result.Fail("multipart: Content-Transfer-Encoding must be binary");
                }
                using var buffer = new MemoryStream();
                await section.Body.CopyToAsync(buffer, ct);
                var content = buffer.ToArray();
                if (!HashMatches(hash, content)) { return result.Fail($"multipart: the content of part {hash} does not match its SHA-2 hash"); }
                parts[hash] = new StoreStatements.Part(section.ContentType ?? "application/octet-stream", content);
            }
            return result;
        }
        if (!type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return result.Fail("Content-Type: application/json or multipart/mixed is required");
        }
        var (bytes, length) = await ReadAllAsync(request.Body, request.ContentLength, ct);
        return result.Parse(bytes, length);
    }

    /// <summary>Duplicate property names are refused (Data 2.2: the statement would be ambiguous).</summary>
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The most a declared Content-Length sizes the first buffer to; a longer body grows it as it arrives.</summary>
    private const int MostPresized = 16 << 20;

    /// <summary>
    /// The whole body in one rented array (the caller returns it). A batch of 1,000 statements is about 1 MB:
    /// JsonSerializer.DeserializeAsync buffered it in growing arrays, re-scanned the buffered part as more arrived,
    /// and copied the result into new large-object-heap arrays per request (docs/benchmarks.md, "Session 14").
    /// Kestrel's body size limit still applies: reading past it throws as before.
    /// </summary>
    private static async Task<(byte[] Bytes, int Length)> ReadAllAsync(Stream body, long? declared, CancellationToken ct)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(declared is > 0 and < MostPresized ? (int)declared + 1 : 16 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == bytes.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(checked(bytes.Length * 2));
                    bytes.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(bytes);
                    bytes = larger;
                }
                var read = await body.ReadAsync(bytes.AsMemory(length), ct);
                if (read == 0) { return (bytes, length); }
                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(bytes);
            throw;
        }
    }

    private static bool HashMatches(string hash, byte[] content)
    {
        var actual = hash.Length switch
        {
            64 => SHA256.HashData(content),
            96 => SHA384.HashData(content),
            128 => SHA512.HashData(content),
            _ => null,
        };
        return actual is not null && Convert.ToHexStringLower(actual).Equals(hash, StringComparison.OrdinalIgnoreCase);
    }
}
