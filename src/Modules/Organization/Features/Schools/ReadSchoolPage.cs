using System.Collections.Concurrent;
using System.Data.Common;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Data;
using EduCloud.Kernel.Paging;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Domain;

namespace EduCloud.Organization.Features.Schools;

/// <summary>
/// The school list's hot path (GET /api/v1/schools without a name search): the same page as
/// <see cref="ListSchools.HandleAsync"/>, read with one prepared statement and a plain data reader instead of EF
/// Core's query pipeline, which was most of the request's CPU (ADR 0014). The scope condition is the Kernel's
/// <see cref="ScopeSql"/>, the SQL form of the DbContext's query filter; tests hold the two paths to the same rows
/// for every role (ScopeSqlAgreementTests). The total is counted once per scope and remembered (<see cref="SchoolTotals"/>).
/// </summary>
internal static class ReadSchoolPage
{
    public static async Task<Page<SchoolDto>> HandleAsync(DirectReads reads, SchoolTotals totals, DataScope scope, ListSchools.Query query, CancellationToken ct)
    {
        var number = Page<SchoolDto>.ClampNumber(query.Page);
        var size = Page<SchoolDto>.ClampSize(query.Size);
        var skip = (number - 1) * size;
        var visible = ScopeSql.For<School>(scope, reads.IsPostgres);
        var statements = Statements.For(query, visible, reads.IsPostgres);
        var totalKey = $"{query.Region}|{query.IncludeRetired}|{visible.Key}";
        var version = totals.Version;
        var known = totals.TryGet(totalKey, out var total);
        var sql = known ? statements.Page : statements.PageAndCount;
        await using var connection = await reads.OpenAsync(ct);
        var items = new List<SchoolDto>(size);
        var command = await connection.CommandAsync(sql, c => Bind(c, query, visible, (size, skip)), ct);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                items.Add(SchoolProjection.ToDto(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    (StageSet)reader.GetInt32(4), (UrbanRural)reader.GetInt32(5), reader.GetString(6), reader.GetString(7), reader.GetBoolean(8)));
                total = known ? total : (int)reader.GetInt64(9);
            }
        }
        if (items.Count < size && (items.Count > 0 || number == 1))
        {
            // A short page is the last one: the total is exact without counting (and a remembered one may be older).
            total = skip + items.Count;
        }
        else if (items.Count == 0 && !known)
        {
            // A page past the end has no row to carry the total: count apart, as ToPageAsync does.
            var counting = await connection.CommandAsync(statements.Count, c => Bind(c, query, visible, null), ct);
            total = (int)(long)(await counting.ExecuteScalarAsync(ct))!;
        }
        if (!known)
        {
            totals.Keep(totalKey, version, total);
        }
        return new Page<SchoolDto>(items, number, size, total);
    }

    /// <summary>
    /// The list's statements for one shape of query (which region column, retired or not, the scope condition's
    /// template), built once: the values are all parameters, so every caller of the same shape shares the text (and,
    /// by it, the database's prepared statement). Building the text per request was a visible part of its CPU (ADR 0019).
    /// </summary>
    private sealed record Statements(string Page, string PageAndCount, string Count)
    {
        /// <summary>Shapes are few (a handful of region kinds x scope templates); this bounds memory against odd scopes.</summary>
        private const int MaxShapes = 1_000;

        private static readonly ConcurrentDictionary<(string Scope, string? Region, bool Retired, bool Postgres), Statements> Kept = new();

        public static Statements For(ListSchools.Query query, ScopeSql visible, bool postgres)
        {
            var shape = (visible.Template, RegionColumn(query.Region), query.IncludeRetired, postgres);
            if (Kept.TryGetValue(shape, out var kept))
            {
                return kept;
            }
            if (Kept.Count >= MaxShapes)
            {
                Kept.Clear();
            }
            return Kept[shape] = Build(query, visible, postgres);
        }

        private static Statements Build(ListSchools.Query query, ScopeSql visible, bool postgres)
        {
            var table = postgres ? "organization.org_school" : "org_school";
            var where = Conditions(query, visible);
            // Among active schools RetiredAt is null, so ordering by it first changes nothing but lets the database walk
            // the (region, RetiredAt, Code) index in order and stop after one page (as ListSchools does).
            var order = query.IncludeRetired ? "s.\"Code\"" : "s.\"RetiredAt\", s.\"Code\"";
            var count = $"SELECT COUNT(*) FROM {table} AS c WHERE {where("c")}";
            string Select(string extra) => $"""
                SELECT s."Id", s."Code", s."Name", s."TypeCode", s."Stages", s."UrbanRural", s."RegionCode", s."Address", s."RetiredAt" IS NOT NULL{extra}
                FROM {table} AS s
                WHERE {where("s")}
                ORDER BY {order}
                LIMIT @take OFFSET @skip
                """;
            // Without a remembered total the count rides along as an uncorrelated sub-query (one round trip).
            return new Statements(Select(""), Select($",\n       ({count})"), count);
        }
    }

    /// <summary>The list's own filters (region, active only) and the caller's scope, over the table aliased a.</summary>
    private static Func<string, string> Conditions(ListSchools.Query query, ScopeSql visible)
    {
        var region = RegionColumn(query.Region);
        return a => string.Join(" AND ", new[]
        {
            region is null ? null : $"{a}.\"{region}\" = @region",
            query.IncludeRetired ? null : $"{a}.\"RetiredAt\" IS NULL",
            visible.Sql(a),
        }.Where(t => t is not null));
    }

    /// <summary>Which scope column a region code names: a province (..0000), a city (..00) or a county.</summary>
    private static string? RegionColumn(string? region) =>
        string.IsNullOrEmpty(region) ? null
        : region.EndsWith("0000", StringComparison.Ordinal) ? nameof(School.ProvinceCode)
        : region.EndsWith("00", StringComparison.Ordinal) ? nameof(School.CityCode)
        : nameof(School.CountyCode);

    private static void Bind(DbCommand command, ListSchools.Query query, ScopeSql visible, (int Take, int Skip)? page)
    {
        if (!string.IsNullOrEmpty(query.Region))
        {
            Add(command, "@region", query.Region);
        }
        if (page is { } p)
        {
            Add(command, "@take", p.Take);
            Add(command, "@skip", p.Skip);
        }
        visible.AddParameters(command);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
