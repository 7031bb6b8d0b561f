using SkiaSharp;

namespace SocialWorkStation.Web.Features.Attachments;

/// <summary>
/// Photos for phones: decoded with SkiaSharp, turned upright by their EXIF orientation, scaled so the
/// longer side is at most the configured size, and re-encoded. Re-encoding also drops the EXIF block,
/// so a photo taken in a recipient's home keeps no GPS position or phone model.
/// </summary>
public static class ImageResizer
{
    public sealed record Result(byte[] Content, FileType Type, int Width, int Height);

    private static SemaphoreSlim? _gate;

    /// <summary>The node's one gate on concurrent decodes, sized by the setting when first used.</summary>
    public static SemaphoreSlim Gate(AttachmentOptions options) =>
        LazyInitializer.EnsureInitialized(ref _gate, () => new SemaphoreSlim(options.MaxConcurrentDecodes, options.MaxConcurrentDecodes));

    /// <summary>Null with a Chinese message when the bytes are not a decodable image or too large to decode safely.</summary>
    public static Result? Process(byte[] input, FileType type, AttachmentOptions options, out string? error)
    {
        error = null;
        using var codec = SKCodec.Create(new MemoryStream(input, writable: false));
        if (codec is null)
        {
            error = "图片已损坏或格式无法识别，请重新拍摄或导出后上传";
            return null;
        }
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if (w <= 0 || h <= 0 || (long)w * h > options.MaxImageMegapixels * 1_000_000L)
        {
            error = $"图片像素过大（{w}×{h}），请不超过{options.MaxImageMegapixels}百万像素";
            return null;
        }
        // Decode at a reduced scale where the codec supports it (JPEG decodes at 1/2, 1/4, 1/8 cheaply).
        var max = options.ImageMaxDimension;
        var scale = Math.Min(1f, (float)max / Math.Max(w, h));
        var decodeSize = codec.GetScaledDimensions(scale);
        if (decodeSize.Width < Math.Min(w, (int)Math.Ceiling(w * scale)) || decodeSize.Height < Math.Min(h, (int)Math.Ceiling(h * scale)))
        {
            decodeSize = new SKSizeI(w, h);
        }
        var info = new SKImageInfo(decodeSize.Width, decodeSize.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        var status = codec.GetPixels(info, decoded.GetPixels());
        if (status is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            error = "图片已损坏或格式无法识别，请重新拍摄或导出后上传";
            return null;
        }
        using var upright = Orient(decoded, codec.EncodedOrigin);
        var factor = Math.Min(1.0, (double)max / Math.Max(upright.Width, upright.Height));
        var target = new SKImageInfo(Math.Max(1, (int)Math.Round(upright.Width * factor)), Math.Max(1, (int)Math.Round(upright.Height * factor)), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var resized = factor < 1.0 ? upright.Resize(target, new SKSamplingOptions(SKCubicResampler.Mitchell)) : upright.Copy();
        if (resized is null)
        {
            error = "图片处理失败，请换一张图片";
            return null;
        }
        // PNG stays PNG (scans of sign-in sheets keep sharp text); photos become JPEG.
        var png = type.ContentType == "image/png";
        using var image = SKImage.FromBitmap(resized);
        using var data = image.Encode(png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, png ? 100 : options.JpegQuality);
        if (data is null)
        {
            error = "图片处理失败，请换一张图片";
            return null;
        }
        return new Result(data.ToArray(), ContentSniffer.Known[png ? "image/png" : "image/jpeg"], resized.Width, resized.Height);
    }

    /// <summary>Applies an EXIF orientation so the picture is upright without metadata.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return source.Copy();
        }
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swap ? (source.Height, source.Width) : (source.Width, source.Height);
        var result = new SKBitmap(new SKImageInfo(w, h, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(result);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, w / 2f, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, w / 2f, h / 2f); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, h / 2f); break;
            case SKEncodedOrigin.LeftTop: canvas.RotateDegrees(90); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(w, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(w, h); canvas.RotateDegrees(90); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, h); canvas.RotateDegrees(270); break;
        }
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return result;
    }
}
