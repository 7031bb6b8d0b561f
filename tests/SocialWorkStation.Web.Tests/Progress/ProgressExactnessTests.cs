using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Progress;
using SocialWorkStation.Domain.Services;
using SocialWorkStation.Domain.Staff;
using SocialWorkStation.Domain.Visits;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Cases;
using SocialWorkStation.Web.Features.FeaturedCases;
using SocialWorkStation.Web.Features.Groups;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Progress;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Features.Visits;
using SocialWorkStation.Web.Features.Volunteers;
using SocialWorkStation.Web.Features.Workers;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Workers;
using static SocialWorkStation.Web.Tests.Recipients.RecipientFixtures;

namespace SocialWorkStation.Web.Tests.Progress;

/// <summary>
/// The maintained counts (ADR 0006) against the hand-written SQL over the records, on a county of its own
/// (陵水, 469028: no other test writes there), after records are added, edited, deleted and moved between
/// stations and months, children included (a visit's workers, a group's attendance, a case's services).
/// </summary>
public sealed class ProgressExactnessTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private const string County = "469028";

    [Theory, MemberData(nameof(Providers))]
    public async Task Counts_equal_the_records_after_edits_deletions_and_moves(string db)
    {
        var app = TestApp.For(db);
        var a = await Station(app, "469028100", "hainan-qiongzhong", "保城镇社工站");
        // The dashboard adds up only what each profile tracks, so the stations compared share Qiongzhong's standards; Shenmu brings training.
        var b = await Station(app, "469028101", "hainan-qiongzhong", "什玲镇社工站");
        var c = await Station(app, "469028102", "shenmu", "加茂镇社工站");
        var room = await Station(app, "469028100", "hainan-qiongzhong", "保城镇某村社工室", PlatformKind.VillageRoom, a);
        var wa1 = await AddWorker(app, a, "甲一");
        var wa2 = await AddWorker(app, a, "甲二");
        var wb = await AddWorker(app, b, "乙一");
        var wc = await AddWorker(app, c, "丙一");
        var people = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            people.Add(await AddDirect(app, a, NewName("保")));
        }
        var other = await AddDirect(app, b, NewName("保"));

        // What is written, each step its own save (as the pages and the API write).
        Guid v1 = default, v3 = default, v5 = default, c1 = default, c2 = default, g1 = default, a2 = default, vol1 = default;
        await Save(app, d =>
        {
            v1 = Visit(d, a, new DateOnly(2026, 2, 10), VisitKind.HomeVisit, [wa1, wa2], people[0]);
            Visit(d, a, new DateOnly(2026, 2, 11), VisitKind.PhoneGreeting, [wa1], people[0]);
            v3 = Visit(d, a, new DateOnly(2026, 3, 31), VisitKind.HomeVisit, [wa1], people[1]);
            Visit(d, room, new DateOnly(2026, 4, 1), VisitKind.HomeVisit, [wa2], people[2]);
            v5 = Visit(d, b, new DateOnly(2026, 5, 5), VisitKind.HomeVisit, [wb], other);
        });
        await Save(app, d =>
        {
            c1 = Case(d, a, people[0], wa1, new DateOnly(2026, 1, 15), ["2026-01-20", "2026-02-01", "2026-02-15", "2026-02-28", "2026-03-02"]);
            c2 = Case(d, a, people[1], wa1, new DateOnly(2026, 2, 1), ["2026-02-02", "2026-03-03", "2026-04-04", "2026-05-05"]);
        });
        await Save(app, d =>
        {
            g1 = Group(d, a, people.Take(5).ToList(), [("2026-03-01", 4), ("2026-03-08", 4), ("2026-03-15", 4), ("2026-04-01", 4)]);
            Group(d, a, people.Take(5).ToList(), [("2026-03-01", 4), ("2026-03-08", 4), ("2026-03-15", 4), ("2026-03-22", 3)]);
        });
        await Save(app, d =>
        {
            Activity(d, a, new DateOnly(2026, 6, 1), 10, ActivityKind.SocialWorkPublicity);
            a2 = Activity(d, a, new DateOnly(2026, 6, 30), 9, ActivityKind.VolunteerAdvocacy);
            Activity(d, a, new DateOnly(2026, 7, 1), 12, ActivityKind.VolunteerAdvocacy, ActivityKind.SocialWorkPublicity);
        });
        await Save(app, d =>
        {
            vol1 = Volunteer(d, a, new DateOnly(2026, 7, 1));
            Volunteer(d, a, new DateOnly(2026, 7, 31));
            d.VolunteerTeams.Add(new VolunteerTeam { StationId = a, Name = "保城志愿服务队", FoundedOn = new DateOnly(2026, 1, 1), CreatedAt = DateTime.UtcNow });
            d.FeaturedCases.Add(new FeaturedCase { StationId = b, Title = "案例", Authors = "乙一", Body = "正文", WrittenOn = new DateOnly(2026, 8, 8), CreatedAt = DateTime.UtcNow });
        });
        await Save(app, async d =>
        {
            (await d.Workers.Include(w => w.Trainings).FirstAsync(w => w.Id == wc)).Trainings.Add(new WorkerTraining { Date = new DateOnly(2026, 2, 1), Hours = 12.5m });
            (await d.Workers.Include(w => w.Trainings).FirstAsync(w => w.Id == wa1)).Trainings.Add(new WorkerTraining { Date = new DateOnly(2026, 3, 1), Hours = 3m });
        });
        Guid check1 = default, check3 = default;
        await Save(app, d =>
        {
            // Two checks in January count as one month; 31 January and 1 February are two months.
            check1 = Check(d, a, new DateOnly(2026, 1, 5));
            Check(d, a, new DateOnly(2026, 1, 31));
            check3 = Check(d, a, new DateOnly(2026, 2, 1));
            Check(d, b, new DateOnly(2026, 2, 10));
        });
        await AssertExact(app, "after adding");

        // Edits, deletions and moves.
        await Save(app, async d =>
        {
            var v = await d.Visits.FirstAsync(x => x.Id == v3);
            v.StationId = b;
            v.VisitedOn = new DateOnly(2026, 4, 15);
        });
        await Save(app, async d => d.Visits.Remove(await d.Visits.FirstAsync(x => x.Id == v5)));
        await Save(app, async d =>
        {
            var v = await d.Visits.Include(x => x.Workers).FirstAsync(x => x.Id == v1);
            v.Workers.Remove(v.Workers.First(w => w.WorkerId == wa2));
        });
        await Save(app, async d => (await d.Activities.FirstAsync(x => x.Id == a2)).ParticipantCount = 11);
        await Save(app, async d =>
        {
            // The fourth session loses one attendee (15 participant-times): the group no longer counts …
            var session = await d.Set<GroupSession>().Include(s => s.Attendance).Where(s => s.GroupId == g1).OrderBy(s => s.Number).LastAsync();
            session.Attendance.RemoveAt(0);
        });
        await AssertExact(app, "after a group lost an attendee");
        await Save(app, async d =>
        {
            // … until a fifth session with one person present brings it to 16, in May.
            var members = await d.Set<GroupMember>().Where(m => m.GroupId == g1).Select(m => m.RecipientId).ToListAsync();
            var s = new GroupSession { GroupId = g1, StationId = a, Number = 5, HeldOn = new DateOnly(2026, 5, 6), Content = "总结", CreatedAt = DateTime.UtcNow };
            s.Attendance.Add(new GroupAttendance { RecipientId = members[0] });
            d.Add(s);
        });
        await Save(app, async d => d.Set<CaseService>().Add(new CaseService { CaseId = c2, On = new DateOnly(2026, 6, 6), Content = "第五次", CreatedAt = DateTime.UtcNow }));
        await Save(app, async d => (await d.Cases.FirstAsync(x => x.Id == c1)).StationId = b);
        await Save(app, async d => (await d.Recipients.FirstAsync(x => x.Id == people[5])).RegisteredOn = new DateOnly(2026, 9, 9));
        await Save(app, async d => d.Volunteers.Remove(await d.Volunteers.FirstAsync(x => x.Id == vol1)));
        await Save(app, async d => (await d.Set<WorkerTraining>().FirstAsync(t => t.WorkerId == wc)).Hours = 10.5m);
        await Save(app, async d => (await d.Workers.FirstAsync(w => w.Id == wa1)).PlatformId = c);
        await Save(app, async d => d.ContractorChecks.Remove(await d.ContractorChecks.FirstAsync(x => x.Id == check3)));
        await Save(app, async d => (await d.ContractorChecks.FirstAsync(x => x.Id == check1)).CheckedOn = new DateOnly(2026, 3, 3));
        await AssertExact(app, "after edits, deletions and moves");

        // What the county's dashboard shows per standard, from the counts, equals the records too.
        var (reference, report) = await app.WithDb(async d =>
        {
            var profiles = app.Services.GetRequiredService<ProfileCatalog>();
            var r = await ProgressReference.ComputeAsync(d, profiles, County, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), default);
            var p = await GetProgress.Handle(d, profiles, TestClock.Create(new DateOnly(2027, 1, 2)), new UserScope(ScopeKind.Platform), new GetProgress.Query(Region: County, Period: "2026"), default);
            return (r, p);
        });
        Assert.NotEmpty(report.Standards);
        foreach (var s in report.Standards)
        {
            var expected = s.Key == StandardCatalog.Training ? reference[s.Key] / 10m : reference[s.Key];
            Assert.True(expected == s.Done, $"{s.Key}: dashboard {s.Done}, records {expected}");
        }
        // Spot checks that the rules themselves bit: visits 1 (v1 after losing a worker) + 1 (room) at 保城, 1 (moved v3) at 什玲.
        Assert.Equal(3, reference[StandardCatalog.Visits]);
        Assert.Equal(1, reference[StandardCatalog.Groups]); // only the group that reached 16 with its fifth session
        Assert.Equal(3, reference[StandardCatalog.Activities]);
        Assert.Equal(2, reference[StandardCatalog.CasesServed]);
        Assert.Equal(105 + 30, reference[StandardCatalog.Training]);
        // 保城: January (31st) and March (moved); 什玲: February.
        Assert.Equal(3, reference[StandardCatalog.ContractorChecks]);

        var rebuilt = await app.WithDb(d => ProgressRebuild.RunAsync(d, app.Services.GetRequiredService<ProfileCatalog>(), default, County));
        Assert.Equal(0, rebuilt.Differences);
    }

    /// <summary>Every count kept for the county's platforms equals the hand-written SQL over the records.</summary>
    private static async Task AssertExact(TestApp app, string when)
    {
        var (reference, kept) = await app.WithDb(async d =>
        {
            var r = await ProgressReference.ComputeAsync(d, app.Services.GetRequiredService<ProfileCatalog>(), County, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), default);
            var ids = await d.Platforms.Where(p => p.RegionCode.StartsWith(County)).Select(p => p.Id).ToListAsync();
            var rows = await d.ProgressStationMonths.Where(m => ids.Contains(m.StationId) && m.Month >= 202601 && m.Month <= 202612).ToListAsync();
            var workers = await d.ProgressWorkerMonths.Where(m => ids.Contains(m.StationId) && m.Month >= 202601 && m.Month <= 202612).ToListAsync();
            var k = new Dictionary<string, long>
            {
                [StandardCatalog.Visits] = rows.Sum(x => x.HomeVisits),
                [StandardCatalog.RecipientFiles] = rows.Sum(x => x.RecipientFiles),
                [StandardCatalog.Cases] = rows.Sum(x => x.Cases),
                [StandardCatalog.CasesServed] = rows.Sum(x => x.CasesServed),
                [StandardCatalog.Groups] = rows.Sum(x => x.Groups),
                [StandardCatalog.Activities] = rows.Sum(x => x.Activities),
                [StandardCatalog.PublicityActivities] = rows.Sum(x => x.PublicityActivities),
                [StandardCatalog.AdvocacyActivities] = rows.Sum(x => x.AdvocacyActivities),
                [StandardCatalog.NewVolunteers] = rows.Sum(x => x.NewVolunteers),
                [StandardCatalog.FeaturedCases] = rows.Sum(x => x.FeaturedCases),
                [StandardCatalog.Training] = workers.Sum(x => x.TrainingTenths),
                [StandardCatalog.ContractorChecks] = rows.Count(x => x.ContractorChecks >= 1),
                // The worker rows add up to the station's visit credits.
                ["workerVisits"] = workers.Sum(x => x.HomeVisits),
            };
            return (r, k);
        });
        foreach (var (key, value) in kept)
        {
            var expected = key == "workerVisits" ? reference[StandardCatalog.Visits] : reference[key];
            Assert.True(expected == value, $"{when}: {key} kept {value}, records {expected}");
        }
    }

    private static async Task<Guid> Station(TestApp app, string region, string profile, string name, PlatformKind kind = PlatformKind.Station, Guid? parent = null)
    {
        var p = new Platform { Name = name + Guid.NewGuid().ToString("N")[..4], Kind = kind, RegionCode = region, ProfileKey = profile, ParentId = parent, CreatedAt = DateTime.UtcNow };
        await Save(app, d => d.Platforms.Add(p));
        return p.Id;
    }

    private static async Task<Guid> AddWorker(TestApp app, Guid station, string name)
    {
        var w = new Worker
        {
            PlatformId = station, Name = name, IdNumber = WorkerTestData.Id("1990-06-15", area: County), BirthDate = new DateOnly(1990, 6, 15), Sex = Sex.Male,
            Role = WorkerRole.Worker, Education = Education.Bachelor, Major = "社会工作", MajorCategory = MajorCategory.SocialWork,
            HireDate = new DateOnly(2024, 3, 1), CreatedAt = DateTime.UtcNow,
        };
        await Save(app, d => d.Workers.Add(w));
        return w.Id;
    }

    private static Task Save(TestApp app, Action<AppDbContext> work) => Save(app, d =>
    {
        work(d);
        return Task.CompletedTask;
    });

    private static async Task Save(TestApp app, Func<AppDbContext, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var d = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await work(d);
        await d.SaveChangesAsync();
    }

    private static Guid Visit(AppDbContext d, Guid station, DateOnly on, VisitKind kind, Guid[] workers, Guid recipient)
    {
        var v = new Visit { StationId = station, Kind = kind, VisitedOn = on, RecordedOn = on, Domain = "elderlyServices", Findings = "良好", ServiceContent = "探访", CreatedAt = DateTime.UtcNow };
        v.Workers.AddRange(workers.Select(w => new VisitWorker { WorkerId = w }));
        v.Recipients.Add(new VisitRecipient { RecipientId = recipient });
        d.Visits.Add(v);
        return v.Id;
    }

    private static Guid Case(AppDbContext d, Guid station, Guid recipient, Guid worker, DateOnly opened, string[] services)
    {
        var c = new Case { StationId = station, RecipientId = recipient, WorkerId = worker, OpenedOn = opened, StageSince = opened, CreatedAt = DateTime.UtcNow };
        c.Services.AddRange(services.Select(s => new CaseService { On = DateOnly.Parse(s), Content = "服务", CreatedAt = DateTime.UtcNow }));
        d.Cases.Add(c);
        return c.Id;
    }

    private static Guid Group(AppDbContext d, Guid station, List<Guid> members, (string On, int Present)[] sessions)
    {
        var g = new Group { StationId = station, Name = "小组", Purpose = "互助", PlannedSessions = sessions.Length, StartedOn = new DateOnly(2026, 3, 1), CreatedAt = DateTime.UtcNow };
        g.Members.AddRange(members.Select(m => new GroupMember { RecipientId = m }));
        d.Groups.Add(g);
        var n = 0;
        foreach (var (on, present) in sessions)
        {
            var s = new GroupSession { GroupId = g.Id, StationId = station, Number = ++n, HeldOn = DateOnly.Parse(on), Content = "活动", CreatedAt = DateTime.UtcNow };
            s.Attendance.AddRange(members.Take(present).Select(m => new GroupAttendance { RecipientId = m }));
            d.Add(s);
        }
        return g.Id;
    }

    private static Guid Activity(AppDbContext d, Guid station, DateOnly on, int participants, params ActivityKind[] kinds)
    {
        var a = new Activity { StationId = station, Date = on, Place = "村委会", Theme = "宣传", ParticipantCount = participants, CreatedAt = DateTime.UtcNow };
        a.Kinds.AddRange(kinds.Select(k => new ActivityKindEntry { Kind = k }));
        d.Activities.Add(a);
        return a.Id;
    }

    private static Guid Check(AppDbContext d, Guid station, DateOnly on)
    {
        var c = new Features.ContractorChecks.ContractorCheck { StationId = station, CheckedOn = on, CheckedBy = "项目经理", Findings = "台账齐全", CreatedAt = DateTime.UtcNow };
        d.ContractorChecks.Add(c);
        return c.Id;
    }

    private static Guid Volunteer(AppDbContext d, Guid station, DateOnly on)
    {
        var v = new Volunteer { StationId = station, Name = NewName("志"), IdNumber = NewId(), RegisteredOn = on, CreatedAt = DateTime.UtcNow };
        d.Volunteers.Add(v);
        return v.Id;
    }
}
