using EduCloud.Kernel.Errors;
using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Messages;

/// <summary>通知偏好: the kinds of in-site notification I want and my quiet hours ("22:00"-"07:00", Beijing time).</summary>
internal static class SetPreferences
{
    public sealed record Dto(bool Notices, bool Messages, bool PlanActivity, string? QuietFrom, string? QuietTo);

    public static async Task<Dto> GetAsync(SpacesDbContext db, CancellationToken ct)
    {
        var me = db.Actor.Me();
        var p = await db.Preferences.AsNoTracking().FirstOrDefaultAsync(x => x.AccountId == me, ct) ?? new Preference();
        return new Dto(p.Notices, p.Messages, p.PlanActivity, Format(p.QuietFromMinute), Format(p.QuietToMinute));
    }

    public static async Task<Dto> HandleAsync(SpacesDbContext db, TimeProvider clock, Dto request, CancellationToken ct)
    {
        var me = db.Actor.Me();
        var problems = new Problems();
        var from = Parse(request.QuietFrom, "quietFrom", problems);
        var to = Parse(request.QuietTo, "quietTo", problems);
        problems.Check(from is null == to is null, "quietTo", "免打扰时段须同时填写开始和结束时间");
        problems.ThrowIfAny();
        var p = await db.Preferences.FirstOrDefaultAsync(x => x.AccountId == me, ct);
        if (p is null)
        {
            db.Preferences.Add(p = new Preference { AccountId = me });
        }
        p.Notices = request.Notices;
        p.Messages = request.Messages;
        p.PlanActivity = request.PlanActivity;
        p.QuietFromMinute = from;
        p.QuietToMinute = to;
        p.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return await GetAsync(db, ct);
    }

    private static int? Parse(string? text, string field, Problems problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (TimeOnly.TryParseExact(text.Trim(), "HH:mm", out var time))
        {
            return time.Hour * 60 + time.Minute;
        }
        problems.Add(field, "时间格式应为 HH:mm，例如 22:00");
        return null;
    }

    private static string? Format(int? minute) => minute is { } m ? $"{m / 60:00}:{m % 60:00}" : null;

    public static async Task<Ok<Dto>> GetEndpointAsync(SpacesDbContext db, CancellationToken ct) => TypedResults.Ok(await GetAsync(db, ct));

    public static async Task<Ok<Dto>> EndpointAsync(SpacesDbContext db, TimeProvider clock, Dto request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, clock, request, ct));
}
