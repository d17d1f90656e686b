using System.Collections.Concurrent;
using EduCloud.Kernel.Errors;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Features.Returns;

/// <summary>The form of a year, parsed once per stored version of its JSON (a new definition replaces the cached one).</summary>
internal static class ReturnForms
{
    private static readonly ConcurrentDictionary<(int Year, DateTime UpdatedAt), FormSpec> Parsed = new();

    public static async Task<FormSpec> GetAsync(MonitoringDbContext db, int year, CancellationToken ct)
    {
        var row = await db.Forms.AsNoTracking().FirstOrDefaultAsync(f => f.Year == year, ct)
            ?? throw new NotFoundException($"{year}年度的年报表单尚未发布");
        return Parsed.GetOrAdd((row.Year, row.UpdatedAt), _ => FormSpec.Parse(row.Json));
    }
}
