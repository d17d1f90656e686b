using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Assessment.Features.Items;

/// <summary>
/// Who may use which bank items. The scope filter gives the owner their items and a school's administrators the
/// items placed at their school. A teacher's scope holds only their classes, so "shared with my school" is a rule
/// on top: items marked Shared at the schools of the teacher's own classes. Only owners change items.
/// </summary>
internal static class ItemAccess
{
    /// <summary>The schools of the caller's classes (a teacher's colleagues share items there).</summary>
    public static async Task<IReadOnlyList<ClassInfo>> TeacherClassesAsync(ICurrentActor actor, IOrganizationDirectory directory, CancellationToken ct)
    {
        if (!actor.Roles.Contains(Role.Teacher) || actor.Scope.Classes.Count == 0)
        {
            return [];
        }
        return (await directory.FindClassesAsync(actor.Scope.Classes, ct)).Values.Where(c => !c.Retired).OrderBy(c => c.GradeName).ThenBy(c => c.Name).ToList();
    }

    /// <summary>The items the caller may read: by scope, plus (for a teacher) the shared items of their schools.</summary>
    public static async Task<IQueryable<Item>> ReadableAsync(AssessmentDbContext db, IOrganizationDirectory directory, CancellationToken ct)
    {
        var schools = (await TeacherClassesAsync(db.Actor, directory, ct)).Select(c => (Guid?)c.SchoolId).Distinct().ToList();
        if (schools.Count == 0)
        {
            return db.Items.Where(i => !i.Retired);
        }
        var me = db.Actor.UserId;
        // The whole rule in one query: the scope filter alone would hide colleagues' shared items.
        return db.Items.IgnoreQueryFilters().Where(i => !i.Retired && (i.OwnerId == me || (i.Shared && schools.Contains(i.SchoolId))));
    }

    public static async Task<Item> ReadAsync(AssessmentDbContext db, IOrganizationDirectory directory, Guid id, CancellationToken ct) =>
        await (await ReadableAsync(db, directory, ct)).FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("未找到该试题");

    /// <summary>An item the caller owns, tracked for a change; anyone else's is 403 if they may read it, else 404.</summary>
    public static async Task<Item> OwnAsync(AssessmentDbContext db, IOrganizationDirectory directory, Guid id, CancellationToken ct)
    {
        var item = await ReadAsync(db, directory, id, ct);
        if (item.OwnerId != db.Actor.UserId)
        {
            throw new ForbiddenException("只有出题教师本人可以修改该试题");
        }
        return item;
    }
}
