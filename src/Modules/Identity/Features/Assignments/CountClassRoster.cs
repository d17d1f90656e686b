using EduCloud.Identity.Data;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Identity.Features.Assignments;

/// <summary>
/// Teachers and students of a class for the organisation browser and the resources pushed to classes: the live
/// accounts holding a Teacher or Student assignment at that class. Through the caller's scope filter, like every
/// other read, except a student's own classes (see IClassRoster.StudentClassesAsync).
/// </summary>
internal sealed class CountClassRoster(IdentityDbContext db) : IClassRoster
{
    public async Task<ClassRosterCounts> CountAsync(Guid classId, CancellationToken ct)
    {
        var live = db.Accounts.Where(a => a.RetiredAt == null).Select(a => a.Id);
        var atClass = db.Assignments.Where(r => r.ClassId == classId && live.Contains(r.AccountId));
        var teachers = await atClass.Where(r => r.Role == Role.Teacher).Select(r => r.AccountId).Distinct().CountAsync(ct);
        var students = await atClass.Where(r => r.Role == Role.Student).Select(r => r.AccountId).Distinct().CountAsync(ct);
        return new ClassRosterCounts(teachers, students);
    }

    public async Task<IReadOnlyList<RosterMember>> ListStudentsAsync(Guid classId, CancellationToken ct)
    {
        var ids = db.Assignments.Where(r => r.ClassId == classId && r.Role == Role.Student).Select(r => r.AccountId);
        return await db.Accounts.Where(a => a.RetiredAt == null && ids.Contains(a.Id)).OrderBy(a => a.DisplayName)
            .Select(a => new RosterMember(a.Id, a.DisplayName)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Guid>> StudentClassesAsync(Guid accountId, CancellationToken ct) =>
        await db.Assignments.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.AccountId == accountId && r.Role == Role.Student && r.ClassId != null)
            .Select(r => r.ClassId!.Value).Distinct().ToListAsync(ct);

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken ct) =>
        await db.Accounts.Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, ct);
}
