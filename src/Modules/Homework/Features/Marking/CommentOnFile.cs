using EduCloud.Homework.Data;
using EduCloud.Homework.Domain;
using EduCloud.Homework.Features.Submissions;
using EduCloud.Kernel.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Homework.Features.Marking;

/// <summary>批注: the class's teacher comments on one file of a submission, anchored to a place in it ("第2页").</summary>
internal static class CommentOnFile
{
    public sealed record Request(Guid FileId, string? Anchor, string? Text);

    public static async Task<FileCommentDto> HandleAsync(HomeworkDbContext db, TimeProvider clock, Guid submissionId, Request request, CancellationToken ct)
    {
        var submission = await SubmissionView.FindAsync(db, submissionId, ct);
        var me = HomeworkAccess.RequireTeacherOf(db, submission.ClassId);
        var listed = submission.FileIds.Contains(request.FileId)
            || (await db.Versions.AsNoTracking().Where(v => v.SubmissionId == submissionId).Select(v => v.FileIds).ToListAsync(ct)).Any(f => f.Contains(request.FileId));
        new Problems()
            .Check(listed, "fileId", "该文件不属于这份提交")
            .MaxLength(request.Anchor?.Trim(), 100, "anchor", "批注位置")
            .Required(request.Text, "text", "批注内容").MaxLength(request.Text?.Trim(), 2000, "text", "批注内容")
            .ThrowIfAny();
        var comment = FileComment.On(submission);
        comment.FileId = request.FileId;
        comment.Anchor = request.Anchor?.Trim() ?? "";
        comment.Text = request.Text!.Trim();
        comment.AuthorId = me;
        comment.AuthorName = db.Actor.DisplayName ?? "";
        comment.At = clock.GetUtcNow().UtcDateTime;
        db.FileComments.Add(comment);
        await db.SaveChangesAsPlatformAsync(ct);
        return new FileCommentDto(comment.Id, comment.FileId, comment.Anchor, comment.Text, comment.AuthorName, Assignments.AssignmentView.Utc(comment.At));
    }

    public static async Task<Created<FileCommentDto>> EndpointAsync(HomeworkDbContext db, TimeProvider clock, Guid id, Request request, CancellationToken ct)
    {
        var dto = await HandleAsync(db, clock, id, request, ct);
        return TypedResults.Created($"/api/v1/homework/submissions/{id}", dto);
    }
}
