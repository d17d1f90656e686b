using EduCloud.Students.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Students.Features.Lifecycle;

/// <summary>The transition table and the reason codes, so clients build their forms from the same data the server enforces.</summary>
internal static class ListChangeRules
{
    public sealed record RuleDto(string From, string Kind, string KindName, string To, IReadOnlyList<string> Roles, IReadOnlyList<string> CompulsoryRoles);

    public sealed record ReasonDto(string Kind, string Code, string Name);

    public sealed record Response(IReadOnlyList<RuleDto> Rules, IReadOnlyList<ReasonDto> Reasons, IReadOnlyList<string> NotCancellable);

    public static Response Handle() => new(
        StatusRules.Table.Select(r => new RuleDto(r.From == StatusRules.None ? "None" : r.From.ToString(), r.Kind.ToString(), StatusRules.KindName(r.Kind),
            r.To.ToString(), r.Roles.Select(x => x.ToString()).ToList(),
            StatusRules.RolesFor(r.From, r.Kind, Kernel.Codes.Stage.Primary).Select(x => x.ToString()).ToList())).ToList(),
        ChangeReasons.ByKind.SelectMany(k => k.Value.Select(v => new ReasonDto(k.Key.ToString(), v.Code, v.Name))).ToList(),
        StatusRules.NotCancellable.Select(k => k.ToString()).ToList());

    public static Ok<Response> EndpointAsync() => TypedResults.Ok(Handle());
}
