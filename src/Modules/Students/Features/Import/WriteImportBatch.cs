using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Privacy;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.Import;

/// <summary>
/// The part of an import that needs the database, batch by batch: a row whose student number (or citizen ID) is
/// already used at another school is an error; one that matches a record of this school is the same student (a
/// re-upload) and updates that record only where the file differs; the rest are new and are bulk-written with an
/// Admission change each. Rows are compared with earlier rows of the same file first.
/// </summary>
internal sealed class WriteImportBatch(StudentsDbContext db, PersonalDataProtector protector, ImportJob job, SchoolClasses school, DateTime now) : IDisposable
{
    // Both in-file duplicate checks key 128-bit values, not strings: a million-row file kept a million number strings
    // alive in the gen-2 heap (ADR 0029). A number that does not pack (never, once validated) is kept as text.
    private readonly Dictionary<UInt128, int> _numbers = [];
    private readonly Dictionary<string, int> _otherNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<UInt128, int> _ids = [];
    private readonly BulkInsertStudents _bulk = new(db);

    public int Imported { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }

    /// <summary>Checks the rows against the file and the database; writes them unless <paramref name="write"/> is false.</summary>
    public async Task RunAsync(List<DraftRow> rows, bool write, CancellationToken ct)
    {
        foreach (var row in rows.Where(r => r.IsValid))
        {
            var number = NumberKey(row.StudentNumber);
            if (number is { } n ? _numbers.TryGetValue(n, out var first) : _otherNumbers.TryGetValue(row.StudentNumber, out first))
            {
                row.Fail(ImportColumns.StudentNumber, $"与第{first}行的学籍号重复");
                continue;
            }
            if (row.CitizenIdHash is { } hash && _ids.TryGetValue(Key(hash), out first))
            {
                row.Fail(ImportColumns.CitizenId, $"与第{first}行的公民身份号码重复");
                continue;
            }
            if (number is { } key)
            {
                _numbers[key] = row.RowNumber;
            }
            else
            {
                _otherNumbers[row.StudentNumber] = row.RowNumber;
            }
            if (row.CitizenIdHash is { } h)
            {
                _ids[Key(h)] = row.RowNumber;
            }
        }
        var valid = rows.Where(r => r.IsValid).ToList();
        if (valid.Count == 0)
        {
            return;
        }
        var numbers = valid.Select(r => r.StudentNumber).ToList();
        var hashes = valid.Where(r => r.CitizenIdHash is not null).Select(r => r.CitizenIdHash!).ToList();
        // A uniqueness check across the whole platform, so the scope filter is off; only ids and schools come back.
        // Two index-friendly queries rather than one with an OR, which SQLite answers with a scan.
        var existing = await db.Students.IgnoreQueryFilters().AsNoTracking()
            .Where(s => EF.Parameter(numbers).Contains(s.StudentNumber))
            .Select(s => new { s.Id, s.StudentNumber, s.CitizenIdHash, s.SchoolId })
            .ToListAsync(ct);
        existing.AddRange(await db.Students.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.CitizenIdHash != null && EF.Parameter(hashes).Contains(s.CitizenIdHash))
            .Select(s => new { s.Id, s.StudentNumber, s.CitizenIdHash, s.SchoolId })
            .ToListAsync(ct));
        existing = existing.DistinctBy(e => e.Id).ToList();
        var byNumber = existing.ToDictionary(e => e.StudentNumber);
        var byHash = existing.Where(e => e.CitizenIdHash is not null).GroupBy(e => e.CitizenIdHash!).ToDictionary(g => g.Key, g => g.ToList());
        var fresh = new List<DraftRow>();
        var same = new Dictionary<Guid, DraftRow>();
        foreach (var row in valid)
        {
            var match = byNumber.GetValueOrDefault(row.StudentNumber);
            if (match is not null && match.SchoolId != job.SchoolId)
            {
                row.Fail(ImportColumns.StudentNumber, "已被其他学校的学生使用（同一学生请办理转学）");
                continue;
            }
            var sameId = row.CitizenIdHash is { } h ? byHash.GetValueOrDefault(h) ?? [] : [];
            if (match is null && sameId.Any(e => e.SchoolId != job.SchoolId))
            {
                row.Fail(ImportColumns.CitizenId, "该学生已在其他学校有学籍（请办理转学）");
                continue;
            }
            match ??= sameId.FirstOrDefault(e => e.SchoolId == job.SchoolId);
            if (match is null)
            {
                fresh.Add(row);
            }
            else if (!same.TryAdd(match.Id, row))
            {
                row.Fail(ImportColumns.CitizenId, "与本文件中另一行是同一学生");
            }
        }
        if (!write)
        {
            return;
        }
        await UpdateExistingAsync(same, ct);
        var students = fresh.Select(NewRecord).ToList();
        var changes = students.Select(Admission).ToList();
        await _bulk.WriteAsync(students, changes, ct);
        Imported += students.Count;
    }

    public void Dispose() => _bulk.Dispose();

    private async Task UpdateExistingAsync(Dictionary<Guid, DraftRow> same, CancellationToken ct)
    {
        if (same.Count == 0)
        {
            return;
        }
        var ids = same.Keys.ToList();
        var records = await db.Students.IgnoreQueryFilters().Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        foreach (var record in records)
        {
            var row = same[record.Id];
            var fromClass = record.ClassId;
            var fromLevel = record.GradeLevel;
            Apply(record, row);
            if (db.Entry(record).State != EntityState.Modified && GuardiansEqual(record, row))
            {
                Unchanged++;
                continue;
            }
            record.Guardians = Guardians(row);
            record.UpdatedAt = now;
            Updated++;
            if (fromClass != record.ClassId)
            {
                db.StatusChanges.Add(Change(record, ChangeKind.ClassChange, "91", fromClass, fromLevel));
            }
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        // Let go of this batch's records so a million-row file does not pile up in the change tracker (the job stays).
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is StudentRecord or StatusChange).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private void Apply(StudentRecord r, DraftRow d)
    {
        var c = d.Class!;
        r.Name = d.Name;
        r.Sex = d.Sex;
        r.BirthDate = d.BirthDate;
        r.EthnicityCode = d.EthnicityCode;
        r.HukouKind = d.HukouKind;
        r.HukouRegionCode = d.HukouRegionCode;
        r.LeftBehind = d.LeftBehind;
        r.Migrant = d.Migrant;
        r.Disability = d.Disability;
        r.Stage = c.Stage;
        r.GradeLevel = c.Level;
        r.GradeId = c.GradeId;
        r.EntryYear = d.EntryYear;
        r.ClassId = c.ClassId;
        if (d.CitizenIdCipher is not null && r.CitizenIdHash != d.CitizenIdHash)
        {
            (r.CitizenIdCipher, r.CitizenIdHash, r.CitizenIdMasked) = (d.CitizenIdCipher, d.CitizenIdHash, d.CitizenIdMasked);
        }
    }

    private bool GuardiansEqual(StudentRecord r, DraftRow d)
    {
        var g = r.Guardians.FirstOrDefault();
        if (g is null || d.GuardianName is null)
        {
            return g is null && d.GuardianName is null;
        }
        return g.Name == d.GuardianName && g.Relation == (d.GuardianRelation ?? "") && g.PhoneMasked == d.GuardianPhoneMasked
            && (g.PhoneCipher is null ? d.GuardianPhone is null : d.GuardianPhone is not null && protector.Unprotect(g.PhoneCipher) == d.GuardianPhone);
    }

    private static List<Guardian> Guardians(DraftRow d) => d.GuardianName is null && d.GuardianPhone is null
        ? []
        : [new Guardian { Name = d.GuardianName ?? "", Relation = d.GuardianRelation ?? "", PhoneCipher = d.GuardianPhoneCipher, PhoneMasked = d.GuardianPhoneMasked }];

    private StudentRecord NewRecord(DraftRow d)
    {
        var record = new StudentRecord
        {
            StudentNumber = d.StudentNumber,
            CitizenIdCipher = d.CitizenIdCipher,
            CitizenIdHash = d.CitizenIdHash,
            CitizenIdMasked = d.CitizenIdMasked,
            Status = EnrolmentStatus.Enrolled,
            UrbanRural = school.UrbanRural,
            Guardians = Guardians(d),
            CreatedAt = now,
            UpdatedAt = now,
        };
        Apply(record, d);
        record.PlaceAt(d.Class!.Key);
        return record;
    }

    private StatusChange Admission(StudentRecord s) => Change(s, ChangeKind.Admission, "11", null, null);

    private StatusChange Change(StudentRecord s, ChangeKind kind, string reason, Guid? fromClass, int? fromLevel) => new()
    {
        StudentId = s.Id,
        Kind = kind,
        ReasonCode = reason,
        Note = "批量导入",
        EffectiveOn = kind == ChangeKind.Admission ? new DateOnly(s.EntryYear, 9, 1) : DateOnly.FromDateTime(now),
        FromStatus = kind == ChangeKind.Admission ? null : s.Status,
        ToStatus = s.Status,
        FromSchoolId = kind == ChangeKind.Admission ? null : s.SchoolId,
        ToSchoolId = s.SchoolId,
        FromClassId = fromClass,
        ToClassId = s.ClassId,
        FromGradeLevel = fromLevel,
        ToGradeLevel = s.GradeLevel,
        FromStage = kind == ChangeKind.Admission ? null : s.Stage,
        ToStage = s.Stage,
        BatchId = job.Id,
        RecordedBy = job.RequestedBy,
        RecordedByName = job.RequestedByName,
        RecordedAt = now,
        ProvinceCode = s.ProvinceCode,
        CityCode = s.CityCode,
        CountyCode = s.CountyCode,
        SchoolId = s.SchoolId,
        ClassId = s.ClassId,
    };

    /// <summary>The first 128 bits of the keyed hash: a compact key for the in-file duplicate check of a million rows.</summary>
    private static UInt128 Key(string hexHash)
    {
        Span<byte> bytes = stackalloc byte[16];
        Convert.FromHexString(hexHash.AsSpan(0, 32), bytes, out _, out _);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    /// <summary>
    /// A student number as a number: each character 0-9 / A-Z is a digit 1-36 in base 37 (0 is never a digit, so
    /// lengths cannot collide), which is exact up to 24 characters; student numbers have 19. Null if it does not fit.
    /// </summary>
    internal static UInt128? NumberKey(string number)
    {
        if (number.Length > 24)
        {
            return null;
        }
        UInt128 key = 0;
        foreach (var c in number)
        {
            int digit = c switch
            {
                >= '0' and <= '9' => c - '0' + 1,
                >= 'A' and <= 'Z' => c - 'A' + 11,
                _ => -1,
            };
            if (digit < 0)
            {
                return null;
            }
            key = key * 37 + (uint)digit;
        }
        return key;
    }
}
