using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Identity.Features.Scope;
using EduCloud.Kernel.Data;
using EduCloud.Kernel.Paging;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Data;
using EduCloud.Organization.Domain;
using EduCloud.Organization.Features.Schools;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Scope;

/// <summary>
/// The school list's data-reader path (<see cref="ReadSchoolPage"/>, filtered by the Kernel's <see cref="ScopeSql"/>)
/// must return exactly what the EF path (<see cref="ListSchools.HandleAsync"/>, filtered by the DbContext's query
/// filter) returns, for every role's real scope and for hand-made scopes that exercise each SQL shape (one member,
/// several members, none). An out-of-scope region stays empty.
/// </summary>
public sealed class ScopeSqlAgreementTests(ScopeWorld world) : IClassFixture<ScopeWorld>
{
    private static readonly string?[] Regions = [null, "", "520102", "520103", "520100", "520302", "520000", "110105", "110000", "999999"];

    [Fact]
    public async Task For_every_role_the_data_reader_path_lists_exactly_what_the_EF_path_lists()
    {
        var retired = await ExtraSchoolsAsync();
        foreach (var role in Enum.GetValues<Role>())
        {
            var scope = await ScopeOfAsync(world.Users[role].Id);
            var client = await world.ClientAsync(role);
            foreach (var query in Queries())
            {
                var ef = await EfAsync(scope, query);
                var raw = await RawAsync(scope, query);
                raw.ShouldBe(ef, $"{role} {query}");
                // The API answers the same (it takes the data-reader path when there is no name search).
                (await ApiAsync(client, query)).ShouldBe(ef, $"{role} via the API, {query}");
            }
        }
        // The retired school shows only when asked for, and only to those who see 南明.
        (await RawAsync(await ScopeOfAsync(world.Users[Role.CountyAdmin].Id), new ListSchools.Query("520102", null, true, 1, 200))).Ids.ShouldContain(retired);
        (await RawAsync(await ScopeOfAsync(world.Users[Role.CountyAdmin].Id), new ListSchools.Query("520102", null, false, 1, 200))).Ids.ShouldNotContain(retired);
    }

    [Fact]
    public async Task Scopes_with_several_places_or_none_agree_and_an_out_of_scope_region_stays_empty()
    {
        await ExtraSchoolsAsync();
        var nanming = world.Schools[At.Nanming].Id;
        var zunyi = world.Schools[At.Zunyi].Id;
        var scopes = new Dictionary<string, DataScope>
        {
            ["nobody"] = DataScope.Nobody,
            ["two provinces"] = new() { Provinces = ["520000", "110000"] },
            ["two cities"] = new() { Cities = ["520100", "110100"] },
            ["two counties"] = new() { Counties = ["520102", "520302"] },
            ["two schools"] = new() { Schools = [nanming, zunyi] },
            ["one school"] = new() { Schools = [zunyi] },
            ["two classes"] = new() { Classes = [world.Classes[At.Nanming], world.Classes[At.Yunyan]] },
            ["county and school"] = new() { Counties = ["520103"], Schools = [nanming] },
        };
        foreach (var (name, scope) in scopes)
        {
            foreach (var query in Queries())
            {
                (await RawAsync(scope, query)).ShouldBe(await EfAsync(scope, query), $"{name} {query}");
            }
        }

        (await RawAsync(DataScope.Nobody, new ListSchools.Query(null, null, true, 1, 200))).Total.ShouldBe(0);
        var twoCounties = scopes["two counties"];
        (await RawAsync(twoCounties, new ListSchools.Query("520103", null, true, 1, 200))).Total.ShouldBe(0);
        (await RawAsync(twoCounties, new ListSchools.Query("110105", null, true, 1, 200))).Total.ShouldBe(0);
        (await RawAsync(twoCounties, new ListSchools.Query("520000", null, true, 1, 200))).Total.ShouldBeGreaterThanOrEqualTo(2);
        (await RawAsync(scopes["one school"], new ListSchools.Query(null, null, true, 1, 200))).Ids.ShouldBe([zunyi]);
    }

    [Fact]
    public void A_person_owned_row_type_is_refused_by_the_SQL_form()
    {
        Should.Throw<NotSupportedException>(() => ScopeSql.For<PersonRow>(DataScope.Nobody, postgres: false));
    }

    /// <summary>Whole lists, small pages, a last partial page and a page past the end, with and without retired schools.</summary>
    private static IEnumerable<ListSchools.Query> Queries()
    {
        foreach (var region in Regions)
        {
            foreach (var retired in new[] { false, true })
            {
                yield return new ListSchools.Query(region, null, retired, 1, 200);
                yield return new ListSchools.Query(region, null, retired, 2, 2);
                yield return new ListSchools.Query(region, null, retired, 9, 2);
            }
        }
    }

    /// <summary>More rows than the matrix world has, once per fixture: a second 南明 school, a retired one, a 遵义 one.</summary>
    private async Task<Guid> ExtraSchoolsAsync()
    {
        return await world.Factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganizationDbContext>();
            if (await db.Schools.FirstOrDefaultAsync(s => s.Name == "一致退役小学") is { } done)
            {
                return done.Id;
            }
            foreach (var (name, region) in new[] { ("一致小学", "520102"), ("一致退役小学", "520102"), ("一致遵义小学", "520302"), ("一致云岩小学", "520103") })
            {
                await CreateSchool.HandleAsync(db, TimeProvider.System,
                    new CreateSchool.Request(TestIds.NextSchoolCode(province: region[..2]), name, ["Primary", "Junior"], "Town", region, "一致路1号"), CancellationToken.None);
            }
            var id = (await db.Schools.FirstAsync(s => s.Name == "一致退役小学")).Id;
            await RetireSchool.HandleAsync(db, TimeProvider.System, id, true, CancellationToken.None);
            return id;
        });
    }

    /// <summary>The scope the server gives this account, loaded by the real loader.</summary>
    private Task<DataScope> ScopeOfAsync(Guid accountId) =>
        world.Factory.AsPlatformAsync(async sp => (await sp.GetRequiredService<ScopeLoader>().LoadAsync(accountId, CancellationToken.None))!.Scope);

    private Task<Listing> EfAsync(DataScope scope, ListSchools.Query query) =>
        world.Factory.AsPlatformAsync(async sp =>
        {
            var actor = new FixedActor(scope);
            await using OrganizationDbContext db = EduCloudFactory.OnPostgres
                ? new PostgresOrganizationDbContext(sp.GetRequiredService<DbContextOptions<PostgresOrganizationDbContext>>(), actor, TimeProvider.System, sp.GetRequiredService<SchoolTotals>())
                : new SqliteOrganizationDbContext(sp.GetRequiredService<DbContextOptions<SqliteOrganizationDbContext>>(), actor, TimeProvider.System, sp.GetRequiredService<SchoolTotals>());
            return Listing.Of(await ListSchools.HandleAsync(db, query, CancellationToken.None));
        });

    /// <summary>Fresh totals on every call, so the counted SQL is what is compared (the API call checks the remembered totals).</summary>
    private Task<Listing> RawAsync(DataScope scope, ListSchools.Query query) =>
        world.Factory.AsPlatformAsync(async sp => Listing.Of(await ReadSchoolPage.HandleAsync(sp.GetRequiredService<DirectReads>(), new SchoolTotals(TimeProvider.System), scope, query, CancellationToken.None)));

    private static async Task<Listing> ApiAsync(HttpClient client, ListSchools.Query query)
    {
        var url = $"/api/v1/schools?page={query.Page}&size={query.Size}&includeRetired={query.IncludeRetired.ToString().ToLowerInvariant()}"
            + (query.Region is null ? "" : "&region=" + query.Region);
        var page = await client.GetFromJsonAsync<JsonElement>(url);
        var items = page.GetProperty("items").EnumerateArray().Select(i => JsonSerializer.Deserialize<SchoolDto>(i.GetRawText(), JsonSerializerOptions.Web)!).ToList();
        return Listing.Of(new Page<SchoolDto>(items, page.GetProperty("pageNumber").GetInt32(), page.GetProperty("pageSize").GetInt32(), page.GetProperty("total").GetInt32()));
    }

    /// <summary>A page reduced to comparable values: the ordered rows (every field) and the numbers.</summary>
    private sealed record Listing(string Rows, IReadOnlyList<Guid> Ids, int Number, int Size, int Total)
    {
        public static Listing Of(Page<SchoolDto> page) => new(
            string.Join("\n", page.Items.Select(s => $"{s.Id}|{s.Code}|{s.Name}|{s.TypeCode}|{s.TypeName}|{string.Join(",", s.Stages)}|{s.UrbanRural}|{s.RegionCode}|{s.Address}|{s.Retired}")),
            page.Items.Select(s => s.Id).ToList(), page.PageNumber, page.PageSize, page.Total);

        public bool Equals(Listing? other) => other is not null && (Rows, Number, Size, Total) == (other.Rows, other.Number, other.Size, other.Total);

        public override int GetHashCode() => HashCode.Combine(Rows, Number, Size, Total);

        public override string ToString() => $"page {Number} of {Size}, total {Total}:\n{Rows}";
    }

    /// <summary>An actor with a given scope, for the EF side of the comparison (the scope itself comes from the real loader).</summary>
    private sealed class FixedActor(DataScope scope) : ICurrentActor
    {
        public Guid? UserId => scope.UserId;
        public string? DisplayName => "agreement test";
        public string? ClientAddress => null;
        public IReadOnlyList<Role> Roles => [];
        public DataScope Scope => scope;
    }

    private sealed class PersonRow : IScopedRow, IOwnedByPerson
    {
        public string ProvinceCode => "";
        public string CityCode => "";
        public string CountyCode => "";
        public Guid? SchoolId => null;
        public Guid? ClassId => null;
        public Guid PersonId => Guid.Empty;
    }
}
