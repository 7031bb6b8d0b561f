using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Domain.Complaints;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Complaints;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Complaints;

/// <summary>Complaints of the complaint tests: each test makes its own, from its own client address (the form is rate-limited per address).</summary>
public static class ComplaintTestData
{
    /// <summary>An anonymous client from an address of its own (X-Test-Peer), so the per-address limits count only its requests.</summary>
    public static HttpClient Resident(TestApp app)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Test-Peer", $"10.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}");
        return client;
    }

    /// <summary>A Ledong station (another county than the demo's) written straight to the database.</summary>
    public static async Task<Guid> LedongStation(TestApp app) => await app.WithDb(async db =>
    {
        var p = new Features.Stations.Platform { Name = "乐东测试社工站" + Guid.NewGuid().ToString("N")[..6], Kind = Domain.Platforms.PlatformKind.Station, RegionCode = "469027105", ProfileKey = "hainan-ledong" };
        db.Platforms.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    });

    /// <summary>A complaint written straight to the database (for the authorization matrix).</summary>
    public static async Task<Guid> AddDirect(TestApp app, Guid station, ComplaintReceiver receiver = ComplaintReceiver.Station)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var c = new Complaint
        {
            StationId = station, Kind = ComplaintKind.Suggestion, Channel = ComplaintChannel.Letter, Text = "矩阵建议", TrackingHash = TrackingNumber.Hash(TrackingNumber.New()),
            Receiver = receiver, ReceiverSource = "test", ReceivedOn = app.Today, DueOn = app.Today.AddDays(21), DueSource = "test", CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        db.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }
}
