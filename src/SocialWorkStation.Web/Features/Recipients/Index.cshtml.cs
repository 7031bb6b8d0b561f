using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Recipients;

/// <summary>The recipient search: by name, pinyin (zs, zhangsan) or the ID's last four; a table on desktops, cards on phones; export.</summary>
public sealed class IndexModel(AppDbContext db, RecipientProtector protector, AuditLog audit, TimeProvider clock) : AppPageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? RiskLevel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool Duplicates { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    [BindProperty] public bool Reveal { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public Paged<RecipientListItem> Result { get; private set; } = new([], 0, 1, PageSize);

    private ListRecipients.Query Query => new(Q, null, Empty(Category), Empty(RiskLevel), null, Empty(Status), null, Duplicates ? true : null);

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    /// <summary>The search by a whole ID number, sent in the body so it stays out of URLs and request logs.</summary>
    public async Task OnPostAsync(CancellationToken ct) => await Load(ct);

    private async Task Load(CancellationToken ct)
    {
        try
        {
            Result = await ListRecipients.Handle(db, protector, clock, User.Scope(), Query, PageRequest.From(PageNumber is < 1 ? 1 : PageNumber, PageSize), ct);
        }
        catch (RequestValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                foreach (var m in messages)
                {
                    ModelState.AddModelError(FormKey("", field, GetType()).TrimStart('.'), m);
                }
            }
        }
    }

    /// <summary>The filtered list as Excel: masked unless the user may reveal and gives a reason.</summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.RecipientsExport))
        {
            return Forbid();
        }
        try
        {
            var (bytes, name) = await ExportRecipients.Build(db, protector, audit, clock, User,
                new ExportRecipients.Input(Q, null, Empty(Category), Empty(RiskLevel), null, Empty(Status), null, Duplicates ? true : null, Reveal, Reason), ct);
            return File(bytes, ExportRecipients.ContentType, name);
        }
        catch (RequestValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                foreach (var m in messages) ModelState.AddModelError(field == "reason" ? nameof(Reason) : "", m);
            }
        }
        catch (BusinessRuleException ex)
        {
            ModelState.AddModelError(nameof(Reveal), ex.Message);
        }
        await Load(ct);
        return Page();
    }

    public PagerModel Pager => PagerModel.For(Result, "/Recipients/Index", new Dictionary<string, string?>
    {
        ["q"] = Q, ["category"] = Category, ["riskLevel"] = RiskLevel, ["status"] = Status, ["duplicates"] = Duplicates ? "true" : null,
    });
}
