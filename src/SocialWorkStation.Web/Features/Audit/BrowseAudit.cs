using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Audit;

public sealed record AuditDto(long Id, DateTime At, string UserName, string Action, string EntityType, string? EntityId, string? Before, string? After, string? Note, string? IpAddress);

/// <summary>The audit administrator browses and filters the trail. Reading it is itself not audited row by row.</summary>
public static class BrowseAudit
{
    public sealed record Query(string? User = null, string? Action = null, string? EntityType = null, string? EntityId = null, DateOnly? From = null, DateOnly? To = null);

    public static async Task<Paged<AuditDto>> Handle(AppDbContext db, Query query, PageRequest page, CancellationToken ct)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.User)) q = q.Where(e => e.UserName.Contains(query.User));
        if (!string.IsNullOrWhiteSpace(query.Action)) q = q.Where(e => e.Action == query.Action);
        if (!string.IsNullOrWhiteSpace(query.EntityType)) q = q.Where(e => e.EntityType == query.EntityType);
        if (!string.IsNullOrWhiteSpace(query.EntityId)) q = q.Where(e => e.EntityId == query.EntityId);
        if (query.From is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(from);
            q = q.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
            q = q.Where(e => e.At < end);
        }
        var result = await q.OrderByDescending(e => e.Id).ToPageAsync(page, ct);
        return new Paged<AuditDto>(result.Items.Select(e => new AuditDto(e.Id, e.At, e.UserName, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.Note, e.IpAddress)).ToList(),
            result.Total, result.Page, result.PageSize);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/audit", (AppDbContext db, string? user, string? action, string? entityType, string? entityId, DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken ct) =>
                Handle(db, new Query(user, action, entityType, entityId, from, to), PageRequest.From(page, pageSize), ct))
            .RequireAuthorization(Permissions.AuditRead)
            .WithTags("审计 Audit")
            .WithSummary("The audit trail, newest first, filtered");
        api.MapPost("/audit/verify", (AppDbContext db, AuditChainKey key, CancellationToken ct) => AuditChain.VerifyAsync(db, key, ct))
            .RequireAuthorization(Permissions.AuditRead)
            .WithTags("审计 Audit")
            .WithSummary("Checks every entry's MAC and every seal of the audit trail; reports the first broken link (docs/security.md)");
    }
}
