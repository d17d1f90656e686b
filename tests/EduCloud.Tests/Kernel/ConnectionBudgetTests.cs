using EduCloud.Kernel.Data;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace EduCloud.Tests.Kernel;

/// <summary>One node's PostgreSQL pools stay under the cluster's default 100 connections unless the operator says otherwise.</summary>
public sealed class ConnectionBudgetTests
{
    private static DatabaseSettings Settings(string provider, string connection) => DatabaseSettings.From(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = provider, ["Database:ConnectionString"] = connection }).Build());

    [Fact]
    public void PostgreSQL_pool_gets_the_default_budget_and_keeps_the_rest_of_the_string()
    {
        var s = new NpgsqlConnectionStringBuilder(Settings("Postgres", "Host=db;Database=educloud;Username=u;Password=p;Minimum Pool Size=2").ConnectionString);
        s.MaxPoolSize.ShouldBe(DatabaseSettings.DefaultMaxPoolSize);
        (s.Host, s.Database, s.Username, s.Password, s.MinPoolSize).ShouldBe(("db", "educloud", "u", "p", 2));
        (DatabaseSettings.DefaultMaxPoolSize + 32).ShouldBeLessThan(97); // with the direct-read pool, under 100 minus the superuser reserve
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=150")]
    [InlineData("Host=db;MaxPoolSize=150")]
    public void An_operator_pool_size_is_kept(string connection) =>
        new NpgsqlConnectionStringBuilder(Settings("PostgreSQL", connection).ConnectionString).MaxPoolSize.ShouldBe(150);

    [Fact]
    public void SQLite_strings_are_left_alone() => Settings("Sqlite", "Data Source=x.db").ConnectionString.ShouldBe("Data Source=x.db");
}
