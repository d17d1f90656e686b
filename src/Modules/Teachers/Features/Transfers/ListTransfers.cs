using EduCloud.Teachers.Data;
using EduCloud.Teachers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Teachers.Features.Transfers;

/// <summary>
/// The transfers the caller is a party to: those with a step at a node the caller can see (the scope filter on the
/// steps decides). Pending first, newest first.
/// </summary>
internal static class ListTransfers
{
    public static async Task<IReadOnlyList<TransferDto>> HandleAsync(TeachersDbContext db, bool pendingOnly, CancellationToken ct)
    {
        var visible = db.TransferSteps.Select(s => s.TransferId);
        var rows = db.Transfers.IgnoreQueryFilters().AsNoTracking().Include(t => t.Steps).Where(t => visible.Contains(t.Id));
        if (pendingOnly)
        {
            rows = rows.Where(t => t.Status == TransferStatus.Pending);
        }
        var list = await rows.OrderByDescending(t => t.StartedAt).Take(200).ToListAsync(ct);
        return list.OrderBy(t => t.Status != TransferStatus.Pending).Select(t => TransferDto.From(t, db.Actor.Scope)).ToList();
    }

    public static async Task<TransferDto?> GetAsync(TeachersDbContext db, Guid id, CancellationToken ct)
    {
        if (!await db.TransferSteps.AnyAsync(s => s.TransferId == id, ct))
        {
            return null;
        }
        var transfer = await db.Transfers.IgnoreQueryFilters().AsNoTracking().Include(t => t.Steps).FirstAsync(t => t.Id == id, ct);
        return TransferDto.From(transfer, db.Actor.Scope);
    }

    public static async Task<Ok<IReadOnlyList<TransferDto>>> EndpointAsync(TeachersDbContext db, bool? pending, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, pending ?? false, ct));

    public static async Task<Results<Ok<TransferDto>, NotFound>> GetEndpointAsync(TeachersDbContext db, Guid id, CancellationToken ct) =>
        await GetAsync(db, id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();
}
