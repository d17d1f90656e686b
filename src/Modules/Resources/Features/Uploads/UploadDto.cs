using EduCloud.Resources.Domain;

namespace EduCloud.Resources.Features.Uploads;

public sealed record UploadDto(Guid Id, string FileName, long TotalBytes, long Offset, string Status, string? Sha256, string? Format, string? FailureReason);

internal static class UploadFiles
{
    public static string PartPath(ResourcesOptions options, Guid id) => Path.Combine(options.UploadDirectory, id.ToString("N") + ".part");

    public static long Received(ResourcesOptions options, UploadSession session) =>
        session.Status == UploadStatus.Completed ? session.TotalBytes
        : File.Exists(PartPath(options, session.Id)) ? new FileInfo(PartPath(options, session.Id)).Length : 0;

    public static UploadDto ToDto(ResourcesOptions options, UploadSession s, string? format = null) =>
        new(s.Id, s.FileName, s.TotalBytes, Received(options, s), s.Status.ToString(), s.BlobSha256, format, s.FailureReason);
}
