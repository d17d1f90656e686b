using EduCloud.Identity.Data;
using EduCloud.Identity.Domain;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Privacy;
using EduCloud.Kernel.Scope;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Identity.Features.Accounts;

/// <summary>
/// 查看完整个人信息: the decrypted citizen ID and phone. Only the person themself or an administrator who manages
/// the account's home node; every read (and every refused attempt) is written to the audit trail.
/// </summary>
internal static class ReadPersonalData
{
    public sealed record PersonalData(Guid Id, string DisplayName, string CitizenId, string? Phone);

    public static async Task<PersonalData> HandleAsync(IdentityDbContext db, PersonalDataProtector protector, AuditTrail audit, Guid id, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("未找到该账号");
        var where = ScopeKey.Of(account);
        var actor = db.Actor;
        if (account.Id != actor.UserId && !actor.Scope.CanManage(where))
        {
            // A teacher sees their students' masked data, but the full ID is for the managing administrator only.
            await audit.RecordAsync(AuditActions.ReadPersonalData, nameof(Account), id.ToString(), AuditOutcome.Denied, "citizenId,phone", where, ct);
            throw new ForbiddenException("无权查看该账号的完整个人信息");
        }
        await audit.RecordAsync(AuditActions.ReadPersonalData, nameof(Account), id.ToString(), AuditOutcome.Success, "citizenId,phone", where, ct);
        return new PersonalData(account.Id, account.DisplayName, protector.Unprotect(account.CitizenIdCipher),
            account.PhoneCipher is null ? null : protector.Unprotect(account.PhoneCipher));
    }

    public static async Task<Ok<PersonalData>> EndpointAsync(IdentityDbContext db, PersonalDataProtector protector, AuditTrail audit, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, protector, audit, id, ct));
}
