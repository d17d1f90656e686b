using System.Globalization;
using EduCloud.Kernel.Codes;
using EduCloud.Organization.Data;
using EduCloud.Organization.Domain;
using EduCloud.Organization.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Server.Demo;

/// <summary>A class of the demo tree with what the people generator needs: its school year (1 = 一年级) and size.</summary>
internal sealed record DemoClass(ClassGroup Class, Grade Grade, School School, int SchoolYear, int Students);

internal sealed record DemoTree(IReadOnlyList<School> Schools, IReadOnlyList<TeachingPoint> TeachingPoints, IReadOnlyList<DemoClass> Classes);

/// <summary>
/// The schools of the demo province: real counties of 贵阳市, 遵义市 and 黔东南州 (codes from org_region), urban districts
/// with two classes a grade, rural counties with 镇中心小学 that run teaching points in their villages.
/// Inserted directly in a few batches (the platform acting on its own behalf, still audited), because the handlers
/// validate one row per round trip.
/// </summary>
internal static class DemoOrganization
{
    private sealed record CountyPlan(string Code, string Name, UrbanRural Kind, int Primary, int Junior, int Senior, string[] Towns);

    private static readonly CountyPlan[] Counties =
    [
        new("520102", "南明区", UrbanRural.Urban, 4, 1, 1, []),
        new("520103", "云岩区", UrbanRural.Urban, 3, 1, 1, []),
        new("520115", "观山湖区", UrbanRural.Urban, 2, 1, 1, []),
        new("520111", "花溪区", UrbanRural.Town, 2, 1, 1, ["青岩", "石板"]),
        new("520181", "清镇市", UrbanRural.Town, 2, 1, 0, ["卫城"]),
        new("520121", "开阳县", UrbanRural.Rural, 2, 1, 0, ["南江", "禾丰"]),
        new("520122", "息烽县", UrbanRural.Rural, 2, 1, 0, ["养龙司", "九庄"]),
        new("520123", "修文县", UrbanRural.Rural, 2, 1, 0, ["六屯", "谷堡"]),
        new("520302", "红花岗区", UrbanRural.Urban, 2, 1, 1, []),
        new("520303", "汇川区", UrbanRural.Town, 2, 1, 0, ["高坪"]),
        new("520322", "桐梓县", UrbanRural.Rural, 2, 1, 0, ["松坎", "夜郎"]),
        new("520324", "正安县", UrbanRural.Rural, 2, 1, 0, ["安场", "格林"]),
        new("522601", "凯里市", UrbanRural.Town, 2, 1, 1, ["三棵树"]),
        new("522634", "雷山县", UrbanRural.Rural, 1, 1, 0, ["西江"]),
        new("522633", "从江县", UrbanRural.Rural, 1, 1, 0, ["丙妹"]),
    ];

    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六"];
    private static readonly string[] Villages = ["高坡", "龙井", "水口", "新寨", "坪上", "岩脚", "大坝", "苗寨", "河边", "松林", "田坝", "石门"];

    public static async Task<DemoTree> BuildAsync(OrganizationDbContext db, TimeProvider clock, Random random, CancellationToken ct)
    {
        var year = await db.AcademicYears.FirstOrDefaultAsync(y => y.StartYear == 2026, ct);
        var yearId = year?.Id ?? (await CreateAcademicYear.HandleAsync(db, new CreateAcademicYear.Request(2026, null, null, null), ct)).Id;
        var now = clock.GetUtcNow().UtcDateTime;
        var schools = new List<School>();
        var points = new List<TeachingPoint>();
        var classes = new List<(ClassGroup Class, Grade Grade, School School, int SchoolYear, double Weight)>();
        var grades = new List<Grade>();
        var sequence = 1000;

        foreach (var county in Counties)
        {
            for (var i = 0; i < county.Primary; i++)
            {
                var town = county.Kind != UrbanRural.Urban && i < county.Towns.Length ? county.Towns[i] : null;
                var name = town is null ? $"{county.Name}第{Numerals[i]}{(i == 0 ? "实验" : "")}小学" : $"{county.Name}{town}镇中心小学";
                schools.Add(NewSchool("21", ++sequence, name, StageSet.Primary, town is null ? county.Kind : UrbanRural.Rural, county.Code, now));
                if (town is not null)
                {
                    var count = 1 + random.Next(0, 3);
                    for (var p = 0; p < count; p++)
                    {
                        var point = new TeachingPoint
                        {
                            CentralSchoolId = schools[^1].Id, SchoolId = schools[^1].Id, Name = $"{town}镇{Villages[random.Next(Villages.Length)]}村{(p + 1)}组教学点",
                            RegionCode = county.Code, Address = $"{county.Name}{town}镇", UrbanRural = UrbanRural.Rural, CreatedAt = now, UpdatedAt = now,
                        };
                        point.PlaceInCounty(county.Code);
                        points.Add(point);
                    }
                }
            }
            for (var i = 0; i < county.Junior; i++)
            {
                var town = county.Kind == UrbanRural.Rural && county.Towns.Length > 0 ? county.Towns[0] : null;
                var name = town is null ? $"{county.Name}第{Numerals[i]}中学" : $"{county.Name}{town}镇中学";
                schools.Add(NewSchool("31", ++sequence, name, StageSet.Junior, town is null ? county.Kind : UrbanRural.Town, county.Code, now));
            }
            for (var i = 0; i < county.Senior; i++)
            {
                schools.Add(NewSchool("34", ++sequence, $"{county.Name}第{Numerals[i]}高级中学", StageSet.Senior, county.Kind == UrbanRural.Rural ? UrbanRural.Town : county.Kind, county.Code, now));
            }
        }

        foreach (var school in schools)
        {
            var stage = school.Stages switch { StageSet.Junior => Stage.Junior, StageSet.Senior => Stage.Senior, _ => Stage.Primary };
            var before = stage switch { Stage.Junior => 6, Stage.Senior => 9, _ => 0 };
            var perGrade = school.UrbanRural == UrbanRural.Urban ? 2 : 1;
            var weight = school.UrbanRural switch { UrbanRural.Urban => 26.0, UrbanRural.Town => 22.0, _ => 12.0 };
            var schoolPoints = points.Where(p => p.CentralSchoolId == school.Id).ToList();
            for (var level = 1; level <= GradeNames.LevelsIn(stage); level++)
            {
                var grade = new Grade
                {
                    SchoolId = school.Id, AcademicYearId = yearId, Stage = stage, Level = level, Name = GradeNames.For(stage, level),
                    EntryYear = 2026 - level + 1, CreatedAt = now, UpdatedAt = now,
                };
                grade.PlaceInCounty(school.CountyCode);
                grades.Add(grade);
                for (var number = 1; number <= perGrade; number++)
                {
                    classes.Add((NewClass(grade, number, null, now), grade, school, before + level, weight));
                }
                // Teaching points keep the youngest pupils near home: one small class each in 一年级 to 三年级.
                for (var p = 0; p < schoolPoints.Count && level <= 3; p++)
                {
                    classes.Add((NewClass(grade, perGrade + p + 1, schoolPoints[p].Id, now), grade, school, before + level, 6.0));
                }
            }
        }

        db.Schools.AddRange(schools);
        db.TeachingPoints.AddRange(points);
        db.Grades.AddRange(grades);
        db.Classes.AddRange(classes.Select(c => c.Class));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        // About 5,200 students, shared out by the weights above (urban classes are larger than rural ones).
        var scale = 5200 / classes.Sum(c => c.Weight);
        var demoClasses = classes
            .Select(c => new DemoClass(c.Class, c.Grade, c.School, c.SchoolYear, Math.Max(3, (int)Math.Round(c.Weight * scale) + random.Next(-2, 3))))
            .ToList();
        return new DemoTree(schools, points, demoClasses);
    }

    private static School NewSchool(string type, int sequence, string name, StageSet stages, UrbanRural kind, string county, DateTime now)
    {
        var school = new School
        {
            Code = type + "52" + sequence.ToString("D6", CultureInfo.InvariantCulture),
            Name = name, TypeCode = type, Stages = stages, UrbanRural = kind, RegionCode = county,
            Address = name.Replace("学校", "", StringComparison.Ordinal) + "路1号", CreatedAt = now, UpdatedAt = now,
        };
        school.SchoolId = school.Id;
        school.PlaceInCounty(county);
        return school;
    }

    private static ClassGroup NewClass(Grade grade, int number, Guid? teachingPointId, DateTime now)
    {
        var cls = new ClassGroup
        {
            GradeId = grade.Id, Number = number, Name = $"{number}班", TeachingPointId = teachingPointId,
            SchoolId = grade.SchoolId, CreatedAt = now, UpdatedAt = now,
        };
        cls.ClassId = cls.Id;
        cls.PlaceInCounty(grade.CountyCode);
        return cls;
    }
}
