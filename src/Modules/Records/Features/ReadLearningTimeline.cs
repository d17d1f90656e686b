using System.Globalization;
using System.Text.Json.Nodes;
using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Records.Contracts;
using EduCloud.Records.Data;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Records.Features;

/// <summary>
/// Implements <see cref="ILearningTimeline"/> from the stored statements about one learner (PersonId), through the
/// scope filter, walking the (PersonId, Stored) index a page at a time. The learner must be the caller, one of the
/// caller's children, or placed where the caller reads (their class's teachers, administrators above); else 404.
/// </summary>
internal sealed class ReadLearningTimeline(RecordsDbContext db, IAccountPlacement placement, ICurrentActor actor) : ILearningTimeline
{
    private const string Activities = "/activities/";

    public async Task<TimelinePage> ReadAsync(Guid learnerId, TimelineQuery query, CancellationToken ct)
    {
        var placed = await placement.FindAsync(learnerId, ct);
        if (placed is null || !(actor.Scope.People.Contains(learnerId) || actor.Scope.CanRead(placed.Place)))
        {
            throw new NotFoundException("未找到该学生的学习记录");
        }
        var p = new Problems();
        DateTimeOffset? from = null;
        if (!string.IsNullOrEmpty(query.Month))
        {
            var ok = DateTime.TryParseExact(query.Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) && m.Year is >= 2000 and <= 2100;
            p.Check(ok, "month", "月份格式须为 yyyy-MM，例如 2026-09");
            from = ok ? new DateTimeOffset(m.Year, m.Month, 1, 0, 0, 0, TimeSpan.FromHours(8)) : null;
        }
        p.Check(query.Kind is null or "" or "homework" or "quiz" or "other", "kind", "类别须为 homework（作业）、quiz（自测）或 other（其他）");
        p.Check(query.Take is >= 1 and <= 100, "take", "每页条数须在1到100之间");
        p.ThrowIfAny();

        var statements = db.Statements.AsNoTracking()
            .Where(s => s.PersonId == learnerId && !s.Voided && !s.IsVoiding && s.VerbId != Verbs.Answered && !(s.ActivityId ?? "").Contains("/item/"));
        if (from is { } start)
        {
            long lo = Micros(start), hi = Micros(start.AddMonths(1));
            statements = statements.Where(s => s.Stored >= lo && s.Stored < hi);
        }
        statements = query.Kind switch
        {
            "homework" => statements.Where(s => (s.ActivityId ?? "").Contains(Activities + "homework/")),
            "quiz" => statements.Where(s => (s.ActivityId ?? "").Contains(Activities + "quiz/")),
            "other" => statements.Where(s => !(s.ActivityId ?? "").Contains(Activities + "homework/") && !(s.ActivityId ?? "").Contains(Activities + "quiz/")),
            _ => statements,
        };
        if (query.Before is { } before)
        {
            statements = statements.Where(s => s.Stored < before);
        }
        var rows = await statements.OrderByDescending(s => s.Stored).Take(query.Take + 1).Select(s => new { s.Id, s.Stored, s.VerbId, s.ActivityId, s.Json }).ToListAsync(ct);
        var page = rows.Take(query.Take).Select(r => Describe(r.Id, r.Stored, r.VerbId, r.ActivityId ?? "", r.Json)).ToList();
        return new TimelinePage(page, rows.Count > query.Take ? rows[query.Take - 1].Stored : null);
    }

    private static long Micros(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).Ticks / 10;

    private static TimelineEntry Describe(Guid id, long stored, string verb, string activity, string json)
    {
        var statement = JsonNode.Parse(json);
        var definition = statement?["object"]?["definition"];
        var name = (string?)definition?["name"]?["zh-CN"] ?? (string?)definition?["name"]?.AsObject().FirstOrDefault().Value;
        var score = statement?["result"]?["score"];
        var raw = (double?)score?["raw"];
        var max = (double?)score?["max"];
        var late = (string?)statement?["result"]?["response"] == "late";
        var kind = activity.Contains(Activities + "homework/", StringComparison.Ordinal) ? "homework"
            : activity.Contains(Activities + "quiz/", StringComparison.Ordinal) ? "quiz" : "other";
        var what = kind switch { "homework" => "作业", "quiz" => "自测", _ => "学习活动" };
        var title = name is null ? what : $"{what}《{name}》";
        var points = raw is { } r ? $"，得分 {r:0.##}" + (max is { } m ? $" / {m:0.##}" : "") : "";
        var text = verb switch
        {
            Verbs.Submitted => $"提交{title}" + (late ? "（迟交）" : ""),
            Verbs.Scored => $"{title}已批阅{points}",
            Verbs.Completed => $"完成{title}{points}",
            Verbs.Attempted => $"开始{title}",
            Verbs.Experienced => kind == "other" ? $"学习《{name ?? "资源"}》" : $"查看{title}",
            _ => $"{(string?)statement?["verb"]?["display"]?["zh-CN"] ?? "学习"}{title}{points}",
        };
        return new TimelineEntry(id, DateTimeOffset.UnixEpoch.AddTicks(stored * 10), kind, verb, text, name, raw, max, late);
    }
}
