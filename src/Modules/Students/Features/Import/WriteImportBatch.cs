using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Privacy;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.Import;

/// <summary>
/// The import's single writer, batch by batch in the import's transaction, with every decision already taken by
/// MatchImportRows (ADR 0034): the records of this school the file matches are updated only where the file differs,
/// the new ones are bulk-written with an Admission change each.
/// </summary>
internal sealed class WriteImportBatch(StudentsDbContext db, PersonalDataProtector protector, ImportJob job, DateTime now) : IDisposable
{
    private readonly BulkInsertStudents _bulk = new(db);

    public int Imported { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }

    public async Task RunAsync(MatchedBatch batch, CancellationToken ct)
    {
        try
        {
            if (!batch.Write)
            {
                return;
            }
            await UpdateExistingAsync(batch.Same, ct);
            if (batch.Fresh == 0)
            {
                return;
            }
            if (batch.StudentCopy is { } students)
            {
                _bulk.Write(students, batch.ChangeCopy!);
            }
            else
            {
                _bulk.Write(batch.Students, batch.Changes, ct);
            }
            Imported += batch.Fresh;
        }
        finally
        {
            batch.StudentCopy?.Dispose();
            batch.ChangeCopy?.Dispose();
        }
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
                db.StatusChanges.Add(Change(job, now, record, ChangeKind.ClassChange, "91", fromClass, fromLevel));
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

    internal static void Apply(StudentRecord r, DraftRow d)
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

    internal static List<Guardian> Guardians(DraftRow d) => d.GuardianName is null && d.GuardianPhone is null
        ? []
        : [new Guardian { Name = d.GuardianName ?? "", Relation = d.GuardianRelation ?? "", PhoneCipher = d.GuardianPhoneCipher, PhoneMasked = d.GuardianPhoneMasked }];

    internal static StatusChange Change(ImportJob job, DateTime now, StudentRecord s, ChangeKind kind, string reason, Guid? fromClass, int? fromLevel) => new()
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
}
