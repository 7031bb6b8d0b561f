using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SocialWorkStation.Domain.Agreements;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Agreements;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Budgets;

public sealed record ExecutionLineDto(Guid BudgetLineId, string Category, string CategoryName, string FundingSource, string FundingSourceName, decimal Budgeted, decimal Spent, decimal? Rate, string RateDisplay);

public sealed record ExecutionStationDto(Guid BudgetId, Guid AgreementId, int YearNumber, Guid StationId, string StationName, decimal Budgeted, decimal Spent, decimal? Rate, string RateDisplay,
    IReadOnlyList<ExecutionLineDto> Lines);

public sealed record ExecutionAgreementDto(Guid AgreementId, int YearNumber, string CountyCode, decimal Budgeted, decimal Spent, decimal? Rate, string RateDisplay);

public sealed record ExecutionCountyDto(string CountyCode, decimal Budgeted, decimal Spent, decimal? Rate, string RateDisplay);

/// <summary>Execution as of a day: approved spending ÷ budget per line, station, agreement and county, exact; the display rounded once.</summary>
public sealed record ExecutionDto(string AsOf, decimal Budgeted, decimal Spent, decimal? Rate, string RateDisplay,
    IReadOnlyList<ExecutionCountyDto> Counties, IReadOnlyList<ExecutionAgreementDto> Agreements, IReadOnlyList<ExecutionStationDto> Stations);

/// <summary>执行率 and the ledger (docs/requirements/agreements.md §7).</summary>
public static class Execution
{
    public sealed record Query(Guid? AgreementId, Guid? StationId, string? CountyCode, DateOnly AsOf);

    public static DateOnly ParseAsOf(string? asOf, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(asOf))
        {
            return ChinaTime.Today(clock);
        }
        return DateOnly.TryParseExact(asOf, "yyyy-MM-dd", out var d) ? d : throw RequestValidationException.For("asOf", "日期格式应为 yyyy-MM-dd");
    }

    public static async Task<List<Budget>> Budgets(AppDbContext db, ClaimsPrincipal user, Query query, CancellationToken ct)
    {
        var q = (await BudgetAccess.Budgets(db, user, ct)).AsNoTracking();
        if (query.AgreementId is { } a) q = q.Where(b => b.AgreementId == a);
        if (query.StationId is { } s) q = q.Where(b => b.StationId == s);
        if (!string.IsNullOrWhiteSpace(query.CountyCode)) q = q.Where(b => b.Agreement!.Cycle!.CountyCode == query.CountyCode);
        return await q.Include(b => b.Lines).Include(b => b.Station).Include(b => b.Agreement).ThenInclude(x => x!.Cycle).AsSplitQuery().Take(2000).ToListAsync(ct);
    }

    public static async Task<ExecutionDto> Handle(AppDbContext db, ProfileCatalog profiles, ClaimsPrincipal user, Query query, CancellationToken ct)
    {
        var budgets = await Budgets(db, user, query, ct);
        var spent = await BudgetAccess.Spent(db, budgets.SelectMany(b => b.Lines).Select(l => l.Id).ToList(), query.AsOf, ct);
        var stations = budgets.OrderBy(b => b.Agreement!.Cycle!.CountyCode).ThenBy(b => b.Station!.RegionCode).ThenBy(b => b.Station!.Name).ThenBy(b => b.Agreement!.YearNumber).Select(b =>
        {
            var rules = BudgetAccess.Rules(AgreementAccess.Profile(profiles, b.Agreement!.Cycle!.ProfileKey));
            var lines = b.Lines.OrderBy(l => l.SortOrder).Select(l => Line(l, rules, spent.GetValueOrDefault(l.Id))).ToList();
            var (budgeted, s) = (lines.Sum(l => l.Budgeted), lines.Sum(l => l.Spent));
            var rate = ExecutionRate.Of(s, budgeted);
            return new ExecutionStationDto(b.Id, b.AgreementId, b.Agreement.YearNumber, b.StationId, b.Station?.Name ?? "", budgeted, s, rate, ExecutionRate.Display(rate), lines);
        }).ToList();
        var agreements = stations.GroupBy(s => s.AgreementId).Select(g =>
        {
            var b = budgets.First(x => x.AgreementId == g.Key);
            var (budgeted, s) = (g.Sum(x => x.Budgeted), g.Sum(x => x.Spent));
            var rate = ExecutionRate.Of(s, budgeted);
            return new ExecutionAgreementDto(g.Key, b.Agreement!.YearNumber, b.Agreement.Cycle!.CountyCode, budgeted, s, rate, ExecutionRate.Display(rate));
        }).ToList();
        var counties = agreements.GroupBy(a => a.CountyCode).OrderBy(g => g.Key).Select(g =>
        {
            var (budgeted, s) = (g.Sum(x => x.Budgeted), g.Sum(x => x.Spent));
            var rate = ExecutionRate.Of(s, budgeted);
            return new ExecutionCountyDto(g.Key, budgeted, s, rate, ExecutionRate.Display(rate));
        }).ToList();
        var (tb, ts) = (stations.Sum(x => x.Budgeted), stations.Sum(x => x.Spent));
        var tr = ExecutionRate.Of(ts, tb);
        return new ExecutionDto(AgreementAccess.D(query.AsOf), tb, ts, tr, ExecutionRate.Display(tr), counties, agreements, stations);
    }

    private static ExecutionLineDto Line(BudgetLine l, BudgetRules rules, decimal spent)
    {
        var rate = ExecutionRate.Of(spent, l.Amount);
        return new ExecutionLineDto(l.Id, l.Category, BudgetAccess.CategoryName(rules, l.Category), BudgetAccess.Api(l.FundingSource), BudgetChecks.FundingName(l.FundingSource),
            l.Amount, spent, rate, ExecutionRate.Display(rate));
    }

    /// <summary>
    /// The ledger (经费支出台账) as a county finance office keeps it: 日期, 站点, 预算科目, 资金来源, 金额（元）, 收款方, 用途, 状态, 审批人, 发票 (已上传 n 份 / 未上传) — every
    /// entry dated on or before the day, amounts as numbers to the fen; typed text guarded against formulas (ExcelCells). Audited.
    /// </summary>
    public static async Task<byte[]> Ledger(AppDbContext db, ProfileCatalog profiles, AuditLog audit, ClaimsPrincipal user, Query query, CancellationToken ct)
    {
        var budgets = await Budgets(db, user, query, ct);
        var lines = budgets.SelectMany(b => b.Lines.Select(l => (Budget: b, Line: l))).ToDictionary(x => x.Line.Id);
        var ids = lines.Keys.ToList();
        var entries = await db.Set<SpendingEntry>().AsNoTracking().Where(s => ids.Contains(s.BudgetLineId) && s.Date <= query.AsOf)
            .OrderBy(s => s.Date).ThenBy(s => s.RecordedAt).ThenBy(s => s.Id).ToListAsync(ct);
        var invoices = await BudgetAccess.Invoices(db, entries.Select(s => s.Id).ToList(), ct);
        var sheet = entries.Select(s =>
        {
            var (b, l) = lines[s.BudgetLineId];
            var rules = BudgetAccess.Rules(AgreementAccess.Profile(profiles, b.Agreement!.Cycle!.ProfileKey));
            return new Dictionary<string, object?>
            {
                ["日期"] = AgreementAccess.D(s.Date),
                ["站点"] = ExcelCells.Safe(b.Station?.Name),
                ["预算科目"] = BudgetAccess.CategoryName(rules, l.Category),
                ["资金来源"] = BudgetChecks.FundingName(l.FundingSource),
                ["金额（元）"] = s.Amount,
                ["收款方"] = ExcelCells.Safe(s.Payee),
                ["用途"] = ExcelCells.Safe(s.Purpose),
                ["状态"] = SpendingFlow.Chinese(s.Status),
                ["审批人"] = ExcelCells.Safe(s.ApprovedBy ?? ""),
                ["发票"] = invoices[s.Id].Any() ? $"已上传{invoices[s.Id].Count()}份" : "未上传",
            };
        }).ToList();
        if (sheet.Count == 0)
        {
            sheet.Add(new Dictionary<string, object?> { ["日期"] = "（没有支出记录）", ["站点"] = "", ["预算科目"] = "", ["资金来源"] = "", ["金额（元）"] = null, ["收款方"] = "", ["用途"] = "", ["状态"] = "", ["审批人"] = "", ["发票"] = "" });
        }
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { [$"经费支出台账{query.AsOf:yyyyMMdd}"] = sheet }, cancellationToken: ct);
        await audit.WriteAsync("export", "SpendingEntry", null, $"导出经费支出台账{entries.Count}条（截至{query.AsOf:yyyy-MM-dd}，{budgets.Count}份站点预算）", ct: ct);
        return stream.ToArray();
    }
}
