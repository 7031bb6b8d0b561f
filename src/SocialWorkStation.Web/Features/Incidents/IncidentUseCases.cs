using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Incidents;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Incidents;

/// <summary>Incidents and urgent reports, and the county documents (docs/requirements/incidents.md).</summary>
public static class IncidentUseCases
{
    public const int MaxText = 2000;
    private const string NotFound = "事件不存在或不在您的权限范围内";

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    public static IncidentRules? Rules(ProfileCatalog profiles, string profileKey) => profiles.Find(profileKey)?.Incidents;

    private static IncidentSeverity? ParseSeverity(string? s) => s?.Trim() switch
    {
        "minor" or "一般" => IncidentSeverity.Minor,
        "serious" or "较重" => IncidentSeverity.Serious,
        "critical" or "严重" => IncidentSeverity.Critical,
        _ => null,
    };

    private static UrgentNeed? ParseNeed(string? s) => s?.Trim() switch
    {
        "medical" => UrgentNeed.Medical,
        "other" => UrgentNeed.Other,
        _ => null,
    };

    private static string? Text(Errors errors, string field, string? value, string label, bool required)
    {
        var t = StationRecords.Clean(value);
        if (t is null && required) errors.Add(field, $"请填写{label}");
        else if (t is { Length: > MaxText }) errors.Add(field, $"{label}不能超过{MaxText}字");
        return t;
    }

    public static IQueryable<Incident> Visible(AppDbContext db, ClaimsPrincipal user) => db.Set<Incident>().VisibleTo(db, user.Scope());

    public static async Task<Paged<IncidentDto>> List(AppDbContext db, ClaimsPrincipal user, Guid? stationId, string? status, PageRequest page, CancellationToken ct)
    {
        var q = Visible(db, user).AsNoTracking();
        if (stationId is { } s) q = q.Where(i => i.StationId == s);
        q = status switch
        {
            null or "" => q,
            "open" => q.Where(i => i.ClosedOn == null),
            "closed" => q.Where(i => i.ClosedOn != null),
            "unacknowledged" => q.Where(i => i.Urgent && i.AcknowledgedAt == null),
            _ => throw RequestValidationException.For("status", "状态应为 open、closed 或 unacknowledged"),
        };
        var result = await q.OrderByDescending(i => i.OccurredOn).ThenByDescending(i => i.Id).ToPageAsync(page, ct);
        return new Paged<IncidentDto>(await ToDtos(db, result.Items, ct), result.Total, result.Page, result.PageSize);
    }

    /// <summary>The incidents of one station (404 when the station is outside the scope).</summary>
    public static async Task<Paged<IncidentDto>> ForStation(AppDbContext db, ClaimsPrincipal user, Guid stationId, string? status, PageRequest page, CancellationToken ct)
    {
        await StationRecords.ForQuery(db, user.Scope(), stationId, ct);
        return await List(db, user, stationId, status, page, ct);
    }

    public static async Task<IncidentDto> Get(AppDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var i = await Visible(db, user).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(NotFound);
        return (await ToDtos(db, [i], ct))[0];
    }

    /// <summary>
    /// Registers an incident. An urgent one takes its route from the station's profile (the first route whose need and,
    /// where it names them, recipient categories match) or the platform default, and is reported at once.
    /// </summary>
    public static async Task<IncidentDto> Create(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, IncidentInput input, CancellationToken ct)
    {
        var errors = new Errors();
        var scope = user.Scope();
        var station = await StationRecords.Target(db, scope, input.StationId, errors, ct);
        var today = ChinaTime.Today(clock);
        var occurred = StationRecords.ParseDate(errors, "occurredOn", input.OccurredOn, "发生日期", notAfter: today);
        var what = Text(errors, "what", input.What, "事件经过", required: true);
        var severity = ParseSeverity(input.Severity);
        if (severity is null) errors.Add("severity", "请选择严重程度：minor（一般）、serious（较重）或 critical（严重）");
        var actions = Text(errors, "actions", input.Actions, "处置措施", required: false);
        var urgent = input.Urgent == true;
        var need = urgent ? ParseNeed(input.Need) : null;
        if (urgent && need is null) errors.Add("need", "紧急报告请选择事由：medical（就诊或住院）或 other（其他紧急情况）");
        long categoryMask = 0;
        if (input.RecipientId is { } rid && station is not null)
        {
            var recipient = await db.Recipients.AsNoTracking().VisibleTo(db, scope).Where(r => r.Id == rid)
                .Select(r => new { r.StationId, r.CategoryMask }).FirstOrDefaultAsync(ct);
            if (recipient is null || recipient.StationId != station.Id)
            {
                errors.Add("recipientId", "该服务对象不存在或不属于本站");
            }
            else
            {
                categoryMask = recipient.CategoryMask;
            }
        }
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var incident = new Incident
        {
            StationId = station!.Id, OccurredOn = occurred!.Value, What = what!, RecipientId = input.RecipientId, Severity = severity!.Value, Actions = actions,
            CreatedAt = now, CreatedBy = user.Identity?.Name,
        };
        if (urgent)
        {
            var categories = RecipientCategories.FromMask(categoryMask).Select(RecipientCategories.ToApi);
            var route = IncidentChecks.Route(Rules(profiles, station.ProfileKey), need!.Value, categories);
            incident.Urgent = true;
            incident.Need = need;
            incident.ReportTo = route.To;
            incident.RouteSource = route.FromDocument ? $"{profiles.Find(station.ProfileKey)?.ShortName} {route.Source}".Trim() : route.Source;
            incident.ReportedAt = now;
        }
        db.Add(incident);
        await db.SaveChangesAsync(ct);
        return await Get(db, user, incident.Id, ct);
    }

    public static async Task<IncidentDto> Update(AppDbContext db, ClaimsPrincipal user, Guid id, IncidentUpdateInput input, CancellationToken ct)
    {
        var i = await Visible(db, user).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(NotFound);
        var errors = new Errors();
        var what = Text(errors, "what", input.What, "事件经过", required: true);
        var severity = ParseSeverity(input.Severity);
        if (severity is null) errors.Add("severity", "请选择严重程度：minor（一般）、serious（较重）或 critical（严重）");
        var actions = Text(errors, "actions", input.Actions, "处置措施", required: false);
        errors.ThrowIfAny();
        Versions.Check(db, i, input.Version, "事件");
        i.What = what!;
        i.Severity = severity!.Value;
        i.Actions = actions;
        await db.SaveChangesAsync(ct);
        return await Get(db, user, id, ct);
    }

    public static async Task<IncidentDto> Close(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid id, IncidentCloseInput input, CancellationToken ct)
    {
        var i = await Visible(db, user).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(NotFound);
        var errors = new Errors();
        var today = ChinaTime.Today(clock);
        var closedOn = string.IsNullOrWhiteSpace(input.ClosedOn) ? today : StationRecords.ParseDate(errors, "closedOn", input.ClosedOn, "结案日期", notAfter: today);
        var closure = Text(errors, "closure", input.Closure, "结案情况", required: true);
        if (closedOn is { } c && !IncidentChecks.ClosureDateValid(i.OccurredOn, c)) errors.Add("closedOn", $"结案日期不能早于发生日期（{D(i.OccurredOn)}）");
        errors.ThrowIfAny();
        if (i.ClosedOn is not null) throw new BusinessRuleException("该事件已结案", "closedOn");
        Versions.Check(db, i, input.Version, "事件");
        i.ClosedOn = closedOn;
        i.Closure = closure;
        i.ClosedBy = user.Identity?.Name;
        await db.SaveChangesAsync(ct);
        return await Get(db, user, id, ct);
    }

    /// <summary>
    /// The receiver acknowledges an urgent report: a township officer one routed to the township, a bureau officer one
    /// routed to the bureau (422 otherwise, and for an incident that is not an urgent report or is already acknowledged).
    /// </summary>
    public static async Task<IncidentDto> Acknowledge(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid id, AcknowledgeInput input, CancellationToken ct)
    {
        var i = await Visible(db, user).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(NotFound);
        if (!i.Urgent) throw new BusinessRuleException("该事件不是紧急报告，无需确认", "version");
        if (i.AcknowledgedAt is not null) throw new BusinessRuleException($"该紧急报告已由 {i.AcknowledgedBy} 确认收到", "version");
        var role = i.ReportTo == UrgentReceiver.CountyBureau ? Roles.BureauOfficer : Roles.TownshipOfficer;
        if (!user.IsInRole(role))
        {
            throw new BusinessRuleException($"该紧急报告报{IncidentLabels.Receiver(i.ReportTo ?? UrgentReceiver.Township)}，由其确认收到（{i.RouteSource}）", "version");
        }
        Versions.Check(db, i, input.Version, "紧急报告");
        i.AcknowledgedAt = clock.GetUtcNow().UtcDateTime;
        i.AcknowledgedBy = user.Identity?.Name;
        await db.SaveChangesAsync(ct);
        return await Get(db, user, id, ct);
    }

    private static async Task<List<IncidentDto>> ToDtos(AppDbContext db, IReadOnlyList<Incident> items, CancellationToken ct)
    {
        var stationIds = items.Select(i => i.StationId).Distinct().ToList();
        var stations = await db.Platforms.AsNoTracking().Where(p => stationIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var recipientIds = items.Where(i => i.RecipientId != null).Select(i => i.RecipientId!.Value).Distinct().ToList();
        var names = recipientIds.Count == 0 ? [] : await db.Recipients.AsNoTracking().Where(r => recipientIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        return items.Select(i => new IncidentDto(i.Id, i.StationId, stations.GetValueOrDefault(i.StationId) ?? "", D(i.OccurredOn), i.What, i.RecipientId,
            i.RecipientId is { } r && names.TryGetValue(r, out var n) ? Masking.Name(n) : null,
            JsonNames.Camel(i.Severity.ToString()), IncidentLabels.Severity(i.Severity), i.Actions, i.Urgent,
            i.Need is { } need ? JsonNames.Camel(need.ToString()) : null, i.Need is { } need2 ? IncidentLabels.Need(need2) : null,
            i.ReportTo is { } to ? JsonNames.Camel(to.ToString()) : null, i.ReportTo is { } to2 ? IncidentLabels.Receiver(to2) : null,
            i.RouteSource, i.ReportedAt, i.AcknowledgedAt is not null, i.AcknowledgedAt, i.AcknowledgedBy,
            i.ClosedOn is null ? "open" : "closed", i.ClosedOn is null ? "处理中" : "已结案", i.ClosedOn is { } c ? D(c) : null, i.Closure, i.ClosedBy,
            i.CreatedBy, i.Version)).ToList();
    }

    // ---- county documents ----

    /// <summary>The counties in scope whose stations' profile asks for county documents, with the ones not on file.</summary>
    public static async Task<IReadOnlyList<CountyDocumentStatusDto>> CountyStatus(AppDbContext db, ProfileCatalog profiles, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = user.Scope();
        var withDocuments = profiles.All.Where(p => p.Incidents?.CountyDocuments is not null).Select(p => p.Key).ToList();
        if (withDocuments.Count == 0 || !scope.ServiceRecords) return [];
        var counties = await db.Platforms.AsNoTracking().VisibleTo(scope).Where(p => withDocuments.Contains(p.ProfileKey))
            .Select(p => new { County = p.RegionCode.Substring(0, 6), p.ProfileKey }).Distinct().ToListAsync(ct);
        if (counties.Count == 0) return [];
        var codes = counties.Select(c => c.County).Distinct().ToList();
        var onFile = await db.Set<CountyDocument>().AsNoTracking().Where(d => codes.Contains(d.CountyCode)).Select(d => new { d.CountyCode, d.Name }).ToListAsync(ct);
        var names = await StationRecords.RegionNames(db, codes, ct);
        return counties.OrderBy(c => c.County).Select(c =>
        {
            var rules = profiles.Find(c.ProfileKey)!.Incidents!;
            var missing = IncidentChecks.MissingDocuments(rules, onFile.Where(d => d.CountyCode == c.County).Select(d => d.Name));
            var shortName = profiles.Find(c.ProfileKey)!.ShortName;
            return new CountyDocumentStatusDto(c.County, names.GetValueOrDefault(c.County) ?? c.County, rules.CountyDocuments!.Value, missing,
                $"{shortName} {rules.CountyDocuments.Source}", rules.CountyDocuments.Interpretation);
        }).ToList();
    }

    public static async Task<CountyDocumentsDto> ListDocuments(AppDbContext db, ProfileCatalog profiles, ClaimsPrincipal user, CancellationToken ct)
    {
        var docs = await db.Set<CountyDocument>().AsNoTracking().VisibleDocuments(user.Scope()).OrderBy(d => d.CountyCode).ThenBy(d => d.Name).ThenByDescending(d => d.AdoptedOn).ToListAsync(ct);
        var names = await StationRecords.RegionNames(db, docs.Select(d => d.CountyCode), ct);
        return new CountyDocumentsDto(docs.Select(d => ToDto(d, names)).ToList(), await CountyStatus(db, profiles, user, ct));
    }

    private static CountyDocumentDto ToDto(CountyDocument d, Dictionary<string, string> names) =>
        new(d.Id, d.CountyCode, names.GetValueOrDefault(d.CountyCode) ?? d.CountyCode, d.Name, d.Title, d.FileNumber, D(d.AdoptedOn), d.CreatedBy, d.Version);

    /// <summary>The bureau records a county document; the county must be in its scope and the name one its profile asks for.</summary>
    public static async Task<CountyDocumentDto> AddDocument(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, CountyDocumentInput input, CancellationToken ct)
    {
        var errors = new Errors();
        var status = await CountyStatus(db, profiles, user, ct);
        var code = StationRecords.Clean(input.CountyCode);
        var county = status.FirstOrDefault(c => c.CountyCode == code);
        if (code is null) errors.Add("countyCode", "请选择县（市、区）");
        else if (county is null) errors.Add("countyCode", "该县（市、区）不在您的权限范围内，或其政策方案不要求县级文件");
        var name = StationRecords.Clean(input.Name);
        if (name is null) errors.Add("name", "请选择文件类别");
        else if (county is not null && !county.Required.Contains(name)) errors.Add("name", $"文件类别应为：{string.Join("、", county.Required)}");
        var title = StationRecords.Clean(input.Title);
        if (title is null) errors.Add("title", "请填写文件标题");
        else if (title.Length > 200) errors.Add("title", "文件标题不能超过200字");
        var number = StationRecords.Clean(input.FileNumber);
        if (number is { Length: > 100 }) errors.Add("fileNumber", "文号不能超过100字");
        var adopted = StationRecords.ParseDate(errors, "adoptedOn", input.AdoptedOn, "印发日期", notAfter: ChinaTime.Today(clock));
        errors.ThrowIfAny();
        var d = new CountyDocument
        {
            CountyCode = code!, Name = name!, Title = title!, FileNumber = number, AdoptedOn = adopted!.Value,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.Identity?.Name,
        };
        db.Add(d);
        await db.SaveChangesAsync(ct);
        return ToDto(d, await StationRecords.RegionNames(db, [d.CountyCode], ct));
    }
}
