using EduCloud.Teachers.Features.Registry;
using Microsoft.AspNetCore.Http;

namespace EduCloud.Teachers.Pages;

/// <summary>
/// What the teacher edit page shows and posts: filled from the record on GET, from the posted fields on POST (so a
/// refused form comes back as the user typed it). Repeated rows post as parallel fields (q.kind, q.subject, ...); a
/// row left blank is ignored.
/// </summary>
public sealed class TeacherEditForm
{
    public int? Version { get; set; }
    public string? Name { get; set; }
    public string? Status { get; set; }
    public string? Ethnicity { get; set; }
    public string? Education { get; set; }
    public string? Title { get; set; }
    public List<string> Subjects { get; set; } = [];
    public List<QualificationInput> Qualifications { get; set; } = [];
    public List<AssignmentInput> Assignments { get; set; } = [];

    internal static TeacherEditForm From(TeacherDto t) => new()
    {
        Version = t.Version, Name = t.Name, Status = t.Status, Ethnicity = t.Ethnicity.Code, Education = t.Education.Code, Title = t.Title.Code,
        Subjects = t.Subjects.Select(s => s.Code).ToList(),
        Qualifications = t.Qualifications.Select(q => new QualificationInput(q.Kind.ToString(), q.SubjectCode, q.CertificateNumber, q.IssuedOn)).ToList(),
        Assignments = t.Assignments.Where(a => a.EndedOn is null).Select(a => new AssignmentInput(a.ClassId, a.SubjectCode, a.HeadTeacher)).ToList(),
    };

    internal static TeacherEditForm From(IFormCollection form)
    {
        string? One(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;
        string?[] Many(string name) => form.TryGetValue(name, out var v) ? v.Select(x => string.IsNullOrWhiteSpace(x) ? null : x.Trim()).ToArray() : [];
        var (kinds, qSubjects, numbers, issued) = (Many("q.kind"), Many("q.subject"), Many("q.number"), Many("q.issued"));
        var (classes, aSubjects, heads) = (Many("a.class"), Many("a.subject"), Many("a.head"));
        return new TeacherEditForm
        {
            Version = int.TryParse(One("version"), out var v) ? v : null,
            Name = One("name"), Status = One("status"), Ethnicity = One("ethnicity"), Education = One("education"), Title = One("title"),
            Subjects = Many("subject").OfType<string>().ToList(),
            Qualifications = Enumerable.Range(0, kinds.Length)
                .Where(i => kinds[i] is not null || At(numbers, i) is not null)
                .Select(i => new QualificationInput(kinds[i], At(qSubjects, i), At(numbers, i), DateOnly.TryParse(At(issued, i), out var d) ? d : null)).ToList(),
            Assignments = Enumerable.Range(0, classes.Length)
                .Where(i => classes[i] is not null)
                .Select(i => new AssignmentInput(Guid.TryParse(classes[i], out var c) ? c : null, At(aSubjects, i), At(heads, i) == "true")).ToList(),
        };
    }

    internal UpdateTeacher.Request ToRequest(Guid? accountId) => new(Version, Status, Name, null, null, null, Ethnicity, Education, Title,
        [.. Subjects], [.. Qualifications], [.. Assignments], accountId);

    private static string? At(string?[] values, int i) => i < values.Length ? values[i] : null;
}
