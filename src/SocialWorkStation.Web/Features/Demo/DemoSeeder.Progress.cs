using SocialWorkStation.Domain.Services;
using SocialWorkStation.Domain.Visits;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Features.Visits;
using SocialWorkStation.Web.Features.Volunteers;
using SocialWorkStation.Web.Features.Workers;

namespace SocialWorkStation.Web.Features.Demo;

public static partial class DemoSeeder
{
    /// <summary>
    /// This year's services at the second station (湾岭镇) so the standards dashboard has a spread to show: its head
    /// visits twice a month (on pace), the other worker once (behind), one activity of two reaches ten people, 14 of 30
    /// volunteers are registered. The 营根镇 station keeps no seeded records (tests count its own), so it shows far behind.
    /// </summary>
    private static void AddServices(AppDbContext db, Platform second, IReadOnlyList<Worker> workers, DateOnly today, DateTime now)
    {
        var yesterday = today.AddDays(-1);
        var seq = 0;
        foreach (var (worker, days) in workers.Select((w, i) => (w, i == 0 ? new[] { 5, 20 } : [10])))
        {
            for (var month = 1; month <= today.Month; month++)
            {
                foreach (var day in days)
                {
                    var on = new DateOnly(today.Year, month, day);
                    if (on > yesterday || on < worker.HireDate)
                    {
                        continue;
                    }
                    var v = new Visit
                    {
                        StationId = second.Id, Kind = VisitKind.HomeVisit, VisitedOn = on, RecordedOn = on, Domain = "elderlyServices",
                        Findings = "老人身体状况稳定，独居，家中卫生尚可", ServiceContent = "了解近况，讲解高龄补贴申领", CreatedAt = now,
                    };
                    v.Workers.Add(new VisitWorker { WorkerId = worker.Id });
                    db.Visits.Add(v);
                }
            }
        }
        var publicity = new Activity
        {
            StationId = second.Id, Date = new DateOnly(today.Year, Math.Min(4, today.Month), 1), Place = "湾岭镇文化广场", Theme = "社会工作宣传周",
            ParticipantCount = 25, CreatedAt = now, Kinds = [new ActivityKindEntry { Kind = ActivityKind.SocialWorkPublicity }],
        };
        var advocacy = new Activity
        {
            StationId = second.Id, Date = new DateOnly(today.Year, Math.Min(9, today.Month), 1), Place = "湾岭镇某村委会", Theme = "志愿服务倡导",
            ParticipantCount = 8, CreatedAt = now, Kinds = [new ActivityKindEntry { Kind = ActivityKind.VolunteerAdvocacy }],
        };
        db.Activities.AddRange(publicity, advocacy);
        for (var i = 0; i < 14; i++)
        {
            var on = new DateOnly(today.Year, 1 + i % Math.Max(1, today.Month - 1), 15);
            db.Volunteers.Add(new Volunteer
            {
                StationId = second.Id, Name = $"志愿者{i + 1:00}", IdNumber = SyntheticId($"199{i % 10}-0{1 + i % 9}-1{i % 9}", 600 + ++seq),
                RegisteredOn = on > yesterday ? yesterday : on, CreatedAt = now,
            });
        }
        db.VolunteerTeams.Add(new VolunteerTeam { StationId = second.Id, Name = "湾岭镇志愿服务队", FoundedOn = new DateOnly(today.Year - 1, 6, 1), CreatedAt = now });
    }
}
