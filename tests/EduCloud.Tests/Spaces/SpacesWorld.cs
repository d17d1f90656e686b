using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;

namespace EduCloud.Tests.Spaces;

/// <summary>
/// One school with two classes built through the public API: a teacher per class, two students in class 1 and one
/// in class 2, each with a parent (parent A also has a child in class 2), and the school's administrator.
/// </summary>
internal sealed class SpacesWorld
{
    public required EduCloudFactory Factory { get; init; }
    public Guid SchoolId { get; init; }
    public Guid Class1 { get; init; }
    public Guid Class2 { get; init; }
    public required TestUser Teacher1 { get; init; }
    public required TestUser Teacher2 { get; init; }
    public required TestUser Student1 { get; init; }
    public required TestUser Student2 { get; init; }
    public required TestUser Student3 { get; init; }
    public required TestUser ParentA { get; init; }
    public required TestUser ParentB { get; init; }
    public required TestUser ParentC { get; init; }
    public required TestUser SchoolAdmin { get; init; }

    public static async Task<SpacesWorld> CreateAsync(EduCloudFactory factory, string county = "520102")
    {
        using var countyClient = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", county));
        var yearId = await OrgApi.EnsureYearAsync(factory, 2026);
        var schoolId = await OrgApi.CreateSchoolAsync(countyClient, county, name: "空间测试小学");
        var gradeId = (await countyClient.CreatedAsync("/api/v1/grades", new { schoolId, academicYearId = yearId, stage = "Primary", level = 3 })).GetProperty("id").GetGuid();
        var class1 = (await countyClient.CreatedAsync("/api/v1/classes", new { gradeId, number = 1 })).GetProperty("id").GetGuid();
        var class2 = (await countyClient.CreatedAsync("/api/v1/classes", new { gradeId, number = 2 })).GetProperty("id").GetGuid();
        var s1 = await factory.CreateUserAsync("Student", classId: class1);
        var s2 = await factory.CreateUserAsync("Student", classId: class1);
        var s3 = await factory.CreateUserAsync("Student", classId: class2);
        return new SpacesWorld
        {
            Factory = factory, SchoolId = schoolId, Class1 = class1, Class2 = class2,
            Teacher1 = await factory.CreateUserAsync("Teacher", classId: class1),
            Teacher2 = await factory.CreateUserAsync("Teacher", classId: class2),
            Student1 = s1, Student2 = s2, Student3 = s3,
            ParentA = await factory.CreateUserAsync("Parent", childIds: [s1.Id, s3.Id]),
            ParentB = await factory.CreateUserAsync("Parent", childIds: [s2.Id]),
            ParentC = await factory.CreateUserAsync("Parent", childIds: [s3.Id]),
            SchoolAdmin = await factory.CreateUserAsync("SchoolAdmin", schoolId: schoolId),
        };
    }

    public Task<HttpClient> ClientAsync(TestUser user) => Factory.ClientForAsync(user);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<HttpResponseMessage> SendNoticeAsync(HttpClient client, object body) => await client.PostAsJsonAsync("/api/v1/spaces/notices", body);

    public static async Task<Guid> SentNoticeAsync(HttpClient client, object body) =>
        (await client.CreatedAsync("/api/v1/spaces/notices", body)).GetProperty("id").GetGuid();
}
