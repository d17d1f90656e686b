using EduCloud.Homework.Data;
using EduCloud.Homework.Domain;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Files;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Homework.Features.Submissions;

/// <summary>
/// Downloads an attachment of an assignment (its class's students, teachers and administrators) or a file of a
/// submission (whoever sees the submission). The file must be listed by that assignment or submission.
/// </summary>
internal static class ServeFile
{
    public static async Task<FileStreamHttpResult> AssignmentFileAsync(HomeworkDbContext db, IClassRoster roster, IBlobStore blobs, Guid id, Guid fileId, CancellationToken ct)
    {
        var assignment = await db.Assignments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? await HomeworkAccess.FindForStudentAsync(db, roster, id, ct);
        return await StreamAsync(db, blobs, assignment.AttachmentIds.Contains(fileId) ? fileId : Guid.Empty, ct);
    }

    public static async Task<FileStreamHttpResult> SubmissionFileAsync(HomeworkDbContext db, IBlobStore blobs, Guid id, Guid fileId, CancellationToken ct)
    {
        var submission = await SubmissionView.FindAsync(db, id, ct);
        var listed = submission.FileIds.Contains(fileId)
            || (await db.Versions.AsNoTracking().Where(v => v.SubmissionId == id).Select(v => v.FileIds).ToListAsync(ct)).Any(f => f.Contains(fileId));
        return await StreamAsync(db, blobs, listed ? fileId : Guid.Empty, ct);
    }

    private static async Task<FileStreamHttpResult> StreamAsync(HomeworkDbContext db, IBlobStore blobs, Guid fileId, CancellationToken ct)
    {
        var file = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct) ?? throw new NotFoundException("未找到该文件");
        var stream = await blobs.OpenReadAsync(file.Sha256, ct) ?? throw new NotFoundException("文件已不存在");
        return TypedResults.Stream(stream, file.ContentType, file.FileName, enableRangeProcessing: true);
    }
}
