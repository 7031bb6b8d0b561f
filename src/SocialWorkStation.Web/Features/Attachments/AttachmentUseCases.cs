using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Attachments;

/// <summary>An upload as the handler sees it, whether it came from the API or from a page form.</summary>
public sealed record AttachmentUpload(string? OwnerType, Guid? OwnerId, string? Category, IFormFile? File);

/// <summary>Adding, listing, reading and removing attachments; every one goes through the owner's scope.</summary>
public static class AttachmentUseCases
{
    public sealed class Forbidden() : Exception("没有操作权限");

    /// <summary>The owner kind and the owner's station, or 404 when the user may not see the owner.</summary>
    private static async Task<(AttachmentOwnerType Owner, Guid StationId)> Owner(AppDbContext db, ClaimsPrincipal user, string? ownerType, Guid? ownerId, CancellationToken ct)
    {
        var errors = new Errors();
        if (ownerType is null || !AttachmentOwners.All.TryGetValue(ownerType, out var owner))
        {
            errors.Add("ownerType", "请指明附件所属记录类型：" + AttachmentOwners.ApiList);
            owner = null;
        }
        if (ownerId is null)
        {
            errors.Add("ownerId", "请指明附件所属记录");
        }
        errors.ThrowIfAny();
        var station = await owner!.StationFor(db, user, ownerId!.Value, ct) ?? throw new NotFoundException("附件所属记录不存在或不在您的权限范围内");
        return (owner, station);
    }

    public static async Task<AttachmentDto> Upload(AppDbContext db, AttachmentStore store, AttachmentOptions options, TimeProvider clock,
        ClaimsPrincipal user, AttachmentUpload input, CancellationToken ct)
    {
        var (owner, stationId) = await Owner(db, user, input.OwnerType, input.OwnerId, ct);
        if (!user.Can(owner.WritePermission))
        {
            throw new Forbidden();
        }
        var category = input.Category is null ? AttachmentCategory.Photo : AttachmentCategories.FromApi(input.Category);
        var errors = new Errors();
        if (category is null)
        {
            errors.Add("category", "附件类别应为 photo（照片）、signInSheet（签到表）或 document（文件）");
        }
        if (input.File is null || input.File.Length == 0)
        {
            errors.Add("file", "请选择要上传的文件");
        }
        else if (input.File.Length > options.MaxBytes)
        {
            errors.Add("file", $"文件过大（{Megabytes(input.File.Length)}），单个文件不能超过{Megabytes(options.MaxBytes)}");
        }
        errors.ThrowIfAny();

        byte[] content;
        await using (var stream = input.File!.OpenReadStream())
        {
            using var buffer = new MemoryStream((int)input.File.Length);
            await stream.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }
        var type = ContentSniffer.Sniff(content);
        if (type is null || !options.Allowed.Contains(type.ContentType))
        {
            var allowed = string.Join("、", options.Allowed.Select(t => ContentSniffer.Known.TryGetValue(t, out var k) ? k.Chinese : t));
            throw RequestValidationException.For("file", (type is null ? "无法识别的文件类型" : $"不接受{type.Chinese}") + $"（按文件内容判断，不看扩展名）。可上传：{allowed}");
        }
        var originalSize = content.LongLength;
        int? width = null, height = null;
        if (type.IsImage)
        {
            // Decodes are costly in memory: at most MaxConcurrentDecodes at once on a node.
            await ImageResizer.Gate(options).WaitAsync(ct);
            try
            {
                var image = ImageResizer.Process(content, type, options, out var error) ?? throw RequestValidationException.For("file", error!);
                (content, type, width, height) = (image.Content, image.Type, image.Width, image.Height);
            }
            finally
            {
                ImageResizer.Gate(options).Release();
            }
        }
        else if (ContentSniffer.ExpandedSize(content, options.MaxExpandedBytes) is null)
        {
            throw RequestValidationException.For("file", $"文件解压后超过{options.MaxExpandedBytes / 1024 / 1024} MB，可能是损坏或恶意的文件，未保存");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var key = await store.SaveAsync(content, now, ct);
        var a = new Attachment
        {
            OwnerType = owner.Name, OwnerId = input.OwnerId!.Value, StationId = stationId, Category = category!.Value,
            FileName = SafeName(input.File.FileName, type), ContentType = type.ContentType, Size = content.LongLength,
            OriginalSize = originalSize, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Width = width, Height = height,
            StorageKey = key, UploadedById = user.UserId(), UploadedByName = user.Identity?.Name ?? "?", UploadedAt = now,
        };
        db.Add(a);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            store.Delete(key); // no file without its row
            throw;
        }
        return AttachmentDto.From(a);
    }

    public static async Task<IReadOnlyList<AttachmentDto>> List(AppDbContext db, ClaimsPrincipal user, string? ownerType, Guid? ownerId, CancellationToken ct)
    {
        var (owner, _) = await Owner(db, user, ownerType, ownerId, ct);
        var rows = await db.Set<Attachment>().AsNoTracking()
            .Where(a => a.OwnerType == owner.Name && a.OwnerId == ownerId && a.DeletedAt == null)
            .OrderBy(a => a.UploadedAt).ToListAsync(ct);
        return rows.Select(AttachmentDto.From).ToList();
    }

    /// <summary>An attachment the user may see through its owner; 404 otherwise (and once deleted).</summary>
    public static async Task<Attachment> Load(AppDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct, bool includeDeleted = false)
    {
        var a = await db.Set<Attachment>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || (a.DeletedAt is not null && !includeDeleted)
            || !AttachmentOwners.All.TryGetValue(a.OwnerType, out var owner)
            || await owner.StationFor(db, user, a.OwnerId, ct) is null)
        {
            throw new NotFoundException("附件不存在或不在您的权限范围内");
        }
        return a;
    }

    public static async Task<IResult> Download(AppDbContext db, AttachmentStore store, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var a = await Load(db, user, id, ct);
        var stream = store.OpenRead(a.StorageKey) ?? throw new NotFoundException("附件文件已不存在，请联系管理员检查附件存储目录");
        // Only re-encoded images are shown inline; every document (PDF included: a PDF may carry HTML or script after
        // its end) is a download, under a sandboxing policy in case a browser renders it anyway.
        var inline = a.ContentType.StartsWith("image/", StringComparison.Ordinal) && a.ContentType != "image/gif";
        return Results.File(stream, a.ContentType, inline ? null : a.FileName, enableRangeProcessing: true);
    }

    /// <summary>Removes the file and marks the row; repeating it answers the same (DELETE is idempotent).</summary>
    public static async Task Delete(AppDbContext db, AttachmentStore store, TimeProvider clock, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var a = await Load(db, user, id, ct, includeDeleted: true);
        if (!user.Can(AttachmentOwners.All[a.OwnerType].WritePermission))
        {
            throw new Forbidden();
        }
        if (a.DeletedAt is not null)
        {
            return;
        }
        a.DeletedAt = clock.GetUtcNow().UtcDateTime;
        a.DeletedByName = user.Identity?.Name;
        await db.SaveChangesAsync(ct);
        store.Delete(a.StorageKey);
    }

    public static async Task<Dictionary<Guid, List<AttachmentDto>>> ForOwners(AppDbContext db, string ownerType, IReadOnlyCollection<Guid> ownerIds, CancellationToken ct)
    {
        var rows = await db.Set<Attachment>().AsNoTracking()
            .Where(a => a.OwnerType == ownerType && ownerIds.Contains(a.OwnerId) && a.DeletedAt == null)
            .OrderBy(a => a.UploadedAt).ToListAsync(ct);
        return rows.GroupBy(a => a.OwnerId).ToDictionary(g => g.Key, g => g.Select(AttachmentDto.From).ToList());
    }

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";

    /// <summary>The display name: the uploader's name without folders, with the extension of the real type.</summary>
    private static string SafeName(string? name, FileType type)
    {
        var baseName = Path.GetFileNameWithoutExtension(Path.GetFileName((name ?? "").Replace('\\', '/')));
        baseName = new string(baseName.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\')).ToArray()).Trim();
        if (baseName.Length == 0) baseName = "附件";
        if (baseName.Length > 150) baseName = baseName[..150];
        return baseName + type.Extension;
    }
}
