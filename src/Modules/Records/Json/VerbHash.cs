using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace EduCloud.Records.Json;

/// <summary>
/// A verb IRI as 4 bytes for the link index (ADR 0032): the first 4 bytes of the MD5 of its UTF-8, big-endian,
/// which is what PostgreSQL computes as <c>('x' || left(md5(verb), 8))::bit(32)::int</c> (the migration fills existing
/// links that way). Not a security hash: only a pre-filter, the statement's verb is compared exactly afterwards.
/// </summary>
internal static class VerbHash
{
    /// <summary>
    /// A store uses few verbs, and every statement of a batch asked for its verb's hash: one MD5 through OpenSSL per
    /// statement showed in the batch profile (docs/benchmarks.md, "Session 12: where the batch path's time goes"). Bounded so a writer sending
    /// ever-new verbs cannot grow it without limit; past the bound a verb is simply hashed each time.
    /// </summary>
    private static readonly ConcurrentDictionary<string, int> Known = new(StringComparer.Ordinal);
    private const int MaxKnown = 4096;
    private static int _known; // ConcurrentDictionary.Count takes every lock: counted here instead


    public static int Of(string verb)
    {
        if (Known.TryGetValue(verb, out var known)) { return known; }
        var hash = Compute(verb);
        if (Volatile.Read(ref _known) < MaxKnown && Known.TryAdd(verb, hash)) { Interlocked.Increment(ref _known); }
        return hash;
    }

    private static int Compute(string verb)
    {
        Span<byte> md5 = stackalloc byte[MD5.HashSizeInBytes];
        Md5Of(verb, md5);
        return BinaryPrimitives.ReadInt32BigEndian(md5);
    }

    /// <summary>The MD5 of the text's UTF-8 (on the stack for the usual short IRI); shared with <see cref="KeyHash"/>.</summary>
    internal static void Md5Of(string text, Span<byte> md5)
    {
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(Math.Min(text.Length, 512))];
        var bytes = text.Length <= 512 ? utf8[..Encoding.UTF8.GetBytes(text, utf8)] : Encoding.UTF8.GetBytes(text);
        MD5.HashData(bytes, md5);
    }
}
