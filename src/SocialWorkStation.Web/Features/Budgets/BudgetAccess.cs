using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Agreements;
using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Agreements;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Budgets;

/// <param name="Id">An existing line's id to keep it (and its spending); absent for a new line.</param>
/// <param name="Category">A key of the profile's budget categories (GET /api/v1/profiles/{key}: budgets.categories).</param>
/// <param name="FundingSource">socialAssistance, welfareLottery, fiscalBudget, cityConstructionSubsidy or charity.</param>
/// <param name="Amount">Yuan, at most two decimals, ≥ 0.</param>
public sealed record BudgetLineInput(Guid? Id, string? Category, string? FundingSource, decimal? Amount, string? Note);

/// <param name="StationId">On POST: a station the agreement's cycle covers.</param>
/// <param name="Version">Required on PUT: the version read (409 when stale).</param>
public sealed record BudgetInput(Guid? StationId, List<BudgetLineInput>? Lines, int? Version);

/// <param name="BudgetLineId">The line the money is spent on.</param>
/// <param name="Date">yyyy-MM-dd, the day of the spending.</param>
/// <param name="Amount">Yuan, more than 0, at most two decimals.</param>
public sealed record SpendingInput(Guid? BudgetLineId, string? Date, decimal? Amount, string? Payee, string? Purpose, string? Note);

/// <param name="Action">approve, reject (the bureau), reimburse, account.</param>
/// <param name="Version">The version read (409 when stale).</param>
public sealed record SpendingStepInput(string? Action, string? Note, int? Version);

public sealed record BudgetLineDto(Guid Id, string Category, string CategoryName, string FundingSource, string FundingSourceName, decimal Amount, string? Note,
    decimal Spent, decimal? Rate, string RateDisplay);

public sealed record BudgetDto(Guid Id, Guid AgreementId, int YearNumber, Guid StationId, string StationName, string CountyCode, string ProfileKey,
    IReadOnlyList<BudgetLineDto> Lines, decimal Total, decimal Spent, decimal? Rate, string RateDisplay, IReadOnlyList<string> Flags,
    string CategoriesSource, string OverspendRule, int Version);

public sealed record SpendingDto(Guid Id, Guid BudgetId, Guid BudgetLineId, Guid StationId, string StationName, string Date, string Category, string CategoryName,
    string FundingSource, string FundingSourceName, decimal Amount, string Payee, string Purpose, string Status, string StatusName,
    string RecordedBy, string? ApprovedBy, string? ApprovedOn, string? ReimbursedBy, string? AccountedBy, string? Note, IReadOnlyList<string> Flags, int Version,
    IReadOnlyList<SpendingInvoice> Invoices)
{
    /// <summary>An entry without an invoice file is flagged in the ledger (发票未上传).</summary>
    public bool HasInvoice => Invoices.Count > 0;
}

/// <summary>An invoice file of a spending entry (attachment owner type spendingEntry): its id for /api/v1/attachments/{id}/content.</summary>
public sealed record SpendingInvoice(Guid Id, string FileName, string ContentType, long Size);

/// <summary>Which budgets and spending a caller reaches, and how rows become answers.</summary>
public static class BudgetAccess
{
    public static string Api(FundingSource s) => JsonNamingPolicy.CamelCase.ConvertName(s.ToString());

    public static FundingSource? ParseSource(string? s) =>
        s is { Length: > 0 } && !char.IsDigit(s[0]) && Enum.TryParse<FundingSource>(s, ignoreCase: true, out var v) && Enum.IsDefined(v) ? v : null;

    public static string Api(SpendingStatus s) => JsonNamingPolicy.CamelCase.ConvertName(s.ToString());

    public static BudgetRules Rules(PolicyProfile p) => p.Budgets ?? BudgetChecks.Default;

    public static string CategoryName(BudgetRules rules, string key) => rules.Categories.Value.FirstOrDefault(c => c.Key == key)?.Name ?? key;

    /// <summary>
    /// The budgets a caller may read: the station inside the caller's scope (SQL), and a contractor manager only those of
    /// its own organisation's agreements. Outside: 404.
    /// </summary>
    public static async Task<IQueryable<Budget>> Budgets(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var stations = db.Platforms.VisibleTo(user.Scope()).Select(p => p.Id);
        var q = db.Set<Budget>().Where(b => stations.Contains(b.StationId));
        if (user.IsInRole(Roles.ContractorManager) && !user.IsInRole(Roles.BureauOfficer) && !user.IsInRole(Roles.TownshipOfficer))
        {
            var name = user.Identity?.Name;
            var org = await db.Users.Where(u => u.UserName == name).Select(u => u.OrganisationId).FirstOrDefaultAsync(ct);
            q = org is { } id ? q.Where(b => b.Agreement!.Cycle!.ContractorId == id) : q.Where(b => false);
        }
        return q;
    }

    public static async Task<Budget> Load(AppDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct, bool tracking = false)
    {
        var q = (await Budgets(db, user, ct)).Include(b => b.Lines).Include(b => b.Station).Include(b => b.Agreement).ThenInclude(a => a!.Cycle).AsSplitQuery();
        if (!tracking) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("预算不存在或不在您的权限范围内");
    }

    /// <summary>Approved spending per line up to a day (entries dated and approved on or before it).</summary>
    public static async Task<Dictionary<Guid, decimal>> Spent(AppDbContext db, IReadOnlyCollection<Guid> lineIds, DateOnly asOf, CancellationToken ct)
    {
        var rows = await db.Set<SpendingEntry>().AsNoTracking()
            .Where(s => lineIds.Contains(s.BudgetLineId) && s.Date <= asOf && s.ApprovedOn != null && s.ApprovedOn <= asOf
                && (s.Status == SpendingStatus.Approved || s.Status == SpendingStatus.Reimbursed || s.Status == SpendingStatus.Accounted))
            .Select(s => new { s.BudgetLineId, s.Amount }).ToListAsync(ct);
        // Summed in C# as decimal: SQLite's SUM would go through floating point.
        return rows.GroupBy(r => r.BudgetLineId).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));
    }

    public static BudgetDto ToDto(Budget b, PolicyProfile profile, IReadOnlyDictionary<Guid, decimal> spent)
    {
        var rules = Rules(profile);
        var lines = b.Lines.OrderBy(l => l.SortOrder).Select(l =>
        {
            var s = spent.GetValueOrDefault(l.Id);
            var rate = ExecutionRate.Of(s, l.Amount);
            return new BudgetLineDto(l.Id, l.Category, CategoryName(rules, l.Category), Api(l.FundingSource), BudgetChecks.FundingName(l.FundingSource), l.Amount, l.Note,
                s, rate, ExecutionRate.Display(rate));
        }).ToList();
        var total = lines.Sum(l => l.Amount);
        var totalSpent = lines.Sum(l => l.Spent);
        var totalRate = ExecutionRate.Of(totalSpent, total);
        var flags = BudgetChecks.Flags(rules, profile.ShortName, b.Station?.Kind ?? Domain.Platforms.PlatformKind.Station,
            b.Lines.Select(l => new BudgetLineFacts(l.Category, l.FundingSource, l.Amount)).ToList());
        var overspend = rules.Overspend ?? BudgetChecks.DefaultOverspend;
        return new BudgetDto(b.Id, b.AgreementId, b.Agreement?.YearNumber ?? 0, b.StationId, b.Station?.Name ?? "", b.Agreement?.Cycle?.CountyCode ?? "", profile.Key,
            lines, total, totalSpent, totalRate, ExecutionRate.Display(totalRate), flags,
            rules.Categories.Source.StartsWith("平台默认", StringComparison.Ordinal) ? rules.Categories.Source : $"{profile.ShortName} {rules.Categories.Source}",
            (overspend.Value == OverspendPolicy.Refuse ? "超预算支出予以拒绝" : "超预算支出予以提示") + $"（{overspend.Source}）", b.Version);
    }

    /// <summary>The invoice files (not deleted) of the given spending entries, by entry.</summary>
    public static async Task<ILookup<Guid, SpendingInvoice>> Invoices(AppDbContext db, IReadOnlyCollection<Guid> entryIds, CancellationToken ct)
    {
        var ids = entryIds.ToList();
        var rows = await db.Set<Attachments.Attachment>().AsNoTracking()
            .Where(a => a.OwnerType == InvoiceOwnerType && ids.Contains(a.OwnerId) && a.DeletedAt == null)
            .OrderBy(a => a.UploadedAt).Select(a => new { a.OwnerId, a.Id, a.FileName, a.ContentType, a.Size }).ToListAsync(ct);
        return rows.ToLookup(r => r.OwnerId, r => new SpendingInvoice(r.Id, r.FileName, r.ContentType, r.Size));
    }

    /// <summary>The attachment owner type of invoices (Features/Attachments/AttachmentOwners).</summary>
    public const string InvoiceOwnerType = "spendingEntry";

    public static SpendingDto ToDto(SpendingEntry s, BudgetLine line, string stationName, BudgetRules rules, IReadOnlyList<string>? flags = null,
        IEnumerable<SpendingInvoice>? invoices = null) =>
        new(s.Id, line.BudgetId, line.Id, s.StationId, stationName, AgreementAccess.D(s.Date), line.Category, CategoryName(rules, line.Category),
            Api(line.FundingSource), BudgetChecks.FundingName(line.FundingSource), s.Amount, s.Payee, s.Purpose, Api(s.Status), SpendingFlow.Chinese(s.Status),
            s.RecordedBy, s.ApprovedBy, s.ApprovedOn is { } a ? AgreementAccess.D(a) : null, s.ReimbursedBy, s.AccountedBy, s.Note, flags ?? [], s.Version,
            invoices?.ToList() ?? []);

    /// <summary>Money in yuan: present, in range, to the fen. 400 naming the field otherwise.</summary>
    public static void Money(Errors errors, string field, decimal? value, string label, bool positive)
    {
        if (value is null)
        {
            errors.Add(field, $"请填写{label}（元）");
        }
        else if (positive ? value <= 0 : value < 0)
        {
            errors.Add(field, positive ? $"{label}应大于0" : $"{label}不能为负数");
        }
        else if (value > 1_000_000_000m)
        {
            errors.Add(field, $"{label}不能超过10亿元");
        }
        else if (decimal.Round(value.Value, 2) != value.Value)
        {
            errors.Add(field, $"{label}精确到分（最多两位小数）");
        }
    }
}
