using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;

namespace EduCloud.Tests.Teachers;

/// <summary>Builds schools, classes and teachers for the teacher tests through the public API.</summary>
internal static class TeacherApi
{
    /// <summary>A school in the county with one class, made by a county administrator; returns the county admin's client too.</summary>
    public static async Task<(Guid SchoolId, Guid ClassId)> SchoolWithClassAsync(EduCloudFactory factory, HttpClient countyClient, string region, string name = "测试小学")
    {
        var yearId = await OrgApi.EnsureYearAsync(factory, 2026);
        var schoolId = await OrgApi.CreateSchoolAsync(countyClient, region, name: name);
        var gradeId = (await countyClient.CreatedAsync("/api/v1/grades", new { schoolId, academicYearId = yearId, stage = "Primary", level = 3 })).GetProperty("id").GetGuid();
        var classId = (await countyClient.CreatedAsync("/api/v1/classes", new { gradeId, number = 1 })).GetProperty("id").GetGuid();
        return (schoolId, classId);
    }

    public static object Body(Guid schoolId, Guid? classId, string? citizenId = null, string[]? subjects = null, Guid? accountId = null, string title = "一级") => new
    {
        schoolId,
        name = "王老师",
        citizenId = citizenId ?? TestIds.NextCitizenId("520102", "19850301"),
        ethnicity = "汉族",
        education = "21",
        title,
        subjects = subjects ?? ["数学", "科学"],
        qualifications = new[] { new { kind = "小学", subject = "数学", certificateNumber = "20105200000012345", issuedOn = "2010-07-01" } },
        assignments = classId is null ? Array.Empty<object>() : [new { classId, subject = "数学", headTeacher = true }],
        accountId,
    };

    public static async Task<JsonElement> CreateTeacherAsync(HttpClient client, object body) => await client.CreatedAsync("/api/v1/teachers", body);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
