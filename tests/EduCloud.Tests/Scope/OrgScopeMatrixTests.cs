using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Tests.Scope;

/// <summary>
/// Every role against the organisation endpoints below the school: teaching points, grades, classes and the
/// organisation tree. Out of scope, nothing is read (404, 403 or absent from a list) and nothing changes (403 or
/// 404, data unchanged as the platform sees it, a Denied audit line); in scope, it works.
/// </summary>
public sealed class OrgScopeMatrixTests(ScopeWorld world) : IClassFixture<ScopeWorld>
{
    /// <summary>
    /// role → places whose teaching point, grade and class it reads, places where it manages them, places left open.
    /// School-level users sit at the 南明 school or class; what they see there is the pages' business, so only
    /// "nothing elsewhere" is asserted for them.
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
        [Role.ResourceReviewer] = ([At.Nanming, At.Yunyan, At.Zunyi],             [],                                            []),
        [Role.ResourceProvider] = ([],                                            [],                                            []),
    };

    public static TheoryData<Role, At, bool> Reads() => Expand(r => Table[r].Reads, openToo: false);

    /// <summary>Changes are tried everywhere, the open places included: nobody without an administrator role changes anything.</summary>
    public static TheoryData<Role, At, bool> Changes() => Expand(r => Table[r].Manages, openToo: true);

    private static TheoryData<Role, At, bool> Expand(Func<Role, At[]> allowed, bool openToo)
    {
        var data = new TheoryData<Role, At, bool>();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var at in Enum.GetValues<At>().Where(a => openToo || !Table[role].Open.Contains(a)))
            {
                data.Add(role, at, allowed(role).Contains(at));
            }
        }
        return data;
    }

    // ---- teaching points ----

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task GET_teaching_points_of_a_school(Role role, At at, bool allowed)
    {
        var response = await (await world.ClientAsync(role)).GetAsync($"/api/v1/schools/{world.Schools[at].Id}/teaching-points");

        await ExpectListedAsync(response, allowed, world.TeachingPoints[at], items => items);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task POST_teaching_point(Role role, At at, bool allowed)
    {
        var client = await world.ClientAsync(role);
        var name = $"越权{role}教学点";
        var school = world.Schools[at];
        var denied = await world.DeniedLinesAsync(role);

        var response = await client.PostAsJsonAsync("/api/v1/teaching-points",
            new { centralSchoolId = school.Id, name, regionCode = school.RegionCode, address = "", urbanRural = "Rural" });

        await world.ExpectAsync(role, response, allowed, HttpStatusCode.Created, denied);
        (await world.PlatformReadAsync(db => db.TeachingPoints.AnyAsync(t => t.CentralSchoolId == school.Id && t.Name == name))).ShouldBe(allowed);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task PUT_teaching_point(Role role, At at, bool allowed)
    {
        var client = await world.ClientAsync(role);
        var id = world.TeachingPoints[at];
        var before = await world.PlatformReadAsync(db => db.TeachingPoints.AsNoTracking().SingleAsync(t => t.Id == id));
        var denied = await world.DeniedLinesAsync(role);

        var response = await client.PutAsJsonAsync($"/api/v1/teaching-points/{id}",
            new { name = before.Name, regionCode = before.RegionCode, address = $"{role}改的地址", urbanRural = "Rural" });

        await world.ExpectAsync(role, response, allowed, HttpStatusCode.OK, denied);
        var address = await world.PlatformReadAsync(db => db.TeachingPoints.Where(t => t.Id == id).Select(t => t.Address).SingleAsync());
        address.ShouldBe(allowed ? $"{role}改的地址" : before.Address);
        if (allowed)
        {
            (await client.PutAsJsonAsync($"/api/v1/teaching-points/{id}",
                new { name = before.Name, regionCode = before.RegionCode, address = before.Address, urbanRural = "Rural" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task POST_teaching_point_retire_and_reinstate(Role role, At at, bool allowed)
    {
        var client = await world.ClientAsync(role);
        var id = world.TeachingPoints[at];
        var denied = await world.DeniedLinesAsync(role);

        var response = await client.PostAsync($"/api/v1/teaching-points/{id}/retire", null);

        await world.ExpectAsync(role, response, allowed, HttpStatusCode.OK, denied);
        (await world.PlatformReadAsync(db => db.TeachingPoints.Where(t => t.Id == id).Select(t => t.RetiredAt != null).SingleAsync())).ShouldBe(allowed);
        var reinstate = await client.PostAsync($"/api/v1/teaching-points/{id}/reinstate", null);
        await world.ExpectAsync(role, reinstate, allowed, HttpStatusCode.OK, denied);
        (await world.PlatformReadAsync(db => db.TeachingPoints.Where(t => t.Id == id).Select(t => t.RetiredAt != null).SingleAsync())).ShouldBeFalse();
    }

    // ---- grades ----

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task GET_grades_of_a_school(Role role, At at, bool allowed)
    {
        var response = await (await world.ClientAsync(role)).GetAsync($"/api/v1/schools/{world.Schools[at].Id}/grades");

        await ExpectListedAsync(response, allowed, world.Grades[at], body => body.GetProperty("grades"));
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task POST_grade(Role role, At at, bool allowed)
    {
        var client = await world.ClientAsync(role);
        var school = world.Schools[at].Id;
        // Each role opens its own level (2 to 6; grade 1 is the world's), so allowed roles do not collide.
        var level = 1 + Math.Min((int)role, 5);
        var before = await world.PlatformReadAsync(db => db.Grades.CountAsync(g => g.SchoolId == school));
        var denied = await world.DeniedLinesAsync(role);

        var response = await client.PostAsJsonAsync("/api/v1/grades", new { schoolId = school, stage = "Primary", level });

        await world.ExpectAsync(role, response, allowed, HttpStatusCode.Created, denied);
        (await world.PlatformReadAsync(db => db.Grades.CountAsync(g => g.SchoolId == school))).ShouldBe(before + (allowed ? 1 : 0));
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task PUT_grade(Role role, At at, bool allowed)
    {
        var client = await world.ClientAsync(role);
        var id = world.Grades[at];
        var name = await world.PlatformReadAsync(db => db.Grades.Where(g => g.Id == id).Select(g => g.Name).SingleAsync());
        var denied = await world.DeniedLinesAsync(role);

        var response = await client.PutAsJsonAsync($"/api/v1/grades/{id}", new { name = $"{role}年级" });

        await world.ExpectAsync(role, response, allowed, HttpStatusCode.OK, denied);
        (await world.PlatformReadAsync(db => db.Grades.Where(g => g.Id == id).Select(g => g.Name).SingleAsync())).ShouldBe(allowed ? $"{role}年级" : name);
        if (allowed)
        {
            (await client.PutAsJsonAsync($"/api/v1/grades/{id}", new { name })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task POST_grade_retire_and_reinstate(Role role, At at, bool allowed)
    {
        var client = await world.ClientAsync(role);
        var id = world.Grades[at];
        var denied = await world.DeniedLinesAsync(role);

        var response = await client.PostAsync($"/api/v1/grades/{id}/retire", null);

        await world.ExpectAsync(role, response, allowed, HttpStatusCode.OK, denied);
        (await world.PlatformReadAsync(db => db.Grades.Where(g => g.Id == id).Select(g => g.RetiredAt != null).SingleAsync())).ShouldBe(allowed);
        var reinstate = await client.PostAsync($"/api/v1/grades/{id}/reinstate", null);
        await world.ExpectAsync(role, reinstate, allowed, HttpStatusCode.OK, denied);
        (await world.PlatformReadAsync(db => db.Grades.Where(g => g.Id == id).Select(g => g.RetiredAt != null).SingleAsync())).ShouldBeFalse();
    }

    // ---- classes ----

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task GET_classes_of_a_grade(Role role, At at, bool allowed)
    {
        var response = await (await world.ClientAsync(role)).GetAsync($"/api/v1/grades/{world.Grades[at]}/classes");

        await ExpectListedAsync(response, allowed, world.Classes[at], items => items);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task POST_class(Role role, At at, bool allowed)
    {
        var client = await world.ClientAsync(role);
        var grade = world.Grades[at];
        var number = 10 + (int)role;
        var denied = await world.DeniedLinesAsync(role);

        var response = await client.PostAsJsonAsync("/api/v1/classes", new { gradeId = grade, number });

        await world.ExpectAsync(role, response, allowed, HttpStatusCode.Created, denied);
        (await world.PlatformReadAsync(db => db.Classes.AnyAsync(c => c.GradeId == grade && c.Number == number))).ShouldBe(allowed);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task PUT_class(Role role, At at, bool allowed)
    {
        var client = await world.ClientAsync(role);
        var id = world.Classes[at];
        var name = await world.PlatformReadAsync(db => db.Classes.Where(c => c.Id == id).Select(c => c.Name).SingleAsync());
        var denied = await world.DeniedLinesAsync(role);

        var response = await client.PutAsJsonAsync($"/api/v1/classes/{id}", new { number = 1, name = $"{role}班" });

        await world.ExpectAsync(role, response, allowed, HttpStatusCode.OK, denied);
        (await world.PlatformReadAsync(db => db.Classes.Where(c => c.Id == id).Select(c => c.Name).SingleAsync())).ShouldBe(allowed ? $"{role}班" : name);
        if (allowed)
        {
            (await client.PutAsJsonAsync($"/api/v1/classes/{id}", new { number = 1, name })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task POST_class_retire_and_reinstate(Role role, At at, bool allowed)
    {
        var client = await world.ClientAsync(role);
        var id = world.Classes[at];
        var denied = await world.DeniedLinesAsync(role);

        var response = await client.PostAsync($"/api/v1/classes/{id}/retire", null);

        await world.ExpectAsync(role, response, allowed, HttpStatusCode.OK, denied);
        (await world.PlatformReadAsync(db => db.Classes.Where(c => c.Id == id).Select(c => c.RetiredAt != null).SingleAsync())).ShouldBe(allowed);
        var reinstate = await client.PostAsync($"/api/v1/classes/{id}/reinstate", null);
        await world.ExpectAsync(role, reinstate, allowed, HttpStatusCode.OK, denied);
        (await world.PlatformReadAsync(db => db.Classes.Where(c => c.Id == id).Select(c => c.RetiredAt != null).SingleAsync())).ShouldBeFalse();
    }

    // ---- organisation tree ----

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task GET_org_tree_county_node_lists_only_schools_in_scope(Role role, At at, bool allowed)
    {
        var response = await (await world.ClientAsync(role)).GetAsync($"/api/v1/org/tree?region={ScopeWorld.RegionOf(at)}");

        // Regions are public reference data, so the county opens for everyone; its schools and teaching points do not.
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var keys = Keys(await response.Content.ReadFromJsonAsync<JsonElement>());
        if (allowed)
        {
            keys.ShouldContain(world.Schools[at].Id.ToString("D"));
        }
        else
        {
            keys.ShouldNotContain(world.Schools[at].Id.ToString("D"));
        }
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task GET_org_tree_school_node(Role role, At at, bool allowed)
    {
        var response = await (await world.ClientAsync(role)).GetAsync($"/api/v1/org/tree?school={world.Schools[at].Id}");

        await ExpectNodeAsync(response, allowed, world.Grades[at]);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task GET_org_tree_grade_node(Role role, At at, bool allowed)
    {
        var response = await (await world.ClientAsync(role)).GetAsync($"/api/v1/org/tree?grade={world.Grades[at]}");

        await ExpectNodeAsync(response, allowed, world.Classes[at]);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task GET_org_tree_region_nodes_count_only_schools_in_scope(Role role, At at, bool allowed)
    {
        // The county's entry in its city's node: its count of schools must not reveal a school out of scope.
        var region = ScopeWorld.RegionOf(at);
        var response = await (await world.ClientAsync(role)).GetAsync($"/api/v1/org/tree?region={region[..4]}00");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var county = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("children").EnumerateArray()
            .Where(c => c.GetProperty("key").GetString() == region).ToList();
        var count = county.Select(c => c.GetProperty("count").GetInt32()).SingleOrDefault();
        var visible = await world.PlatformReadAsync(db => db.Schools.CountAsync(s => s.CountyCode == region && s.RetiredAt == null));
        count.ShouldBe(allowed ? visible : 0);
    }

    private static async Task ExpectNodeAsync(HttpResponseMessage response, bool allowed, Guid child)
    {
        if (allowed)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            Keys(await response.Content.ReadFromJsonAsync<JsonElement>()).ShouldContain(child.ToString());
        }
        else
        {
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        }
    }

    /// <summary>Child keys, lower-cased: SQLite renders a GUID key in capitals, PostgreSQL in small letters.</summary>
    private static List<string?> Keys(JsonElement tree) =>
        tree.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("key").GetString()?.ToLowerInvariant()).ToList();

    /// <summary>In scope: 200 and the row is listed. Out of scope: 404/403, or a list without it.</summary>
    private static async Task ExpectListedAsync(HttpResponseMessage response, bool allowed, Guid id, Func<JsonElement, JsonElement> items)
    {
        if (!allowed && response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            return;
        }
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var ids = items(await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        if (allowed)
        {
            ids.ShouldContain(id);
        }
        else
        {
            ids.ShouldNotContain(id);
        }
    }
}
