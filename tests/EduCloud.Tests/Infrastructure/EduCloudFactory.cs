using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Identity;
using EduCloud.Identity.Data;
using EduCloud.Identity.Features.Accounts;
using EduCloud.Kernel.Privacy;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EduCloud.Tests.Infrastructure;

/// <summary>
/// The real server over real HTTP, on a database of its own: a fresh SQLite file by default, or a fresh
/// PostgreSQL database when EDUCLOUD_TEST_POSTGRES holds a server connection string (the CI's second lane).
/// Each test class gets its own factory and so its own data.
/// </summary>
public sealed class EduCloudFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "educloud-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgresServer = Environment.GetEnvironmentVariable("EDUCLOUD_TEST_POSTGRES");
    private readonly string _postgresDatabase = "educloud_test_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Extra host settings (e.g. Files:Store = S3), set before the first use of the server.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public static bool OnPostgres => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("EDUCLOUD_TEST_POSTGRES"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dataDirectory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("DataDirectory", _dataDirectory);
        builder.UseSetting("Demo:SeedOnStart", "false");
        // The factory migrates after the host has started, so a start-up build would race the migration; the first
        // statistics request builds the rollups instead, through the same code.
        builder.UseSetting("Statistics:WarmOnStart", "false");
        if (_postgresServer is not null)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("Database:ConnectionString", new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresDatabase }.ConnectionString);
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_dataDirectory, "test.db")}");
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task InitializeAsync()
    {
        if (_postgresServer is not null)
        {
            await using var connection = new NpgsqlConnection(_postgresServer);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        await EduCloud.Server.Startup.MigrateAsync(Services, CancellationToken.None);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>Runs code as the platform (no person's scope), e.g. to build test data through the real handlers.</summary>
    public async Task<T> AsPlatformAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        IdentityModule.ActAsPlatform(scope.ServiceProvider);
        return await work(scope.ServiceProvider);
    }

    /// <summary>
    /// Creates an account through the real handler and returns its id, user name and password. Like the demo
    /// accounts it need not change its password first, unless a test asks for that.
    /// </summary>
    public Task<TestUser> CreateUserAsync(string role, string? regionCode = null, Guid? schoolId = null, Guid? classId = null, Guid[]? childIds = null, bool mustChangePassword = false) =>
        AsPlatformAsync(async sp =>
        {
            var userName = role.ToLowerInvariant() + "_" + Guid.NewGuid().ToString("N")[..8];
            const string password = "Test1234pw";
            var response = await CreateAccount.HandleAsync(sp.GetRequiredService<IdentityDbContext>(), sp.GetRequiredService<IOrganizationDirectory>(),
                sp.GetRequiredService<PersonalDataProtector>(), TimeProvider.System,
                new CreateAccount.Request(userName, "测试用户", TestIds.NextCitizenId(), null, password, role, regionCode, schoolId, classId, null, childIds, null),
                mustChangePassword, CancellationToken.None);
            return new TestUser(response.Account.Id, userName, password);
        });

    /// <summary>An HTTP client carrying a bearer token from the real /connect/token password grant.</summary>
    public async Task<HttpClient> ClientForAsync(TestUser user)
    {
        var client = CreateClient();
        var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "educloud-cli",
            ["username"] = user.UserName,
            ["password"] = user.Password,
            ["scope"] = "api",
        }));
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        token.IsSuccessStatusCode.ShouldBeTrue(body.ToString());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return client;
    }
}

public sealed record TestUser(Guid Id, string UserName, string Password);
