using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Domain.Agreements;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Agreements;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Budgets;

public sealed class BudgetLineForm
{
    public string? Category { get; set; }
    public string? FundingSource { get; set; } = "fiscalBudget";
    public decimal? Amount { get; set; }
}

public sealed class BudgetForm
{
    public Guid? StationId { get; set; }
    public List<BudgetLineForm> Lines { get; set; } = [];
}

public sealed class SpendForm
{
    public Guid? BudgetLineId { get; set; }
    public string? Date { get; set; }
    public decimal? Amount { get; set; }
    public string? Payee { get; set; }
    public string? Purpose { get; set; }
    /// <summary>The invoice (发票) uploaded with the entry in the same step; optional (an entry without one is flagged).</summary>
    public IFormFile? Invoice { get; set; }
}

/// <summary>
/// 预算与经费 of one agreement (docs/requirements/agreements.md §5–§7): each station's budget with its execution rate as of
/// a day, the spending entries and their steps, the bureau's budget form, the spending form, the ledger download.
/// </summary>
[Authorize(Policy = Permissions.BudgetsRead)]
public sealed class IndexModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock,
    Attachments.AttachmentStore store, Microsoft.Extensions.Options.IOptions<Attachments.AttachmentOptions> options) : AppPageModel
{
    public Guid AgreementId { get; private set; }
    public string AsOf { get; private set; } = "";
    public IReadOnlyList<BudgetDto> Budgets { get; private set; } = [];
    public Dictionary<Guid, IReadOnlyList<SpendingDto>> Spending { get; } = [];
    /// <summary>The cycle's stations without a budget yet (for the bureau's form) and the profile's categories.</summary>
    public IReadOnlyList<(Guid Id, string Name)> OpenStations { get; private set; } = [];
    public IReadOnlyList<BudgetCategory> Categories { get; private set; } = [];
    [BindProperty] public BudgetForm Budget { get; set; } = new();
    [BindProperty] public SpendForm Spend { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid agreementId, string? asOf, CancellationToken ct)
    {
        await Load(agreementId, asOf, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostBudgetAsync(Guid agreementId, CancellationToken ct)
    {
        if (!User.Can(Permissions.BudgetsManage)) return Forbid();
        var lines = Budget.Lines.Where(l => l.Amount is not null).Select(l => new BudgetLineInput(null, l.Category, l.FundingSource, l.Amount, null)).ToList();
        return await Try(agreementId, () => SaveBudget.Create(db, profiles, clock, User, agreementId, new BudgetInput(Budget.StationId, lines, null), ct), "预算已保存。", ct);
    }

    public async Task<IActionResult> OnPostSpendAsync(Guid agreementId, CancellationToken ct)
    {
        if (!User.Can(Permissions.BudgetsSpend)) return Forbid();
        var input = new SpendingInput(Spend.BudgetLineId, Spend.Date, Spend.Amount, Spend.Payee, Spend.Purpose, null);
        if (Spend.Invoice is not { Length: > 0 } invoice)
        {
            return await Try(agreementId, () => RecordSpending.Create(db, profiles, clock, User, input, ct), "支出已登记，待审批（未上传发票）。", ct);
        }
        // The entry and its invoice in one step: a refused file (type, size) leaves no entry behind.
        return await Try(agreementId, async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var entry = await RecordSpending.Create(db, profiles, clock, User, input, ct);
                await Attachments.AttachmentUseCases.Upload(db, store, options.Value, clock, User,
                    new Attachments.AttachmentUpload(BudgetAccess.InvoiceOwnerType, entry.Id, "document", invoice), ct);
                await tx.CommitAsync(ct);
                return entry;
            }
            catch
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                throw;
            }
        }, "支出已登记，发票已上传，待审批。", ct);
    }

    /// <summary>Adds an invoice to an entry recorded without one (or a further page of it): the same checks as the attachments API.</summary>
    public async Task<IActionResult> OnPostInvoiceAsync(Guid agreementId, Guid entryId, IFormFile? invoice, CancellationToken ct)
    {
        if (!User.Can(Permissions.BudgetsSpend)) return Forbid();
        return await Try(agreementId, async () =>
        {
            await RecordSpending.Get(db, profiles, User, entryId, ct); // 404 outside the caller's budgets
            return await Attachments.AttachmentUseCases.Upload(db, store, options.Value, clock, User,
                new Attachments.AttachmentUpload(BudgetAccess.InvoiceOwnerType, entryId, "document", invoice), ct);
        }, "发票已上传。", ct);
    }

    public async Task<IActionResult> OnPostStepAsync(Guid agreementId, Guid entryId, string action, int version, CancellationToken ct)
    {
        if (!User.Can(Permissions.BudgetsManage)) return Forbid();
        return await Try(agreementId, () => RecordSpending.Step(db, profiles, clock, User, entryId, new SpendingStepInput(action, null, version), ct), "已办理。", ct);
    }

    private async Task<IActionResult> Try<T>(Guid agreementId, Func<Task<T>> write, string done, CancellationToken ct)
    {
        try
        {
            await write();
            TempData["Message"] = done;
            return RedirectToPage("/Budgets/Index", new { agreementId });
        }
        catch (RequestValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                foreach (var m in messages) ModelState.AddModelError("", m);
            }
        }
        catch (BusinessRuleException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        catch (ConflictException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        catch (Attachments.AttachmentUseCases.Forbidden)
        {
            return Forbid();
        }
        await Load(agreementId, null, ct);
        return Page();
    }

    private async Task Load(Guid agreementId, string? asOf, CancellationToken ct)
    {
        AgreementId = agreementId;
        var day = Execution.ParseAsOf(asOf, clock);
        AsOf = AgreementAccess.D(day);
        Budgets = await SaveBudget.List(db, profiles, User, new Execution.Query(agreementId, null, null, day), ct);
        foreach (var b in Budgets)
        {
            Spending[b.Id] = await RecordSpending.ForBudget(db, profiles, User, b.Id, ct);
        }
        if (User.Can(Permissions.AgreementsRead))
        {
            try
            {
                var cycle = await AgreementAccess.LoadCycle(db, User, (await AgreementAccess.LoadAgreement(db, User, agreementId, ct)).CycleId, ct);
                OpenStations = cycle.Stations.Where(s => Budgets.All(b => b.StationId != s.StationId)).Select(s => (s.StationId, s.Station?.Name ?? "")).ToList();
                Categories = BudgetAccess.Rules(AgreementAccess.Profile(profiles, cycle.ProfileKey)).Categories.Value;
            }
            catch (NotFoundException)
            {
                // A contractor manager of another organisation: the budgets list above is already empty.
            }
        }
        if (Budget.Lines.Count == 0)
        {
            Budget.Lines = Categories.Select(c => new BudgetLineForm { Category = c.Key, Amount = c.StandardAmount }).ToList();
        }
        Spend.Date ??= AgreementAccess.D(ChinaTime.Today(clock));
    }
}
