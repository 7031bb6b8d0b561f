using Microsoft.Extensions.Options;
using SocialWorkStation.Web.Data;

namespace SocialWorkStation.Web.Features.Audit;

public sealed class AuditOptions
{
    public const string Section = "Audit";
    /// <summary>How often the sealer runs on each node.</summary>
    public int SealIntervalMinutes { get; set; } = 5;
    /// <summary>How old an entry must be before it is sealed (a transaction still open must have committed by then).</summary>
    public int SettleMinutes { get; set; } = 10;
}

/// <summary>Seals the settled audit entries every few minutes on every node (a second node's seal of the same run is dropped).</summary>
public sealed class AuditSealer(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AuditOptions> options, ILogger<AuditSealer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(Math.Max(1, options.Value.SealIntervalMinutes));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var seal = await AuditChain.SealAsync(db, scope.ServiceProvider.GetRequiredService<AuditChainKey>(), clock,
                    TimeSpan.FromMinutes(options.Value.SettleMinutes), stoppingToken);
                if (seal is not null)
                {
                    log.LogInformation("Sealed audit entries {From}–{To} ({Count})", seal.FromId, seal.UpToId, seal.Count);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The next run tries again; nothing is lost by a missed seal.
                log.LogWarning(ex, "Audit sealing failed");
            }
        }
    }
}
