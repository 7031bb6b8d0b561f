using SocialWorkStation.Web.Features.Accounts;

namespace SocialWorkStation.Web.Features.Audit;

/// <summary>Who is acting: the signed-in user of the request, or "system" for start-up, seeding and commands.</summary>
public sealed class AuditActor(IHttpContextAccessor http)
{
    public string? UserId => http.HttpContext?.User.UserId();
    public string UserName => http.HttpContext?.User.Identity?.IsAuthenticated == true
        ? http.HttpContext.User.Identity.Name ?? "?"
        : OverrideName ?? "system";
    public string? IpAddress => http.HttpContext?.Connection.RemoteIpAddress?.ToString();
    /// <summary>Set for unauthenticated actions that still need a name (a failed login names the account tried).</summary>
    public string? OverrideName { get; set; }
}

/// <summary>Writes audit entries that are not row changes: reads, reveals, exports, logins, imports.</summary>
public sealed class AuditLog(Data.AppDbContext db, AuditActor actor, TimeProvider clock)
{
    public void Add(string action, string entityType, string? entityId, string? note = null, string? userName = null, string? userId = null) =>
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = userId ?? actor.UserId,
            UserName = userName ?? actor.UserName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Note = note,
            IpAddress = actor.IpAddress,
        });

    public async Task WriteAsync(string action, string entityType, string? entityId, string? note = null, string? userName = null, string? userId = null, CancellationToken ct = default)
    {
        Add(action, entityType, entityId, note, userName, userId);
        await db.SaveChangesAsync(ct);
    }
}
