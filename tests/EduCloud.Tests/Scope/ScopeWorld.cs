using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Data;
using EduCloud.Organization.Domain;
using EduCloud.Organization.Features.Calendar;
using EduCloud.Organization.Features.Classes;
using EduCloud.Organization.Features.Grades;
using EduCloud.Organization.Features.Schools;
using EduCloud.Organization.Features.TeachingPoints;
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
/// a school with a teaching point, a grade and a class in each of four places, a teacher of each class, one user per role
/// (school-level users at the 南明 school), and a student in each of the two classes. Tests only read it, or
/// undo what they change, so the rows of the matrix do not depend on each other.
/// </summary>
public sealed class ScopeWorld : IAsyncLifetime
{
    public const string Tag = "矩阵";

    public EduCloudFactory Factory { get; } = new();
    public Dictionary<At, SchoolDto> Schools { get; } = [];
    public Dictionary<At, Guid> Classes { get; } = [];
    public Dictionary<At, Guid> Grades { get; } = [];
    public Dictionary<At, Guid> TeachingPoints { get; } = [];
    /// <summary>A teacher of the class at each place: the accounts the account matrix reads and edits (and restores).</summary>
    public Dictionary<At, TestUser> Teachers { get; } = [];
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
        await EnsureCurrentYearAsync();
        foreach (var at in Enum.GetValues<At>())
        {
            Classes[at] = await AddClassAsync(at);
        }

        Residents[At.Nanming] = await Factory.CreateUserAsync("Student", classId: Classes[At.Nanming]);
        Residents[At.Yunyan] = await Factory.CreateUserAsync("Student", classId: Classes[At.Yunyan]);
        Residents[At.Beijing] = await Factory.CreateUserAsync("SchoolAdmin", schoolId: Schools[At.Beijing].Id);
        foreach (var at in Enum.GetValues<At>())
        {
            Teachers[at] = await Factory.CreateUserAsync("Teacher", classId: Classes[at]);
        }

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

    /// <summary>
    /// A teaching point, a grade (in the current academic year) and a class at the school of a place, through the
    /// real handlers as the platform.
    /// </summary>
    private async Task<Guid> AddClassAsync(At at)
    {
        var school = Schools[at];
        TeachingPoints[at] = await Factory.AsPlatformAsync(async sp => (await CreateTeachingPoint.HandleAsync(sp.GetRequiredService<OrganizationDbContext>(), TimeProvider.System,
            new CreateTeachingPoint.Request(school.Id, $"{Tag}{at}教学点", school.RegionCode, "村口1号", "Rural"), CancellationToken.None)).Id);
        Grades[at] = await Factory.AsPlatformAsync(async sp => (await CreateGrade.HandleAsync(sp.GetRequiredService<OrganizationDbContext>(), TimeProvider.System,
            new CreateGrade.Request(school.Id, null, "Primary", 1), CancellationToken.None)).Id);
        return await Factory.AsPlatformAsync(async sp => (await CreateClass.HandleAsync(sp.GetRequiredService<OrganizationDbContext>(), TimeProvider.System,
            new CreateClass.Request(Grades[at], 1, null, null), CancellationToken.None)).Id);
    }

    /// <summary>Grades belong to an academic year; the current one is opened unless the database already has it.</summary>
    private Task EnsureCurrentYearAsync() => Factory.AsPlatformAsync(async sp =>
    {
        var db = sp.GetRequiredService<OrganizationDbContext>();
        var today = DateTime.UtcNow;
        var startYear = today.Month >= 9 ? today.Year : today.Year - 1;
        if (!await db.AcademicYears.AnyAsync(y => y.StartYear == startYear))
        {
            await CreateAcademicYear.HandleAsync(db, new CreateAcademicYear.Request(startYear, null, null, null), CancellationToken.None);
        }
        return true;
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

    /// <summary>An allowed change gets its status; a refused one gets 403 or 404, and either refusal leaves a Denied audit line.</summary>
    public async Task ExpectAsync(Role role, HttpResponseMessage response, bool allowed, System.Net.HttpStatusCode success, int deniedBefore)
    {
        if (allowed)
        {
            response.StatusCode.ShouldBe(success, await response.Content.ReadAsStringAsync());
            return;
        }
        response.StatusCode.ShouldBeOneOf([System.Net.HttpStatusCode.NotFound, System.Net.HttpStatusCode.Forbidden], await response.Content.ReadAsStringAsync());
        (await DeniedLinesAsync(role)).ShouldBeGreaterThan(deniedBefore, $"a refused change ({(int)response.StatusCode}) must be audited with outcome Denied");
    }

    /// <summary>Reads something as the platform, which sees every scoped row.</summary>
    internal Task<T> PlatformReadAsync<T>(Func<OrganizationDbContext, Task<T>> read) => Factory.AsPlatformAsync(sp => read(sp.GetRequiredService<OrganizationDbContext>()));

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
