using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Privacy;
using EduCloud.Kernel.Scope;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using EduCloud.Students.Features.Lifecycle;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Students.Features.Records;

/// <summary>
/// Corrects a record's personal fields (name, ethnicity, household, flags, guardians, consent). Status, class and
/// number change only through 学籍异动. The client sends the version it read; a stale one is a 409.
/// Fields left null are unchanged.
/// </summary>
internal static class UpdateStudent
{
    public sealed record Request(string? Name, string? Ethnicity, string? HukouRegionCode, string? HukouKind, bool? LeftBehind, bool? Migrant,
        string? Disability, string? ConsentGuardianName, IReadOnlyList<GuardianInput>? Guardians, int? Version);

    public sealed record Response(Guid Id, int Version);

    public static async Task<Response> HandleAsync(StudentsDbContext db, PersonalDataProtector protector, TimeProvider clock, Guid id, Request request,
        CancellationToken ct)
    {
        var student = await ChangeWriter.LoadAsync(db, id, ct);
        ChangeWriter.ExpectVersion(db, student, request.Version);
        if (!db.Actor.Scope.IsSystem && !db.Actor.Roles.Any(r => r.IsAdministrator()))
        {
            throw new ForbiddenException("无权修改学籍");
        }
        var problems = new Problems();
        if (request.Name is not null)
        {
            problems.Required(request.Name, "name", "姓名").MaxLength(request.Name.Trim(), 50, "name", "姓名");
        }
        var ethnicity = request.Ethnicity is null ? null : Ethnicity.Parse(request.Ethnicity);
        problems.Check(request.Ethnicity is null || ethnicity is not null, "ethnicity", "民族无效（GB 3304）");
        problems.Check(request.HukouRegionCode is null || RegionCode.IsWellFormed(request.HukouRegionCode), "hukouRegionCode", "户籍所在地应为6位行政区划代码");
        var hukouKind = StudentFields.ParseEnum<HukouKind>(request.HukouKind, "hukouKind", "户口性质", problems);
        var disability = StudentFields.ParseEnum<DisabilityKind>(request.Disability, "disability", "残疾类型", problems);
        var guardians = request.Guardians is null ? null : StudentFields.Guardians(request.Guardians, protector, problems);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        problems.Check(request.ConsentGuardianName is null || request.ConsentGuardianName.Trim().Length > 0 || !student.IsUnder14(today),
            "consentGuardianName", "未满14周岁的学生须登记同意处理其个人信息的监护人姓名");
        problems.ThrowIfAny();

        student.Name = request.Name?.Trim() ?? student.Name;
        student.EthnicityCode = ethnicity?.Code ?? student.EthnicityCode;
        student.HukouRegionCode = request.HukouRegionCode ?? student.HukouRegionCode;
        student.HukouKind = hukouKind ?? student.HukouKind;
        student.LeftBehind = request.LeftBehind ?? student.LeftBehind;
        student.Migrant = request.Migrant ?? student.Migrant;
        student.Disability = disability ?? student.Disability;
        if (request.ConsentGuardianName is { } consent && consent.Trim() != student.ConsentGuardianName)
        {
            student.ConsentGuardianName = consent.Trim().Length == 0 ? null : consent.Trim();
            student.ConsentRecordedAt = clock.GetUtcNow().UtcDateTime;
        }
        if (guardians is not null)
        {
            student.Guardians = guardians;
        }
        student.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await ChangeWriter.SaveAsync(db, ct);
        return new Response(student.Id, student.Version);
    }

    public static async Task<Ok<Response>> EndpointAsync(StudentsDbContext db, PersonalDataProtector protector, TimeProvider clock, Guid id, Request request,
        CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, protector, clock, id, request, ct));
}
