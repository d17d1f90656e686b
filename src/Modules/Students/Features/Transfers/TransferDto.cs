using EduCloud.Students.Data;
using EduCloud.Students.Domain;

namespace EduCloud.Students.Features.Transfers;

internal sealed record TransferDto(
    Guid Id, Guid StudentId, string StudentNumber, string StudentName, string Status, string ReasonCode, string ReasonName,
    DateOnly EffectiveOn, string? Note, Guid FromSchoolId, string FromSchoolName, Guid ToSchoolId, string ToSchoolName,
    Guid ToClassId, string ToClassName, string? RejectionReason, DateTime StartedAt, string StartedByName, DateTime? ClosedAt,
    int Version, IReadOnlyList<TransferStepDto> Steps, int? CurrentStep, bool CanDecide, bool CanWithdraw);

internal sealed record TransferStepDto(int Order, string Role, string Side, string NodeCode, Guid? SchoolId, string Decision,
    string? DecidedByName, DateTime? DecidedAt, string? Note);

internal static class TransferMapping
{
    public static TransferDto ToDto(this Transfer t, StudentsDbContext db) => new(
        t.Id, t.StudentId, t.StudentNumber, t.StudentName, t.Status.ToString(), t.ReasonCode, TransferReasons.NameOf(t.ReasonCode),
        t.EffectiveOn, t.Note, t.FromSchoolId, t.FromSchoolName, t.ToSchoolId, t.ToSchoolName, t.ToClassId, t.ToClassName,
        t.RejectionReason, t.StartedAt, t.StartedByName, t.ClosedAt, t.Version,
        t.Steps.OrderBy(s => s.Order).Select(s => new TransferStepDto(s.Order, s.Role.ToString(), s.Side.ToString(),
            s.CountyCode is { Length: > 0 } ? s.CountyCode : s.CityCode is { Length: > 0 } ? s.CityCode : s.ProvinceCode,
            s.SchoolId, s.Decision.ToString(), s.DecidedByName, s.DecidedAt, s.Note)).ToList(),
        t.CurrentStep?.Order,
        t.CurrentStep?.CanBeDecidedBy(db.Actor.Roles, db.Actor.Scope) == true,
        t.Status == TransferStatus.Pending && db.Actor.Scope.CanManage(t.ToKey));
}
