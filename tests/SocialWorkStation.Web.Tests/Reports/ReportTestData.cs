using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Domain.Visits;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Reports;
using SocialWorkStation.Web.Features.Resources;
using SocialWorkStation.Web.Features.Visits;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Services;

namespace SocialWorkStation.Web.Tests.Reports;

/// <summary>Stations and records of the report tests: each test makes its own station, so its figures are its own.</summary>
public static class ReportTestData
{
    /// <summary>A new Qiongzhong station (the bureau creates it); the demo manager writes its reports, the bureau receives them.</summary>
    public static async Task<string> NewStation(TestApp app, string name, string township = "469030103") =>
        (await (await (await app.ClientFor("bureau")).PostJson("/api/v1/stations", new { name, kind = "station", regionCode = township, profileKey = "hainan-qiongzhong" })).ReadJson()).Id();

    public static async Task AddVisits(TestApp app, Guid station, Guid recipient, DateOnly on, int home, int phone = 0)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        for (var i = 0; i < home + phone; i++)
        {
            var v = new Visit
            {
                StationId = station, Kind = i < home ? VisitKind.HomeVisit : VisitKind.PhoneGreeting, VisitedOn = on, RecordedOn = on,
                Domain = "elderlyServices", Findings = "身体状况良好", ServiceContent = "测量血压，宣传防诈", CreatedAt = DateTime.UtcNow,
            };
            v.Recipients.Add(new VisitRecipient { RecipientId = recipient });
            db.Visits.Add(v);
        }
        await db.SaveChangesAsync();
    }

    public static async Task AddActivityAndResource(TestApp app, Guid station, DateOnly on, int participants, decimal money)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Activities.Add(new Activity { StationId = station, Date = on, Place = "村委会", Theme = "重阳节敬老活动", ParticipantCount = participants, CreatedAt = DateTime.UtcNow });
        db.Resources.Add(new Resource { StationId = station, DonorName = "爱心企业", DonorKind = DonorKind.Enterprise, Kind = ResourceKind.Money, Description = "慰问金", Amount = money, ReceivedOn = on, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    /// <summary>A draft brief written straight to the database (for stations no demo writer reaches).</summary>
    public static async Task<Guid> AddDirect(TestApp app, Guid station, string regionCode, string periodKey, string profileKey = "hainan-ledong")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var month = DateOnly.ParseExact(periodKey + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var r = new Report
        {
            KindKey = "monthlyBrief", ProfileKey = profileKey, PeriodKey = periodKey, PeriodFrom = month, PeriodTo = month.AddMonths(1).AddDays(-1),
            StationId = station, RegionCode = regionCode, Owner = station.ToString("N"), Title = "测试简报", DueOn = month.AddMonths(1).AddDays(4),
            CreatedBy = "test", CreatedAt = DateTime.UtcNow,
        };
        db.Add(r);
        await db.SaveChangesAsync();
        return r.Id;
    }
}
