namespace EduCloud.Monitoring.OpenData;

/// <summary>A column of an open table. People = the column counts people (small numbers are suppressed).</summary>
public sealed record OpenColumn(string Key, string Title, string Unit, bool People);

/// <summary>One row: the region it is about, then one value per column (null when suppressed, with the reason in Flags).</summary>
public sealed record OpenRow(string RegionCode, string RegionName, IReadOnlyList<double?> Values, IReadOnlyList<string?> Flags);

/// <summary>
/// One dataset of the open catalogue (教育公共信息资源开放目录): aggregates by region only, never a row about a person.
/// Flags: "small" (fewer than 5 people, published as "&lt;5") or "secondary" (blanked so a small cell cannot be recovered, "*").
/// </summary>
public sealed record OpenTable(string Id, string Title, string Description, string Licence, string LicenceUrl, DateOnly Updated,
    IReadOnlyList<OpenColumn> Columns, IReadOnlyList<OpenRow> Rows, string Notes);

public sealed record OpenDatasetDto(string Id, string Title, string Description, string Licence, string LicenceUrl, DateOnly Updated,
    IReadOnlyList<OpenColumn> Columns, string CsvUrl, string JsonUrl);
