using EduCloud.Kernel.Errors;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.Transfers;

/// <summary>
/// A transfer is visible to whoever sees either of its schools: the scope filter decides on the two party rows, and
/// only then is the transfer itself read past its own (receiving-side) filter. ADR 0008.
/// </summary>
internal static class TransferAccess
{
    /// <summary>The ids of the transfers the caller may see, as a query (scope-filtered through the party rows).</summary>
    public static IQueryable<Guid> VisibleIds(StudentsDbContext db) => db.TransferParties.Select(p => p.TransferId).Distinct();

    public static IQueryable<Transfer> Visible(StudentsDbContext db)
    {
        var ids = VisibleIds(db);
        return db.Transfers.IgnoreQueryFilters().Where(t => ids.Contains(t.Id));
    }

    public static async Task<Transfer> FindAsync(StudentsDbContext db, Guid id, CancellationToken ct) =>
        await Visible(db).FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("未找到该转学申请");
}
