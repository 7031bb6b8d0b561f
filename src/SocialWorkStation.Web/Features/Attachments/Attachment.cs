using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Web.Features.Stations;

namespace SocialWorkStation.Web.Features.Attachments;

/// <summary>
/// A file kept with a record (photos, sign-in sheets 签到表, documents). The bytes live on disk under
/// <see cref="AttachmentOptions.Folder"/>; the row says whose it is (owner record type and id, and that
/// record's station), who uploaded it, and what it is (type sniffed from the content, size, SHA-256).
/// Attachments are not edited; a deleted one keeps its row (who deleted it, when) and loses its file.
/// </summary>
public sealed class Attachment : IStationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The owner record kind as registered in <see cref="AttachmentOwners"/> (activity, featuredCase …).</summary>
    public string OwnerType { get; set; } = "";
    public Guid OwnerId { get; set; }
    public Guid StationId { get; set; }
    public AttachmentCategory Category { get; set; }
    /// <summary>The name the uploader gave, for display and download only; never used as a path.</summary>
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>Size as uploaded, before an image was scaled down.</summary>
    public long OriginalSize { get; set; }
    public string Sha256 { get; set; } = "";
    public int? Width { get; set; }
    public int? Height { get; set; }
    /// <summary>Where the bytes are, relative to the attachments folder (yyyy/MM/id): no user input in it.</summary>
    public string StorageKey { get; set; } = "";
    public string? UploadedById { get; set; }
    public string UploadedByName { get; set; } = "";
    public DateTime UploadedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
    public string? DeletedByName { get; set; }
}

public enum AttachmentCategory { Photo = 1, SignInSheet = 2, Document = 3 }

public static class AttachmentCategories
{
    public static string ToApi(AttachmentCategory c) => c switch
    {
        AttachmentCategory.Photo => "photo",
        AttachmentCategory.SignInSheet => "signInSheet",
        _ => "document",
    };

    public static AttachmentCategory? FromApi(string? s) => s switch
    {
        "photo" => AttachmentCategory.Photo,
        "signInSheet" => AttachmentCategory.SignInSheet,
        "document" => AttachmentCategory.Document,
        _ => null,
    };

    public static string Chinese(AttachmentCategory c) => c switch
    {
        AttachmentCategory.Photo => "照片",
        AttachmentCategory.SignInSheet => "签到表",
        _ => "文件",
    };
}

public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.Property(a => a.OwnerType).HasMaxLength(40).IsRequired();
        b.Property(a => a.Category).HasConversion<int>();
        b.Property(a => a.FileName).HasMaxLength(200).IsRequired();
        b.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        b.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
        b.Property(a => a.StorageKey).HasMaxLength(100).IsRequired();
        b.Property(a => a.UploadedById).HasMaxLength(450);
        b.Property(a => a.UploadedByName).HasMaxLength(256);
        b.Property(a => a.DeletedByName).HasMaxLength(256);
        b.HasIndex(a => new { a.OwnerType, a.OwnerId });
        b.HasIndex(a => a.StationId);
        b.HasOne<Platform>().WithMany().HasForeignKey(a => a.StationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record AttachmentDto(
    Guid Id, string OwnerType, Guid OwnerId, Guid StationId, string Category, string FileName, string ContentType,
    long Size, long OriginalSize, string Sha256, int? Width, int? Height, string UploadedBy, DateTime UploadedAt, string Url)
{
    public static AttachmentDto From(Attachment a) => new(
        a.Id, a.OwnerType, a.OwnerId, a.StationId, AttachmentCategories.ToApi(a.Category), a.FileName, a.ContentType,
        a.Size, a.OriginalSize, a.Sha256, a.Width, a.Height, a.UploadedByName, a.UploadedAt, $"/api/v1/attachments/{a.Id}/content");
}
