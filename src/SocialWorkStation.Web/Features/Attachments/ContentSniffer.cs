using System.IO.Compression;

namespace SocialWorkStation.Web.Features.Attachments;

/// <summary>A recognised file type: MIME type, extension and Chinese name.</summary>
public sealed record FileType(string ContentType, string Extension, string Chinese, bool IsImage);

/// <summary>
/// Decides what a file is from its first bytes (magic numbers), never from its name or the type the
/// browser claims: a renamed .exe is not a photo. Office files are ZIP packages and are told apart by
/// the part they must contain.
/// </summary>
public static class ContentSniffer
{
    public static readonly IReadOnlyDictionary<string, FileType> Known = new[]
    {
        new FileType("image/jpeg", ".jpg", "JPEG 图片", true),
        new FileType("image/png", ".png", "PNG 图片", true),
        new FileType("image/webp", ".webp", "WebP 图片", true),
        new FileType("image/gif", ".gif", "GIF 图片", false),
        new FileType("application/pdf", ".pdf", "PDF 文件", false),
        new FileType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "Word 文档", false),
        new FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", "Excel 表格", false),
    }.ToDictionary(t => t.ContentType, StringComparer.OrdinalIgnoreCase);

    /// <summary>Accepted unless the operator narrows it: photos, scans, PDF, Word and Excel (no GIF: nothing in a station needs it).</summary>
    public static readonly string[] Defaults =
    [
        "image/jpeg", "image/png", "image/webp", "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ];

    /// <summary>The type of the content, or null when it is none of the known types.</summary>
    public static FileType? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return Known["image/jpeg"];
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Known["image/png"];
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return Known["image/webp"];
        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)) return Known["image/gif"];
        if (b.StartsWith("%PDF-"u8)) return Known["application/pdf"];
        return null;
    }

    /// <summary>Like <see cref="Sniff(ReadOnlySpan{byte})"/>, and also opens ZIP packages to tell Word from Excel.</summary>
    public static FileType? Sniff(byte[] content)
    {
        if (Sniff(content.AsSpan()) is { } t)
        {
            return t;
        }
        if (content.Length < 4 || !content.AsSpan(0, 4).SequenceEqual((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            return null;
        }
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }
            if (names.Contains("word/document.xml")) return Known["application/vnd.openxmlformats-officedocument.wordprocessingml.document"];
            if (names.Contains("xl/workbook.xml")) return Known["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"];
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// The bytes a ZIP package expands to, counted by actually inflating it (the sizes a ZIP declares may lie); null
    /// when it expands beyond <paramref name="limit"/> or cannot be read. Anything that is not a ZIP is its own size.
    /// </summary>
    public static long? ExpandedSize(byte[] content, long limit)
    {
        if (content.Length < 4 || !content.AsSpan(0, 4).SequenceEqual((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            return content.LongLength;
        }
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                total += Math.Max(0, entry.Length);
                if (total > limit)
                {
                    return null;
                }
            }
            total = 0;
            foreach (var entry in zip.Entries)
            {
                using var s = entry.Open();
                int n;
                while ((n = s.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += n;
                    if (total > limit)
                    {
                        return null;
                    }
                }
            }
            return total;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
