using EduCloud.Homework.Features;
using EduCloud.Homework.Data;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Files;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Homework.Features.Assignments;

/// <summary>
/// 上传附件: a teacher's attachment or a student's file, checked by the kernel's FileIntake (format list, 20 MB, content
/// sniffing, virus scan) and kept by hash. The answer's id is then listed in the assignment or submission.
/// </summary>
internal static class UploadFile
{
    public static async Task<FileDto> HandleAsync(HomeworkDbContext db, FileIntake intake, TimeProvider clock, string field, string fileName,
        Stream content, CancellationToken ct)
    {
        var me = db.Actor.UserId ?? throw new ForbiddenException();
        var stored = await intake.KeepAsync(field, fileName, content, HomeworkFiles.MaxBytes, HomeworkFiles.Formats, ct);
        var row = HomeworkFiles.Row(me, clock.GetUtcNow().UtcDateTime, stored);
        db.Files.Add(row);
        await db.SaveChangesAsync(ct);
        return new FileDto(row.Id, row.FileName, row.Bytes, row.Format);
    }

    public static async Task<Created<FileDto>> EndpointAsync(HomeworkDbContext db, FileIntake intake, TimeProvider clock,
        IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            throw ValidationFailedException.For("file", "请选择要上传的文件");
        }
        await using var stream = file.OpenReadStream();
        var dto = await HandleAsync(db, intake, clock, "file", file.FileName, stream, ct);
        return TypedResults.Created($"/api/v1/homework/files/{dto.Id}", dto);
    }
}
