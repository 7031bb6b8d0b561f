using System.ComponentModel.DataAnnotations;

namespace SocialWorkStation.Web.Features.Attachments;

/// <summary>
/// Where attachments are stored and what is accepted (docs/operations.md, "Attachments"). Validated at
/// start-up: a bad value stops the platform with a message.
/// </summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>The folder files are kept in; a relative path is under the content root. Several web nodes share one network folder mounted at the same path.</summary>
    [Required] public string Folder { get; set; } = "App_Data/attachments";

    /// <summary>The largest upload accepted, in bytes (default 10 MB: a phone photo or a scanned sign-in sheet).</summary>
    [Range(1024, 200L * 1024 * 1024)] public long MaxBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Accepted types, comma separated, decided from the content (magic bytes), never from the name.</summary>
    [Required] public string AllowedTypes { get; set; } = string.Join(",", ContentSniffer.Defaults);

    /// <summary>Images whose longer side exceeds this many pixels are scaled down to it, for phones on weak networks.</summary>
    [Range(320, 10000)] public int ImageMaxDimension { get; set; } = 1600;

    /// <summary>JPEG quality of re-encoded photos.</summary>
    [Range(30, 100)] public int JpegQuality { get; set; } = 80;

    /// <summary>
    /// Images larger than this many megapixels are refused before decoding (a decompression bomb guard: a PNG is
    /// decoded at full size, 4 bytes a pixel, so 40 MP costs 160 MB; a 62 MP PNG of 182 KB is refused).
    /// </summary>
    [Range(1, 500)] public int MaxImageMegapixels { get; set; } = 40;

    /// <summary>How many images are decoded at once on a node; more uploads wait their turn (bounds memory: this times the largest decode).</summary>
    [Range(1, 64)] public int MaxConcurrentDecodes { get; set; } = 2;

    /// <summary>A Word or Excel package (a ZIP) whose contents expand beyond this many bytes is refused before it is stored (a ZIP bomb guard).</summary>
    [Range(1024 * 1024, 4L * 1024 * 1024 * 1024)] public long MaxExpandedBytes { get; set; } = 100L * 1024 * 1024;

    public IReadOnlySet<string> Allowed => AllowedTypes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public string ResolveFolder(string contentRoot) => Path.IsPathRooted(Folder) ? Folder : Path.Combine(contentRoot, Folder);

    /// <summary>Every allowed type must be one the sniffer recognises, or the setting could never let a file in.</summary>
    public bool TypesKnown() => Allowed.Count > 0 && Allowed.All(ContentSniffer.Known.ContainsKey);
}
