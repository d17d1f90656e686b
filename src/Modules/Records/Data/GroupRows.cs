using EduCloud.Records.Domain;
using Npgsql;
using NpgsqlTypes;

namespace EduCloud.Records.Data;

/// <summary>
/// A group of single statements on PostgreSQL in one round trip (ADR 0037): the activity upsert and two multi-row
/// INSERTs over unnested array parameters, sent as one <see cref="NpgsqlBatch"/> with no explicit transaction. The
/// server runs the statements of one batch (one Sync) as one implicit transaction: all are committed before the answer
/// comes back, or none is (a failing statement rolls back the ones before it). BEGIN, COMMIT and two COPY start-ups
/// were four more round trips and most of PostgreSQL's work per statement in groups of ~16. Only for groups whose ids
/// the server chose nothing needs looking up; client-chosen ids take one look-up trip first (<see cref="LookUpAsync"/>).
/// </summary>
internal static class GroupRows
{
    private const string InsertStatements =
        "INSERT INTO records.rec_statement (\"Id\", \"Stored\", \"VerbId\", \"VerbHash\", \"ActorKey\", \"ActivityId\", \"Registration\", \"TargetId\", \"IsVoiding\", \"Voided\", " +
        "\"SubmittedHash\", \"Json\", \"WrittenBy\", \"ProvinceCode\", \"CityCode\", \"CountyCode\", \"SchoolId\", \"ClassId\", \"PersonId\") " +
        "SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::integer[], $5::text[], $6::text[], $7::uuid[], $8::uuid[], $9::boolean[], $10::boolean[], " +
        "$11::text[], $12::text[], $13::uuid[], $14::text[], $15::text[], $16::text[], $17::uuid[], $18::uuid[], $19::uuid[])";

    private const string InsertLinks =
        "INSERT INTO records.rec_statement_link (\"StatementId\", \"KeyHash\", \"Primary\", \"Stored\", \"VerbHash\") " +
        "SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::boolean[], $4::bigint[], $5::integer[])";

    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<StoredStatement> rows, IReadOnlyList<StatementLink> links, IReadOnlyDictionary<string, string> activities, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection);
        if (activities.Count > 0)
        {
            var ordered = activities.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
            batch.BatchCommands.Add(Command(StatementRows.PostgresUpsertActivities, ordered.Select(d => d.Key).ToArray(), ordered.Select(d => d.Value).ToArray()));
        }
        batch.BatchCommands.Add(Command(InsertStatements,
            Column(rows, s => s.Id), Column(rows, s => s.Stored), Column(rows, s => s.VerbId), Column(rows, s => s.VerbHash), Column(rows, s => s.ActorKey), Column(rows, s => s.ActivityId),
            Column(rows, s => s.Registration), Column(rows, s => s.TargetId), Column(rows, s => s.IsVoiding), Column(rows, s => s.Voided),
            Column(rows, s => s.SubmittedHash), Column(rows, s => s.Json), Column(rows, s => s.WrittenBy), Column(rows, s => s.ProvinceCode),
            Column(rows, s => s.CityCode), Column(rows, s => s.CountyCode), Column(rows, s => s.SchoolId), Column(rows, s => s.ClassId), Column(rows, s => s.PersonId)));
        if (links.Count > 0)
        {
            batch.BatchCommands.Add(Command(InsertLinks,
                Column(links, l => l.StatementId), Column(links, l => l.KeyHash), Column(links, l => l.Primary),
                Column(links, l => l.Stored), Column(links, l => l.VerbHash)));
        }
        // Prepared once per physical connection (Npgsql keeps it): PostgreSQL then skips parsing and planning per group.
        await batch.PrepareAsync(ct);
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// For client-chosen ids, in one round trip: those already stored with their submitted hash, and those a stored
    /// voiding statement targets (a statement voided before it arrived is stored as voided).
    /// </summary>
    public static async Task<(Dictionary<Guid, string> Stored, HashSet<Guid> Voided)> LookUpAsync(NpgsqlConnection connection, Guid[] ids, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Command("SELECT \"Id\", \"SubmittedHash\" FROM records.rec_statement WHERE \"Id\" = ANY($1)", ids));
        batch.BatchCommands.Add(Command("SELECT \"TargetId\" FROM records.rec_statement WHERE \"IsVoiding\" AND \"TargetId\" = ANY($1)", ids));
        await batch.PrepareAsync(ct);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var stored = new Dictionary<Guid, string>();
        while (await reader.ReadAsync(ct)) { stored[reader.GetGuid(0)] = reader.GetString(1); }
        await reader.NextResultAsync(ct);
        var voided = new HashSet<Guid>();
        while (await reader.ReadAsync(ct)) { voided.Add(reader.GetGuid(0)); }
        return (stored, voided);
    }

    private static T[] Column<TRow, T>(IReadOnlyList<TRow> rows, Func<TRow, T> value)
    {
        var column = new T[rows.Count];
        for (var i = 0; i < column.Length; i++) { column[i] = value(rows[i]); }
        return column;
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] arrays)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var array in arrays) { command.Parameters.Add(new NpgsqlParameter { Value = array }); }
        return command;
    }
}
