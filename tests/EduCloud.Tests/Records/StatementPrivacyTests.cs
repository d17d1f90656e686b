using System.Net;
using System.Text.Json.Nodes;
using EduCloud.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace EduCloud.Tests.Records;

/// <summary>Statements are learners' personal data: neither accepted, refused nor conflicting bodies reach the logs.</summary>
public sealed class StatementPrivacyTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task Statement_bodies_never_reach_the_logs()
    {
        var capture = new LogCapture();
        using var logged = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(capture).SetMinimumLevel(LogLevel.Trace)));
        using var issuing = await Xapi.LrsClientAsync(factory, await factory.CreateUserAsync("CountyAdmin", regionCode: "520102"));
        using var lrs = logged.CreateClient();
        lrs.DefaultRequestHeaders.Authorization = issuing.DefaultRequestHeaders.Authorization;
        lrs.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");

        var marker = "secret" + Guid.NewGuid().ToString("N");
        var s = Xapi.Statement(marker + "@example.com");
        s["result"] = new JsonObject { ["response"] = marker };
        var id = Guid.NewGuid();
        await lrs.PutAsync(id, s).ShouldBeAsync(HttpStatusCode.NoContent);
        s["result"]!["response"] = marker + "-changed";
        await lrs.PutAsync(id, s).ShouldBeAsync(HttpStatusCode.Conflict);
        s["verb"] = new JsonObject { ["id"] = marker };
        await lrs.PostAsync(s).ShouldBeAsync(HttpStatusCode.BadRequest);
        await lrs.GetAsync($"/xapi/statements?agent={Xapi.Q(new JsonObject { ["mbox"] = $"mailto:{marker}@example.com" })}").ShouldBeAsync(HttpStatusCode.OK);

        capture.Lines.ShouldNotBeEmpty();
        capture.Lines.Where(l => l.Contains(marker, StringComparison.Ordinal)).ShouldBeEmpty();
    }
}
