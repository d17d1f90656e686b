using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Privacy;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;

namespace EduCloud.Server.Demo;

/// <summary>
/// The demo province's student status records (学籍): one per student account, admitted on 1 September of the
/// cohort's entry year with a G number (G + citizen ID). Ethnicities follow 贵州's mix, with more 苗族 and 侗族 in
/// 黔东南; about one rural pupil in five is a left-behind child and one urban pupil in eight a migrant child.
/// </summary>
internal static class DemoStudents
{
    private static readonly (string Code, int Weight)[] Mix = [("01", 62), ("06", 12), ("09", 8), ("12", 5), ("15", 4), ("07", 3), ("37", 2), ("25", 2), ("03", 2)];
    private static readonly (string Code, int Weight)[] Qiandongnan = [("06", 45), ("12", 30), ("01", 20), ("25", 5)];

    public static List<StudentRecord> Build(IEnumerable<(Identity.Features.Accounts.ImportAccounts.Row Row, DemoClass Seat)> seats,
        IReadOnlyDictionary<string, Guid> accountIds, PersonalDataProtector protector, Random random, DateTime now)
    {
        var records = new List<StudentRecord>();
        foreach (var (row, seat) in seats)
        {
            var id = CitizenId.TryParse(row.CitizenId, out _)!;
            var urbanRural = seat.School.UrbanRural;
            var grade = seat.Grade;
            var record = new StudentRecord
            {
                StudentNumber = StudentNumber.Formal(id),
                Name = row.DisplayName!,
                Sex = id.Sex,
                BirthDate = id.BirthDate,
                CitizenIdCipher = protector.Protect(id.Value),
                CitizenIdHash = protector.Hash(id.Value),
                CitizenIdMasked = id.Value[..6] + "********" + id.Value[14..],
                EthnicityCode = Pick(seat.School.CountyCode.StartsWith("5226", StringComparison.Ordinal) ? Qiandongnan : Mix, random),
                HukouRegionCode = seat.School.CountyCode,
                HukouKind = urbanRural == UrbanRural.Urban ? HukouKind.NonAgricultural : HukouKind.Agricultural,
                LeftBehind = urbanRural == UrbanRural.Rural && random.Next(5) == 0,
                Migrant = urbanRural == UrbanRural.Urban && random.Next(8) == 0,
                Disability = random.Next(400) == 0 ? DisabilityKind.Physical : DisabilityKind.None,
                Status = EnrolmentStatus.Enrolled,
                Stage = grade.Stage,
                GradeLevel = grade.Level,
                GradeId = grade.Id,
                EntryYear = grade.EntryYear,
                UrbanRural = urbanRural,
                AccountId = accountIds.GetValueOrDefault(row.UserName!.ToUpperInvariant()),
                CreatedAt = now,
                UpdatedAt = now,
                ProvinceCode = seat.School.ProvinceCode,
                CityCode = seat.School.CityCode,
                CountyCode = seat.School.CountyCode,
                SchoolId = seat.School.Id,
                ClassId = seat.Class.Id,
            };
            record.ConsentGuardianName = record.IsUnder14(DateOnly.FromDateTime(now)) ? "监护人" : null;
            record.ConsentRecordedAt = record.ConsentGuardianName is null ? null : now;
            records.Add(record);
        }
        return records;
    }

    public static StatusChange AdmissionOf(StudentRecord s, DateTime now) => new()
    {
        StudentId = s.Id,
        Kind = ChangeKind.Admission,
        ReasonCode = "11",
        EffectiveOn = new DateOnly(s.EntryYear, 9, 1),
        ToStatus = EnrolmentStatus.Enrolled,
        ToSchoolId = s.SchoolId,
        ToClassId = s.ClassId,
        ToGradeLevel = s.GradeLevel,
        ToStage = s.Stage,
        RecordedByName = "演示数据",
        RecordedAt = now,
        ProvinceCode = s.ProvinceCode,
        CityCode = s.CityCode,
        CountyCode = s.CountyCode,
        SchoolId = s.SchoolId,
        ClassId = s.ClassId,
    };

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
