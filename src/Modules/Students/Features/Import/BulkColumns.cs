using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EduCloud.Students.Domain;
using SQLitePCL;

namespace EduCloud.Students.Features.Import;

/// <summary>
/// One column of a bulk write, written two ways without boxing: as a field of PostgreSQL's binary COPY (ADR 0029: the
/// backend then stores uuids, integers, dates and timestamps as they come instead of parsing their text, and the
/// application formats no text for them; BinaryCopyWriter), and bound by position to a prepared SQLite statement in the text forms
/// EF Core's SQLite provider stores (upper-case GUIDs, ISO dates), so EF reads these rows back like its own.
/// </summary>
internal sealed record BulkColumn<T>(string Name, Action<BinaryCopyWriter, T> Write, Action<sqlite3_stmt, int, T> Bind)
{
    public static BulkColumn<T> Text(string name, Func<T, string?> get) => new(name,
        (w, r) => { if (get(r) is { } v) { w.Text(v); } else { w.Null(); } },
        (s, i, r) => BindText(s, i, get(r)));

    /// <summary>
    /// A keyed hash held as hex text in the model and as its bytes in the column (ADR 0027): PostgreSQL gets the bytes
    /// of the bytea, SQLite the 32 bytes as a BLOB.
    /// </summary>
    public static BulkColumn<T> HexBytes(string name, Func<T, string?> get) => new(name,
        (w, r) => { if (get(r) is { } hex) { w.HexBytes(hex); } else { w.Null(); } },
        (s, i, r) => Check(get(r) is { } hex ? BindHex(s, i, hex) : raw.sqlite3_bind_null(s, i)));

    private static int BindHex(sqlite3_stmt s, int i, string hex)
    {
        Span<byte> bytes = stackalloc byte[hex.Length / 2];
        Convert.FromHexString(hex, bytes, out _, out _);
        return raw.sqlite3_bind_blob(s, i, bytes);
    }

    public static BulkColumn<T> Uuid(string name, Func<T, Guid?> get) => new(name,
        (w, r) => { if (get(r) is { } g) { w.Uuid(g); } else { w.Null(); } },
        (s, i, r) => BindText(s, i, get(r) is { } g ? Upper(g) : null));

    public static BulkColumn<T> Int(string name, Func<T, int?> get) => new(name,
        (w, r) => { if (get(r) is { } v) { w.Int(v); } else { w.Null(); } },
        (s, i, r) => Check(get(r) is { } v ? raw.sqlite3_bind_int64(s, i, v) : raw.sqlite3_bind_null(s, i)));

    public static BulkColumn<T> Bool(string name, Func<T, bool> get) => new(name,
        (w, r) => w.Bool(get(r)),
        (s, i, r) => Check(raw.sqlite3_bind_int64(s, i, get(r) ? 1 : 0)));

    public static BulkColumn<T> Date(string name, Func<T, DateOnly> get) => new(name,
        (w, r) => w.Date(get(r)),
        (s, i, r) => BindText(s, i, get(r).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    /// <summary>
    /// UTC timestamps (timestamptz on PostgreSQL; a value of another kind is taken as UTC, as the COPY text's "+00" did).
    /// An import stamps every row with the same instant, and a custom date format costs about a microsecond: for SQLite
    /// the last value's text is kept and reused.
    /// </summary>
    public static BulkColumn<T> Stamp(string name, Func<T, DateTime?> get)
    {
        var last = new StampText(default, "");
        string Text(DateTime t)
        {
            var cached = Volatile.Read(ref last);
            if (cached.At != t || cached.Sqlite.Length == 0)
            {
                cached = new StampText(t, t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                Volatile.Write(ref last, cached);
            }
            return cached.Sqlite;
        }
        return new(name,
            (w, r) => { if (get(r) is { } t) { w.Timestamp(t); } else { w.Null(); } },
            (s, i, r) => BindText(s, i, get(r) is { } t ? Text(t) : null));
    }

    private sealed record StampText(DateTime At, string Sqlite);

    internal static void BindText(sqlite3_stmt s, int i, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(s, i) : raw.sqlite3_bind_text(s, i, value));

    private static string Upper(Guid g) => string.Create(36, g, static (span, id) =>
    {
        id.TryFormat(span, out _);
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] is >= 'a' and <= 'f')
            {
                span[i] = (char)(span[i] - 32);
            }
        }
    });

    private static void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite bind failed ({rc})");
        }
    }
}

/// <summary>The columns of stu_student and stu_status_change, in one place for both databases.</summary>
internal static class BulkColumns
{
    public static readonly BulkColumn<StudentRecord>[] Student =
    [
        BulkColumn<StudentRecord>.Uuid("Id", s => s.Id), BulkColumn<StudentRecord>.Text("StudentNumber", s => s.StudentNumber),
        BulkColumn<StudentRecord>.Text("Name", s => s.Name), BulkColumn<StudentRecord>.Int("Sex", s => (int)s.Sex),
        BulkColumn<StudentRecord>.Date("BirthDate", s => s.BirthDate), BulkColumn<StudentRecord>.Text("CitizenIdCipher", s => s.CitizenIdCipher),
        BulkColumn<StudentRecord>.HexBytes("CitizenIdHash", s => s.CitizenIdHash), BulkColumn<StudentRecord>.Text("CitizenIdMasked", s => s.CitizenIdMasked),
        BulkColumn<StudentRecord>.Text("EthnicityCode", s => s.EthnicityCode), BulkColumn<StudentRecord>.Text("HukouRegionCode", s => s.HukouRegionCode),
        BulkColumn<StudentRecord>.Int("HukouKind", s => (int)s.HukouKind), BulkColumn<StudentRecord>.Text("AddressCipher", s => s.AddressCipher),
        BulkColumn<StudentRecord>.Text("AddressMasked", s => s.AddressMasked), BulkColumn<StudentRecord>.Bool("LeftBehind", s => s.LeftBehind),
        BulkColumn<StudentRecord>.Bool("Migrant", s => s.Migrant), BulkColumn<StudentRecord>.Int("Disability", s => (int)s.Disability),
        BulkColumn<StudentRecord>.Int("Status", s => (int)s.Status), BulkColumn<StudentRecord>.Int("Stage", s => (int)s.Stage),
        BulkColumn<StudentRecord>.Int("GradeLevel", s => s.GradeLevel), BulkColumn<StudentRecord>.Uuid("GradeId", s => s.GradeId),
        BulkColumn<StudentRecord>.Int("EntryYear", s => s.EntryYear), BulkColumn<StudentRecord>.Int("UrbanRural", s => (int)s.UrbanRural),
        BulkColumn<StudentRecord>.Uuid("AccountId", s => s.AccountId), BulkColumn<StudentRecord>.Text("ConsentGuardianName", s => s.ConsentGuardianName),
        BulkColumn<StudentRecord>.Stamp("ConsentRecordedAt", s => s.ConsentRecordedAt), BulkColumn<StudentRecord>.Int("Version", s => s.Version),
        BulkColumn<StudentRecord>.Stamp("CreatedAt", s => s.CreatedAt), BulkColumn<StudentRecord>.Stamp("UpdatedAt", s => s.UpdatedAt),
        BulkColumn<StudentRecord>.Text("ProvinceCode", s => s.ProvinceCode), BulkColumn<StudentRecord>.Text("CityCode", s => s.CityCode),
        BulkColumn<StudentRecord>.Text("CountyCode", s => s.CountyCode), BulkColumn<StudentRecord>.Uuid("SchoolId", s => s.SchoolId),
        BulkColumn<StudentRecord>.Uuid("ClassId", s => s.ClassId), new("guardians", (w, s) => w.Jsonb(GuardiansUtf8(s.Guardians)), (statement, i, s) => BulkColumn<StudentRecord>.BindText(statement, i, GuardiansJson(s.Guardians))),
    ];

    public static readonly BulkColumn<StatusChange>[] Change =
    [
        BulkColumn<StatusChange>.Uuid("Id", c => c.Id), BulkColumn<StatusChange>.Uuid("StudentId", c => c.StudentId),
        BulkColumn<StatusChange>.Int("Kind", c => (int)c.Kind), BulkColumn<StatusChange>.Text("ReasonCode", c => c.ReasonCode),
        BulkColumn<StatusChange>.Text("Note", c => c.Note), BulkColumn<StatusChange>.Date("EffectiveOn", c => c.EffectiveOn),
        BulkColumn<StatusChange>.Int("FromStatus", c => (int?)c.FromStatus), BulkColumn<StatusChange>.Int("ToStatus", c => (int)c.ToStatus),
        BulkColumn<StatusChange>.Uuid("FromSchoolId", c => c.FromSchoolId), BulkColumn<StatusChange>.Uuid("ToSchoolId", c => c.ToSchoolId),
        BulkColumn<StatusChange>.Uuid("FromClassId", c => c.FromClassId), BulkColumn<StatusChange>.Uuid("ToClassId", c => c.ToClassId),
        BulkColumn<StatusChange>.Int("FromGradeLevel", c => c.FromGradeLevel), BulkColumn<StatusChange>.Int("ToGradeLevel", c => c.ToGradeLevel),
        BulkColumn<StatusChange>.Int("FromStage", c => (int?)c.FromStage), BulkColumn<StatusChange>.Int("ToStage", c => (int?)c.ToStage),
        BulkColumn<StatusChange>.Uuid("BatchId", c => c.BatchId), BulkColumn<StatusChange>.Uuid("CancelsChangeId", c => c.CancelsChangeId),
        BulkColumn<StatusChange>.Uuid("CancelledByChangeId", c => c.CancelledByChangeId), BulkColumn<StatusChange>.Uuid("RecordedBy", c => c.RecordedBy),
        BulkColumn<StatusChange>.Text("RecordedByName", c => c.RecordedByName), BulkColumn<StatusChange>.Stamp("RecordedAt", c => c.RecordedAt),
        BulkColumn<StatusChange>.Text("ProvinceCode", c => c.ProvinceCode), BulkColumn<StatusChange>.Text("CityCode", c => c.CityCode),
        BulkColumn<StatusChange>.Text("CountyCode", c => c.CountyCode), BulkColumn<StatusChange>.Uuid("SchoolId", c => c.SchoolId),
        BulkColumn<StatusChange>.Uuid("ClassId", c => c.ClassId),
    ];

    [ThreadStatic] private static ArrayBufferWriter<byte>? _json;
    [ThreadStatic] private static Utf8JsonWriter? _jsonWriter;

    /// <summary>
    /// The guardians column as JsonSerializer wrote it for EF's JSON mapping (same property order and escaping), written
    /// with a reused writer: the serializer's per-call set-up and the projection's objects were a visible share of a row.
    /// </summary>
    internal static string GuardiansJson(List<Guardian> guardians) => Encoding.UTF8.GetString(GuardiansUtf8(guardians));

    /// <summary>The same in UTF-8, valid until the next call on this thread.</summary>
    private static ReadOnlySpan<byte> GuardiansUtf8(List<Guardian> guardians)
    {
        var buffer = _json ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        var json = _jsonWriter ??= new Utf8JsonWriter(buffer);
        json.Reset(buffer);
        json.WriteStartArray();
        foreach (var g in guardians)
        {
            json.WriteStartObject();
            if (g.AccountId is { } account)
            {
                json.WriteString("AccountId", account);
            }
            else
            {
                json.WriteNull("AccountId");
            }
            json.WriteString("Name", g.Name);
            json.WriteString("PhoneCipher", g.PhoneCipher);
            json.WriteString("PhoneMasked", g.PhoneMasked);
            json.WriteString("Relation", g.Relation);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.Flush();
        return buffer.WrittenSpan;
    }
}
