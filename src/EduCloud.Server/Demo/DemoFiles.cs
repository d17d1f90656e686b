using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace EduCloud.Server.Demo;

/// <summary>
/// Small real files for the demo resources, made in code so the repository holds no binaries: a one-page PDF
/// (Helvetica, ASCII text: a PDF with Chinese glyphs needs an embedded font) and a PNG picture. The one exception is
/// a 32 KB WebM video (a video encoder in code is not worth it): the micro-lecture that shows playing with seeking.
/// </summary>
internal static class DemoFiles
{
    /// <summary>4 s of VP8 test pattern, 160x120, a keyframe every second, made with
    /// <c>ffmpeg -f lavfi -i testsrc=size=160x120:rate=12:duration=4 -c:v libvpx -b:v 64k -g 12 -an</c>.</summary>
    public static byte[] Webm()
    {
        using var stream = typeof(DemoFiles).Assembly.GetManifestResourceStream("EduCloud.Server.Demo.chun-langdu.webm")
            ?? throw new InvalidOperationException("demo video not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static byte[] Pdf(params string[] lines)
    {
        var text = new StringBuilder("BT /F1 16 Tf 56 780 Td 22 TL\n");
        foreach (var line in lines)
        {
            text.Append('(').Append(line.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal)).Append(") Tj T*\n");
        }
        text.Append("ET");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {text.Length} >>\nstream\n{text}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A clock face-ish picture: concentric rings on a light background (RGB, 240 × 240).</summary>
    public static byte[] Png(int seed)
    {
        const int size = 240;
        var raw = new MemoryStream();
        for (var y = 0; y < size; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < size; x++)
            {
                var d = Math.Sqrt(((x - 120) * (x - 120)) + ((y - 120) * (y - 120)));
                var ring = d < 100 && ((int)d / 12 + seed) % 2 == 0;
                raw.Write(ring ? [(byte)(40 + (seed * 50 % 200)), 110, 200] : [(byte)245, (byte)243, (byte)235]);
            }
        }
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", [0, 0, 0, size, 0, 0, 0, size, 8, 2, 0, 0, 0]);
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(z);
        }
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = BitConverter.GetBytes(data.Length);
        Array.Reverse(length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = BitConverter.GetBytes(Crc32(typed));
        Array.Reverse(crc);
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
