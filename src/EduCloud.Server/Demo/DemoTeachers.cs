using EduCloud.Identity.Features.Accounts;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Privacy;
using EduCloud.Teachers.Contracts;
using EduCloud.Teachers.Domain;

namespace EduCloud.Server.Demo;

/// <summary>
/// The demo province's teacher records (教师档案): one per teacher account (t00001... and `teacher`) at the school of its
/// classes, linked to the account, teaching its classes (head teacher of the first), with a qualification fitting the
/// stage, a title and education drawn from a plausible mix, and IT-application training of 0-70 hours over 2022-2026,
/// so about a third fall below the 50-hour target. Numbers follow TeacherNumber: county + 2026 + sequence + check.
/// </summary>
internal static class DemoTeachers
{
    private static readonly (string Code, int Weight)[] TitleMix = [("1", 1), ("2", 12), ("3", 35), ("4", 32), ("5", 5), (TeacherCodes.Untitled, 15)];
    private static readonly (string Code, int Weight)[] EducationMix = [("14", 8), ("21", 70), ("31", 20), ("41", 2)];
    private static readonly string[] Courses = ["多媒体教学环境下的课堂导入", "混合式学习环境下的学情分析", "智慧教室中的探究型学习", "微课程设计与制作", "技术支持的学业评价"];

    public static List<(TeacherRecord Record, TeacherChange Registered)> Build(IEnumerable<(ImportAccounts.Row Row, Organization.Domain.School School, List<DemoClass> Classes, string Subject)> seats,
        IReadOnlyDictionary<string, Guid> accountIds, PersonalDataProtector protector, Random random, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var sequence = new Dictionary<string, int>();
        var list = new List<(TeacherRecord, TeacherChange)>();
        foreach (var (row, school, classes, subjectName) in seats)
        {
            var id = CitizenId.TryParse(row.CitizenId, out _)!;
            var subject = TeacherCodes.ParseSubject(subjectName) ?? "99";
            var next = sequence[school.CountyCode] = sequence.GetValueOrDefault(school.CountyCode) + 1;
            var stage = classes.Count > 0 ? classes[0].Grade.Stage : Stage.Primary;
            var teacher = new TeacherRecord
            {
                TeacherNumber = TeacherNumber.Compose(school.CountyCode, 2026, next),
                Name = row.DisplayName!,
                Sex = id.Sex,
                BirthDate = id.BirthDate,
                CitizenIdCipher = protector.Protect(id.Value),
                CitizenIdHash = protector.Hash(id.Value),
                CitizenIdMasked = CitizenId.Mask(id.Value),
                EthnicityCode = random.Next(4) == 0 ? "06" : "01",
                EducationCode = Pick(EducationMix, random),
                TitleCode = Pick(TitleMix, random),
                SubjectCodes = random.Next(4) == 0 && subject != "03" ? [subject, "03"] : [subject],
                AccountId = accountIds.GetValueOrDefault(row.UserName!.ToUpperInvariant()),
                Qualifications =
                [
                    new Qualification
                    {
                        Kind = stage switch { Stage.Junior => QualificationKind.JuniorSecondary, Stage.Senior => QualificationKind.SeniorSecondary, _ => QualificationKind.Primary },
                        SubjectCode = subject,
                        CertificateNumber = (id.BirthDate.Year + 23).ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "52" + random.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture) + "000",
                        IssuedOn = new DateOnly(Math.Min(id.BirthDate.Year + 23, 2025), 7, 1),
                    },
                ],
                Assignments = classes.Select((c, i) => new ClassAssignment
                {
                    ClassId = c.Class.Id, ClassName = c.Grade.Name + c.Class.Name, SchoolId = school.Id, SubjectCode = subject, HeadTeacher = i == 0, StartedOn = new DateOnly(2026, 9, 1),
                }).ToList(),
                Training = Training(random),
                CreatedAt = now,
                UpdatedAt = now,
                ProvinceCode = school.ProvinceCode,
                CityCode = school.CityCode,
                CountyCode = school.CountyCode,
                SchoolId = school.Id,
            };
            teacher.Derive();
            var change = TeacherChange.For(teacher, ChangeKind.Registered, today, now, "system");
            change.ToStatus = TeacherStatus.Active;
            change.ToSchoolId = school.Id;
            change.ToSchoolName = school.Name;
            list.Add((teacher, change));
        }
        return list;
    }

    private static List<TrainingRecord> Training(Random random)
    {
        var records = new List<TrainingRecord>();
        var courses = random.Next(0, 5);
        for (var i = 0; i < courses; i++)
        {
            var year = 2022 + random.Next(5);
            var completed = new DateOnly(year, 1 + random.Next(11), 1 + random.Next(28));
            records.Add(new TrainingRecord
            {
                CourseName = Courses[random.Next(Courses.Length)], Provider = "贵州省教师发展中心", Hours = 5 * (1 + random.Next(4)), CompletedOn = completed, Year = year,
            });
        }
        return records;
    }

    private static string Pick((string Code, int Weight)[] mix, Random random)
    {
        var roll = random.Next(mix.Sum(m => m.Weight));
        foreach (var (code, weight) in mix)
        {
            if ((roll -= weight) < 0)
            {
                return code;
            }
        }
        return mix[0].Code;
    }
}
