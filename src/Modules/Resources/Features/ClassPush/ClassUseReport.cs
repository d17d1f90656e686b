using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.ClassPush;

public sealed record StudentUseDto(Guid StudentId, string Name, int Opens, int Downloads, DateTime? LastAt);

public sealed record ClassUseReportDto(PushDto Push, int Students, int StudentsWhoOpened, int Opens, int Downloads, IReadOnlyList<StudentUseDto> Rows);

/// <summary>
/// 使用记录: for one push, each student of the class with their opens and downloads (those who have not opened yet
/// too, from the class roster). For the class's teachers only: anyone else gets 404, as if the push did not exist.
/// </summary>
internal static class ClassUseReport
{
    public static async Task<ClassUseReportDto> HandleAsync(ResourcesDbContext db, IClassRoster roster, Guid pushId, CancellationToken ct)
    {
        var actor = db.Actor;
        var push = await db.Pushes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pushId, ct);
        if (push is null || !actor.Roles.Contains(Role.Teacher) || !actor.Scope.Classes.Contains(push.ClassId))
        {
            throw new NotFoundException("未找到该推送记录");
        }
        var uses = await db.ClassUses.AsNoTracking().Where(u => u.PushId == pushId)
            .GroupBy(u => new { u.StudentId, u.Kind })
            .Select(g => new { g.Key.StudentId, g.Key.Kind, Count = g.Count(), Last = g.Max(u => u.At), Name = g.Max(u => u.StudentName) })
            .ToListAsync(ct);
        var byStudent = uses.GroupBy(u => u.StudentId).ToDictionary(g => g.Key, g => g.ToList());
        var students = await roster.ListStudentsAsync(push.ClassId, ct);
        var rows = students.Select(s => (s.AccountId, s.DisplayName))
            .Concat(byStudent.Keys.Where(k => students.All(s => s.AccountId != k)).Select(k => (k, byStudent[k][0].Name ?? ""))) // since left the class
            .Select(s =>
            {
                var mine = byStudent.GetValueOrDefault(s.Item1) ?? [];
                return new StudentUseDto(s.Item1, s.Item2, mine.Where(u => u.Kind == UseKind.Open).Sum(u => u.Count),
                    mine.Where(u => u.Kind == UseKind.Download).Sum(u => u.Count), mine.Count == 0 ? null : mine.Max(u => u.Last));
            })
            .OrderByDescending(r => r.LastAt.HasValue).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var version = await (from r in db.Resources.AsNoTracking()
                             join v in db.Versions.AsNoTracking() on r.PublishedVersionId equals v.Id
                             where r.Id == push.ResourceId
                             select new { v.Title, v.TypeCode, v.Format }).FirstOrDefaultAsync(ct);
        return new ClassUseReportDto(PushToClass.ToDto(push, version?.Title, version?.TypeCode, version?.Format, version is not null), students.Count,
            rows.Count(r => r.Opens + r.Downloads > 0), rows.Sum(r => r.Opens), rows.Sum(r => r.Downloads), rows);
    }

    public static async Task<Ok<ClassUseReportDto>> EndpointAsync(ResourcesDbContext db, IClassRoster roster, Guid pushId, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, roster, pushId, ct));
}
