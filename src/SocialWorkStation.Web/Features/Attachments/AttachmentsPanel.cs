using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Attachments;

/// <summary>What the attachments partial shows: the files of one record and, for those who may, an upload form.</summary>
public sealed record AttachmentsPanel(string OwnerType, Guid OwnerId, IReadOnlyList<AttachmentDto> Items, bool CanWrite, string? Error = null);

/// <summary>
/// Base of the detail pages of records with attachments: the page's own Upload and DeleteAttachment
/// handlers call the same use cases as the API (and so the same checks), then come back to the page.
/// </summary>
public abstract class RecordPageModel(AppDbContext db, AttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock) : AppPageModel
{
    protected abstract string OwnerType { get; }
    protected AppDbContext Db => db;
    protected AttachmentStore Store => store;
    protected TimeProvider Clock => clock;

    public async Task<IActionResult> OnPostUploadAsync(Guid id, string? category, List<IFormFile>? files, CancellationToken ct)
    {
        var uploaded = 0;
        try
        {
            foreach (var file in files is { Count: > 0 } ? files : [null!])
            {
                await AttachmentUseCases.Upload(db, store, options.Value, clock, User, new AttachmentUpload(OwnerType, id, category, file), ct);
                uploaded++;
            }
            TempData["Message"] = $"已上传 {uploaded} 个文件。";
        }
        catch (RequestValidationException ex)
        {
            TempData["AttachmentError"] = (uploaded > 0 ? $"已上传 {uploaded} 个文件；" : "") + string.Join("；", ex.Errors.SelectMany(e => e.Value));
        }
        catch (AttachmentUseCases.Forbidden)
        {
            return Forbid();
        }
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAttachmentAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        try
        {
            await AttachmentUseCases.Delete(db, store, clock, User, attachmentId, ct);
        }
        catch (AttachmentUseCases.Forbidden)
        {
            return Forbid();
        }
        TempData["Message"] = "已删除附件。";
        return RedirectToPage(new { id });
    }

    protected AttachmentsPanel Panel(Guid ownerId, IReadOnlyList<AttachmentDto> items) =>
        new(OwnerType, ownerId, items, User.Can(AttachmentOwners.All[OwnerType].WritePermission), TempData["AttachmentError"] as string);
}
