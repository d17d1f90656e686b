using EduCloud.Kernel.Data;
using EduCloud.Tests.Infrastructure;
using Npgsql;

namespace EduCloud.Tests.Scope;

/// <summary>
/// DirectReads' PostgreSQL pool is multiplexed, where Npgsql allows no explicit Prepare (ADR 0024): its statements
/// must still be prepared on the server (automatically, by their text) and run with the generic plan, or every
/// request would pay parsing and planning again (the cost ADR 0019 removed).
/// </summary>
public sealed class DirectReadsPreparedTests
{
    private const string Probe = "SELECT 42 AS direct_reads_probe";

    [Fact]
    public async Task A_statement_read_again_runs_prepared_with_the_generic_plan()
    {
        if (!EduCloudFactory.OnPostgres)
        {
            return; // SQLite keeps its prepared commands itself (ReadConnection); nothing of PostgreSQL's to check.
        }
        // One physical connection (the operator's Maximum Pool Size caps the pool), so every read meets the same session.
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("EDUCLOUD_TEST_POSTGRES"))
        {
            MaxPoolSize = 1,
            ApplicationName = "direct-reads-prepared-test",
        };
        using var reads = new DirectReads(new DatabaseSettings("Postgres", server.ConnectionString));
        for (var i = 0; i < 3; i++)
        {
            await using var connection = await reads.OpenAsync(CancellationToken.None);
            var command = await connection.CommandAsync(Probe, _ => { }, CancellationToken.None);
            ((int)(await command.ExecuteScalarAsync())!).ShouldBe(42);
        }

        await using (var connection = await reads.OpenAsync(CancellationToken.None))
        {
            var command = await connection.CommandAsync(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = @probe",
                c => c.Parameters.Add(new NpgsqlParameter("probe", Probe)), CancellationToken.None);
            await using var reader = await command.ExecuteReaderAsync();
            (await reader.ReadAsync()).ShouldBeTrue("the probe is prepared on the session");
            reader.GetInt64(0).ShouldBeGreaterThan(0L);
            reader.GetInt64(1).ShouldBe(0L);
        }
    }
}
