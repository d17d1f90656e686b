using NpgsqlTypes;

namespace EduCloud.Bench.Dataset;

/// <summary>A table the bulk loader fills: its name per provider and its columns in insert order.</summary>
internal sealed record BulkTable(string SqliteName, string PostgresSchema, string Name, (string Column, NpgsqlDbType Type)[] Columns)
{
    public string PostgresName => $"\"{PostgresSchema}\".\"{Name}\"";

    public string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c.Column}\""));
}

/// <summary>The columns as the migrations create them (see the modules' Data/Migrations); insert order matters.</summary>
internal static class BulkTables
{
    private const NpgsqlDbType Text = NpgsqlDbType.Varchar;
    private const NpgsqlDbType Uuid = NpgsqlDbType.Uuid;
    private const NpgsqlDbType Int = NpgsqlDbType.Integer;
    private const NpgsqlDbType Time = NpgsqlDbType.TimestampTz;

    private static readonly (string, NpgsqlDbType)[] ScopeColumns =
        [("ProvinceCode", Text), ("CityCode", Text), ("CountyCode", Text), ("SchoolId", Uuid), ("ClassId", Uuid)];

    public static readonly BulkTable Schools = new("org_school", "organization", "org_school",
    [
        ("Id", Uuid), ("Code", Text), ("Name", Text), ("TypeCode", Text), ("Stages", Int), ("UrbanRural", Int),
        ("RegionCode", Text), ("Address", Text), .. ScopeColumns, ("CreatedAt", Time), ("UpdatedAt", Time), ("RetiredAt", Time),
    ]);

    public static readonly BulkTable Accounts = new("idn_account", "identity", "idn_account",
    [
        ("Id", Uuid), ("UserName", Text), ("NormalizedUserName", Text), ("DisplayName", Text),
        ("CitizenIdCipher", Text), ("CitizenIdHash", Text), ("CitizenIdMasked", Text),
        ("PhoneCipher", Text), ("PhoneHash", Text), ("PhoneMasked", Text),
        ("Sex", Int), ("BirthDate", NpgsqlDbType.Date), ("PasswordHash", Text), ("MustChangePassword", NpgsqlDbType.Boolean),
        ("FailedSignIns", Int), ("LockedUntil", Time), ("SecurityStamp", Text),
        ("CreatedAt", Time), ("UpdatedAt", Time), ("RetiredAt", Time), .. ScopeColumns,
    ]);

    public static readonly BulkTable Assignments = new("idn_role_assignment", "identity", "idn_role_assignment",
    [
        ("Id", Uuid), ("AccountId", Uuid), ("Role", Int), ("RegionCode", Text), ("Subject", Text), ("CreatedAt", Time), .. ScopeColumns,
    ]);
}
