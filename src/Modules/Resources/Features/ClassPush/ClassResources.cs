using EduCloud.Kernel.Files;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using EduCloud.Resources.Features.Interactions;
using EduCloud.Resources.Features.Publishing;
using EduCloud.Resources.Features.Resources;
using EduCloud.Resources.Files;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.ClassPush;

public sealed record PushedResourceDto(PushDto Push, string Format, string ContentType, string FileName, long SizeBytes, IReadOnlyList<string> CataloguePath, string Description);

/// <summary>
/// 班级资源: what was pushed to a class, as its students and teachers see it. Students are the class's Student
/// assignments (IClassRoster.StudentClassesAsync, their scope holds no classes); teachers are its Teacher
/// assignments. A student's open and download are recorded per class (ClassUse) and count as uses of the resource.
/// The push is the student's right to the file: the teacher's entitlement was checked when pushing.
/// </summary>
internal static class ClassResources
{
    /// <summary>The classes the caller reads pushes of: a student's own classes, a teacher's classes.</summary>
    public static async Task<IReadOnlyCollection<Guid>> ReaderClassesAsync(ICurrentActor actor, IClassRoster roster, CancellationToken ct)
    {
        var classes = new HashSet<Guid>(actor.Roles.Contains(Role.Teacher) ? actor.Scope.Classes : []);
        if (actor.Roles.Contains(Role.Student) && actor.UserId is { } me)
        {
            classes.UnionWith(await roster.StudentClassesAsync(me, ct));
        }
        return classes;
    }

    public static async Task<IReadOnlyList<PushDto>> ListAsync(ResourcesDbContext db, IClassRoster roster, CancellationToken ct)
    {
        var classes = (await ReaderClassesAsync(db.Actor, roster, ct)).ToList();
        var rows = await (from p in db.Pushes.AsNoTracking()
                          where classes.Contains(p.ClassId)
                          join r in db.Resources.AsNoTracking() on p.ResourceId equals r.Id
                          join v in db.Versions.AsNoTracking() on r.PublishedVersionId equals v.Id into published
                          from v in published.DefaultIfEmpty()
                          orderby p.PushedAt descending
                          select new { p, Title = v == null ? null : v.Title, TypeCode = v == null ? null : v.TypeCode, Format = v == null ? null : v.Format })
                         .Take(200).ToListAsync(ct);
        return rows.Select(x => PushToClass.ToDto(x.p, x.Title, x.TypeCode, x.Format, x.Title is not null)).ToList();
    }

    /// <summary>One push for a reader of its class; a student's open is recorded (404 for anyone else, 410-like 404 after takedown).</summary>
    public static async Task<PushedResourceDto> OpenAsync(ResourcesDbContext db, IClassRoster roster, SearchFeeder feeder, TimeProvider clock, Guid pushId, CancellationToken ct)
    {
        var (push, version) = await ResolveAsync(db, roster, pushId, ct);
        await RecordAsync(db, feeder, clock, push, UseKind.Open, ct);
        return new PushedResourceDto(PushToClass.ToDto(push, version.Title, version.TypeCode, version.Format, true), version.Format, version.ContentType,
            version.FileName, version.SizeBytes, version.CataloguePath, version.Description);
    }

    private static async Task<(Domain.ClassPush Push, ResourceVersion Version)> ResolveAsync(ResourcesDbContext db, IClassRoster roster, Guid pushId, CancellationToken ct)
    {
        var push = await db.Pushes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pushId, ct);
        if (push is null || !(await ReaderClassesAsync(db.Actor, roster, ct)).Contains(push.ClassId))
        {
            throw new NotFoundException("未找到该班级资源");
        }
        var version = await (from r in db.Resources.AsNoTracking()
                             join v in db.Versions.AsNoTracking() on r.PublishedVersionId equals v.Id
                             where r.Id == push.ResourceId
                             select v).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("该资源已下架");
        return (push, version);
    }

    /// <summary>Students' uses only: a teacher checking what they pushed is not a use by the class.</summary>
    private static async Task RecordAsync(ResourcesDbContext db, SearchFeeder feeder, TimeProvider clock, Domain.ClassPush push, UseKind kind, CancellationToken ct)
    {
        if (!db.Actor.Roles.Contains(Role.Student) || db.Actor.UserId is not { } me)
        {
            return;
        }
        db.ClassUses.Add(new ClassUse
        {
            PushId = push.Id, ResourceId = push.ResourceId, ClassId = push.ClassId, StudentId = me, StudentName = db.Actor.DisplayName ?? "",
            Kind = kind, At = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        await VisibleResource.CountUseAsync(db, feeder, push.ResourceId, kind == UseKind.Download, ct);
    }

    public static async Task<IResult> FileEndpointAsync(ResourcesDbContext db, IClassRoster roster, SearchFeeder feeder, IBlobStore blobs, TimeProvider clock,
        Guid pushId, bool? download, HttpContext http, CancellationToken ct)
    {
        var (push, version) = await ResolveAsync(db, roster, pushId, ct);
        // A player asks for many ranges of one file; only a download (or a first whole-file read) is a use.
        if (download == true)
        {
            await RecordAsync(db, feeder, clock, push, UseKind.Download, ct);
        }
        return await DownloadFile.ServeAsync(http, blobs, version.BlobSha256, version.ContentType, download == true ? version.FileName : null, ct);
    }

    public static async Task<Ok<IReadOnlyList<PushDto>>> ListEndpointAsync(ResourcesDbContext db, IClassRoster roster, CancellationToken ct) =>
        TypedResults.Ok(await ListAsync(db, roster, ct));

    public static async Task<Ok<PushedResourceDto>> OpenEndpointAsync(ResourcesDbContext db, IClassRoster roster, SearchFeeder feeder, TimeProvider clock, Guid pushId, CancellationToken ct) =>
        TypedResults.Ok(await OpenAsync(db, roster, feeder, clock, pushId, ct));
}
