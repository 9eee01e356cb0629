using System.Text;

namespace Vouch.Features.Content;

/// <summary>A file type the library accepts: its media type and the extensions a file of that type may carry.</summary>
public sealed record ContentFileType(string Name, string MediaType, string[] Extensions);

/// <summary>
/// Which files the library takes, judged by their first bytes: a name or a declared type is only what the uploader
/// claims, so an executable renamed to <c>.pdf</c> is refused. SVG is refused too: it is a document that can carry
/// script, and logos are as useful as PNG.
/// </summary>
public static class ContentFileTypes
{
    /// <summary>Enough of the file's start for every signature below.</summary>
    public const int HeadLength = 16;

    public static readonly ContentFileType Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly ContentFileType Png = new("PNG", "image/png", [".png"]);
    public static readonly ContentFileType Jpeg = new("JPEG", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly ContentFileType Gif = new("GIF", "image/gif", [".gif"]);
    public static readonly ContentFileType WebP = new("WebP", "image/webp", [".webp"]);
    public static readonly ContentFileType Mp4 = new("MP4", "video/mp4", [".mp4", ".m4v"]);
    public static readonly ContentFileType Pptx = new("PowerPoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]);
    public static readonly ContentFileType Docx = new("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly ContentFileType Xlsx = new("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);

    public static readonly IReadOnlyList<ContentFileType> All = [Pdf, Png, Jpeg, Gif, WebP, Mp4, Pptx, Docx, Xlsx];

    /// <summary>For the file input's <c>accept</c> attribute.</summary>
    public static string AcceptAttribute => string.Join(",", All.SelectMany(t => t.Extensions));

    /// <summary>
    /// The type of a file named <paramref name="fileName"/> that starts with <paramref name="head"/>, or why it is
    /// refused. The name's extension must agree with the bytes: Office files are zip containers, told apart by their name.
    /// </summary>
    public static (ContentFileType? Type, string? Refusal) Detect(ReadOnlySpan<byte> head, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var claimed = All.FirstOrDefault(t => t.Extensions.Contains(extension));
        if (extension.Length == 0)
        {
            return (null, $"The file name has no extension; the library takes {string.Join(", ", All.Select(t => t.Name))} files.");
        }
        if (claimed is null)
        {
            return (null, $"'{extension}' files are not accepted; the library takes {string.Join(", ", All.Select(t => t.Name))} files.");
        }
        var actual = FromBytes(head, claimed);
        if (actual is null)
        {
            return (null, $"The file is named as a {claimed.Name} file but its content is not one{Looks(head)}.");
        }
        return actual == claimed ? (actual, null) : (null, $"The file is named as a {claimed.Name} file but its content is a {actual.Name} file.");
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    private static ContentFileType? FromBytes(ReadOnlySpan<byte> head, ContentFileType claimed)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }
        if (head.StartsWith(PngSignature))
        {
            return Png;
        }
        if (head.StartsWith(JpegSignature))
        {
            return Jpeg;
        }
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return Gif;
        }
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }
        if (head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return Mp4;
        }
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            // A zip container: which Office document it is, only its name says without unpacking it.
            return claimed == Pptx || claimed == Docx || claimed == Xlsx ? claimed : Docx;
        }
        return null;
    }

    /// <summary>A hint for the commonest impostors, so the refusal says what the file really is.</summary>
    private static string Looks(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8) ? " (it is a Windows program)"
        : head.StartsWith("\u007FELF"u8) ? " (it is a Linux program)"
        : head.IsEmpty ? " (it is empty)"
        : IsMarkup(head) ? " (it is text or markup)"
        : "";

    private static bool IsMarkup(ReadOnlySpan<byte> head) => Encoding.UTF8.GetString(head).TrimStart().StartsWith('<');

    /// <summary>
    /// A file name safe to store and to send back in Content-Disposition: the last path segment, without control
    /// characters, quotes or separators, not longer than the column, and never empty.
    /// </summary>
    public static string SanitizeFileName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            clean.Append(char.IsControl(c) || c is '"' or '<' or '>' or ':' or '*' or '?' or '|' or ';' ? '_' : c);
        }
        var result = clean.ToString().Trim().Trim('.');
        if (result.Length > ContentAsset.FileNameMaxLength)
        {
            var extension = Path.GetExtension(result);
            result = result[..(ContentAsset.FileNameMaxLength - extension.Length)] + extension;
        }
        return result.Length == 0 ? "file" : result;
    }
}
