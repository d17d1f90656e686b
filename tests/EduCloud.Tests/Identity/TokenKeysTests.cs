using System.Net;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Identity;

public sealed class TokenKeysTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task A_token_issued_by_one_server_process_is_accepted_by_another_sharing_the_data_directory()
    {
        var user = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var first = await factory.ClientForAsync(user);
        (await first.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A second host: a restart, or a second web process behind nginx. Ephemeral keys would reject the token.
        using var second = factory.WithWebHostBuilder(_ => { });
        using var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = first.DefaultRequestHeaders.Authorization;

        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
