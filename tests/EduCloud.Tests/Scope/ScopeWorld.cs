using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Data;
using EduCloud.Organization.Domain;
using EduCloud.Organization.Features.Schools;
using EduCloud.Tests.Infrastructure;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Scope;

/// <summary>Where a school of the matrix sits.</summary>
public enum At
{
    /// <summary>南明区 520102, 贵阳市: the school every school-level user belongs to.</summary>
    Nanming,
    /// <summary>云岩区 520103: the neighbouring county in the same city.</summary>
    Yunyan,
    /// <summary>红花岗区 520302, 遵义市: another city of the same province.</summary>
    Zunyi,
    /// <summary>朝阳区 110105, 北京市: another province.</summary>
    Beijing,
}

/// <summary>
/// The world the scope matrix runs in, built once per test class through the real handlers as the platform:
/// a school in each of four places, a grade and a class in the 南明 and 云岩 schools, one user per role
/// (school-level users at the 南明 school), and a student in each of the two classes. Tests only read it, or
/// undo what they change, so the rows of the matrix do not depend on each other.
/// </summary>
public sealed class ScopeWorld : IAsyncLifetime
{
    public const string Tag = "矩阵";

    public EduCloudFactory Factory { get; } = new();
    public Dictionary<At, SchoolDto> Schools { get; } = [];
    public Dictionary<At, Guid> Classes { get; } = [];
    public Dictionary<Role, TestUser> Users { get; } = [];
    /// <summary>Accounts the matrix looks for in account lists: students of the 南明 and 云岩 classes and an admin in 北京.</summary>
    public Dictionary<At, TestUser> Residents { get; } = [];

    private readonly Dictionary<Role, HttpClient> _clients = [];
    private readonly SemaphoreSlim _lock = new(1, 1);

    public static string RegionOf(At at) => at switch
    {
        At.Nanming => "520102",
        At.Yunyan => "520103",
        At.Zunyi => "520302",
        _ => "110105",
    };

    public async Task InitializeAsync()
    {
        await Factory.InitializeAsync();
        foreach (var at in Enum.GetValues<At>())
        {
            var region = RegionOf(at);
            Schools[at] = await Factory.AsPlatformAsync(sp => CreateSchool.HandleAsync(sp.GetRequiredService<OrganizationDbContext>(), TimeProvider.System,
                new CreateSchool.Request(TestIds.NextSchoolCode(province: region[..2]), $"{Tag}{at}小学", ["Primary"], "Urban", region, "测试路1号"), CancellationToken.None));
        }
        Classes[At.Nanming] = await AddClassAsync(At.Nanming);
        Classes[At.Yunyan] = await AddClassAsync(At.Yunyan);

        Residents[At.Nanming] = await Factory.CreateUserAsync("Student", classId: Classes[At.Nanming]);
        Residents[At.Yunyan] = await Factory.CreateUserAsync("Student", classId: Classes[At.Yunyan]);
        Residents[At.Beijing] = await Factory.CreateUserAsync("SchoolAdmin", schoolId: Schools[At.Beijing].Id);

        var nanming = Schools[At.Nanming].Id;
        var cls = Classes[At.Nanming];
        Users[Role.NationalAdmin] = await Factory.CreateUserAsync("NationalAdmin");
        Users[Role.ProvinceAdmin] = await Factory.CreateUserAsync("ProvinceAdmin", regionCode: "520000");
        Users[Role.CityAdmin] = await Factory.CreateUserAsync("CityAdmin", regionCode: "520100");
        Users[Role.CountyAdmin] = await Factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        Users[Role.SchoolAdmin] = await Factory.CreateUserAsync("SchoolAdmin", schoolId: nanming);
        Users[Role.Teacher] = await Factory.CreateUserAsync("Teacher", classId: cls);
        Users[Role.Student] = await Factory.CreateUserAsync("Student", classId: cls);
        Users[Role.Parent] = await Factory.CreateUserAsync("Parent", childIds: [Users[Role.Student].Id]);
        Users[Role.ResourceReviewer] = await Factory.CreateUserAsync("ResourceReviewer", regionCode: "520000");
        Users[Role.ResourceProvider] = await Factory.CreateUserAsync("ResourceProvider");
    }

    /// <summary>Grades and classes have no handlers in this branch yet, so they are written through the module's DbContext as the platform.</summary>
    private Task<Guid> AddClassAsync(At at) => Factory.AsPlatformAsync(async sp =>
    {
        var db = sp.GetRequiredService<OrganizationDbContext>();
        var school = Schools[at];
        var now = DateTime.UtcNow;
        var grade = new Grade { AcademicYearId = Guid.NewGuid(), Stage = Stage.Primary, Level = 1, Name = "一年级", EntryYear = 2026, SchoolId = school.Id, CreatedAt = now, UpdatedAt = now };
        grade.PlaceInCounty(school.RegionCode);
        var cls = new ClassGroup { GradeId = grade.Id, Number = 1, Name = "1班", SchoolId = school.Id, CreatedAt = now, UpdatedAt = now };
        cls.PlaceInCounty(school.RegionCode);
        cls.ClassId = cls.Id;
        db.Grades.Add(grade);
        db.Classes.Add(cls);
        await db.SaveChangesAsync();
        return cls.Id;
    });

    public async Task<HttpClient> ClientAsync(Role role)
    {
        await _lock.WaitAsync();
        try
        {
            if (!_clients.TryGetValue(role, out var client))
            {
                _clients[role] = client = await Factory.ClientForAsync(Users[role]);
            }
            return client;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Audit lines with outcome Denied written for this user, read as the platform.</summary>
    public Task<int> DeniedLinesAsync(Role role) => Factory.AsPlatformAsync(sp =>
    {
        var id = Users[role].Id;
        return sp.GetRequiredService<AuditDbContext>().Entries.CountAsync(e => e.ActorId == id && e.Outcome == AuditOutcome.Denied);
    });

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        _lock.Dispose();
        await ((IAsyncLifetime)Factory).DisposeAsync();
    }
}
