using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Stations;

/// <summary>A record that belongs to one platform (station, village room or county centre).</summary>
public interface IStationRecord
{
    Guid Id { get; }
    Guid StationId { get; }
}

/// <summary>
/// Scope and version rules shared by every station-owned record (activities, volunteers, resources …):
/// a record is visible exactly when its platform is (ADR 0003), lists filter in SQL, and a write names
/// the version it read.
/// </summary>
public static class StationRecords
{
    /// <summary>
    /// The records whose platform the user may see, filtered in SQL as <c>StationId IN (visible platforms)</c>.
    /// An OR across the join to the platform (own station OR its village rooms) would make PostgreSQL scan the
    /// whole table; the IN form goes from the few visible platforms through the StationId index.
    /// </summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> q, AppDbContext db, UserScope scope) where T : class, IStationRecord
    {
        if (scope.Kind == ScopeKind.None || !scope.ServiceRecords)
        {
            // No scope, or an administrator's (三员分立): no station's service records.
            return q.Where(r => false);
        }
        if (scope.Kind == ScopeKind.Platform)
        {
            return q;
        }
        var stations = db.Platforms.VisibleTo(scope).Select(p => p.Id);
        return q.Where(r => stations.Contains(r.StationId));
    }

    /// <summary>
    /// The platform a new record goes to: the one named, or the user's own station when none is named.
    /// A platform outside the scope is refused as if it did not exist (400 naming the field).
    /// </summary>
    public static async Task<Platform?> Target(AppDbContext db, UserScope scope, Guid? stationId, Errors errors, CancellationToken ct, string field = "stationId")
    {
        var id = stationId ?? (scope.Kind == ScopeKind.Station ? scope.StationId : null);
        if (id is null)
        {
            errors.Add(field, "请选择站点");
            return null;
        }
        var platform = await db.Platforms.AsNoTracking().VisibleTo(scope).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (platform is null)
        {
            errors.Add(field, "站点不存在或不在您的权限范围内");
        }
        return platform;
    }

    /// <summary>The platform a progress or export question is about: the one named (404 outside), or the user's own station.</summary>
    public static async Task<Platform> ForQuery(AppDbContext db, UserScope scope, Guid? stationId, CancellationToken ct)
    {
        var id = stationId ?? (scope.Kind == ScopeKind.Station ? scope.StationId : null)
            ?? throw RequestValidationException.For("stationId", "请选择站点");
        return await db.Platforms.AsNoTracking().VisibleTo(scope).FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException("站点不存在或不在您的权限范围内");
    }


    /// <summary>The calendar year as the period of an annual standard (no contracts yet; docs/requirements/domain.md §10).</summary>
    public static (DateOnly From, DateOnly To) Year(int? year, TimeProvider clock)
    {
        var y = year ?? ChinaTime.Today(clock).Year;
        if (y is < 2000 or > 2100)
        {
            throw RequestValidationException.For("year", "年份应在2000到2100之间");
        }
        return (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
    }

    /// <summary>A YYYY-MM-DD date; a missing required one or a malformed one is added to the errors by field.</summary>
    public static DateOnly? ParseDate(Errors errors, string field, string? value, string label, bool required = true, DateOnly? notAfter = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(field, $"请填写{label}");
            return null;
        }
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", out var d))
        {
            errors.Add(field, $"{label}格式应为 YYYY-MM-DD");
            return null;
        }
        if (d.Year < 2000)
        {
            errors.Add(field, $"{label}不能早于2000年");
            return null;
        }
        if (notAfter is { } limit && d > limit)
        {
            errors.Add(field, $"{label}不能晚于今天（{limit:yyyy-MM-dd}）");
            return null;
        }
        return d;
    }

    /// <summary>A village (12-digit code) inside the platform's region; the platform's own region for a village room.</summary>
    public static async Task ValidateVillage(AppDbContext db, Errors errors, string field, string? code, Platform? station, CancellationToken ct)
    {
        if (code is null || station is null)
        {
            return;
        }
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
        if (region is null || region.Level != Domain.Regions.RegionLevel.Village)
        {
            errors.Add(field, "村（社区）代码不存在，应为12位行政区划代码");
        }
        else if (!code.StartsWith(station.RegionCode, StringComparison.Ordinal))
        {
            errors.Add(field, "该村（社区）不在本站服务的区域内");
        }
    }

    public static async Task<Dictionary<string, string>> RegionNames(AppDbContext db, IEnumerable<string?> codes, CancellationToken ct)
    {
        var list = codes.OfType<string>().Distinct().ToList();
        return list.Count == 0 ? [] : await db.Regions.AsNoTracking().Where(r => list.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }

    public static async Task<Dictionary<Guid, Platform>> Stations(AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Platforms.AsNoTracking().Where(p => list.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
    }

    /// <summary>Trims; empty becomes null.</summary>
    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>One annual standard's progress as the API answers it.</summary>
public sealed record ProgressItemDto(string Rule, string Label, int Done, int Required, bool Met, string Message, string Source, string? Interpretation)
{
    public static ProgressItemDto From(Domain.Services.StandardProgress p) =>
        new(p.Rule, p.Label, p.Done, p.Required, p.Met, p.Message, p.Source, p.Interpretation);
}

/// <summary>
/// A station's progress on the standards of one area for a period. <c>tracked</c> is false when the
/// station's profile sets none of them (the document has no number: nothing to meet).
/// </summary>
public sealed record ProgressDto(Guid StationId, string StationName, string ProfileKey, string From, string To, bool Tracked, IReadOnlyList<ProgressItemDto> Items)
{
    public static ProgressDto Of(Platform station, DateOnly from, DateOnly to, IEnumerable<Domain.Services.StandardProgress?> items)
    {
        var list = items.OfType<Domain.Services.StandardProgress>().Select(ProgressItemDto.From).ToList();
        return new ProgressDto(station.Id, station.Name, station.ProfileKey, from.ToString("yyyy-MM-dd"), to.ToString("yyyy-MM-dd"), list.Count > 0, list);
    }
}
