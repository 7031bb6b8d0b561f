using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Audit;

namespace SocialWorkStation.Web.Features.Recipients;

/// <summary>RosterImports:PollSeconds — how often each web node looks for queued import jobs.</summary>
public sealed class RosterImportOptions
{
    public const string Section = "RosterImports";
    [Range(0.1, 60)] public double PollSeconds { get; set; } = 1;
    /// <summary>A job whose node stops renewing its lease for this long is taken over by another node.</summary>
    [Range(1, 1440)] public int LeaseMinutes { get; set; } = 10;
    /// <summary>
    /// This node's name, the same across restarts (default: the machine name), so a restarted node resumes its own jobs at
    /// once instead of waiting out their lease. Several nodes on one machine need one each.
    /// </summary>
    public string? NodeId { get; set; }
}

/// <summary>
/// Runs roster-import jobs on every web node. A node claims a queued job with one conditional UPDATE, so
/// exactly one node runs it; progress is written to the job's row, so every node can report it; users'
/// requests never wait for an import.
/// </summary>
public sealed class RosterImportRunner(IServiceScopeFactory scopes, IOptions<RosterImportOptions> options, TimeProvider clock, ILogger<RosterImportRunner> logger)
    : BackgroundService
{
    private readonly string _node = string.IsNullOrWhiteSpace(options.Value.NodeId) ? Environment.MachineName : options.Value.NodeId.Trim();
    /// <summary>The jobs this process is running now; any other job leased to this node was left by an earlier run of it.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, byte> _running = new();

    public string Node => _node;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Roster import runner failed to poll");
            }
            try
            {
                await Task.Delay(delay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims and runs one job; false when none is waiting.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var running = _running.Keys.ToList();
        // A running job is taken over when its node's lease ran out, or at once when the node is this one restarted
        // (docs/security.md: a killed import does not wait out its lease when the same node comes back).
        var candidate = await db.RosterImports.AsNoTracking()
            .Where(x => x.Status == RosterImportStatus.QueuedCheck || x.Status == RosterImportStatus.QueuedApply
                || ((x.Status == RosterImportStatus.Checking || x.Status == RosterImportStatus.Applying)
                    && (x.LeaseUntil < now || (x.LeaseOwner == _node && !running.Contains(x.Id)))))
            .OrderBy(x => x.CreatedAt)
            .Select(x => new { x.Id, x.Status, x.LeaseUntil })
            .FirstOrDefaultAsync(ct);
        if (candidate is null)
        {
            return false;
        }
        var status = candidate.Status is RosterImportStatus.QueuedCheck or RosterImportStatus.Checking ? RosterImportStatus.Checking : RosterImportStatus.Applying;
        var lease = now.AddMinutes(options.Value.LeaseMinutes);
        if (!_running.TryAdd(candidate.Id, 0))
        {
            return true;
        }
        try
        {
            var claimed = await db.RosterImports
                .Where(x => x.Id == candidate.Id && x.Status == candidate.Status && x.LeaseUntil == candidate.LeaseUntil)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, status).SetProperty(x => x.LeaseOwner, _node).SetProperty(x => x.LeaseUntil, lease), ct);
            if (claimed != 1)
            {
                return true; // another node took it; look again
            }
            await RunAsync(candidate.Id, status, ct);
        }
        finally
        {
            _running.TryRemove(candidate.Id, out _);
        }
        return true;
    }

    private async Task RunAsync(Guid id, RosterImportStatus running, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var protector = sp.GetRequiredService<RecipientProtector>();
        var import = await db.RosterImports.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        // Row changes made by the job are audited under the name of the person who uploaded the roster.
        sp.GetRequiredService<AuditActor>().OverrideName = import.CreatedBy;
        var sqlite = db.Database.IsSqlite();
        var inTransaction = false;
        async Task Progress(int processed, int total)
        {
            // SQLite has one writer: while the import's transaction is open, a progress write from another
            // connection would wait for it, so there the bar moves only while rows are being checked.
            if (inTransaction && sqlite)
            {
                return;
            }
            await using var side = scopes.CreateAsyncScope();
            var sideDb = side.ServiceProvider.GetRequiredService<AppDbContext>();
            var lease = clock.GetUtcNow().UtcDateTime.AddMinutes(options.Value.LeaseMinutes);
            await sideDb.RosterImports.Where(x => x.Id == id && x.LeaseOwner == _node)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Processed, processed).SetProperty(x => x.Total, total).SetProperty(x => x.LeaseUntil, lease), ct);
        }
        try
        {
            var plan = await ImportRoster.Check(db, protector, clock, import, Progress, ct);
            if (running == RosterImportStatus.Checking)
            {
                var problems = JsonSerializer.Serialize(plan.Problems);
                var diff = JsonSerializer.Serialize(plan.Diff);
                await db.RosterImports.Where(x => x.Id == id && x.LeaseOwner == _node).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, RosterImportStatus.Checked).SetProperty(x => x.ProblemsJson, problems)
                    .SetProperty(x => x.ProblemCount, plan.ProblemCount).SetProperty(x => x.DiffJson, diff)
                    .SetProperty(x => x.LeaseOwner, (string?)null).SetProperty(x => x.LeaseUntil, (DateTime?)null), ct);
                return;
            }
            inTransaction = true;
            await ImportRoster.Apply(db, protector, sp.GetRequiredService<AuditLog>(), clock, import, plan, Progress, ct);
            inTransaction = false;
            var finished = clock.GetUtcNow().UtcDateTime;
            var diffJson = JsonSerializer.Serialize(plan.Diff);
            // The uploaded file holds ID numbers: it is deleted once the import is done.
            await db.RosterImports.Where(x => x.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, RosterImportStatus.Applied).SetProperty(x => x.FileCipher, (byte[]?)null)
                .SetProperty(x => x.DiffJson, diffJson).SetProperty(x => x.FinishedAt, finished)
                .SetProperty(x => x.LeaseOwner, (string?)null).SetProperty(x => x.LeaseUntil, (DateTime?)null), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Roster import {Id} failed", id);
            var message = ex is Infrastructure.BusinessRuleException b ? b.Message : "导入时出错，未写入任何数据。请重新上传；如仍失败请联系管理员。";
            var finished = clock.GetUtcNow().UtcDateTime;
            db.ChangeTracker.Clear();
            await db.RosterImports.Where(x => x.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, RosterImportStatus.Failed).SetProperty(x => x.Error, message)
                .SetProperty(x => x.FileCipher, (byte[]?)null).SetProperty(x => x.FinishedAt, finished)
                .SetProperty(x => x.LeaseOwner, (string?)null).SetProperty(x => x.LeaseUntil, (DateTime?)null), CancellationToken.None);
        }
    }
}
