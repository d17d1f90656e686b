using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EduCloud.Bench.Rollup;

/// <summary>
/// The SQLite leg's database, built once from the PostgreSQL dataset and cached (bench/data/rollup-sqlite, marker
/// dataset.complete): the product's migrations, then main's per-cell layout (bench_cell_census) and the raw rows for the
/// GROUP BY baseline, copied row by row, and the packed census packed from the former by the migration's SQLite SQL. School ids are stored the way EF
/// Core's SQLite provider stores a Guid (upper-case text) where the product reads them.
/// </summary>
internal static class RollupSqlite
{
    public static async Task<string> EnsureAsync(BenchOptions o, string postgres)
    {
        var folder = Path.Combine(o.DataRoot, "rollup-sqlite");
        var file = Path.Combine(folder, "educloud.db");
        var marker = Path.Combine(folder, "dataset.complete");
        if (!o.Regenerate && File.Exists(marker) && (await File.ReadAllTextAsync(marker)).Trim() == o.Students.ToString())
        {
            return file;
        }
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
        var clock = Stopwatch.StartNew();
        await RollupHost.MigrateAsync(o, $"Data Source={file}", "Sqlite");
        SqliteConnection.ClearAllPools();
        await using var target = new SqliteConnection($"Data Source={file}");
        await target.OpenAsync();
        await ExecuteAsync(target, "PRAGMA synchronous = OFF");
        await ExecuteAsync(target, """
            CREATE TABLE bench_cell_census ("SchoolId" TEXT, "ProvinceCode" TEXT, "CityCode" TEXT, "CountyCode" TEXT, "Stage" INTEGER, "GradeLevel" INTEGER,
                "Sex" INTEGER, "EthnicityCode" TEXT, "UrbanRural" INTEGER, "Status" INTEGER, "Students" INTEGER, "LeftBehind" INTEGER, "Migrant" INTEGER, "Disabled" INTEGER)
            """);
        await ExecuteAsync(target, """
            CREATE TABLE bench_raw_student (school_id BLOB, province TEXT, city TEXT, county TEXT, stage INTEGER, grade INTEGER, sex INTEGER, eth TEXT,
                ur INTEGER, status INTEGER, left_behind INTEGER, migrant INTEGER, disabled INTEGER)
            """);
        await using var source = new NpgsqlConnection(postgres);
        await source.OpenAsync();
        await CopyAsync(source, target, """
            SELECT "SchoolId", "ProvinceCode", "CityCode", "CountyCode", "Stage", "GradeLevel", "Sex", "EthnicityCode", "UrbanRural", "Status",
                   "Students", "LeftBehind", "Migrant", "Disabled" FROM bench_cell_census
            """, "INSERT INTO bench_cell_census VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)", GuidAsText: true);
        await ExecuteAsync(target, RollupDataset.PackCellCensusSqlite);
        Console.WriteLine($"  SQLite: census copied and packed (the PackedCensus migration's SQLite SQL) at {clock.Elapsed.TotalSeconds:F0} s");
        await CopyAsync(source, target, """
            SELECT school_id, province, city, county, stage, grade, sex, eth, ur, status, left_behind::int, migrant::int, disabled::int FROM bench_raw_student
            """, "INSERT INTO bench_raw_student VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)", GuidAsText: false);
        await ExecuteAsync(target, "ANALYZE");
        Console.WriteLine($"  SQLite: {o.Students:N0} raw rows copied at {clock.Elapsed.TotalSeconds:F0} s");
        await File.WriteAllTextAsync(marker, o.Students.ToString());
        return file;
    }

    private static async Task CopyAsync(NpgsqlConnection source, SqliteConnection target, string select, string insert, bool GuidAsText)
    {
        await using var read = new NpgsqlCommand(select, source) { CommandTimeout = 0 };
        await using var reader = await read.ExecuteReaderAsync();
        await using var tx = (SqliteTransaction)await target.BeginTransactionAsync();
        await using var write = target.CreateCommand();
        write.Transaction = tx;
        write.CommandText = insert;
        var parameters = Enumerable.Range(0, reader.FieldCount).Select(i => write.Parameters.Add(new SqliteParameter("$" + i, null))).ToArray();
        write.Prepare();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] switch
                {
                    Guid g when GuidAsText => g.ToString().ToUpperInvariant(),
                    Guid g => g.ToByteArray(),
                    var v => v,
                };
            }
            await write.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }

    private static async Task ExecuteAsync(SqliteConnection c, string sql)
    {
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
