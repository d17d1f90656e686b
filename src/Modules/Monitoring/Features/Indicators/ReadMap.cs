using System.Collections.Concurrent;
using System.Security.Cryptography;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Indicators;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Monitoring.Features.Indicators;

/// <summary>One area of the map: its figure when the caller may read it (else no value and no link).</summary>
public sealed record MapAreaDto(string Code, string Name, FigureDto? Figure, bool Highlighted, string? Node);

/// <summary>Which boundaries to draw (a vendored GeoJSON under /lib/echarts/map) and how to colour each area.</summary>
public sealed record MapDto(string MapCode, string GeoJsonUrl, string Indicator, string? Highlighted, IReadOnlyList<MapAreaDto> Areas);

/// <summary>
/// The dashboard's map. A province or a city is drawn with its sub-regions coloured by the indicator. A county is
/// drawn on its city's map, highlighted: its neighbours are coloured and linked only for a caller whose scope covers
/// them (a city bureau), so a county bureau sees its own county and bare outlines around it. Maps exist for the
/// vendored regions (the nation, every province and city with a boundary file, see wwwroot/lib/echarts/README.md); a school has none (404).
/// </summary>
internal static class ReadMap
{
    private static readonly ConcurrentDictionary<string, string?> Versions = new();

    public static async Task<MapDto?> ForAsync(DashboardDto dashboard, MonitoringDbContext db, IndicatorBoard board, IOrganizationDirectory org,
        IWebHostEnvironment env, CancellationToken ct)
    {
        var node = dashboard.Node;
        var mapCode = node.Kind is IndicatorRollup.National or "province" or "city" ? node.Key : node.Kind == "county" ? RegionCode.CityOf(node.Key) : null;
        if (mapCode is null || Version(env, mapCode) is not { } version)
        {
            return null;
        }
        // Versioned by content: the host serves these files with a year's cache (HostSetup), a new file gets a new URL.
        var url = $"/lib/echarts/map/{mapCode}.json?v={version}";
        if (node.Kind != "county")
        {
            return new MapDto(mapCode, url, dashboard.Indicator.Key, null,
                dashboard.Children.Select(c => new MapAreaDto(c.Key, c.Name, c.Figure, false, c.Key)).ToList());
        }
        var rollup = await board.CurrentAsync(db, ct);
        var index = rollup.IndexOf(dashboard.Indicator.Key);
        var siblings = rollup.ChildRegions.GetValueOrDefault(mapCode, []).Union([node.Key]).ToList();
        var names = await org.RegionNamesAsync(siblings, ct);
        var areas = siblings.Select(code =>
        {
            var readable = FiveLevelNode.Region(code).CanBeReadBy(db.Actor);
            var figure = readable && rollup.Nodes.GetValueOrDefault(code) is { } n
                ? new FigureDto(n.Schools, n.WithValue[index], n.WithTarget[index], n.Met[index], n.ShareMet(index), n.Average(index))
                : null;
            return new MapAreaDto(code, names.GetValueOrDefault(code, code), figure, code == node.Key, readable ? code : null);
        }).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        return new MapDto(mapCode, url, dashboard.Indicator.Key, node.Key, areas);
    }

    /// <summary>The first 12 hex digits of the map file's SHA-256, computed once per file; null when no map is vendored.</summary>
    private static string? Version(IWebHostEnvironment env, string mapCode) => Versions.GetOrAdd(mapCode, code =>
    {
        var file = env.WebRootFileProvider.GetFileInfo($"lib/echarts/map/{code}.json");
        if (!file.Exists)
        {
            return null;
        }
        using var stream = file.CreateReadStream();
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
    });

    public static async Task<Ok<MapDto>> EndpointAsync(MonitoringDbContext db, IndicatorBoard board, IOrganizationDirectory org, AuditTrail audit,
        IWebHostEnvironment env, string? indicator, string? node, CancellationToken ct)
    {
        var dashboard = await ReadDashboard.HandleAsync(db, board, org, audit, indicator, node, ct);
        return TypedResults.Ok(await ForAsync(dashboard, db, board, org, env, ct) ?? throw new NotFoundException("该地区暂无地图"));
    }
}
