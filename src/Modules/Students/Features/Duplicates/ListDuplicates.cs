using EduCloud.Organization.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.Duplicates;

/// <summary>
/// The duplicates queue: the cases placed at a bureau the caller sees (the scope filter decides), each with the two
/// records side by side, masked. The records are read past the filter only for cases the caller already sees, and
/// the case's bureau is above both schools anyway.
/// </summary>
internal static class ListDuplicates
{
    public sealed record Side(Guid StudentId, string StudentNumber, string Name, string? CitizenIdMasked, string Status, Guid? SchoolId, string SchoolName,
        int GradeLevel, DateTime CreatedAt);

    public sealed record CaseDto(Guid Id, string Status, string OwnerRole, string NodeCode, DateTime FlaggedAt, Side A, Side B,
        Guid? KeptStudentId, string? ReasonCode, string? Note, string? ResolvedByName, DateTime? ResolvedAt, bool CanResolve);

    public static async Task<IReadOnlyList<CaseDto>> HandleAsync(StudentsDbContext db, IOrganizationDirectory directory, string? status, CancellationToken ct)
    {
        var query = db.DuplicateCases.AsNoTracking();
        query = Enum.TryParse<DuplicateStatus>(status, true, out var s) ? query.Where(c => c.Status == s)
            : status == "all" ? query : query.Where(c => c.Status == DuplicateStatus.Open);
        var cases = await query.OrderByDescending(c => c.FlaggedAt).Take(200).ToListAsync(ct);
        var ids = cases.SelectMany(c => new[] { c.StudentAId, c.StudentBId }).ToList();
        var students = await db.Students.IgnoreQueryFilters().AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var schoolNames = new Dictionary<Guid, string>();
        foreach (var schoolId in students.Values.Select(x => x.SchoolId).OfType<Guid>().Distinct())
        {
            schoolNames[schoolId] = (await directory.FindSchoolAsync(schoolId, ct))?.Name ?? "";
        }
        Side SideOf(Guid id) => students[id] is var r
            ? new Side(r.Id, r.StudentNumber, r.Name, r.CitizenIdMasked, r.Status.ToString(), r.SchoolId,
                r.SchoolId is { } sid ? schoolNames.GetValueOrDefault(sid, "") : "", r.GradeLevel, r.CreatedAt)
            : throw new InvalidOperationException();
        return cases.Select(c => new CaseDto(c.Id, c.Status.ToString(), c.OwnerRole.ToString(), NodeOf(c), c.FlaggedAt, SideOf(c.StudentAId), SideOf(c.StudentBId),
            c.KeptStudentId, c.ReasonCode, c.Note, c.ResolvedByName, c.ResolvedAt,
            c.Status == DuplicateStatus.Open && c.CanBeResolvedBy(db.Actor.Roles, db.Actor.Scope))).ToList();
    }

    private static string NodeOf(DuplicateCase c) => c.CountyCode is { Length: > 0 } ? c.CountyCode : c.CityCode is { Length: > 0 } ? c.CityCode : c.ProvinceCode;

    public static async Task<Ok<IReadOnlyList<CaseDto>>> EndpointAsync(StudentsDbContext db, IOrganizationDirectory directory, string? status, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, status, ct));
}
