using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Domain.Incidents;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Incidents;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Incidents;

public static class IncidentTestData
{
    /// <summary>An incident written straight to the database (for the authorization matrix and scope tests); not urgent unless asked.</summary>
    public static async Task<Guid> AddDirect(TestApp app, Guid station, bool urgent = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var i = new Incident
        {
            StationId = station, OccurredOn = app.Today, What = "矩阵事件", Severity = IncidentSeverity.Minor, CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        if (urgent)
        {
            i.Urgent = true;
            i.Need = UrgentNeed.Other;
            i.ReportTo = UrgentReceiver.Township;
            i.RouteSource = "test";
            i.ReportedAt = app.Clock.GetUtcNow().UtcDateTime;
        }
        db.Add(i);
        await db.SaveChangesAsync();
        return i.Id;
    }
}
