using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using EduCloud.Resources.Features.Interactions;
using EduCloud.Resources.Features.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.ClassPush;

public sealed record PushRequest(IReadOnlyList<Guid>? ClassIds, string? Note);

public sealed record PushDto(Guid Id, Guid ResourceId, string Title, string TypeName, string Format, Guid ClassId, string ClassName, string TeacherName,
    string? Note, DateTime PushedAt, bool Available);

public sealed record TeacherClassDto(Guid Id, string Name, string GradeName, string SchoolName);

/// <summary>
/// 推送到班级: a teacher gives a published resource they may use (Entitlements.AllowsAsync, the one check) to one
/// or more of their own classes, the classes of their Teacher assignments (their DataScope's classes). Any other
/// class is refused with 403 and nothing is pushed.
/// </summary>
internal static class PushToClass
{
    public static async Task<IReadOnlyList<PushDto>> HandleAsync(ResourcesDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid id, PushRequest request, CancellationToken ct)
    {
        var actor = db.Actor;
        var classIds = (request.ClassIds ?? []).Distinct().ToList();
        var note = PlainText.Clean(request.Note);
        new Problems().Check(classIds.Count > 0, "classIds", "请选择要推送的班级").MaxLength(note, 500, "note", "推送说明").ThrowIfAny();
        if (!actor.Roles.Contains(Role.Teacher) || classIds.Any(c => !actor.Scope.Classes.Contains(c)))
        {
            throw new ForbiddenException("只能推送到本人任教的班级");
        }
        var resource = await VisibleResource.RequireAsync(db, directory, id, ct);
        if (!await Entitlements.AllowsAsync(db, resource, actor, await ResourceAccess.CallerSchoolsAsync(actor, directory, ct), ct))
        {
            throw new ForbiddenException("该资源为付费资源，本校尚未获得使用授权，不能推送");
        }
        var version = await db.Versions.AsNoTracking().FirstAsync(v => v.Id == resource.PublishedVersionId, ct);
        var classes = await directory.FindClassesAsync(classIds, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var pushes = new List<Domain.ClassPush>();
        foreach (var classId in classIds)
        {
            var info = classes.GetValueOrDefault(classId) ?? throw new NotFoundException("未找到该班级");
            var push = new Domain.ClassPush
            {
                ResourceId = id, ClassId = classId, ClassName = (info.GradeName + info.Name).Trim(), SchoolId = info.SchoolId,
                TeacherId = actor.UserId!.Value, TeacherName = actor.DisplayName ?? "", Note = note.Length == 0 ? null : note, PushedAt = now,
            };
            db.Pushes.Add(push);
            pushes.Add(push);
        }
        await db.SaveChangesAsync(ct);
        return pushes.Select(p => ToDto(p, version.Title, version.TypeCode, version.Format, true)).ToList();
    }

    /// <summary>The caller's own classes as push targets (empty for anyone who teaches no class).</summary>
    public static async Task<IReadOnlyList<TeacherClassDto>> MyClassesAsync(ICurrentActor actor, IOrganizationDirectory directory, CancellationToken ct)
    {
        if (!actor.Roles.Contains(Role.Teacher) || actor.Scope.Classes.Count == 0)
        {
            return [];
        }
        var classes = await directory.FindClassesAsync(actor.Scope.Classes, ct);
        return classes.Values.Where(c => !c.Retired).OrderBy(c => c.GradeName).ThenBy(c => c.Name)
            .Select(c => new TeacherClassDto(c.Id, c.Name, c.GradeName, c.SchoolName)).ToList();
    }

    internal static PushDto ToDto(Domain.ClassPush p, string? title, string? typeCode, string? format, bool available) => new(p.Id, p.ResourceId, title ?? "",
        typeCode is null ? "" : ResourceCodes.NameOf(ResourceCodes.Types, typeCode), format ?? "", p.ClassId, p.ClassName, p.TeacherName, p.Note, p.PushedAt, available);

    public static async Task<Ok<IReadOnlyList<PushDto>>> EndpointAsync(ResourcesDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid id, PushRequest request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, clock, id, request, ct));

    public static async Task<Ok<IReadOnlyList<TeacherClassDto>>> MyClassesEndpointAsync(ResourcesDbContext db, IOrganizationDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(await MyClassesAsync(db.Actor, directory, ct));
}
