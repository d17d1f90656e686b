using EduCloud.Identity.Data;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Identity.Features.Accounts;

/// <summary>
/// Edits an account's name and phone. The person themself or an administrator managing the account's home
/// node may do it; the scope guard in SaveChanges decides which.
/// </summary>
internal static class UpdateAccount
{
    public sealed record Request(string? DisplayName, string? Phone);

    public static async Task HandleAsync(IdentityDbContext db, PersonalDataProtector protector, TimeProvider clock, Guid id, Request request, CancellationToken ct)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("未找到该账号");
        var problems = new Problems();
        PersonalFields.CheckName(request.DisplayName, problems);
        var phone = PersonalFields.CheckPhone(request.Phone, problems);
        problems.ThrowIfAny();

        account.DisplayName = request.DisplayName!.Trim();
        // Only re-encrypt when the number really changed: the audit line then names PhoneCipher only when it did.
        var phoneHash = phone is null ? null : protector.Hash(phone);
        if (phoneHash != account.PhoneHash)
        {
            PersonalFields.StorePhone(account, phone, protector);
        }
        account.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    public static async Task<NoContent> EndpointAsync(IdentityDbContext db, PersonalDataProtector protector, TimeProvider clock, Guid id, Request request, CancellationToken ct)
    {
        await HandleAsync(db, protector, clock, id, request, ct);
        return TypedResults.NoContent();
    }
}
