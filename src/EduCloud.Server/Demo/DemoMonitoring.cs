using EduCloud.Kernel.Codes;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using EduCloud.Monitoring.Features.Returns;
using EduCloud.Organization.Domain;

namespace EduCloud.Server.Demo;

/// <summary>
/// 2026 returns for the demo schools so /monitoring shows something: approved through county, city and province for
/// most schools (about a third below the bandwidth target, a few rural schools without a multimedia classroom), one
/// 南明区 school waiting for nm_admin's review, and none for school_admin's own school (they fill it in).
/// Figures are derived from the demo classes, students and teachers; the rest is random with the demo's fixed seed.
/// </summary>
internal static class DemoMonitoring
{
    public static async Task<int> SeedAsync(MonitoringDbContext db, DemoTree tree, Random random, DateTime now, CancellationToken ct)
    {
        var first = tree.Schools.First(s => s.CountyCode == "520102");
        var waiting = tree.Schools.FirstOrDefault(s => s.CountyCode == "520102" && s.Id != first.Id);
        var count = 0;
        foreach (var school in tree.Schools.Where(s => s.Id != first.Id))
        {
            var classes = Math.Max(1, tree.Classes.Count(c => c.School.Id == school.Id));
            var students = tree.Classes.Where(c => c.School.Id == school.Id).Sum(c => c.Students);
            var points = tree.TeachingPoints.Count(p => p.CentralSchoolId == school.Id);
            var perClassTarget = school.UrbanRural == UrbanRural.Rural ? 5 : 10;
            var factor = random.NextDouble() < 0.35 ? 0.3 + random.NextDouble() * 0.6 : 1 + random.NextDouble();
            var multimedia = school.UrbanRural == UrbanRural.Rural && random.NextDouble() < 0.15 ? 0 : (int)Math.Round(classes * (0.4 + random.NextDouble() * 0.6));
            var teachers = Math.Max(4, classes + random.Next(2, 8));
            var values = new Dictionary<string, string>
            {
                ["connectionType"] = school.UrbanRural == UrbanRural.Rural && random.NextDouble() < 0.2 ? "mobile" : "fiber",
                ["exportBandwidthMbps"] = Math.Round(classes * perClassTarget * factor).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["wirelessCoveragePercent"] = (school.UrbanRural == UrbanRural.Rural ? random.Next(20, 101) : random.NextDouble() < 0.7 ? 100 : random.Next(60, 100)).ToString(),
                ["teachingPoints"] = points.ToString(),
                ["classes"] = classes.ToString(),
                ["classrooms"] = (classes + random.Next(0, 4)).ToString(),
                ["multimediaClassrooms"] = multimedia.ToString(),
                ["interactiveWhiteboards"] = (multimedia / 2).ToString(),
                ["teachers"] = teachers.ToString(),
                ["students"] = students.ToString(),
                ["teacherTerminals"] = (teachers - random.Next(0, 3)).ToString(),
                ["studentTerminals"] = Math.Max(1, students / random.Next(6, 20)).ToString(),
                ["itStaff"] = random.Next(0, 3).ToString(),
                ["hasCio"] = random.NextDouble() < 0.5 ? "true" : "false",
                // 南明区 lags on teacher training, so nm_admin has a county alert to handle (same random draws as before).
                ["teachersTrainedIt"] = (school.CountyCode == "520102" ? (teachers - random.Next(0, 3)) * 2 / 3 : teachers - random.Next(0, 3)).ToString(),
                ["itSpendingYuan"] = (random.Next(2, 30) * 10_000).ToString(),
            };
            if (points > 0)
            {
                values["teachingPointMinBandwidthMbps"] = random.Next(2, 21).ToString();
            }
            if (values["hasCio"] == "true")
            {
                values["cioName"] = "信息中心主任";
            }
            var row = new AnnualReturn
            {
                SchoolId = school.Id,
                SchoolName = school.Name,
                Year = 2026,
                Version = 1,
                Category = school.UrbanRural.ToString(),
                CreatedAt = now,
                ProvinceCode = school.ProvinceCode,
                CityCode = school.CityCode,
                CountyCode = school.CountyCode,
            };
            row.SetValues(values);
            var steps = school.Id == waiting?.Id ? new[] { ReturnTrigger.Submit } : [ReturnTrigger.Submit, ReturnTrigger.Approve, ReturnTrigger.Approve, ReturnTrigger.Approve];
            db.Events.Add(Event(row, ReturnTrigger.Create, ReturnStatus.Draft, now));
            foreach (var step in steps)
            {
                var from = row.Status;
                ReturnWorkflow.Fire(row, step);
                db.Events.Add(Event(row, step, from, now));
            }
            row.SubmittedAt = now;
            row.ApprovedAt = row.Status == ReturnStatus.Approved ? now : null;
            db.Returns.Add(row);
            count++;
        }
        await db.SaveChangesAsync(ct);
        return count;
    }

    private static ReturnEvent Event(AnnualReturn row, ReturnTrigger trigger, ReturnStatus from, DateTime now)
    {
        var e = ReturnEvents.Of(row, trigger, from, new Kernel.Scope.SystemActor(), "演示数据", now);
        return e;
    }
}
