using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using EduCloud.Records.Domain;

namespace EduCloud.Records.Json;

/// <summary>
/// An agent or activity key as 8 bytes for the link index (ADR 0040): the first 8 bytes of the MD5 of the UTF-8 of
/// "kind:key" (kind 1 = agent, 2 = activity), big-endian, which is what PostgreSQL computes as
/// <c>('x' || left(md5(kind || ':' || key), 16))::bit(64)::bigint</c> (the migration fills existing links that way; on
/// SQLite it calls <see cref="Of(string)"/> as a SQL function). Not a security hash and not unique: the filters
/// re-check every returned statement's own agents and activities (<c>StatementQuery.Carries</c>), so a collision can
/// cost a shorter page, never a wrong statement.
/// </summary>
internal static class KeyHash
{
    /// <summary>
    /// The authority's key is the same for every statement of a client, and learners and activities recur: remembered
    /// up to a bound (past it a key is hashed each time, as <see cref="VerbHash"/> does), so a batch does not pay one
    /// MD5 through OpenSSL per link.
    /// </summary>
    private static readonly ConcurrentDictionary<string, long>[] Known =
        [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
    private const int MaxKnown = 65_536;
    private static int _known;

    public static long Of(LinkKind kind, string key)
    {
        var known = Known[kind == LinkKind.Agent ? 0 : 1];
        if (known.TryGetValue(key, out var hash)) { return hash; }
        hash = Of((kind == LinkKind.Agent ? "1:" : "2:") + key);
        if (Volatile.Read(ref _known) < MaxKnown && known.TryAdd(key, hash)) { Interlocked.Increment(ref _known); }
        return hash;
    }

    /// <summary>The hash of "kind:key" as one string (the SQLite migration's SQL function).</summary>
    public static long Of(string kindAndKey)
    {
        Span<byte> md5 = stackalloc byte[MD5.HashSizeInBytes];
        VerbHash.Md5Of(kindAndKey, md5);
        return BinaryPrimitives.ReadInt64BigEndian(md5);
    }
}
