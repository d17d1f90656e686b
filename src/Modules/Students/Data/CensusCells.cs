using System.Buffers.Binary;
using System.Text;
using EduCloud.Kernel.Codes;
using EduCloud.Students.Contracts;
using EduCloud.Students.Domain;

namespace EduCloud.Students.Data;

/// <summary>
/// The packed form of one school's census cells (<see cref="SchoolCensus.Cells"/>), format version 1:
/// one byte 0x01, then 23 bytes per cell: stage, grade level, sex (one byte each), the ethnicity code (two ASCII
/// bytes, space-padded), urban/rural, status (one byte each), then students, left-behind, migrant and disabled as
/// 4-byte big-endian integers. Big-endian because the migration packs the same bytes in SQL (to_hex / printf '%08X').
/// A cold rollup decodes half a million cells; this loop does it without a string per cell (ADR 0033).
/// </summary>
internal static class CensusCells
{
    public const byte FormatVersion = 1;
    public const int EntrySize = 23;

    internal readonly record struct Key(Stage Stage, int GradeLevel, Sex Sex, string EthnicityCode, UrbanRural UrbanRural, EnrolmentStatus Status);

    // Ethnicity codes are two digits (GB 3304): one shared string per code instead of one per decoded cell.
    private static readonly string[] TwoDigits = Enumerable.Range(0, 100).Select(i => i.ToString("D2")).ToArray();

    public static byte[] Pack(IReadOnlyDictionary<Key, CensusKeeper.Measures> cells)
    {
        var kept = cells.Where(c => !c.Value.IsZero).OrderBy(c => c.Key.Stage).ThenBy(c => c.Key.GradeLevel).ThenBy(c => c.Key.Sex)
            .ThenBy(c => c.Key.EthnicityCode, StringComparer.Ordinal).ThenBy(c => c.Key.UrbanRural).ThenBy(c => c.Key.Status).ToList();
        var bytes = new byte[1 + kept.Count * EntrySize];
        bytes[0] = FormatVersion;
        var at = bytes.AsSpan(1);
        foreach (var (key, m) in kept)
        {
            at[0] = Byte((int)key.Stage, "stage");
            at[1] = Byte(key.GradeLevel, "grade level");
            at[2] = Byte((int)key.Sex, "sex");
            var code = key.EthnicityCode;
            if (code.Length > 2 || !Ascii.IsValid(code))
            {
                throw new InvalidOperationException($"Ethnicity code '{code}' does not fit the census format.");
            }
            at[3] = code.Length > 0 ? (byte)code[0] : (byte)' ';
            at[4] = code.Length > 1 ? (byte)code[1] : (byte)' ';
            at[5] = Byte((int)key.UrbanRural, "urban/rural class");
            at[6] = Byte((int)key.Status, "status");
            BinaryPrimitives.WriteInt32BigEndian(at[7..], m.Students);
            BinaryPrimitives.WriteInt32BigEndian(at[11..], m.LeftBehind);
            BinaryPrimitives.WriteInt32BigEndian(at[15..], m.Migrant);
            BinaryPrimitives.WriteInt32BigEndian(at[19..], m.Disabled);
            at = at[EntrySize..];
        }
        return bytes;
    }

    /// <summary>Every cell with its counts, zero or not, for merging a change into the school's row.</summary>
    public static Dictionary<Key, CensusKeeper.Measures> Unpack(ReadOnlySpan<byte> bytes)
    {
        var cells = new Dictionary<Key, CensusKeeper.Measures>();
        for (var at = Entries(bytes); !at.IsEmpty; at = at[EntrySize..])
        {
            var c = Count(at);
            var key = new Key(c.Stage, c.GradeLevel, c.Sex, c.EthnicityCode, c.UrbanRural, (EnrolmentStatus)c.Status);
            cells[key] = cells.GetValueOrDefault(key) + new CensusKeeper.Measures(c.Students, c.LeftBehind, c.Migrant, c.Disabled);
        }
        return cells;
    }

    /// <summary>The cells with a student in them, as the contract hands them out.</summary>
    public static CensusCount[] Read(ReadOnlySpan<byte> bytes)
    {
        var entries = Entries(bytes);
        var counts = new CensusCount[entries.Length / EntrySize];
        var n = 0;
        for (var at = entries; !at.IsEmpty; at = at[EntrySize..])
        {
            var c = Count(at);
            if (c.Students != 0)
            {
                counts[n++] = c;
            }
        }
        return n == counts.Length ? counts : counts[..n];
    }

    private static ReadOnlySpan<byte> Entries(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return bytes;
        }
        if (bytes[0] != FormatVersion || (bytes.Length - 1) % EntrySize != 0)
        {
            throw new InvalidDataException($"Census cells in format {bytes[0]} with {bytes.Length} bytes: this build reads format {FormatVersion}.");
        }
        return bytes[1..];
    }

    private static CensusCount Count(ReadOnlySpan<byte> e) => new((Stage)e[0], e[1], (Sex)e[2], Ethnicity(e[3], e[4]), (UrbanRural)e[5], (CensusStatus)e[6],
        BinaryPrimitives.ReadInt32BigEndian(e[7..]), BinaryPrimitives.ReadInt32BigEndian(e[11..]),
        BinaryPrimitives.ReadInt32BigEndian(e[15..]), BinaryPrimitives.ReadInt32BigEndian(e[19..]));

    private static string Ethnicity(byte a, byte b) =>
        a is >= (byte)'0' and <= (byte)'9' && b is >= (byte)'0' and <= (byte)'9'
            ? TwoDigits[(a - '0') * 10 + b - '0']
            : Encoding.ASCII.GetString([a, b]).TrimEnd(' ');

    private static byte Byte(int value, string what) => value is >= 0 and <= 255
        ? (byte)value
        : throw new InvalidOperationException($"The census format keeps a {what} in one byte; {value} does not fit.");
}
