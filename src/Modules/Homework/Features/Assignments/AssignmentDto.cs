using EduCloud.Homework.Features;
using EduCloud.Homework.Data;
using EduCloud.Homework.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Homework.Features.Assignments;

public sealed record CriterionDto(Guid Id, string Name, double Points);

public sealed record AssignmentDto(Guid Id, Guid SetId, Guid ClassId, string ClassName, string TeacherName, string Title, string Instructions, string Subject,
    double MaxScore, DateTimeOffset DueAt, string Deadline, bool Closed, DateTimeOffset CreatedAt, IReadOnlyList<CriterionDto> Rubric,
    IReadOnlyList<FileDto> Attachments, double AutoPoints, IReadOnlyList<AssignmentItemDto> Items);

/// <summary>A bank item of the homework (its content comes from the item bank where a page shows it).</summary>
public sealed record AssignmentItemDto(Guid ItemId, int Points, bool Objective, int Version);

internal static class AssignmentView
{
    public static async Task<AssignmentDto> DescribeAsync(HomeworkDbContext db, Assignment a, CancellationToken ct)
    {
        var rubric = await RubricAsync(db, a.Id, ct);
        var files = await HomeworkFiles.DescribeAsync(db, a.AttachmentIds, ct);
        return new AssignmentDto(a.Id, a.SetId, a.ClassId ?? Guid.Empty, a.ClassName, a.TeacherName, a.Title, a.Instructions, a.Subject, a.MaxScore,
            Utc(a.DueAt), a.Deadline.ToString(), a.ClosedAt is not null, Utc(a.CreatedAt), rubric, files, a.AutoPoints,
            a.Items.Select(i => new AssignmentItemDto(i.ItemId, i.Points, i.Objective, i.Version)).ToList());
    }

    public static async Task<List<CriterionDto>> RubricAsync(HomeworkDbContext db, Guid assignmentId, CancellationToken ct) =>
        await db.Criteria.AsNoTracking().Where(c => c.AssignmentId == assignmentId).OrderBy(c => c.SortOrder)
            .Select(c => new CriterionDto(c.Id, c.Name, c.Points)).ToListAsync(ct);

    public static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
