namespace EduCloud.Kernel.Scope;

/// <summary>
/// What the current caller may see (read sets) and change (manage sets), computed once per request from
/// their role assignments. Every scoped query and every change goes through this one object.
/// A national administrator gets every province code in the read and manage sets rather than a
/// boolean "all" flag. How ScopedDbContext turns these lists into SQL (and why): ADR 0009.
/// </summary>
public sealed class DataScope
{
    public static readonly DataScope Nobody = new();

    /// <summary>The platform itself (migrations, seeding, background jobs). Never built from a request.</summary>
    public static DataScope System { get; } = new() { IsSystem = true, Unrestricted = [""] };

    public bool IsSystem { get; private init; }
    public Guid? UserId { get; init; }

    /// <summary>[""] for the platform itself (its queries carry no scope filter), empty for everyone else.</summary>
    public List<string> Unrestricted { get; private init; } = [];
    public List<string> Provinces { get; init; } = [];
    public List<string> Cities { get; init; } = [];
    public List<string> Counties { get; init; } = [];
    public List<Guid> Schools { get; init; } = [];
    public List<Guid> Classes { get; init; } = [];
    /// <summary>Accounts visible by person rather than by place: oneself and, for a parent, their children.</summary>
    public List<Guid> People { get; init; } = [];

    public List<string> ManagedProvinces { get; init; } = [];
    public List<string> ManagedCities { get; init; } = [];
    public List<string> ManagedCounties { get; init; } = [];
    public List<Guid> ManagedSchools { get; init; } = [];

    public bool CanRead(ScopeKey key) =>
        IsSystem
        || Provinces.Contains(key.ProvinceCode) || Cities.Contains(key.CityCode) || Counties.Contains(key.CountyCode)
        || (key.SchoolId is { } s && Schools.Contains(s)) || (key.ClassId is { } c && Classes.Contains(c));

    public bool CanManage(ScopeKey key) =>
        IsSystem
        || ManagedProvinces.Contains(key.ProvinceCode) || ManagedCities.Contains(key.CityCode) || ManagedCounties.Contains(key.CountyCode)
        || (key.SchoolId is { } s && ManagedSchools.Contains(s));

    public bool ManagesAnything => IsSystem || ManagedProvinces.Count + ManagedCities.Count + ManagedCounties.Count + ManagedSchools.Count > 0;
}

/// <summary>The caller of the current request, as the kernel sees it. Implemented by the Identity module.</summary>
public interface ICurrentActor
{
    Guid? UserId { get; }
    string? DisplayName { get; }
    string? ClientAddress { get; }
    IReadOnlyList<Role> Roles { get; }
    DataScope Scope { get; }
}

/// <summary>Used where there is no request: the CLI, seeding, background jobs.</summary>
public sealed class SystemActor : ICurrentActor
{
    public Guid? UserId => null;
    public string? DisplayName => "system";
    public string? ClientAddress => null;
    public IReadOnlyList<Role> Roles => [];
    public DataScope Scope => DataScope.System;
}
