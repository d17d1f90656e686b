using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Privacy;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using EduCloud.Students.Features.Lifecycle;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.Records;

/// <summary>
/// 入学: creates a student's record in a class, with its Admission change. The number is G + citizen ID when an ID is
/// given, else a given J/L number, else a new temporary L number (region + birth date + sequence).
/// </summary>
internal static class AdmitStudent
{
    public sealed record Request(string? Name, string? Sex, DateOnly? BirthDate, string? CitizenId, string? StudentNumber, string? Ethnicity, Guid? ClassId,
        string? HukouRegionCode, string? HukouKind, bool? LeftBehind, bool? Migrant, string? Disability, string? ConsentGuardianName,
        IReadOnlyList<GuardianInput>? Guardians, string? ReasonCode, DateOnly? EffectiveOn, string? Note);

    public sealed record Response(Guid Id, string StudentNumber, int Version);

    public static async Task<Response> HandleAsync(StudentsDbContext db, IOrganizationDirectory directory, PersonalDataProtector protector, TimeProvider clock,
        Request request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var problems = new Problems();
        var name = (request.Name ?? "").Trim();
        problems.Required(name, "name", "姓名").MaxLength(name, 50, "name", "姓名");
        var sex = StudentFields.ParseSex(request.Sex);
        problems.Check(request.Sex is null || sex is not null, "sex", "性别应为男或女");
        var birth = request.BirthDate;

        CitizenId? id = null;
        if (!string.IsNullOrWhiteSpace(request.CitizenId))
        {
            id = CitizenId.TryParse(request.CitizenId, out var idError);
            if (id is null)
            {
                problems.Add("citizenId", idError!);
            }
            else
            {
                problems.Check(id.Value.Length == 18, "citizenId", "请使用18位公民身份号码");
                problems.Check(birth is null || birth == id.BirthDate, "birthDate", "出生日期与身份证号中的出生日期不一致");
                problems.Check(sex is null || sex == id.Sex, "sex", "性别与身份证号不一致");
                birth ??= id.BirthDate;
                sex ??= id.Sex;
            }
        }
        problems.Check(sex is not null || request.Sex is not null, "sex", "请填写性别");
        problems.Check(birth is not null || id is not null || request.CitizenId is not null, "birthDate", "请填写出生日期");
        problems.Check(birth is null || (birth < today && birth > today.AddYears(-30)), "birthDate", "出生日期不合理");

        StudentNumber? given = null;
        if (!string.IsNullOrWhiteSpace(request.StudentNumber))
        {
            given = Kernel.Codes.StudentNumber.TryParse(request.StudentNumber, out var numberError);
            if (given is null)
            {
                problems.Add("studentNumber", numberError!);
            }
            else if (id is not null)
            {
                problems.Check(given.Value == Kernel.Codes.StudentNumber.Formal(id), "studentNumber", "有身份证号时学籍号应为G加身份证号");
            }
            else
            {
                problems.Check(given.Kind != StudentNumberKind.Formal, "studentNumber", "G字头学籍号须同时填写身份证号");
                problems.Check(birth is null || given.Kind != StudentNumberKind.Temporary || given.Value.Substring(7, 8) == birth.Value.ToString("yyyyMMdd"),
                    "studentNumber", "临时学籍号中的出生日期与出生日期不一致");
            }
        }
        var ethnicity = Ethnicity.Parse(request.Ethnicity);
        problems.Check(ethnicity is not null, "ethnicity", "民族无效（GB 3304）");
        problems.Check(request.HukouRegionCode is null || RegionCode.IsWellFormed(request.HukouRegionCode), "hukouRegionCode", "户籍所在地应为6位行政区划代码");
        var hukouKind = StudentFields.ParseEnum<HukouKind>(request.HukouKind, "hukouKind", "户口性质", problems);
        var disability = StudentFields.ParseEnum<DisabilityKind>(request.Disability, "disability", "残疾类型", problems);
        var guardians = StudentFields.Guardians(request.Guardians, protector, problems);
        var consent = (request.ConsentGuardianName ?? "").Trim();
        problems.Check(birth is null || birth.Value.AddYears(14) <= today || consent.Length > 0, "consentGuardianName", "未满14周岁的学生须登记同意处理其个人信息的监护人姓名");
        problems.MaxLength(consent, 50, "consentGuardianName", "监护人姓名");
        var reason = ChangeReasons.Find(ChangeKind.Admission, request.ReasonCode ?? "11");
        problems.Check(reason is not null, "reasonCode", "入学的异动原因无效");
        var effectiveOn = request.EffectiveOn ?? today;
        problems.Check(effectiveOn <= today.AddDays(ChangeWriter.MaxDaysAhead) && (birth is null || effectiveOn > birth), "effectiveOn", "入学日期不合理");

        var placement = request.ClassId is { } classId ? (await directory.FindPlacementsAsync([classId], ct)).GetValueOrDefault(classId) : null;
        problems.Check(request.ClassId is not null, "classId", "请选择班级");
        problems.Check(request.ClassId is null || placement is { Retired: false }, "classId", "未找到该班级或班级已撤销");
        problems.ThrowIfAny();
        StatusRules.Authorize(StatusRules.None, ChangeKind.Admission, placement!.Stage, db.Actor);
        if (!db.Actor.Scope.CanManage(placement.Key))
        {
            // The save would refuse too; refusing here keeps a class outside the caller's scope from being probed.
            throw new NotFoundException("未找到该班级");
        }

        var hash = id is null ? null : protector.Hash(id.Value);
        if (hash is not null && await db.Students.IgnoreQueryFilters().AnyAsync(s => s.CitizenIdHash == hash, ct))
        {
            throw new ConflictException("citizenId", "该身份证号已有学籍，不能重复建籍；如学生来自其他学校，请办理转学");
        }
        var number = id is not null ? Kernel.Codes.StudentNumber.Formal(id) : given?.Value ?? await NextTemporaryAsync(db, placement.Key.CountyCode, birth!.Value, ct);
        if (await db.Students.IgnoreQueryFilters().AnyAsync(s => s.StudentNumber == number, ct))
        {
            throw new ConflictException(given is not null ? "studentNumber" : "citizenId", "该学籍号已被使用");
        }

        var student = new StudentRecord
        {
            StudentNumber = number,
            Name = name,
            Sex = sex!.Value,
            BirthDate = birth!.Value,
            CitizenIdCipher = id is null ? null : protector.Protect(id.Value),
            CitizenIdHash = hash,
            CitizenIdMasked = id is null ? null : CitizenId.Mask(id.Value),
            EthnicityCode = ethnicity!.Code,
            HukouRegionCode = request.HukouRegionCode,
            HukouKind = hukouKind ?? HukouKind.Unknown,
            LeftBehind = request.LeftBehind ?? false,
            Migrant = request.Migrant ?? false,
            Disability = disability ?? DisabilityKind.None,
            ConsentGuardianName = consent.Length == 0 ? null : consent,
            ConsentRecordedAt = consent.Length == 0 ? null : now,
            Guardians = guardians,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var change = ChangeWriter.Begin(db, student, ChangeKind.Admission, reason!.Code, effectiveOn, request.Note, now);
        student.Status = EnrolmentStatus.Enrolled;
        ChangeWriter.PlaceIn(student, placement);
        db.Students.Add(student);
        db.StatusChanges.Add(ChangeWriter.Complete(change, student));
        await ChangeWriter.SaveAsync(db, ct);
        return new Response(student.Id, student.StudentNumber, student.Version);
    }

    /// <summary>L + county + birth date + the next free 4-digit sequence for that prefix.</summary>
    private static async Task<string> NextTemporaryAsync(StudentsDbContext db, string county, DateOnly birth, CancellationToken ct)
    {
        var prefix = Kernel.Codes.StudentNumber.Temporary(county, birth, 0)[..15];
        var last = await db.Students.IgnoreQueryFilters().Where(s => s.StudentNumber.StartsWith(prefix)).MaxAsync(s => (string?)s.StudentNumber, ct);
        var next = last is null ? 1 : int.Parse(last[15..], System.Globalization.CultureInfo.InvariantCulture) + 1;
        return Kernel.Codes.StudentNumber.Temporary(county, birth, next);
    }

    public static async Task<Created<Response>> EndpointAsync(StudentsDbContext db, IOrganizationDirectory directory, PersonalDataProtector protector,
        TimeProvider clock, Request request, CancellationToken ct)
    {
        var response = await HandleAsync(db, directory, protector, clock, request, ct);
        return TypedResults.Created($"/api/v1/students/{response.Id}", response);
    }
}
