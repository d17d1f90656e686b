using EduCloud.Kernel.Scope;
using EduCloud.Teachers.Domain;

namespace EduCloud.Teachers.Features.Transfers;

public sealed record TransferStepDto(int Order, string Party, string PartyName, string Decision, DateTime? DecidedAt, string? DecidedByName, string? Note);

/// <summary>A transfer with its approvals; CanDecide says whether the caller may take the next step.</summary>
public sealed record TransferDto(Guid Id, Guid TeacherId, string TeacherNumber, string TeacherName, Guid FromSchoolId, string FromSchoolName,
    Guid ToSchoolId, string ToSchoolName, string Status, string StatusName, string StartedBy, string Reason, DateOnly EffectiveOn, DateTime StartedAt,
    string StartedByName, IReadOnlyList<TransferStepDto> Steps, string? NextPartyName, bool CanDecide)
{
    internal static TransferDto From(TeacherTransfer t, DataScope scope)
    {
        var steps = t.Steps.OrderBy(s => s.Order).ToList();
        var next = t.Status == TransferStatus.Pending ? steps.FirstOrDefault(s => s.Decision == StepDecision.Pending) : null;
        return new TransferDto(t.Id, t.TeacherId, t.TeacherNumber, t.TeacherName, t.FromSchoolId, t.FromSchoolName, t.ToSchoolId, t.ToSchoolName,
            t.Status.ToString(), TransferRoute.StatusName(t.Status), t.StartedBy.ToString(), t.Reason, t.EffectiveOn, t.StartedAt, t.StartedByName,
            steps.Select(s => new TransferStepDto(s.Order, s.Party.ToString(), TransferRoute.PartyName(s.Party), s.Decision.ToString(), s.DecidedAt, s.DecidedByName, s.Note)).ToList(),
            next is null ? null : TransferRoute.PartyName(next.Party), next is not null && scope.CanManage(ScopeKey.Of(next)));
    }
}
