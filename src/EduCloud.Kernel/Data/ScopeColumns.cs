using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EduCloud.Kernel.Data;

/// <summary>How every scoped table stores its place in the tree (ADR 0001).</summary>
public static class ScopeColumns
{
    /// <summary>Each scope column gets its own index so each OR term of the scope filter can use one.</summary>
    public static void Configure<T>(EntityTypeBuilder<T> e)
        where T : class, IScopedRow
    {
        e.Property(x => x.ProvinceCode).HasMaxLength(6);
        e.Property(x => x.CityCode).HasMaxLength(6);
        e.Property(x => x.CountyCode).HasMaxLength(6);
        e.HasIndex(x => x.ProvinceCode);
        e.HasIndex(x => x.CityCode);
        e.HasIndex(x => x.CountyCode);
        e.HasIndex(x => x.SchoolId);
        e.HasIndex(x => x.ClassId);
    }
}
