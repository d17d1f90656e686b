using EduCloud.Kernel.Files;
using System.Security.Cryptography;
using EduCloud.Resources.Data;
using EduCloud.Resources.Files;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EduCloud.Resources.Features.Uploads;

/// <summary>
/// The upload page's path (a plain form post, no script): the browser sends the whole file at once, and the server
/// runs it through the same upload session, checks, scan and blob store as the resumable API. Large videos go
/// through the resumable API instead (the form is limited by the request size).
/// </summary>
internal static class UploadFromForm
{
    public static async Task<UploadDto> HandleAsync(CompleteUpload.Services s, IFormFile file, CancellationToken ct)
    {
        string sha;
        await using (var read = file.OpenReadStream())
        {
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct));
        }
        var session = await CreateUpload.HandleAsync(s.Db, s.Options, s.Clock, new CreateUpload.Request(file.FileName, file.Length, sha), ct);
        await using (var read = file.OpenReadStream())
        await using (var part = new FileStream(UploadFiles.PartPath(s.Options, session.Id), FileMode.Open, FileAccess.Write, FileShare.None))
        {
            await read.CopyToAsync(part, ct);
        }
        return await CompleteUpload.HandleAsync(s, session.Id, ct);
    }
}
