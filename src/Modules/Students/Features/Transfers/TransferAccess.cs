using EduCloud.Kernel.Errors;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.Transfers;

/// <summary>
/// A transfer is visible to whoever sees either of its schools: the scope filter decides on the two party rows, in
/// the same SQL (an EXISTS over the parties). Never read db.Transfers without going through here. ADR 0008.
/// </summary>
internal static class TransferAccess
{
    public static IQueryable<Transfer> Visible(StudentsDbContext db)
    {
        var parties = db.TransferParties;
        return db.Transfers.Where(t => parties.Any(p => p.TransferId == t.Id));
    }

    public static async Task<Transfer> FindAsync(StudentsDbContext db, Guid id, CancellationToken ct) =>
        await Visible(db).FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("未找到该转学申请");
}
