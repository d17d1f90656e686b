using System.Runtime.CompilerServices;
using EduCloud.Students.Contracts;
using EduCloud.Students.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EduCloud.Students.Data;

/// <summary>
/// Every school's census, for the platform's rollup cache: one packed row per school (about 30,000 for 10M students),
/// decoded here. A plain data reader instead of an EF query, since this is the whole of a cold rollup's read; region
/// codes repeat (a few thousand counties), so each distinct code is allocated once. Table and column names come from
/// the EF model, so both providers and any rename stay in step with the migrations.
/// </summary>
internal static class ReadAllSchools
{
    public static async IAsyncEnumerable<CensusSchool> ReadAsync(StudentsDbContext db, [EnumeratorCancellation] CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(SchoolCensus))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        string[] columns =
        [
            nameof(SchoolCensus.SchoolId), nameof(SchoolCensus.ProvinceCode), nameof(SchoolCensus.CityCode), nameof(SchoolCensus.CountyCode),
            nameof(SchoolCensus.Cells),
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
                var school = reader.GetGuid(0);
                string province = Shared(codes, reader.GetString(1)), city = Shared(codes, reader.GetString(2)), county = Shared(codes, reader.GetString(3));
                var cells = CensusCells.Read(reader.GetFieldValue<byte[]>(4));
                if (cells.Length > 0)
                {
                    yield return new CensusSchool(school, province, city, county, cells);
                }
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

    private static string Shared(Dictionary<string, string> codes, string value)
    {
        if (!codes.TryGetValue(value, out var shared))
        {
            codes[value] = shared = value;
        }
        return shared;
    }
}
