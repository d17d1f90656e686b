using System.Data.Common;
using System.Runtime.CompilerServices;
using EduCloud.Kernel.Codes;
using EduCloud.Students.Contracts;
using EduCloud.Students.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EduCloud.Students.Data;

/// <summary>
/// Every census cell of the country, for the platform's rollup cache (about half a million cells for 10M students).
/// A plain data reader instead of an EF query: EF's per-row materialisation and the three region-code strings
/// allocated per cell were most of a cold rollup's time. Region codes repeat (a few thousand counties), so each
/// distinct code is allocated once. Table and column names come from the EF model, so both providers and any rename
/// stay in step with the migrations.
/// </summary>
internal static class ReadAllCells
{
    public static async IAsyncEnumerable<CensusCell> ReadAsync(StudentsDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(SchoolCensus))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        string[] columns =
        [
            nameof(SchoolCensus.SchoolId), nameof(SchoolCensus.ProvinceCode), nameof(SchoolCensus.CityCode), nameof(SchoolCensus.CountyCode),
            nameof(SchoolCensus.Stage), nameof(SchoolCensus.GradeLevel), nameof(SchoolCensus.Sex), nameof(SchoolCensus.EthnicityCode),
            nameof(SchoolCensus.UrbanRural), nameof(SchoolCensus.Status), nameof(SchoolCensus.Students), nameof(SchoolCensus.LeftBehind),
            nameof(SchoolCensus.Migrant), nameof(SchoolCensus.Disabled),
        ];
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(Column))} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} " +
                $"WHERE {Column(nameof(SchoolCensus.Students))} <> 0 AND {Column(nameof(SchoolCensus.SchoolId))} IS NOT NULL";
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
            var codes = new Dictionary<string, string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(ct))
            {
                yield return new CensusCell(reader.GetGuid(0), Shared(codes, reader, 1), Shared(codes, reader, 2), Shared(codes, reader, 3),
                    (Stage)reader.GetInt32(4), reader.GetInt32(5), (Sex)reader.GetInt32(6), Shared(codes, reader, 7), (UrbanRural)reader.GetInt32(8),
                    (CensusStatus)reader.GetInt32(9), reader.GetInt32(10), reader.GetInt32(11), reader.GetInt32(12), reader.GetInt32(13));
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static string Shared(Dictionary<string, string> codes, DbDataReader reader, int ordinal)
    {
        var value = reader.GetString(ordinal);
        if (!codes.TryGetValue(value, out var shared))
        {
            codes[value] = shared = value;
        }
        return shared;
    }
}
