using EduCloud.Homework.Data;
using EduCloud.Homework.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Homework.Features;

public sealed record FileDto(Guid Id, string FileName, long Bytes, string Format);

/// <summary>The file rules of homework: which formats, how large, how many per assignment or submission.</summary>
internal static class HomeworkFiles
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const int MaxPerItem = 10;
    public static readonly string[] Formats = ["pdf", "docx", "pptx", "xlsx", "jpg", "png", "mp3", "mp4", "txt"];

    /// <summary>Files of a list, in its order (unknown ids are left out).</summary>
    public static async Task<List<FileDto>> DescribeAsync(HomeworkDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = await db.Files.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).Select(f => new FileDto(f.Id, f.FileName, f.Bytes, f.Format)).ToList();
    }

    /// <summary>Checks that every id is a file the caller uploaded; answers the field error, if any.</summary>
    public static async Task<string?> CheckOwnedAsync(HomeworkDbContext db, Guid me, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count > MaxPerItem)
        {
            return $"最多附加{MaxPerItem}个文件";
        }
        var distinct = ids.Distinct().ToList();
        var owned = await db.Files.CountAsync(f => distinct.Contains(f.Id) && f.UploadedBy == me, ct);
        return owned == distinct.Count ? null : "附件不存在或不是您上传的文件";
    }

    public static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024.0 / 1024.0:0.0} MB" : $"{Math.Max(1, bytes / 1024)} KB";

    internal static HomeworkFile Row(Guid me, DateTime now, EduCloud.Kernel.Files.StoredFile stored) => new()
    {
        UploadedBy = me, UploadedAt = now, Sha256 = stored.Sha256, Bytes = stored.Bytes, Format = stored.Format,
        ContentType = stored.ContentType, FileName = stored.FileName,
    };
}
