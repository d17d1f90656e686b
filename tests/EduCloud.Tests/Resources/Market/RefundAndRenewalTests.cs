using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Resources.Data;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using EduCloud.Tests.Teachers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Resources.Market;

/// <summary>Taking an order back within seven days, and renewing a term licence near its end.</summary>
public sealed class RefundAndRenewalTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private async Task<(Guid SchoolId, HttpClient Admin, HttpClient Teacher, HttpClient County)> SchoolAsync()
    {
        var county = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520102"));
        var (schoolId, classId) = await TeacherApi.SchoolWithClassAsync(factory, county, "520102", "退款测试小学" + Guid.NewGuid().ToString("N")[..4]);
        var admin = await factory.ClientForAsync(await factory.CreateUserAsync("SchoolAdmin", schoolId: schoolId));
        var teacher = await factory.ClientForAsync(await factory.CreateUserAsync("Teacher", classId: classId));
        return (schoolId, admin, teacher, county);
    }

    private Task<T> PlatformAsync<T>(Func<ResourcesDbContext, Task<T>> work) => factory.AsPlatformAsync(sp => work(sp.GetRequiredService<ResourcesDbContext>()));

    private static Task<HttpResponseMessage> RefundAsync(HttpClient client, Guid orderId, string? reason) =>
        client.PostAsJsonAsync($"/api/v1/resources/orders/{orderId}/refund", new { reason });

    [Fact]
    public async Task A_refund_within_seven_days_returns_the_money_revokes_the_licence_and_reduces_the_revenue_once()
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        var (id, _) = await MarketApi.PublishAsync(factory, provider, "电磁感应 实验视频", priceCents: 5_000, licenceYears: 1);
        var (schoolId, admin, teacher, county) = await SchoolAsync();
        var (_, otherAdmin, _, otherCounty) = await SchoolAsync();
        using var _a = admin; using var _t = teacher; using var _c = county; using var _o = otherAdmin; using var _oc = otherCounty;
        await MarketApi.BodyAsync(await MarketApi.AllocateAsync(county, schoolId, 8_000), HttpStatusCode.OK);
        var order = JsonDocument.Parse(await MarketApi.BodyAsync(await MarketApi.BuyAsync(admin, id), HttpStatusCode.Created)).RootElement;
        var orderId = order.GetProperty("id").GetGuid();
        (await teacher.GetAsync($"/api/v1/resources/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MarketApi.OrdersAsync(admin)).GetProperty("orders")[0].GetProperty("refundable").GetBoolean().ShouldBeTrue();

        // No reason, the wrong school, a teacher: refused, and nothing changes.
        (await MarketApi.BodyAsync(await RefundAsync(admin, orderId, "  "), HttpStatusCode.BadRequest)).ShouldContain("退款原因");
        (await RefundAsync(otherAdmin, orderId, "误购")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // not even visible outside its school
        (await RefundAsync(teacher, orderId, "误购")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await MarketApi.OrdersAsync(admin)).GetProperty("budgets")[0].GetProperty("balanceCents").GetInt64().ShouldBe(3_000);

        var refunded = await (await RefundAsync(admin, orderId, "与已有教材重复，误购")).JsonAsync();
        refunded.GetProperty("refundReason").GetString().ShouldBe("与已有教材重复，误购");
        var orders = await MarketApi.OrdersAsync(admin);
        orders.GetProperty("budgets")[0].GetProperty("balanceCents").GetInt64().ShouldBe(8_000);
        orders.GetProperty("orders")[0].GetProperty("refundedAt").ValueKind.ShouldBe(JsonValueKind.String);
        orders.GetProperty("orders")[0].GetProperty("refundable").GetBoolean().ShouldBeFalse();
        (await teacher.GetAsync($"/api/v1/resources/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await MarketApi.BodyAsync(await RefundAsync(admin, orderId, "再退一次"), HttpStatusCode.Conflict)).ShouldContain("已退款");

        var revenue = await provider.GetFromJsonAsync<JsonElement>("/api/v1/resources/revenue");
        revenue.GetProperty("totalCents").GetInt64().ShouldBe(0);
        revenue.GetProperty("refundCount").GetInt32().ShouldBe(1);
        revenue.GetProperty("lines")[0].GetProperty("refundedCents").GetInt64().ShouldBe(5_000);

        // The school may buy again; an order older than seven days can no longer be refunded.
        var again = JsonDocument.Parse(await MarketApi.BodyAsync(await MarketApi.BuyAsync(admin, id), HttpStatusCode.Created)).RootElement.GetProperty("id").GetGuid();
        await PlatformAsync(async db => await db.Orders.Where(o => o.Id == again).ExecuteUpdateAsync(s => s.SetProperty(o => o.PlacedAt, DateTime.UtcNow.AddDays(-8))));
        (await MarketApi.BodyAsync(await RefundAsync(admin, again, "晚了"), HttpStatusCode.BadRequest)).ShouldContain("超过7天退款期限");
        (await teacher.GetAsync($"/api/v1/resources/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await provider.GetFromJsonAsync<JsonElement>("/api/v1/resources/revenue")).GetProperty("totalCents").GetInt64().ShouldBe(5_000);
    }

    [Fact]
    public async Task A_term_licence_is_renewed_only_near_its_end_and_the_new_term_starts_where_the_old_one_ends()
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        var (id, _) = await MarketApi.PublishAsync(factory, provider, "光的折射 互动课件", priceCents: 2_000, licenceYears: 1);
        var (schoolId, admin, teacher, county) = await SchoolAsync();
        using var _a = admin; using var _t = teacher; using var _c = county;
        await MarketApi.BodyAsync(await MarketApi.AllocateAsync(county, schoolId, 10_000), HttpStatusCode.OK);
        await MarketApi.BodyAsync(await MarketApi.BuyAsync(admin, id), HttpStatusCode.Created);

        (await MarketApi.BodyAsync(await MarketApi.BuyAsync(admin, id), HttpStatusCode.Conflict)).ShouldContain("到期前60天内可以续订");

        var end = DateTime.UtcNow.AddDays(30);
        await PlatformAsync(async db => await db.Entitlements.Where(e => e.ResourceId == id && e.SchoolId == schoolId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ExpiresAt, end)));
        var renewal = JsonDocument.Parse(await MarketApi.BodyAsync(await MarketApi.BuyAsync(admin, id), HttpStatusCode.Created)).RootElement;
        renewal.GetProperty("isRenewal").GetBoolean().ShouldBeTrue();
        (renewal.GetProperty("expiresAt").GetDateTime().ToUniversalTime() - end.AddYears(1)).Duration().ShouldBeLessThan(TimeSpan.FromSeconds(1));
        (await MarketApi.OrdersAsync(admin)).GetProperty("budgets")[0].GetProperty("balanceCents").GetInt64().ShouldBe(6_000);
        // Renewed for a year past the old end: the next renewal is far off again.
        (await MarketApi.BodyAsync(await MarketApi.BuyAsync(admin, id), HttpStatusCode.Conflict)).ShouldContain("到期前60天内可以续订");
    }
}
