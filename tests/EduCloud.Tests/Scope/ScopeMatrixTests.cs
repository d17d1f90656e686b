using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Kernel.Scope;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Tests.Scope;

/// <summary>
/// Every role against every scoped endpoint of this branch: what lies outside the caller's scope is neither
/// readable (404, 403 or absent from lists) nor changeable (403 or 404, and a 403 is audited as Denied), and
/// what lies inside works. The expectations come from one table, <see cref="Table"/>.
/// </summary>
public sealed class ScopeMatrixTests(ScopeWorld world) : IClassFixture<ScopeWorld>
{
    /// <summary>
    /// role → schools it reads, schools it manages, schools left open. School-level users (teacher, student,
    /// parent) sit at the 南明 school; whether they read their own school row is the pages' business, not a scope
    /// boundary, so the matrix asserts only that they see nothing elsewhere.
    /// </summary>
    private static readonly Dictionary<Role, (At[] Reads, At[] Manages, At[] Open)> Table = new()
    {
        //                       reads                                        manages                                      left open
        [Role.NationalAdmin] =    ([At.Nanming, At.Yunyan, At.Zunyi, At.Beijing], [At.Nanming, At.Yunyan, At.Zunyi, At.Beijing], []),
        [Role.ProvinceAdmin] =    ([At.Nanming, At.Yunyan, At.Zunyi],             [At.Nanming, At.Yunyan, At.Zunyi],             []),
        [Role.CityAdmin] =        ([At.Nanming, At.Yunyan],                       [At.Nanming, At.Yunyan],                       []),
        [Role.CountyAdmin] =      ([At.Nanming],                                  [At.Nanming],                                  []),
        [Role.SchoolAdmin] =      ([At.Nanming],                                  [At.Nanming],                                  []),
        [Role.Teacher] =          ([],                                            [],                                            [At.Nanming]),
        [Role.Student] =          ([],                                            [],                                            [At.Nanming]),
        [Role.Parent] =           ([],                                            [],                                            [At.Nanming]),
        [Role.ResourceReviewer] = ([At.Nanming, At.Yunyan, At.Zunyi],             [],                                            []),
        [Role.ResourceProvider] = ([],                                            [],                                            []),
    };

    /// <summary>Who may list accounts at all, and whose accounts (by where they live) each of them sees.</summary>
    private static readonly Dictionary<Role, At[]> AccountsVisible = new()
    {
        [Role.NationalAdmin] = [At.Nanming, At.Yunyan, At.Beijing],
        [Role.ProvinceAdmin] = [At.Nanming, At.Yunyan],
        [Role.CityAdmin] = [At.Nanming, At.Yunyan],
        [Role.CountyAdmin] = [At.Nanming],
        [Role.SchoolAdmin] = [At.Nanming],
        [Role.Teacher] = [At.Nanming],
    };

    public static TheoryData<Role, At, bool> SchoolReads() => Expand(r => Table[r].Reads);

    public static TheoryData<Role, At, bool> SchoolChanges() => Expand(r => Table[r].Manages);

    public static TheoryData<Role> AllRoles() => new(Enum.GetValues<Role>());

    private static TheoryData<Role, At, bool> Expand(Func<Role, At[]> allowed)
    {
        var data = new TheoryData<Role, At, bool>();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var at in Enum.GetValues<At>().Where(a => !Table[role].Open.Contains(a)))
            {
                data.Add(role, at, allowed(role).Contains(at));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SchoolReads))]
    public async Task GET_school_by_id(Role role, At at, bool allowed)
    {
        var client = await world.ClientAsync(role);

        var response = await client.GetAsync($"/api/v1/schools/{world.Schools[at].Id}");

        if (allowed)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe(world.Schools[at].Code);
        }
        else
        {
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task GET_schools_lists_exactly_the_schools_in_scope(Role role)
    {
        var client = await world.ClientAsync(role);

        var response = await client.GetAsync($"/api/v1/schools?q={Uri.EscapeDataString(ScopeWorld.Tag)}&size=200");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var codes = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Select(s => s.GetProperty("code").GetString()).ToList();
        foreach (var at in Enum.GetValues<At>().Where(a => !Table[role].Open.Contains(a)))
        {
            if (Table[role].Reads.Contains(at))
            {
                codes.ShouldContain(world.Schools[at].Code, $"{role} should see the {at} school");
            }
            else
            {
                codes.ShouldNotContain(world.Schools[at].Code, $"{role} must not see the {at} school");
            }
        }
    }

    [Theory]
    [MemberData(nameof(SchoolChanges))]
    public async Task PUT_school(Role role, At at, bool allowed)
    {
        var client = await world.ClientAsync(role);
        var school = world.Schools[at];
        var denied = await world.DeniedLinesAsync(role);

        var response = await client.PutAsJsonAsync($"/api/v1/schools/{school.Id}",
            new { name = school.Name, stages = school.Stages, urbanRural = "Rural", regionCode = school.RegionCode, address = $"{role}改的地址" });

        await ExpectAsync(role, response, allowed, HttpStatusCode.OK, denied);
        var stored = await world.Factory.AsPlatformAsync(sp => Task.FromResult(ReadSchool(sp, school.Id)));
        if (allowed)
        {
            stored.ShouldBe($"{role}改的地址");
            await client.PutAsJsonAsync($"/api/v1/schools/{school.Id}",
                new { name = school.Name, stages = school.Stages, urbanRural = school.UrbanRural, regionCode = school.RegionCode, address = school.Address });
        }
        else
        {
            stored.ShouldNotBe($"{role}改的地址");
        }
    }

    [Theory]
    [MemberData(nameof(SchoolChanges))]
    public async Task POST_school_retire_and_reinstate(Role role, At at, bool allowed)
    {
        var client = await world.ClientAsync(role);
        var id = world.Schools[at].Id;
        var denied = await world.DeniedLinesAsync(role);

        var response = await client.PostAsync($"/api/v1/schools/{id}/retire", null);

        await ExpectAsync(role, response, allowed, HttpStatusCode.OK, denied);
        if (allowed)
        {
            (await client.PostAsync($"/api/v1/schools/{id}/reinstate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        else
        {
            (await world.Factory.AsPlatformAsync(sp => Task.FromResult(IsRetired(sp, id)))).ShouldBeFalse();
            (await client.PostAsync($"/api/v1/schools/{id}/reinstate", null)).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [MemberData(nameof(SchoolChanges))]
    public async Task POST_school_in_a_county(Role role, At at, bool allowed)
    {
        // A school admin manages their school, not their county: a new school is never theirs.
        allowed = allowed && role != Role.SchoolAdmin;
        var client = await world.ClientAsync(role);
        var region = ScopeWorld.RegionOf(at);
        var code = TestIds.NextSchoolCode(province: region[..2]);
        var denied = await world.DeniedLinesAsync(role);

        var response = await client.PostAsJsonAsync("/api/v1/schools",
            new { code, name = "越权测试小学", stages = new[] { "Primary" }, urbanRural = "Urban", regionCode = region, address = "" });

        await ExpectAsync(role, response, allowed, HttpStatusCode.Created, denied);
        (await world.Factory.AsPlatformAsync(sp => Task.FromResult(SchoolExists(sp, code)))).ShouldBe(allowed);
    }

    [Theory]
    [MemberData(nameof(SchoolChanges))]
    public async Task POST_account_for_a_teacher_at_a_school(Role role, At at, bool allowed)
    {
        var client = await world.ClientAsync(role);
        var userName = "m_" + Guid.NewGuid().ToString("N")[..10];
        var denied = await world.DeniedLinesAsync(role);

        var response = await client.PostAsJsonAsync("/api/v1/accounts", new
        {
            userName, displayName = "矩阵教师", citizenId = TestIds.NextCitizenId(birth: "19900101"), password = "Matrix2026pw",
            role = "Teacher", schoolId = world.Schools[at].Id,
        });

        await ExpectAsync(role, response, allowed, HttpStatusCode.Created, denied);
        var platform = await world.ClientAsync(Role.NationalAdmin);
        var found = await platform.GetFromJsonAsync<JsonElement>($"/api/v1/accounts?q={userName}");
        found.GetProperty("total").GetInt32().ShouldBe(allowed ? 1 : 0);
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task GET_accounts_lists_only_accounts_in_scope(Role role)
    {
        var client = await world.ClientAsync(role);

        foreach (var (at, resident) in world.Residents)
        {
            var response = await client.GetAsync($"/api/v1/accounts?q={resident.UserName}");
            if (!AccountsVisible.TryGetValue(role, out var visible))
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{role} may not list accounts");
                continue;
            }
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var ids = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
                .Select(a => a.GetProperty("id").GetGuid()).ToList();
            if (visible.Contains(at))
            {
                ids.ShouldContain(resident.Id, $"{role} should see the account at {at}");
            }
            else
            {
                ids.ShouldNotContain(resident.Id, $"{role} must not see the account at {at}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task GET_me_shows_only_oneself_and_one_s_own_children(Role role)
    {
        var client = await world.ClientAsync(role);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        me.GetProperty("account").GetProperty("id").GetGuid().ShouldBe(world.Users[role].Id);
        me.GetProperty("places").EnumerateArray().Select(p => p.GetProperty("role").GetString()).ShouldBe([role.ToString()]);
        var children = me.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        children.ShouldBe(role == Role.Parent ? [world.Users[Role.Student].Id] : []);
    }

    [Fact]
    public async Task A_change_refused_by_the_scope_filter_is_audited_as_denied_where_it_was_aimed()
    {
        var client = await world.ClientAsync(Role.CountyAdmin);
        var before = DateTime.UtcNow.AddSeconds(-1);

        var response = await client.PostAsJsonAsync("/api/v1/schools",
            new { code = TestIds.NextSchoolCode(), name = "越权测试小学", stages = new[] { "Primary" }, urbanRural = "Urban", regionCode = "520103", address = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var id = world.Users[Role.CountyAdmin].Id;
        var lines = await world.Factory.AsPlatformAsync(sp => sp.GetRequiredService<EduCloud.Kernel.Data.AuditDbContext>().Entries
            .Where(e => e.ActorId == id && e.Outcome == EduCloud.Kernel.Audit.AuditOutcome.Denied && e.At >= before).ToListAsync());
        lines.ShouldContain(e => e.CountyCode == "520103" && e.Action == EduCloud.Kernel.Audit.AuditActions.Denied);
    }

    /// <summary>An allowed change gets its status; a refused one gets 403 or 404, and either leaves a Denied audit line.</summary>
    private async Task ExpectAsync(Role role, HttpResponseMessage response, bool allowed, HttpStatusCode success, int deniedBefore)
    {
        if (allowed)
        {
            response.StatusCode.ShouldBe(success, await response.Content.ReadAsStringAsync());
            return;
        }
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        (await world.DeniedLinesAsync(role)).ShouldBeGreaterThan(deniedBefore, $"a refused change ({(int)response.StatusCode}) must be audited with outcome Denied");
    }

    private static string? ReadSchool(IServiceProvider sp, Guid id) =>
        sp.GetRequiredService<EduCloud.Organization.Data.OrganizationDbContext>().Schools.IgnoreQueryFilters().Where(s => s.Id == id).Select(s => s.Address).Single();

    private static bool IsRetired(IServiceProvider sp, Guid id) =>
        sp.GetRequiredService<EduCloud.Organization.Data.OrganizationDbContext>().Schools.IgnoreQueryFilters().Where(s => s.Id == id).Select(s => s.RetiredAt != null).Single();

    private static bool SchoolExists(IServiceProvider sp, string code) =>
        sp.GetRequiredService<EduCloud.Organization.Data.OrganizationDbContext>().Schools.IgnoreQueryFilters().Any(s => s.Code == code);
}
