using EduCloud.Resources.Domain;

namespace EduCloud.Resources.Features.Oai;

/// <summary>
/// The set hierarchy: "stage" (every resource, by stage), "stage:{stage}" (e.g. stage:primary 小学) and
/// "stage:{stage}:{subject}" (e.g. stage:primary:shuxue 小学数学), with the platform's stage and subject codes
/// (GET /api/v1/resources/codes). Each prefix of a setSpec is itself a set, as OAI-PMH's hierarchy requires.
/// </summary>
internal static class OaiSets
{
    public const string Root = "stage";

    public static IEnumerable<(string Spec, string Name)> All()
    {
        yield return (Root, "按学段与学科");
        foreach (var (stage, stageName) in ResourceCodes.Stages)
        {
            yield return ($"{Root}:{stage}", stageName);
            foreach (var (subject, subjectName) in ResourceCodes.Subjects)
            {
                yield return ($"{Root}:{stage}:{subject}", stageName + subjectName);
            }
        }
    }

    /// <summary>The sets a record is in (the most specific two; the root is implied).</summary>
    public static IEnumerable<string> Of(string stage, string subject) => [$"{Root}:{stage}", $"{Root}:{stage}:{subject}"];

    /// <summary>A setSpec as (stage, subject) filters; false when it is not one of ours.</summary>
    public static bool TryParse(string spec, out string? stage, out string? subject)
    {
        stage = subject = null;
        var parts = spec.Split(':');
        if (parts[0] != Root || parts.Length > 3)
        {
            return false;
        }
        if (parts.Length >= 2)
        {
            stage = parts[1];
            if (!ResourceCodes.Has(ResourceCodes.Stages, stage))
            {
                return false;
            }
        }
        if (parts.Length == 3)
        {
            subject = parts[2];
            if (!ResourceCodes.Has(ResourceCodes.Subjects, subject))
            {
                return false;
            }
        }
        return true;
    }
}
