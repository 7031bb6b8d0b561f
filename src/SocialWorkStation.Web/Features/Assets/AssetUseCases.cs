using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Assets;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Assets;

/// <param name="Value">Original value in yuan, up to 2 decimals.</param>
/// <param name="FundingSource">Where the money came from (e.g. 县财政社工站项目经费、上级补助).</param>
public sealed record AssetInput(string? Name, string? Category, decimal? Value, string? AcquiredOn, string? FundingSource, string? Location, string? Custodian, int? Version = null);

/// <param name="Approval">Who approved the disposal and its document (审批人或批准文号).</param>
public sealed record DisposeInput(string? Reason, string? Approval, string? DisposedOn, int? Version);

/// <param name="Result">found, missing or damaged.</param>
public sealed record CheckItemInput(Guid? AssetId, string? Result, string? Note);

/// <param name="CheckedBy">Who counted (names).</param>
public sealed record AssetCheckInput(string? CheckedOn, string? CheckedBy, string? Note, List<CheckItemInput>? Items);

public sealed record AssetDto(Guid Id, Guid StationId, string Name, string Category, decimal Value, string AcquiredOn, string FundingSource, string Location, string Custodian,
    string Status, string StatusText, string? DisposedOn, string? DisposalReason, string? DisposalApproval, string? DisposedBy, string? LastCheckedOn, string? LastResult, string CreatedBy, int Version);

public sealed record CheckItemDto(Guid AssetId, string AssetName, string Result, string ResultText, string? Note);

public sealed record AssetCheckDto(Guid Id, Guid StationId, string CheckedOn, string CheckedBy, string? Note, string RecordedBy, int Found, int Missing, int Damaged, IReadOnlyList<CheckItemDto> Items);

/// <summary>The fixed-asset register, check-ups and disposal (docs/requirements/books.md §2).</summary>
public static class AssetUseCases
{
    private const string NotFound = "固定资产不存在或不在您的权限范围内";
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static async Task<Platform> Station(AppDbContext db, ClaimsPrincipal user, Guid stationId, CancellationToken ct) =>
        await db.Platforms.AsNoTracking().VisibleTo(user.Scope()).FirstOrDefaultAsync(p => p.Id == stationId, ct) is { } p && user.Scope().ServiceRecords
            ? p : throw new NotFoundException("站点不存在或不在您的权限范围内");

    private static string? Text(Errors errors, string field, string? value, string label, int max, bool required = true)
    {
        var v = StationRecords.Clean(value);
        if (v is null && required) errors.Add(field, $"请填写{label}");
        else if (v is { } s && s.Length > max) errors.Add(field, $"{label}不能超过{max}字");
        return v;
    }

    public static async Task<Paged<AssetDto>> List(AppDbContext db, ClaimsPrincipal user, Guid stationId, string? status, PageRequest page, CancellationToken ct)
    {
        var station = await Station(db, user, stationId, ct);
        var q = db.Set<FixedAsset>().VisibleTo(db, user.Scope()).AsNoTracking().Where(a => a.StationId == station.Id);
        q = status switch
        {
            null or "" => q,
            "inUse" => q.Where(a => a.DisposedOn == null),
            "disposed" => q.Where(a => a.DisposedOn != null),
            _ => throw RequestValidationException.For("status", "状态应为 inUse 或 disposed"),
        };
        var result = await q.OrderBy(a => a.DisposedOn != null).ThenBy(a => a.AcquiredOn).ThenBy(a => a.Id).ToPageAsync(page, ct);
        var last = await LastResults(db, result.Items.Select(a => a.Id).ToList(), ct);
        return new Paged<AssetDto>(result.Items.Select(a => ToDto(a, last.GetValueOrDefault(a.Id))).ToList(), result.Total, result.Page, result.PageSize);
    }

    private static async Task<Dictionary<Guid, (DateOnly On, CheckResult Result)>> LastResults(AppDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var rows = await (from i in db.Set<AssetCheckItem>() join c in db.Set<AssetCheck>() on i.CheckId equals c.Id
                          where ids.Contains(i.AssetId) select new { i.AssetId, c.CheckedOn, i.Result, c.Id }).ToListAsync(ct);
        return rows.GroupBy(r => r.AssetId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.CheckedOn).ThenByDescending(r => r.Id).Select(r => (r.CheckedOn, r.Result)).First());
    }

    public static async Task<AssetDto> Get(AppDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var a = await db.Set<FixedAsset>().VisibleTo(db, user.Scope()).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(NotFound);
        var last = await LastResults(db, [a.Id], ct);
        return ToDto(a, last.GetValueOrDefault(a.Id));
    }

    private static (string Name, string Category, decimal Value, DateOnly AcquiredOn, string Funding, string Location, string Custodian) Validate(AssetInput input, DateOnly today)
    {
        var errors = new Errors();
        var name = Text(errors, "name", input.Name, "资产名称", 100);
        var category = Text(errors, "category", input.Category, "资产类别", 50);
        if (input.Value is null) errors.Add("value", "请填写原值（元）");
        else if (AssetRules.ValueProblem(input.Value.Value) is { } p) errors.Add("value", p);
        var acquired = StationRecords.ParseDate(errors, "acquiredOn", input.AcquiredOn, "购置日期", notAfter: today);
        var funding = Text(errors, "fundingSource", input.FundingSource, "资金来源", 100);
        var location = Text(errors, "location", input.Location, "存放地点", 100);
        var custodian = Text(errors, "custodian", input.Custodian, "保管人", 50);
        errors.ThrowIfAny();
        return (name!, category!, input.Value!.Value, acquired!.Value, funding!, location!, custodian!);
    }

    public static async Task<AssetDto> Create(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, Guid stationId, AssetInput input, CancellationToken ct)
    {
        var station = await Station(db, user, stationId, ct);
        var v = Validate(input, ChinaTime.Today(clock));
        var a = new FixedAsset
        {
            StationId = station.Id, Name = v.Name, Category = v.Category, Value = v.Value, AcquiredOn = v.AcquiredOn, FundingSource = v.Funding, Location = v.Location,
            Custodian = v.Custodian, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.Identity?.Name ?? "",
        };
        db.Add(a);
        await db.SaveChangesAsync(ct);
        return ToDto(a, default);
    }

    public static async Task<AssetDto> Update(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, Guid id, AssetInput input, CancellationToken ct)
    {
        var a = await db.Set<FixedAsset>().VisibleTo(db, user.Scope()).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(NotFound);
        var v = Validate(input, ChinaTime.Today(clock));
        if (a.DisposedOn is not null) throw new BusinessRuleException("资产已处置，不能修改", "name");
        Versions.Check(db, a, input.Version, "固定资产");
        (a.Name, a.Category, a.Value, a.AcquiredOn, a.FundingSource, a.Location, a.Custodian) = v;
        await db.SaveChangesAsync(ct);
        return await Get(db, user, id, ct);
    }

    /// <summary>Disposal (报废、调拨、丢失核销): reason, approval and date; the asset stays in the register marked 已处置.</summary>
    public static async Task<AssetDto> Dispose(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, Guid id, DisposeInput input, CancellationToken ct)
    {
        var a = await db.Set<FixedAsset>().VisibleTo(db, user.Scope()).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(NotFound);
        var today = ChinaTime.Today(clock);
        var errors = new Errors();
        var reason = Text(errors, "reason", input.Reason, "处置原因", 500);
        var approval = Text(errors, "approval", input.Approval, "审批人或批准文号", 200);
        var on = string.IsNullOrWhiteSpace(input.DisposedOn) ? today : StationRecords.ParseDate(errors, "disposedOn", input.DisposedOn, "处置日期", notAfter: today);
        if (on is { } d && AssetRules.DisposalProblem(a.AcquiredOn, d, today) is { } p) errors.Add("disposedOn", p);
        errors.ThrowIfAny();
        if (a.DisposedOn is not null) throw new BusinessRuleException($"资产已于 {D(a.DisposedOn.Value)} 处置", "reason");
        Versions.Check(db, a, input.Version, "固定资产");
        a.DisposedOn = on;
        a.DisposalReason = reason;
        a.DisposalApproval = approval;
        a.DisposedBy = user.Identity?.Name;
        await db.SaveChangesAsync(ct);
        return await Get(db, user, id, ct);
    }

    public static async Task<IReadOnlyList<AssetCheckDto>> Checks(AppDbContext db, ClaimsPrincipal user, Guid stationId, CancellationToken ct)
    {
        var station = await Station(db, user, stationId, ct);
        var checks = await db.Set<AssetCheck>().VisibleTo(db, user.Scope()).AsNoTracking().Include(c => c.Items)
            .Where(c => c.StationId == station.Id).OrderByDescending(c => c.CheckedOn).ThenByDescending(c => c.Id).Take(100).ToListAsync(ct);
        var names = await db.Set<FixedAsset>().AsNoTracking().Where(a => a.StationId == station.Id).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return checks.Select(c => ToDto(c, names)).ToList();
    }

    public static async Task<AssetCheckDto> GetCheck(AppDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var c = await db.Set<AssetCheck>().VisibleTo(db, user.Scope()).AsNoTracking().Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("盘点记录不存在或不在您的权限范围内");
        var names = await db.Set<FixedAsset>().AsNoTracking().Where(a => a.StationId == c.StationId).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return ToDto(c, names);
    }

    /// <summary>Records a check-up: every item an asset of this station in the register on the day, each once, with its result.</summary>
    public static async Task<AssetCheckDto> Check(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, Guid stationId, AssetCheckInput input, CancellationToken ct)
    {
        var station = await Station(db, user, stationId, ct);
        var today = ChinaTime.Today(clock);
        var errors = new Errors();
        var on = string.IsNullOrWhiteSpace(input.CheckedOn) ? today : StationRecords.ParseDate(errors, "checkedOn", input.CheckedOn, "盘点日期", notAfter: today);
        var by = Text(errors, "checkedBy", input.CheckedBy, "盘点人", 100);
        var note = Text(errors, "note", input.Note, "备注", 1000, required: false);
        var items = input.Items ?? [];
        if (items.Count == 0) errors.Add("items", "请逐项填写盘点结果");
        var assets = await db.Set<FixedAsset>().AsNoTracking().Where(a => a.StationId == station.Id).ToDictionaryAsync(a => a.Id, ct);
        var seen = new HashSet<Guid>();
        var rows = new List<AssetCheckItem>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var result = CheckResults.Parse(item.Result);
            if (item.AssetId is not { } assetId || !assets.TryGetValue(assetId, out var asset)) { errors.Add($"items[{i}].assetId", "不是本站台账中的资产"); continue; }
            if (!seen.Add(assetId)) { errors.Add($"items[{i}].assetId", "同一资产只能盘点一次"); continue; }
            if (on is { } d && !AssetRules.InRegister(asset.AcquiredOn, asset.DisposedOn, d)) errors.Add($"items[{i}].assetId", $"“{asset.Name}”在盘点日不在台账中（未购置或已处置）");
            if (result is null) errors.Add($"items[{i}].result", "盘点结果应为 found（在用完好）、missing（盘亏）或 damaged（损坏）");
            var itemNote = StationRecords.Clean(item.Note);
            if (itemNote is { Length: > 200 }) errors.Add($"items[{i}].note", "说明不能超过200字");
            rows.Add(new AssetCheckItem { AssetId = assetId, Result = result ?? CheckResult.Found, Note = itemNote });
        }
        errors.ThrowIfAny();
        var c = new AssetCheck { StationId = station.Id, CheckedOn = on!.Value, CheckedBy = by!, Note = note, RecordedBy = user.Identity?.Name ?? "", Items = rows };
        db.Add(c);
        await db.SaveChangesAsync(ct);
        return ToDto(c, assets.ToDictionary(a => a.Key, a => a.Value.Name));
    }

    private static AssetCheckDto ToDto(AssetCheck c, Dictionary<Guid, string> names) =>
        new(c.Id, c.StationId, D(c.CheckedOn), c.CheckedBy, c.Note, c.RecordedBy,
            c.Items.Count(i => i.Result == CheckResult.Found), c.Items.Count(i => i.Result == CheckResult.Missing), c.Items.Count(i => i.Result == CheckResult.Damaged),
            c.Items.Select(i => new CheckItemDto(i.AssetId, names.GetValueOrDefault(i.AssetId) ?? "", CheckResults.ToApi(i.Result), CheckResults.Chinese(i.Result), i.Note)).ToList());

    public static AssetDto ToDto(FixedAsset a, (DateOnly On, CheckResult Result) last) =>
        new(a.Id, a.StationId, a.Name, a.Category, a.Value, D(a.AcquiredOn), a.FundingSource, a.Location, a.Custodian,
            a.DisposedOn is null ? "inUse" : "disposed", a.DisposedOn is null ? "在用" : "已处置",
            a.DisposedOn is { } d ? D(d) : null, a.DisposalReason, a.DisposalApproval, a.DisposedBy,
            last == default ? null : D(last.On), last == default ? null : CheckResults.ToApi(last.Result), a.CreatedBy, a.Version);
}
