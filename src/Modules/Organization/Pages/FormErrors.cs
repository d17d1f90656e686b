using EduCloud.Kernel.Errors;

namespace EduCloud.Organization.Pages;

/// <summary>Turns the domain errors a handler throws into the field errors a form shows next to its inputs.</summary>
internal static class FormErrors
{
    /// <summary>The key for errors that belong to no single field.</summary>
    public const string General = "";

    public static Dictionary<string, string[]>? From(Exception e) => e switch
    {
        ValidationFailedException v => v.Errors.ToDictionary(x => x.Key, x => x.Value),
        ConflictException c => new() { [c.Field] = [c.Message] },
        ForbiddenException f => new() { [General] = [f.Message] },
        NotFoundException n => new() { [General] = [n.Message] },
        _ => null,
    };
}
