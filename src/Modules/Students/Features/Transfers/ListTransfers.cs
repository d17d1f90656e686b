using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.Transfers;

/// <summary>The transfers the caller may see (either school in scope), newest first; "mine" keeps those awaiting the caller's decision.</summary>
internal static class ListTransfers
{
    public static async Task<IReadOnlyList<TransferDto>> HandleAsync(StudentsDbContext db, string? status, bool awaitingMe, int take, CancellationToken ct)
    {
        var query = TransferAccess.Visible(db).AsNoTracking();
        if (Enum.TryParse<TransferStatus>(status, ignoreCase: true, out var s))
        {
            query = query.Where(t => t.Status == s);
        }
        if (awaitingMe)
        {
            query = query.Where(t => t.Status == TransferStatus.Pending);
        }
        var rows = await query.OrderByDescending(t => t.StartedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        var dtos = rows.Select(t => t.ToDto(db));
        return (awaitingMe ? dtos.Where(d => d.CanDecide) : dtos).ToList();
    }

    public static async Task<Ok<IReadOnlyList<TransferDto>>> EndpointAsync(StudentsDbContext db, string? status, bool? awaitingMe, int? take, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, status, awaitingMe ?? false, take ?? 100, ct));

    public static async Task<Ok<TransferDto>> GetAsync(StudentsDbContext db, Guid id, CancellationToken ct) =>
        TypedResults.Ok((await TransferAccess.FindAsync(db, id, ct)).ToDto(db));
}
