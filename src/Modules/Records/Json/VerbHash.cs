using System.Buffers.Binary;
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
    public static int Of(string verb)
    {
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(Math.Min(verb.Length, 512))];
        var bytes = verb.Length <= 512 ? utf8[..Encoding.UTF8.GetBytes(verb, utf8)] : Encoding.UTF8.GetBytes(verb);
        Span<byte> md5 = stackalloc byte[MD5.HashSizeInBytes];
        MD5.HashData(bytes, md5);
        return BinaryPrimitives.ReadInt32BigEndian(md5);
    }
}
