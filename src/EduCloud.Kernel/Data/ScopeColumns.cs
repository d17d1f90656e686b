using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduCloud.Kernel.Data;

/// <summary>Which scope columns of a table get an index of their own.</summary>
[Flags]
public enum ScopeIndexes
{
    None = 0,
    Province = 1,
    City = 2,
    County = 4,
    School = 8,
    Class = 16,
    All = Province | City | County | School | Class,
}

/// <summary>How every scoped table stores its place in the tree (ADR 0001).</summary>
public static class ScopeColumns
{
    /// <summary>
    /// By default each scope column gets its own index so each OR term of the scope filter can use one. A table may
    /// opt out of some (ADR 0020), and must say why next to the call: an append-only history table read through its
    /// owner's key and never listed by place (<see cref="ScopeIndexes.None"/>), or a column that already leads a
    /// composite index of the table. Every index costs each insert a b-tree insertion, which is what a bulk load pays.
    /// The scope filter and the write guard apply either way; only a query by an unindexed place would scan.
    /// </summary>
    public static void Configure<T>(EntityTypeBuilder<T> e, ScopeIndexes indexes = ScopeIndexes.All)
        where T : class, IScopedRow
    {
        e.Property(x => x.ProvinceCode).HasMaxLength(6);
        e.Property(x => x.CityCode).HasMaxLength(6);
        e.Property(x => x.CountyCode).HasMaxLength(6);
        if (indexes.HasFlag(ScopeIndexes.Province))
        {
            e.HasIndex(x => x.ProvinceCode);
        }
        if (indexes.HasFlag(ScopeIndexes.City))
        {
            e.HasIndex(x => x.CityCode);
        }
        if (indexes.HasFlag(ScopeIndexes.County))
        {
            e.HasIndex(x => x.CountyCode);
        }
        if (indexes.HasFlag(ScopeIndexes.School))
        {
            e.HasIndex(x => x.SchoolId);
        }
        if (indexes.HasFlag(ScopeIndexes.Class))
        {
            e.HasIndex(x => x.ClassId);
        }
    }
}
