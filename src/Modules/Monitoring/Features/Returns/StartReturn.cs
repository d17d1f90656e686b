using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Features.Returns;

/// <summary>
/// Opens a school's return for a year: version 1, a draft pre-filled from the platform's figures and last year's
/// approved return. A school that already has a return for the year gets its current version back (no duplicate).
/// The kernel refuses a school outside the caller's scope when the draft is saved.
/// </summary>
internal static class StartReturn
{
    public sealed record Request(Guid? SchoolId, int? Year);

    public static async Task<Guid> HandleAsync(MonitoringDbContext db, PrefillReturn prefill, TimeProvider clock, Request request, CancellationToken ct)
    {
        var actor = db.Actor;
        var schoolId = request.SchoolId ?? (actor.Scope.ManagedSchools.Count == 1 ? actor.Scope.ManagedSchools[0] : Guid.Empty);
        if (schoolId == Guid.Empty)
        {
            throw ValidationFailedException.For("schoolId", "请选择学校");
        }
        var year = request.Year ?? clock.GetUtcNow().Year;
        if (await db.Returns.Where(r => r.SchoolId == schoolId && r.Year == year && r.IsCurrent).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct) is { } existing)
        {
            return existing;
        }
        if (!actor.Scope.IsSystem && !actor.Roles.Contains(Role.SchoolAdmin))
        {
            throw new ForbiddenException("年报由学校管理员填报");
        }
        var form = await ReturnForms.GetAsync(db, year, ct);
        var school = await prefill.SchoolAsync(schoolId, ct) ?? throw new NotFoundException("未找到该学校");
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new AnnualReturn
        {
            SchoolId = schoolId,
            SchoolName = school.School.Name,
            Year = year,
            Version = 1,
            Category = school.UrbanRural.ToString(),
            CreatedAt = now,
            ProvinceCode = school.School.Key.ProvinceCode,
            CityCode = school.School.Key.CityCode,
            CountyCode = school.School.Key.CountyCode,
        };
        row.SetValues(await prefill.ValuesAsync(db, form, school, ct));
        db.Returns.Add(row);
        db.Events.Add(ReturnEvents.Of(row, ReturnTrigger.Create, ReturnStatus.Draft, actor, null, now));
        await db.SaveChangesAsync(ct);
        return row.Id;
    }

    public static async Task<Ok<ReturnDto>> EndpointAsync(MonitoringDbContext db, PrefillReturn prefill, TimeProvider clock, Request request, CancellationToken ct) =>
        TypedResults.Ok(await GetReturn.HandleAsync(db, await HandleAsync(db, prefill, clock, request, ct), ct));
}

internal static class ReturnEvents
{
    public static ReturnEvent Of(AnnualReturn row, ReturnTrigger trigger, ReturnStatus from, ICurrentActor actor, string? comment, DateTime now) => new()
    {
        ReturnId = row.Id,
        Version = row.Version,
        Trigger = trigger,
        From = from,
        To = row.Status,
        ActorId = actor.UserId,
        ActorName = actor.DisplayName ?? "system",
        Comment = comment,
        At = now,
        ProvinceCode = row.ProvinceCode,
        CityCode = row.CityCode,
        CountyCode = row.CountyCode,
        SchoolId = row.SchoolId,
    };
}
