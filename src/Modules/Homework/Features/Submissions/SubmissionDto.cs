using EduCloud.Homework.Features;
using EduCloud.Homework.Data;
using EduCloud.Homework.Domain;
using EduCloud.Homework.Features.Assignments;
using EduCloud.Kernel.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Homework.Features.Submissions;

public sealed record FileCommentDto(Guid Id, Guid FileId, string Anchor, string Text, string AuthorName, DateTimeOffset At);

public sealed record VersionDto(int Number, DateTimeOffset SubmittedAt, bool Late, string Text, IReadOnlyList<FileDto> Files);

public sealed record SubmissionDto(Guid Id, Guid AssignmentId, Guid StudentId, string StudentName, string Status, int Version, string Text,
    IReadOnlyList<FileDto> Files, DateTimeOffset SubmittedAt, bool Late, double? Score, IReadOnlyList<double> CriterionPoints, string? Comment,
    DateTimeOffset? MarkedAt, IReadOnlyList<FileCommentDto> FileComments, IReadOnlyList<VersionDto> EarlierVersions, double? AutoScore,
    IReadOnlyList<ItemAnswerDto> Answers);

/// <summary>An answer to a bank item of the homework and its automatic mark (Score null: a short answer, marked by the teacher).</summary>
public sealed record ItemAnswerDto(Guid ItemId, IReadOnlyList<string> Response, double? Score, bool? Correct);

/// <summary>A submission as its student, their parents and their teachers see it (the scope filter decides who may).</summary>
internal static class SubmissionView
{
    public static async Task<SubmissionDto> DescribeAsync(HomeworkDbContext db, Submission s, CancellationToken ct)
    {
        var versions = await db.Versions.AsNoTracking().Where(v => v.SubmissionId == s.Id && v.Number < s.CurrentVersion).OrderByDescending(v => v.Number).ToListAsync(ct);
        var comments = await db.FileComments.AsNoTracking().Where(c => c.SubmissionId == s.Id).OrderBy(c => c.At)
            .Select(c => new FileCommentDto(c.Id, c.FileId, c.Anchor, c.Text, c.AuthorName, AssignmentView.Utc(c.At))).ToListAsync(ct);
        var earlier = new List<VersionDto>();
        foreach (var v in versions)
        {
            earlier.Add(new VersionDto(v.Number, AssignmentView.Utc(v.SubmittedAt), v.Late, v.Text, await HomeworkFiles.DescribeAsync(db, v.FileIds, ct)));
        }
        return new SubmissionDto(s.Id, s.AssignmentId, s.StudentId, s.StudentName, s.Status.ToString(), s.CurrentVersion, s.Text,
            await HomeworkFiles.DescribeAsync(db, s.FileIds, ct), AssignmentView.Utc(s.SubmittedAt), s.Late, s.Score, s.CriterionPoints, s.Comment,
            s.MarkedAt is { } m ? AssignmentView.Utc(m) : null, comments, earlier, s.AutoScore,
            s.Answers.Select(a => new ItemAnswerDto(a.ItemId, a.Response, a.Score, a.Correct)).ToList());
    }

    /// <summary>A submission the caller may see (their own, their child's, their class's), else 404: another student's work does not exist for them.</summary>
    public static async Task<Submission> FindAsync(HomeworkDbContext db, Guid id, CancellationToken ct) =>
        await db.Submissions.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("未找到该提交");

    public static async Task<Ok<SubmissionDto>> EndpointAsync(HomeworkDbContext db, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await DescribeAsync(db, await FindAsync(db, id, ct), ct));
}
