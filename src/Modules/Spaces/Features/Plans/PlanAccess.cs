using EduCloud.Kernel.Errors;
using EduCloud.Resources.Contracts;
using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Plans;

/// <summary>A plan is its author's, and its group's members' once shared; anyone else gets 404. Also the content rules of a version.</summary>
internal static class PlanAccess
{
    public sealed record Content(string? Title, string? Objectives, string? Process, List<Guid>? ResourceIds, string? Note);

    public static async Task<LessonPlan> FindAsync(SpacesDbContext db, Guid id, CancellationToken ct)
    {
        var me = db.Actor.Me();
        return await db.Plans.FirstOrDefaultAsync(p => p.Id == id
            && (p.AuthorId == me || (p.GroupId != null && db.Members.Any(m => m.GroupId == p.GroupId && m.AccountId == me))), ct)
            ?? throw new NotFoundException("未找到该教案");
    }

    public static async Task<LessonPlan> OwnAsync(SpacesDbContext db, Guid id, CancellationToken ct)
    {
        var plan = await FindAsync(db, id, ct);
        return plan.AuthorId == db.Actor.UserId ? plan : throw new ForbiddenException("只有教案作者可以这样做");
    }

    /// <summary>Checks a version's text and that its resources exist on the resource platform.</summary>
    public static async Task CheckAsync(IResourceLookup resources, Content c, CancellationToken ct)
    {
        var problems = new Problems()
            .Required(c.Title, "title", "课题").MaxLength(c.Title?.Trim(), 100, "title", "课题")
            .MaxLength(c.Objectives, 5000, "objectives", "教学目标").MaxLength(c.Process, 20000, "process", "教学过程").MaxLength(c.Note, 500, "note", "修改说明")
            .Check((c.ResourceIds?.Count ?? 0) <= 20, "resourceIds", "最多引用 20 个资源");
        var ids = (c.ResourceIds ?? []).Distinct().ToList();
        if (ids.Count > 0)
        {
            var found = (await resources.FindAsync(ids, ct)).Select(r => r.Id).ToHashSet();
            problems.Check(ids.All(found.Contains), "resourceIds", "引用的资源不存在");
        }
        problems.ThrowIfAny();
    }

    public static PlanVersion VersionOf(LessonPlan plan, Content c, int number, int basedOn, VersionState state, Guid editor, string editorName, DateTime now) => new()
    {
        PlanId = plan.Id, Number = number, BasedOn = basedOn, State = state, EditorId = editor, EditorName = editorName,
        Title = c.Title!.Trim(), Objectives = c.Objectives?.Trim() ?? "", Process = c.Process?.Trim() ?? "", ResourceIds = (c.ResourceIds ?? []).Distinct().ToList(),
        Note = string.IsNullOrWhiteSpace(c.Note) ? null : c.Note.Trim(), CreatedAt = now,
    };
}
