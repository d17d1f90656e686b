using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Identity.Data;
using EduCloud.Kernel.Scope;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Scope;

/// <summary>
/// Every role against the account endpoints that take an account id, and against the audit log. The target at each
/// place is a teacher of that place's class (<see cref="ScopeWorld.Teachers"/>), or a fresh account there when the
/// change cannot be undone. Out of scope: 404/403, nothing changed (as the platform sees it), a Denied audit line.
/// </summary>
public sealed class AccountScopeMatrixTests(ScopeWorld world) : IClassFixture<ScopeWorld>
{
    /// <summary>
    /// role → places whose accounts it reads, places whose accounts it manages, places left open for reading. A
    /// teacher, student or parent at 南明 may see people of their own class; only "nothing elsewhere" is asserted.
    /// A resource reviewer or provider administers no people, so reads no account.
    /// </summary>
    private static readonly Dictionary<Role, (At[] Reads, At[] Manages, At[] Open)> Table = new()
    {
        //                       reads                                           manages                                         left open
        [Role.NationalAdmin] =    ([At.Nanming, At.Yunyan, At.Zunyi, At.Beijing], [At.Nanming, At.Yunyan, At.Zunyi, At.Beijing], []),
        [Role.ProvinceAdmin] =    ([At.Nanming, At.Yunyan, At.Zunyi],             [At.Nanming, At.Yunyan, At.Zunyi],             []),
        [Role.CityAdmin] =        ([At.Nanming, At.Yunyan],                       [At.Nanming, At.Yunyan],                       []),
        [Role.CountyAdmin] =      ([At.Nanming],                                  [At.Nanming],                                  []),
        [Role.SchoolAdmin] =      ([At.Nanming],                                  [At.Nanming],                                  []),
        [Role.Teacher] =          ([],                                            [],                                            [At.Nanming]),
        [Role.Student] =          ([],                                            [],                                            [At.Nanming]),
        [Role.Parent] =           ([],                                            [],                                            [At.Nanming]),
        [Role.ResourceReviewer] = ([],                                            [],                                            []),
        [Role.ResourceProvider] = ([],                                            [],                                            []),
    };

    public static TheoryData<Role, At, bool> Reads()
    {
        var data = new TheoryData<Role, At, bool>();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var at in Enum.GetValues<At>().Where(a => !Table[role].Open.Contains(a)))
            {
                data.Add(role, at, Table[role].Reads.Contains(at));
            }
        }
        return data;
    }

    public static TheoryData<Role, At, bool> Changes()
    {
        var data = new TheoryData<Role, At, bool>();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var at in Enum.GetValues<At>())
            {
                data.Add(role, at, Table[role].Manages.Contains(at));
            }
        }
        return data;
    }

    public static TheoryData<Role> AllRoles() => new(Enum.GetValues<Role>());

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task GET_account(Role role, At at, bool allowed)
    {
        var response = await (await world.ClientAsync(role)).GetAsync($"/api/v1/accounts/{world.Teachers[at].Id}");

        if (allowed)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account").GetProperty("id").GetGuid().ShouldBe(world.Teachers[at].Id);
        }
        else
        {
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task GET_personal_data_only_for_the_managing_administrator(Role role, At at, bool allowed)
    {
        var response = await (await world.ClientAsync(role)).GetAsync($"/api/v1/accounts/{world.Teachers[at].Id}/personal-data");

        if (allowed)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("citizenId").GetString()!.Length.ShouldBe(18);
        }
        else
        {
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task PUT_account(Role role, At at, bool allowed)
    {
        var client = await world.ClientAsync(role);
        var id = world.Teachers[at].Id;
        var name = await ReadAsync(db => db.Accounts.Where(a => a.Id == id).Select(a => a.DisplayName).SingleAsync());
        var denied = await world.DeniedLinesAsync(role);

        var response = await client.PutAsJsonAsync($"/api/v1/accounts/{id}", new { displayName = $"改名{(int)role}" });

        await world.ExpectAsync(role, response, allowed, HttpStatusCode.NoContent, denied);
        (await ReadAsync(db => db.Accounts.Where(a => a.Id == id).Select(a => a.DisplayName).SingleAsync())).ShouldBe(allowed ? $"改名{(int)role}" : name);
        if (allowed)
        {
            (await client.PutAsJsonAsync($"/api/v1/accounts/{id}", new { displayName = name })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task POST_account_retire(Role role, At at, bool allowed)
    {
        var target = await world.Factory.CreateUserAsync("Teacher", classId: world.Classes[at]);
        var denied = await world.DeniedLinesAsync(role);

        var response = await (await world.ClientAsync(role)).PostAsync($"/api/v1/accounts/{target.Id}/retire", null);

        await world.ExpectAsync(role, response, allowed, HttpStatusCode.NoContent, denied);
        (await ReadAsync(db => db.Accounts.Where(a => a.Id == target.Id).Select(a => a.RetiredAt != null).SingleAsync())).ShouldBe(allowed);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task POST_account_reset_password(Role role, At at, bool allowed)
    {
        var id = world.Teachers[at].Id;
        var hash = await ReadAsync(db => db.Accounts.Where(a => a.Id == id).Select(a => a.PasswordHash).SingleAsync());
        var denied = await world.DeniedLinesAsync(role);

        var response = await (await world.ClientAsync(role)).PostAsync($"/api/v1/accounts/{id}/reset-password", null);

        await world.ExpectAsync(role, response, allowed, HttpStatusCode.OK, denied);
        var after = await ReadAsync(db => db.Accounts.Where(a => a.Id == id).Select(a => a.PasswordHash).SingleAsync());
        (after != hash).ShouldBe(allowed);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task POST_and_DELETE_account_role(Role role, At at, bool allowed)
    {
        var client = await world.ClientAsync(role);
        var id = world.Teachers[at].Id;
        var subject = $"授{(int)role}";
        var denied = await world.DeniedLinesAsync(role);

        var response = await client.PostAsJsonAsync($"/api/v1/accounts/{id}/roles", new { role = "Teacher", classId = world.Classes[at], subject });

        await world.ExpectAsync(role, response, allowed, HttpStatusCode.Created, denied);
        var granted = await ReadAsync(db => db.Assignments.Where(a => a.AccountId == id && a.Subject == subject).Select(a => a.Id).ToListAsync());
        granted.Count.ShouldBe(allowed ? 1 : 0);
        if (allowed)
        {
            (await client.DeleteAsync($"/api/v1/accounts/{id}/roles/{granted[0]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task DELETE_account_role(Role role, At at, bool allowed)
    {
        var platform = await world.ClientAsync(Role.NationalAdmin);
        var id = world.Teachers[at].Id;
        var grant = await platform.PostAsJsonAsync($"/api/v1/accounts/{id}/roles", new { role = "Teacher", classId = world.Classes[at], subject = $"撤{(int)role}" });
        grant.StatusCode.ShouldBe(HttpStatusCode.Created, await grant.Content.ReadAsStringAsync());
        var assignment = (await grant.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var denied = await world.DeniedLinesAsync(role);

        var response = await (await world.ClientAsync(role)).DeleteAsync($"/api/v1/accounts/{id}/roles/{assignment}");

        await world.ExpectAsync(role, response, allowed, HttpStatusCode.NoContent, denied);
        (await ReadAsync(db => db.Assignments.AnyAsync(a => a.Id == assignment))).ShouldBe(!allowed);
        if (!allowed)
        {
            (await platform.DeleteAsync($"/api/v1/accounts/{id}/roles/{assignment}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task POST_account_guardian(Role role, At at, bool allowed)
    {
        var child = await world.Factory.CreateUserAsync("Student", classId: world.Classes[at]);
        var sibling = await world.Factory.CreateUserAsync("Student", classId: world.Classes[at]);
        var parent = await world.Factory.CreateUserAsync("Parent", childIds: [sibling.Id]);
        var denied = await world.DeniedLinesAsync(role);

        var response = await (await world.ClientAsync(role)).PostAsJsonAsync($"/api/v1/accounts/{child.Id}/guardians", new { parentId = parent.Id, relation = "母亲" });

        await world.ExpectAsync(role, response, allowed, HttpStatusCode.Created, denied);
        (await ReadAsync(db => db.GuardianLinks.AnyAsync(l => l.ChildId == child.Id && l.ParentId == parent.Id))).ShouldBe(allowed);
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task GET_audit_never_shows_lines_from_other_places(Role role)
    {
        var client = await world.ClientAsync(role);

        var response = await client.GetAsync("/api/v1/audit?entityType=School&size=100");

        if (!role.IsAdministrator())
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            return;
        }
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var counties = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Select(l => l.GetProperty("countyCode").GetString()).ToList();
        // The world's schools were opened as the platform, one audit line each, in the school's county.
        foreach (var at in Enum.GetValues<At>())
        {
            if (Table[role].Reads.Contains(at))
            {
                counties.ShouldContain(ScopeWorld.RegionOf(at), $"{role} should see the audit of {at}");
            }
            else
            {
                counties.ShouldNotContain(ScopeWorld.RegionOf(at), $"{role} must not see the audit of {at}");
            }
        }
    }

    private Task<T> ReadAsync<T>(Func<IdentityDbContext, Task<T>> read) =>
        world.Factory.AsPlatformAsync(sp => read(sp.GetRequiredService<IdentityDbContext>()));
}

/// <summary>The user pages admit the same roles as the account API: a reviewer's province-wide scope shows no people.</summary>
public sealed class AccountPagesScopeTests(ScopeWorld world) : IClassFixture<ScopeWorld>
{
    [Theory]
    [InlineData(Role.ResourceReviewer, false)]
    [InlineData(Role.ProvinceAdmin, true)]
    public async Task The_user_pages_show_people_only_to_roles_that_may_list_accounts(Role role, bool shown)
    {
        var target = world.Teachers[At.Yunyan];
        using var browser = new BrowserSession(world.Factory);
        await browser.SignInAsync(world.Users[role]);

        var list = await browser.Http.GetStringAsync("/admin/users?q=" + target.UserName);
        var details = await browser.Http.GetStringAsync($"/admin/users/{target.Id}");

        list.Contains($"/admin/users/{target.Id}").ShouldBe(shown);
        details.Contains(target.UserName).ShouldBe(shown);
    }
}
