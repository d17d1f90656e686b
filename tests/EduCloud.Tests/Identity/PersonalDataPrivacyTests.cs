using System.Net.Http.Json;
using EduCloud.Kernel.Data;
using EduCloud.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EduCloud.Tests.Identity;

public sealed class PersonalDataPrivacyTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task Citizen_ids_and_phones_never_reach_the_logs_the_audit_trail_or_the_database_in_clear()
    {
        var capture = new LogCapture();
        using var logged = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(capture).SetMinimumLevel(LogLevel.Trace)));
        var admin = await factory.CreateUserAsync("CountyAdmin", regionCode: "520102");
        using var client = logged.CreateClient();
        var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "educloud-cli", ["username"] = admin.UserName, ["password"] = admin.Password, ["scope"] = "api",
        }));
        var accessToken = (await token.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        var citizenId = TestIds.NextCitizenId("520102", "19800101");
        const string phone = "13812345678";

        var created = await client.PostAsJsonAsync("/api/v1/accounts", new
        {
            userName = "bureau_" + Guid.NewGuid().ToString("N")[..6], displayName = "李四", citizenId, phone, role = "CountyAdmin", regionCode = "520102",
        });
        created.EnsureSuccessStatusCode();
        // A bad request that echoes nothing personal either: a duplicate ID is a conflict.
        var duplicate = await client.PostAsJsonAsync("/api/v1/accounts", new
        {
            userName = "dup_" + Guid.NewGuid().ToString("N")[..6], displayName = "王五", citizenId, phone, role = "CountyAdmin", regionCode = "520102",
        });
        ((int)duplicate.StatusCode).ShouldBe(409);

        var body = await created.Content.ReadAsStringAsync();
        body.ShouldNotContain(citizenId);
        body.ShouldNotContain(phone);
        capture.Lines.ShouldNotBeEmpty();
        capture.Lines.ShouldAllBe(line => !line.Contains(citizenId) && !line.Contains(phone));

        await factory.AsPlatformAsync(async sp =>
        {
            var audit = await sp.GetRequiredService<AuditDbContext>().Entries.AsNoTracking().ToListAsync();
            audit.ShouldAllBe(a => !a.Details.Contains(citizenId) && !a.EntityId.Contains(citizenId));
            return 0;
        });
        (await StoredTextAsync(factory)).ShouldNotContain(citizenId);
        // Positive control: the read does see the account rows (the list mask is stored in clear on purpose).
        (await StoredTextAsync(factory)).ShouldContain("138****5678");
    }

    /// <summary>Everything the database holds for accounts, as text: the SQLite file and its WAL, or the PostgreSQL rows.</summary>
    private static async Task<string> StoredTextAsync(EduCloudFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var settings = DatabaseSettings.From(scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>());
        if (settings.IsPostgres)
        {
            await using var connection = new Npgsql.NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT string_agg(t::text, '|') FROM identity.idn_account t", connection);
            return (string)(await command.ExecuteScalarAsync())!;
        }
        var file = settings.ConnectionString["Data Source=".Length..];
        var text = new System.Text.StringBuilder();
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString();
    }
}
