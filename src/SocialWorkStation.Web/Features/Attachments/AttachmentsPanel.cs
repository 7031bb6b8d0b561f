using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Attachments;

/// <summary>
/// What the attachments partial shows: the files of one record and, for those who may, an upload form.
/// A page may show several (one per group session): <paramref name="Title"/> names each, and a
/// <paramref name="Nested"/> panel sits inside the page's own card with a smaller heading.
/// </summary>
public sealed record AttachmentsPanel(string OwnerType, Guid OwnerId, IReadOnlyList<AttachmentDto> Items, bool CanWrite, string? Error = null,
    string? Title = null, bool Nested = false)
{
    /// <summary>The panel's element id (also the anchor the page comes back to after an upload): unique per owner record.</summary>
    public string ElementId => Anchor(OwnerId);

    public static string Anchor(Guid ownerId) => "att-" + ownerId.ToString("N");
}

/// <summary>
/// Base of the detail pages of records with attachments: the page's own Upload and DeleteAttachment
/// handlers call the same use cases as the API (and so the same checks), then come back to the page.
/// The files belong to the page's record unless the form names another owner (a session of the group
/// shown), which <see cref="OwnsAsync"/> must accept.
/// </summary>
public abstract class RecordPageModel(AppDbContext db, AttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock) : AppPageModel
{
    /// <summary>TempData key of an upload's error, shown on the record's page after the redirect.</summary>
    public const string ErrorKey = "AttachmentError";
    private const string ErrorOwnerKey = "AttachmentErrorOwner";
    private (string? Owner, string? Message)? _uploadError;

    protected abstract string OwnerType { get; }
    protected AppDbContext Db => db;
    protected AttachmentStore Store => store;
    protected TimeProvider Clock => clock;

    /// <summary>Whether files of the page's record <paramref name="id"/> may go to <paramref name="ownerId"/>: by default only the record itself.</summary>
    protected virtual Task<bool> OwnsAsync(Guid id, Guid ownerId, CancellationToken ct) => Task.FromResult(ownerId == id);

    public async Task<IActionResult> OnPostUploadAsync(Guid id, Guid? ownerId, string? category, List<IFormFile>? files, CancellationToken ct)
    {
        var owner = ownerId ?? id;
        if (!await OwnsAsync(id, owner, ct))
        {
            return NotFoundPage("附件所属记录不存在或不属于本页记录");
        }
        var uploaded = 0;
        try
        {
            foreach (var file in files is { Count: > 0 } ? files : [null!])
            {
                await AttachmentUseCases.Upload(db, store, options.Value, clock, User, new AttachmentUpload(OwnerType, owner, category, file), ct);
                uploaded++;
            }
            TempData["Message"] = $"已上传 {uploaded} 个文件。";
        }
        catch (RequestValidationException ex)
        {
            TempData[ErrorKey] = (uploaded > 0 ? $"已上传 {uploaded} 个文件；" : "") + string.Join("；", ex.Errors.SelectMany(e => e.Value));
            TempData[ErrorOwnerKey] = owner.ToString();
        }
        catch (AttachmentUseCases.Forbidden)
        {
            return Forbid();
        }
        return owner == id ? RedirectToPage(new { id }) : RedirectToPage(null, null, new { id }, AttachmentsPanel.Anchor(owner));
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

    /// <summary>The panel of one owner record; an upload error shows on the panel it came from (or, named by no owner, on the page's own).</summary>
    protected AttachmentsPanel Panel(Guid ownerId, IReadOnlyList<AttachmentDto> items, string? title = null, bool nested = false)
    {
        // Read once per request (reading marks it for removal) and shared by every panel of the page.
        var (owner, message) = _uploadError ??= (TempData[ErrorOwnerKey] as string, TempData[ErrorKey] as string);
        var error = owner is null || owner == ownerId.ToString() ? message : null;
        return new(OwnerType, ownerId, items, User.Can(AttachmentOwners.All[OwnerType].WritePermission), error, title, nested);
    }
}
