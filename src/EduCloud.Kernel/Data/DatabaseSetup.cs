using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Kernel.Data;

/// <summary>Which database a node uses. SQLite is the embedded default; PostgreSQL is chosen by configuration.</summary>
public sealed record DatabaseSettings(string Provider, string ConnectionString)
{
    public bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connection = configuration["Database:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connection))
        {
            var dataDirectory = configuration["DataDirectory"] ?? "data";
            Directory.CreateDirectory(dataDirectory);
            connection = $"Data Source={Path.Combine(dataDirectory, "educloud.db")}";
        }
        var settings = new DatabaseSettings(provider, connection);
        if (!settings.IsPostgres)
        {
            SqliteThreading.Configure();
        }
        return settings.IsPostgres ? settings with { ConnectionString = WithinConnectionBudget(connection) } : settings;
    }

    /// <summary>
    /// The module contexts' pool, unless the connection string sets its own Maximum Pool Size. PostgreSQL allows 100
    /// connections per cluster by default (3 kept for superusers) and Npgsql pools 100 per connection string, so with
    /// the direct-read pool beside it (32 then; four per core, at least 8, since ADR 0024) a busy node could ask for 132 and fail
    /// with 53300 "too many clients" (measured at exam start, docs/benchmarks.md). 60 + 32 stays under the limit.
    /// </summary>
    public const int DefaultMaxPoolSize = 60;

    private static string WithinConnectionBudget(string connection)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        // Npgsql's builder reports every known keyword as present, so look at the keys the operator wrote.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant());
        if (!written.Any(k => k is "maximumpoolsize" or "maxpoolsize"))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }
        return builder.ConnectionString;
    }
}

/// <summary>A module context that the migrate step must bring up to date.</summary>
public sealed record MigratableContext(Type ContextType, string Module);

public static class DatabaseSetup
{
    /// <summary>
    /// Registers a module's context with the provider picked by configuration. Each provider has its own
    /// subclass so that each keeps its own migration set, and its own history table (SQLite has no schemas).
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(this IServiceCollection services, IConfiguration configuration, string module)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var settings = DatabaseSettings.From(configuration);
        // The options are built once per process, not once per request scope: building them (UseNpgsql, its
        // extensions and warning tables) was ~5 % of the server's CPU per single xAPI POST. They hold only settings.
        if (settings.IsPostgres)
        {
            services.AddDbContext<TContext, TPostgres>(o => o.UseNpgsql(settings.ConnectionString, x => x.MigrationsHistoryTable("__migrations", module.ToLowerInvariant())), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        }
        else
        {
            services.AddDbContext<TContext, TSqlite>(o => o.UseSqlite(settings.ConnectionString, x => x.MigrationsHistoryTable("__migrations_" + module.ToLowerInvariant())), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        }
        services.AddSingleton(new MigratableContext(typeof(TContext), module));
        return services;
    }

    public static IServiceCollection AddKernel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<AuditDbContext, SqliteAuditDbContext, PostgresAuditDbContext>(configuration, "Kernel");
        // Built by the container so that it is disposed with the host (it keeps SQLite connections open).
        services.AddSingleton(_ => new DirectReads(DatabaseSettings.From(configuration)));
        services.AddScoped<Audit.AuditTrail>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Privacy.PersonalDataProtector>();
        services.AddSingleton(Files.FileStoreOptions.From(configuration));
        services.AddSingleton(sp => Files.LocalDiskBlobStore.Create(sp.GetRequiredService<Files.FileStoreOptions>()));
        services.AddSingleton<Files.VirusScanner>();
        services.AddSingleton<Files.FileIntake>();
        return services;
    }

    /// <summary>Applies every module's migrations, in registration order (lower modules first).</summary>
    public static async Task MigrateAllAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var walSet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var context in scope.ServiceProvider.GetServices<MigratableContext>())
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(context.ContextType);
            // WAL is a property of the database file, which every module shares: set it once.
            if (db.Database.IsSqlite() && walSet.Add(db.Database.GetConnectionString() ?? ""))
            {
                await db.Database.OpenConnectionAsync(ct);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                await db.Database.CloseConnectionAsync();
            }
            await db.Database.MigrateAsync(ct);
        }
    }
}
