using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features;

/// <summary>
/// The fan-out of in-site notifications, honouring each recipient's preferences: a kind they turned off writes
/// nothing; during their quiet hours the notification is held until the quiet hours end (Beijing time, UTC+8).
/// Adds to the caller's unit of work; the caller saves.
/// </summary>
internal static class Notifier
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static async Task NotifyAsync(SpacesDbContext db, IReadOnlyCollection<Guid> recipients, NotificationKind kind, string title, string link, DateTime now, CancellationToken ct)
    {
        var preferences = await db.Preferences.AsNoTracking().Where(p => recipients.Contains(p.AccountId)).ToDictionaryAsync(p => p.AccountId, ct);
        foreach (var recipient in recipients.Distinct())
        {
            var preference = preferences.GetValueOrDefault(recipient);
            if (preference is not null && !preference.Wants(kind))
            {
                continue;
            }
            db.Notifications.Add(new Notification
            {
                RecipientId = recipient, Kind = kind, Title = title.Length > 200 ? title[..200] : title, Link = link, CreatedAt = now,
                ShowFrom = preference is null ? now : ShowFrom(preference.QuietFromMinute, preference.QuietToMinute, now),
            });
        }
    }

    /// <summary>Now, or the end of the quiet hours when now falls inside them (which may wrap past midnight).</summary>
    public static DateTime ShowFrom(int? quietFrom, int? quietTo, DateTime utcNow)
    {
        if (quietFrom is not { } from || quietTo is not { } to || from == to)
        {
            return utcNow;
        }
        var local = utcNow + Beijing;
        var minute = local.Hour * 60 + local.Minute;
        var quiet = from < to ? minute >= from && minute < to : minute >= from || minute < to;
        if (!quiet)
        {
            return utcNow;
        }
        var end = local.Date.AddMinutes(to);
        if (end <= local)
        {
            end = end.AddDays(1);
        }
        return DateTime.SpecifyKind(end - Beijing, DateTimeKind.Utc);
    }
}
