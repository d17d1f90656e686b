using System.IO.Compression;
using System.Text;

namespace EduCloud.Kernel.Files;

/// <summary>
/// Decides what a file is from its first bytes and refuses it when that disagrees with its name: an executable
/// under any name (MZ, ELF, Mach-O, a #! script), a .pdf without %PDF, an Office Open XML file that is not a valid
/// zip with its main part, and any extension the platform does not serve. The reason is a Chinese sentence for the user.
/// </summary>
public static class ContentSniffer
{
    public sealed record Sniffed(string Format, string ContentType);

    private static readonly Dictionary<string, string> ContentTypes = new()
    {
        ["pdf"] = "application/pdf",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["doc"] = "application/msword",
        ["ppt"] = "application/vnd.ms-powerpoint",
        ["xls"] = "application/vnd.ms-excel",
        ["mp4"] = "video/mp4",
        ["m4a"] = "audio/mp4",
        ["webm"] = "video/webm",
        ["mp3"] = "audio/mpeg",
        ["jpg"] = "image/jpeg",
        ["png"] = "image/png",
        ["gif"] = "image/gif",
        ["webp"] = "image/webp",
        ["txt"] = "text/plain; charset=utf-8",
    };

    public static IReadOnlyCollection<string> Extensions => ContentTypes.Keys;

    /// <summary>The format, or null with the reason for refusing.</summary>
    public static (Sniffed? Result, string? Refusal) Check(string fileName, string path)
    {
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        if (extension == "jpeg")
        {
            extension = "jpg";
        }
        Span<byte> head = stackalloc byte[4096];
        int read;
        using (var file = File.OpenRead(path))
        {
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        head = head[..read];
        if (IsExecutable(head))
        {
            return (null, "文件内容是可执行程序，不能作为教学资源上传");
        }
        if (!ContentTypes.TryGetValue(extension, out var contentType))
        {
            return (null, $"不支持的文件类型“.{extension}”，支持：{string.Join("、", ContentTypes.Keys)}");
        }
        var ok = extension switch
        {
            "pdf" => head.StartsWith("%PDF-"u8),
            "docx" => IsOfficeZip(path, "word/document.xml"),
            "pptx" => IsOfficeZip(path, "ppt/presentation.xml"),
            "xlsx" => IsOfficeZip(path, "xl/workbook.xml"),
            "doc" or "ppt" or "xls" => head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
            "mp4" or "m4a" => head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8),
            "webm" => head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]),
            "mp3" => head.StartsWith("ID3"u8) || (head.Length > 1 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0),
            "jpg" => head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
            "png" => head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            "gif" => head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8),
            "webp" => head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8),
            "txt" => IsText(head),
            _ => false,
        };
        return ok ? (new Sniffed(extension, contentType), null) : (null, $"文件内容与扩展名“.{extension}”不符或文件已损坏");
    }

    private static bool IsExecutable(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8)
        || head.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46])
        || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCF])
        || head.StartsWith((ReadOnlySpan<byte>)[0xCE, 0xFA, 0xED, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE])
        || head.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE])
        || head.StartsWith("#!"u8);

    /// <summary>A real Office Open XML file: a zip whose directory reads and which holds its content-types and main part.</summary>
    private static bool IsOfficeZip(string path, string mainPart)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry(mainPart) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool IsText(ReadOnlySpan<byte> head)
    {
        if (head.Contains((byte)0))
        {
            return false;
        }
        // The 4 KiB window may cut a multi-byte character at its end: judge only up to the last line break.
        var cut = head.LastIndexOf((byte)'\n');
        var sample = cut > 0 && head.Length == 4096 ? head[..cut] : head;
        return System.Text.Unicode.Utf8.IsValid(sample);
    }
}
