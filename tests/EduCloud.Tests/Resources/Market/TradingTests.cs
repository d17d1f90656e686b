using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Resources.Data;
using EduCloud.Resources.Features.Trading;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using EduCloud.Tests.Teachers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Resources.Market;

public sealed class TradingTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private sealed record School(Guid Id, HttpClient Admin, HttpClient Teacher, HttpClient County) : IDisposable
    {
        public void Dispose()
        {
            Admin.Dispose();
            Teacher.Dispose();
            County.Dispose();
        }
    }

    private async Task<School> SchoolAsync()
    {
        var countyAdmin = await factory.CreateUserAsync("CountyAdmin", "520102");
        var county = await factory.ClientForAsync(countyAdmin);
        var (schoolId, classId) = await TeacherApi.SchoolWithClassAsync(factory, county, "520102", "购买测试小学" + Guid.NewGuid().ToString("N")[..4]);
        var admin = await factory.ClientForAsync(await factory.CreateUserAsync("SchoolAdmin", schoolId: schoolId));
        var teacher = await factory.ClientForAsync(await factory.CreateUserAsync("Teacher", classId: classId));
        return new School(schoolId, admin, teacher, county);
    }

    private async Task<(long Allocated, long Spent, int Orders, int Entitlements)> LedgerAsync(Guid schoolId) =>
        await factory.AsPlatformAsync(async sp =>
        {
            var db = sp.GetRequiredService<ResourcesDbContext>();
            var budget = await db.Budgets.AsNoTracking().Where(b => b.SchoolId == schoolId).ToListAsync();
            return (budget.Sum(b => b.AllocatedCents), budget.Sum(b => b.SpentCents),
                await db.Orders.CountAsync(o => o.SchoolId == schoolId), await db.Entitlements.CountAsync(e => e.SchoolId == schoolId));
        });

    [Fact]
    public async Task A_school_buys_a_licence_within_its_budget_its_teachers_download_others_get_403_and_the_provider_sees_the_revenue()
    {
        var providerUser = await factory.CreateUserAsync("ResourceProvider");
        using var provider = await factory.ClientForAsync(providerUser);
        var (id, versionId) = await MarketApi.PublishAsync(factory, provider, "牛顿第一定律 精品课件", priceCents: 12_345, licenceYears: 3);
        using var school = await SchoolAsync();
        using var other = await SchoolAsync();

        // No budget yet: a clear Chinese refusal and nothing written.
        var poor = await MarketApi.BuyAsync(school.Admin, id);
        (await MarketApi.BodyAsync(poor, HttpStatusCode.BadRequest)).ShouldContain("资源经费余额不足");
        (await LedgerAsync(school.Id)).ShouldBe((0L, 0L, 0, 0));

        // The bureau allocates 200.00 yuan; the school's administrator may not buy for another school, a teacher not at all.
        var allocated = await (await MarketApi.AllocateAsync(school.County, school.Id, 20_000)).JsonAsync();
        allocated.GetProperty("balanceCents").GetInt64().ShouldBe(20_000);
        allocated.GetProperty("balance").GetString().ShouldBe("¥200.00");
        (await school.Teacher.PostAsJsonAsync("/api/v1/resources/orders", new { resourceId = id })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await school.Admin.PostAsJsonAsync("/api/v1/resources/orders", new { resourceId = id, schoolId = other.Id })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await school.Teacher.GetAsync($"/api/v1/resources/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var bought = await MarketApi.BuyAsync(school.Admin, id);
        var order = JsonDocument.Parse(await MarketApi.BodyAsync(bought, HttpStatusCode.Created)).RootElement;
        order.GetProperty("amountCents").GetInt64().ShouldBe(12_345);
        order.GetProperty("amount").GetString().ShouldBe("¥123.45");
        order.GetProperty("term").GetString().ShouldBe("3年");
        order.GetProperty("expiresAt").GetDateTime().ShouldBeGreaterThan(DateTime.UtcNow.AddYears(3).AddDays(-1));
        (await LedgerAsync(school.Id)).ShouldBe((20_000L, 12_345L, 1, 1));

        // The school's teacher downloads; a teacher of another school gets 403 even with the exact version URL.
        (await school.Teacher.GetAsync($"/api/v1/resources/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await other.Teacher.GetAsync($"/api/v1/resources/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.Teacher.GetAsync($"/api/v1/resources/{id}/file?versionId={versionId}&download=true")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Buying twice is a conflict and costs nothing.
        (await MarketApi.BodyAsync(await MarketApi.BuyAsync(school.Admin, id), HttpStatusCode.Conflict)).ShouldContain("本校已购买该资源的使用授权");
        (await LedgerAsync(school.Id)).ShouldBe((20_000L, 12_345L, 1, 1));

        // Not below what was spent.
        (await MarketApi.BodyAsync(await MarketApi.AllocateAsync(school.County, school.Id, 10_000), HttpStatusCode.BadRequest)).ShouldContain("¥123.45");

        var orders = await MarketApi.OrdersAsync(school.Admin);
        orders.GetProperty("orders").GetArrayLength().ShouldBe(1);
        orders.GetProperty("budgets")[0].GetProperty("balanceCents").GetInt64().ShouldBe(20_000 - 12_345);
        (await MarketApi.OrdersAsync(other.Admin)).GetProperty("orders").GetArrayLength().ShouldBe(0);

        var revenue = await provider.GetFromJsonAsync<JsonElement>("/api/v1/resources/revenue");
        revenue.GetProperty("totalCents").GetInt64().ShouldBe(12_345);
        revenue.GetProperty("orderCount").GetInt32().ShouldBe(1);
        var line = revenue.GetProperty("lines")[0];
        line.GetProperty("resourceId").GetGuid().ShouldBe(id);
        line.GetProperty("month").GetString().ShouldBe(Money.Month(DateTime.UtcNow));
        line.GetProperty("amount").GetString().ShouldBe("¥123.45");
        // Another provider sees none of it; a school administrator may not ask.
        using var rival = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        (await rival.GetFromJsonAsync<JsonElement>("/api/v1/resources/revenue")).GetProperty("orderCount").GetInt32().ShouldBe(0);
        (await school.Admin.GetAsync("/api/v1/resources/revenue")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Budgets_are_allocated_only_in_scope()
    {
        using var school = await SchoolAsync();
        using var other = await SchoolAsync();
        // A school administrator sets their own school's budget; not another school's; a teacher none.
        (await MarketApi.AllocateAsync(school.Admin, school.Id, 5_000)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MarketApi.AllocateAsync(school.Admin, other.Id, 5_000)).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        (await MarketApi.AllocateAsync(school.Teacher, school.Id, 5_000)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var elsewhere = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520103"));
        (await MarketApi.AllocateAsync(elsewhere, school.Id, 5_000)).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        (await MarketApi.AllocateAsync(school.County, school.Id, -1)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await LedgerAsync(school.Id)).Allocated.ShouldBe(5_000);
        (await LedgerAsync(other.Id)).Allocated.ShouldBe(0);
        var audited = await factory.AsPlatformAsync(async sp =>
            await sp.GetRequiredService<EduCloud.Kernel.Data.AuditDbContext>().Entries.CountAsync(e => e.EntityType == "BudgetAllocation" && e.SchoolId == school.Id));
        audited.ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_orders_never_overdraw_the_budget_and_one_resource_is_bought_once()
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        using var reviewer = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceReviewer", "520000"));
        using var admin = await factory.ClientForAsync(await factory.CreateUserAsync("ProvinceAdmin", "520000"));
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await MarketApi.PublishAsync(factory, provider, $"并发购买 {i}", priceCents: 1_000, reviewer: reviewer, admin: admin)).Id);
        }
        using var school = await SchoolAsync();
        (await MarketApi.AllocateAsync(school.County, school.Id, 2_500)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Five different resources at 10 yuan each against 25 yuan: exactly two can be paid for.
        var results = await Task.WhenAll(ids.Select(id => MarketApi.BuyAsync(school.Admin, id)));
        var codes = results.Select(r => r.StatusCode).ToList();
        codes.Count(c => c == HttpStatusCode.Created).ShouldBe(2, string.Join(",", codes));
        codes.Where(c => c != HttpStatusCode.Created).ShouldAllBe(c => c == HttpStatusCode.BadRequest || c == HttpStatusCode.Conflict);
        (await LedgerAsync(school.Id)).ShouldBe((2_500L, 2_000L, 2, 2));

        // Four administrators of one school buy the same resource at once: one order, the rest are conflicts.
        using var rich = await SchoolAsync();
        (await MarketApi.AllocateAsync(rich.County, rich.Id, 100_000)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admins = new List<HttpClient> { rich.Admin };
        for (var i = 0; i < 3; i++)
        {
            admins.Add(await factory.ClientForAsync(await factory.CreateUserAsync("SchoolAdmin", schoolId: rich.Id)));
        }
        var same = await Task.WhenAll(admins.Select(a => MarketApi.BuyAsync(a, ids[0])));
        same.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1, string.Join(",", same.Select(r => r.StatusCode)));
        same.Where(r => r.StatusCode != HttpStatusCode.Created).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);
        (await LedgerAsync(rich.Id)).ShouldBe((100_000L, 1_000L, 1, 1));
        foreach (var a in admins.Skip(1))
        {
            a.Dispose();
        }
    }

    [Theory]
    [InlineData("123.45", 12_345L)]
    [InlineData("¥1,000", 100_000L)]
    [InlineData("0.5", 50L)]
    [InlineData("1.234", -1L)]
    [InlineData("-3", -1L)]
    [InlineData("1e3", -1L)]
    public void Yuan_typed_on_the_page_become_integer_cents(string text, long cents) => TradingPageActions.ParseYuan(text).ShouldBe(cents);

    [Fact]
    public void Cents_are_shown_as_yuan_with_two_decimals() => Money.Yuan(100_000_005).ShouldBe("¥1,000,000.05");
}
