using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Attachments;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Web.Features.Organisations;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Resources;

public static class ResourceUseCases
{
    public const string OwnerType = "resource";

    public static async Task<Paged<ResourceDto>> List(AppDbContext db, UserScope scope, Guid? stationId, string? kind, int? year, string? q, PageRequest page,
        CancellationToken ct, Guid? recipientId = null)
    {
        var query = db.Set<Resource>().AsNoTracking().VisibleTo(db, scope);
        if (stationId is { } s) query = query.Where(r => r.StationId == s);
        if (recipientId is { } who) query = query.Where(r => r.RecipientId == who);
        if (kind is not null)
        {
            var k = ResourceNames.Kind(kind) ?? throw RequestValidationException.For("kind", "资源类型应为 money（资金）、goods（物资）或 services（服务）");
            query = query.Where(r => r.Kind == k);
        }
        if (year is { } y)
        {
            var (from, to) = (new DateOnly(Math.Clamp(y, 2000, 2100), 1, 1), new DateOnly(Math.Clamp(y, 2000, 2100), 12, 31));
            query = query.Where(r => r.ReceivedOn >= from && r.ReceivedOn <= to);
        }
        if (StationRecords.Clean(q) is { } text) query = query.Where(r => r.DonorName.Contains(text) || r.Description.Contains(text));
        var result = await query.OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id).ToPageAsync(page, ct);
        return new Paged<ResourceDto>(await ToDtos(db, result.Items, false, ct), result.Total, result.Page, result.PageSize);
    }

    public static async Task<Resource> Load(AppDbContext db, UserScope scope, Guid id, CancellationToken ct, bool tracking = false)
    {
        var q = db.Set<Resource>().VisibleTo(db, scope);
        if (!tracking) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("资源记录不存在或不在您的权限范围内");
    }

    public static async Task<ResourceDto> Get(AppDbContext db, UserScope scope, Guid id, CancellationToken ct) =>
        (await ToDtos(db, [await Load(db, scope, id, ct)], true, ct))[0];

    public static async Task<ResourceDto> Create(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, ResourceInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var errors = new Errors();
        var station = await StationRecords.Target(db, scope, input.StationId, errors, ct);
        var r = new Resource { CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.Identity?.Name };
        await Apply(db, clock, scope, input, station, errors, r, ct);
        r.StationId = station!.Id;
        db.Add(r);
        await db.SaveChangesAsync(ct);
        return await Get(db, scope, r.Id, ct);
    }

    public static async Task<ResourceDto> Update(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid id, ResourceInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var r = await Load(db, scope, id, ct, tracking: true);
        Versions.Check(db, r, input.Version, "资源记录");
        var station = await db.Platforms.AsNoTracking().FirstAsync(p => p.Id == r.StationId, ct);
        await Apply(db, clock, scope, input, station, new Errors(), r, ct);
        await db.SaveChangesAsync(ct);
        return await Get(db, scope, r.Id, ct);
    }

    private static bool Cents(decimal v) => decimal.Round(v, 2) == v;

    private static async Task Apply(AppDbContext db, TimeProvider clock, UserScope scope, ResourceInput input, Platform? station, Errors errors, Resource r, CancellationToken ct)
    {
        var date = StationRecords.ParseDate(errors, "receivedOn", input.ReceivedOn, "接收日期", notAfter: ChinaTime.Today(clock));
        errors.Required("donorName", input.DonorName, "捐赠方/合作方名称").MaxLength("donorName", input.DonorName, 100, "捐赠方/合作方名称")
            .Required("description", input.Description, "资源内容").MaxLength("description", input.Description, 500, "资源内容")
            .MaxLength("unit", input.Unit, 20, "单位").MaxLength("use", input.Use, 1000, "使用情况");
        var donor = ResourceNames.Donor(input.DonorKind);
        if (donor is null) errors.Add("donorKind", "请选择捐赠方类型：enterprise（爱心企业）、socialOrganisation（社会组织）、individual（爱心人士）、government（政府部门、群团组织）或 other");
        var kind = ResourceNames.Kind(input.Kind);
        if (kind is null) errors.Add("kind", "请选择资源类型：money（资金）、goods（物资）或 services（服务）");
        if (kind == ResourceKind.Money)
        {
            if (input.Amount is null) errors.Add("amount", "请填写金额（元）");
            else if (input.Amount <= 0 || input.Amount > 1_000_000_000m || !Cents(input.Amount.Value)) errors.Add("amount", "金额应大于0元，最多两位小数");
            if (input.Quantity is not null) errors.Add("quantity", "资金不填数量，请填金额");
        }
        else if (input.Amount is not null)
        {
            errors.Add("amount", "金额只用于资金；物资或服务的价值请填在“估算价值”");
        }
        if (kind == ResourceKind.Goods && input.Quantity is not null && (input.Quantity <= 0 || !Cents(input.Quantity.Value)))
            errors.Add("quantity", "数量应大于0，最多两位小数");
        if (input.EstimatedValue is { } ev && (ev < 0 || !Cents(ev))) errors.Add("estimatedValue", "估算价值不能为负数，最多两位小数");
        var destination = input.Destination is null ? ResourceDestination.Station : ResourceNames.Destination(input.Destination);
        if (destination is null) errors.Add("destination", "去向应为 station（本站）、village（某村/社区）、activity（某次活动）或 recipient（某位服务对象）");
        if (destination == ResourceDestination.Activity)
        {
            if (input.ActivityId is null) errors.Add("activityId", "请选择资源用于的活动");
            else if (station is not null && !await db.Set<Activity>().VisibleTo(db, scope).AnyAsync(a => a.Id == input.ActivityId && a.StationId == station.Id, ct))
                errors.Add("activityId", "活动不存在或不属于本站");
        }
        if (destination == ResourceDestination.Village)
        {
            if (StationRecords.Clean(input.VillageCode) is not { } code) errors.Add("villageCode", "请选择资源发放的村（社区）");
            else await StationRecords.ValidateVillage(db, errors, "villageCode", code, station, ct);
        }
        if (destination == ResourceDestination.Recipient)
        {
            if (input.RecipientId is null) errors.Add("recipientId", "请选择受助的服务对象");
            else if (station is not null)
            {
                // The same answer for someone outside the scope and someone of another station: nothing is learnt either way.
                var rooms = db.Platforms.Where(p => p.Id == station.Id || p.ParentId == station.Id).Select(p => p.Id);
                if (!await db.Recipients.VisibleTo(db, scope).AnyAsync(x => x.Id == input.RecipientId && rooms.Contains(x.StationId), ct))
                    errors.Add("recipientId", "服务对象不存在，或不是本站（含所属社工室）登记的服务对象");
            }
        }
        if (input.PartnerId is { } partner && !await db.Organisations.AnyAsync(o => o.Id == partner && o.Kind == OrganisationKind.Partner, ct))
            errors.Add("partnerId", "合作方单位不存在");
        errors.ThrowIfAny();

        r.DonorName = input.DonorName!.Trim();
        r.DonorKind = donor!.Value;
        r.PartnerId = input.PartnerId;
        r.Kind = kind!.Value;
        r.Description = input.Description!.Trim();
        r.Amount = kind == ResourceKind.Money ? input.Amount : null;
        r.Quantity = kind == ResourceKind.Goods ? input.Quantity : null;
        r.Unit = kind == ResourceKind.Goods ? StationRecords.Clean(input.Unit) : null;
        r.EstimatedValue = kind == ResourceKind.Money ? null : input.EstimatedValue;
        r.ReceivedOn = date!.Value;
        r.Destination = destination!.Value;
        r.ActivityId = destination == ResourceDestination.Activity ? input.ActivityId : null;
        r.VillageCode = destination == ResourceDestination.Village ? StationRecords.Clean(input.VillageCode) : null;
        r.RecipientId = destination == ResourceDestination.Recipient ? input.RecipientId : null;
        r.Use = StationRecords.Clean(input.Use);
    }

    /// <summary>A station's resources of a year in totals (money summed in memory: SQLite cannot sum decimals exactly).</summary>
    public static async Task<ResourceSummaryDto> Summary(AppDbContext db, TimeProvider clock, UserScope scope, Guid? stationId, int? year, CancellationToken ct)
    {
        var (from, to) = StationRecords.Year(year, clock);
        var station = await StationRecords.ForQuery(db, scope, stationId, ct);
        var rows = await db.Set<Resource>().AsNoTracking()
            .Where(r => r.StationId == station.Id && r.ReceivedOn >= from && r.ReceivedOn <= to)
            .Select(r => new { r.Kind, r.Amount, r.EstimatedValue, r.DonorName }).ToListAsync(ct);
        return new ResourceSummaryDto(station.Id, from.ToString("yyyy-MM-dd"), to.ToString("yyyy-MM-dd"),
            rows.Where(r => r.Kind == ResourceKind.Money).Sum(r => r.Amount ?? 0), rows.Count(r => r.Kind == ResourceKind.Goods),
            rows.Count(r => r.Kind == ResourceKind.Services), rows.Sum(r => r.EstimatedValue ?? 0),
            rows.Select(r => r.DonorName).Distinct().Count(), rows.Count);
    }

    private static async Task<List<ResourceDto>> ToDtos(AppDbContext db, IReadOnlyList<Resource> items, bool withDetails, CancellationToken ct)
    {
        var stations = await StationRecords.Stations(db, items.Select(r => r.StationId), ct);
        var activityIds = items.Where(r => r.ActivityId is not null).Select(r => r.ActivityId!.Value).Distinct().ToList();
        var themes = activityIds.Count == 0 ? [] : await db.Set<Activity>().AsNoTracking().Where(a => activityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Theme, ct);
        var villages = await StationRecords.RegionNames(db, items.Select(r => r.VillageCode), ct);
        // Recipients' names are masked in every answer (docs/requirements/domain.md §8); the full record is behind the recipient's own reveal.
        var recipientIds = items.Where(r => r.RecipientId is not null).Select(r => r.RecipientId!.Value).Distinct().ToList();
        var names = recipientIds.Count == 0 ? [] : await db.Recipients.AsNoTracking().Where(x => recipientIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => Masking.Name(x.Name), ct);
        var attachments = withDetails ? await AttachmentUseCases.ForOwners(db, OwnerType, items.Select(r => r.Id).ToList(), ct) : [];
        return items.Select(r => new ResourceDto(r.Id, r.StationId, stations.GetValueOrDefault(r.StationId)?.Name, r.DonorName,
            ResourceNames.Donor(r.DonorKind), r.PartnerId, ResourceNames.Kind(r.Kind), r.Description, r.Amount, r.Quantity, r.Unit,
            r.EstimatedValue, r.ReceivedOn.ToString("yyyy-MM-dd"), ResourceNames.Destination(r.Destination), r.ActivityId,
            r.ActivityId is { } a ? themes.GetValueOrDefault(a) : null, r.Use, attachments.GetValueOrDefault(r.Id) ?? [],
            r.CreatedBy, r.CreatedAt, r.Version, r.VillageCode, r.VillageCode is { } v ? villages.GetValueOrDefault(v) : null,
            r.RecipientId, r.RecipientId is { } who ? names.GetValueOrDefault(who) : null)).ToList();
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/resources").WithTags("资源链接 Resources");
        g.MapGet("/", (Guid? stationId, string? kind, int? year, string? q, Guid? recipientId, int? page, int? pageSize, AppDbContext db, HttpContext http, CancellationToken ct) =>
                List(db, http.User.Scope(), stationId, kind, year, q, PageRequest.From(page, pageSize), ct, recipientId))
            .WithSummary("The resource list (资源清单) inside the caller's scope (filters: stationId, kind money|goods|services, year, q, recipientId: what went to one recipient)");
        g.MapGet("/summary", (Guid? stationId, int? year, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                Summary(db, clock, http.User.Scope(), stationId, year, ct))
            .WithSummary("A station's resources of a year in totals (money in yuan)");
        g.MapGet("/{id:guid}", (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) => Get(db, http.User.Scope(), id, ct))
            .WithSummary("One resource with its attachments");
        g.MapPost("/", async (ResourceInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await Create(db, clock, http.User, input, ct);
                return TypedResults.Created($"/api/v1/resources/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.ServicesRecord)
            .WithSummary("Record a linked resource (money in yuan, goods, services) and where it went: destination station, village (villageCode), activity (activityId) or recipient (recipientId, a recipient of the station inside the caller's scope; answered masked)");
        g.MapPut("/{id:guid}", (Guid id, ResourceInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                Update(db, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.ServicesRecord)
            .WithSummary("Correct a resource; send the version you read (409 when stale)");
    }
}
