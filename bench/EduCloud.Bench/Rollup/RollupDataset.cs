namespace EduCloud.Bench.Rollup;

/// <summary>
/// SQL that generates the rollup population deterministically: schools spread over every current county, each with
/// one stage, an urban/rural class and two local minority ethnicities; students with 85 % 汉族, about 1 % suspended,
/// 0.5 % withdrawn, 0.5 % graduated, 1 in 13 left-behind, 1 in 11 migrant, 1 in 211 disabled. Then the census twice:
/// in main's old layout (one row per school and cell, the bench's own table bench_cell_census, for the side-by-side read)
/// and packed into the product's table (one row per school), by the same SQL as the PackedCensus migration.
/// </summary>
internal static class RollupDataset
{
    public static IEnumerable<string> Statements(int schools, int students)
    {
        yield return """
            CREATE TABLE bench_county AS
            SELECT (row_number() OVER (ORDER BY "Code") - 1)::int AS k, "Code" AS county
            FROM organization.org_region WHERE "Level" = 3 AND "RetiredOn" IS NULL
            """;
        yield return $"""
            CREATE TABLE bench_school AS
            SELECT s AS n, md5('school' || s)::uuid AS id, c.county, substr(c.county, 1, 2) || '0000' AS province, substr(c.county, 1, 4) || '00' AS city,
                   1 + s % 3 AS ur, CASE WHEN s % 3 = 0 THEN 3 ELSE 2 END AS stage,
                   lpad((2 + c.k % 20)::text, 2, '0') AS eth1, lpad((22 + c.k % 30)::text, 2, '0') AS eth2
            FROM generate_series(0, {schools - 1}) s JOIN bench_county c ON c.k = s % (SELECT count(*) FROM bench_county)
            """;
        yield return $"""
            CREATE UNLOGGED TABLE bench_raw_student AS
            SELECT sc.id AS school_id, sc.province, sc.city, sc.county, sc.stage,
                   1 + (g / {schools}) % (CASE WHEN sc.stage = 2 THEN 6 ELSE 3 END) AS grade,
                   1 + (g / 7) % 2 AS sex,
                   CASE WHEN g % 20 < 17 THEN '01' WHEN g % 20 < 19 THEN sc.eth1 ELSE sc.eth2 END AS eth,
                   sc.ur,
                   CASE WHEN g % 97 = 0 THEN 2 WHEN g % 199 = 0 THEN 3 WHEN g % 211 = 1 THEN 4 ELSE 1 END AS status,
                   g % 13 = 0 AS left_behind, g % 11 = 0 AS migrant, g % 211 = 0 AS disabled
            FROM generate_series(0, {students - 1}) g JOIN bench_school sc ON sc.n = g % {schools}
            """;
        yield return CellCensus;
        yield return PackCellCensus;
        yield return "ANALYZE";
    }

    /// <summary>Main's census layout before ADR 0033: one row per school and cell, as CensusKeeper kept it (498,875 rows at 10M).</summary>
    public const string CellCensus = """
        CREATE TABLE IF NOT EXISTS bench_cell_census AS
        SELECT school_id AS "SchoolId", min(province) AS "ProvinceCode", min(city) AS "CityCode", min(county) AS "CountyCode", stage AS "Stage",
               grade AS "GradeLevel", sex AS "Sex", eth AS "EthnicityCode", ur AS "UrbanRural", status AS "Status", count(*)::int AS "Students",
               sum(left_behind::int)::int AS "LeftBehind", sum(migrant::int)::int AS "Migrant", sum(disabled::int)::int AS "Disabled"
        FROM bench_raw_student GROUP BY school_id, stage, grade, sex, eth, ur, status
        """;

    /// <summary>The PackedCensus migration's PostgreSQL packing, reading the bench's copy of the old layout.</summary>
    public const string PackCellCensus = """
        INSERT INTO students.stu_census_school ("SchoolId", "ProvinceCode", "CityCode", "CountyCode", "Students", "Cells")
        SELECT "SchoolId", min("ProvinceCode"), min("CityCode"), min("CountyCode"), sum("Students"),
               decode('01' || string_agg(
                   lpad(to_hex("Stage"), 2, '0') || lpad(to_hex("GradeLevel"), 2, '0') || lpad(to_hex("Sex"), 2, '0')
                   || encode(convert_to(rpad("EthnicityCode", 2), 'UTF8'), 'hex')
                   || lpad(to_hex("UrbanRural"), 2, '0') || lpad(to_hex("Status"), 2, '0')
                   || lpad(to_hex("Students"), 8, '0') || lpad(to_hex("LeftBehind"), 8, '0')
                   || lpad(to_hex("Migrant"), 8, '0') || lpad(to_hex("Disabled"), 8, '0'), ''), 'hex')
        FROM bench_cell_census
        WHERE "SchoolId" IS NOT NULL AND ("Students" <> 0 OR "LeftBehind" <> 0 OR "Migrant" <> 0 OR "Disabled" <> 0)
        GROUP BY "SchoolId"
        """;

    /// <summary>The PackedCensus migration's SQLite packing, reading the bench's copy of the old layout.</summary>
    public const string PackCellCensusSqlite = """
        INSERT INTO stu_census_school ("SchoolId", "ProvinceCode", "CityCode", "CountyCode", "Students", "Cells")
        SELECT "SchoolId", min("ProvinceCode"), min("CityCode"), min("CountyCode"), sum("Students"),
               unhex('01' || group_concat(
                   printf('%02X%02X%02X', "Stage", "GradeLevel", "Sex") || substr(hex("EthnicityCode") || '2020', 1, 4)
                   || printf('%02X%02X%08X%08X%08X%08X', "UrbanRural", "Status", "Students" & 4294967295, "LeftBehind" & 4294967295,
                             "Migrant" & 4294967295, "Disabled" & 4294967295), ''))
        FROM bench_cell_census
        WHERE "SchoolId" IS NOT NULL AND ("Students" <> 0 OR "LeftBehind" <> 0 OR "Migrant" <> 0 OR "Disabled" <> 0)
        GROUP BY "SchoolId"
        """;
}
