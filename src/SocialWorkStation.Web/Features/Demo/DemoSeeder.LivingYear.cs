using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Cases;
using SocialWorkStation.Domain.Groups;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Domain.Services;
using SocialWorkStation.Domain.Staff;
using SocialWorkStation.Domain.Visits;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Agreements;
using SocialWorkStation.Web.Features.Budgets;
using SocialWorkStation.Web.Features.Cases;
using SocialWorkStation.Web.Features.Evaluations;
using SocialWorkStation.Web.Features.FeaturedCases;
using SocialWorkStation.Web.Features.Groups;
using SocialWorkStation.Web.Features.NeedsSurveys;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Resources;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Features.Visits;
using SocialWorkStation.Web.Features.Volunteers;
using SocialWorkStation.Web.Features.Workers;

namespace SocialWorkStation.Web.Features.Demo;

/// <summary>
/// The demo county as a service year in progress on the day it starts (issue 18 "a living demo county"): the year's
/// agreement was signed <see cref="DaysIntoYear"/> days ago, so every date below is relative to the clock the host is
/// given. Most stations are on pace — recipients visited within their schedule, groups, activities, volunteers, cases —
/// and a few are behind (<see cref="BehindStations"/>: their visits stopped two and a half months ago and they hold no
/// groups or activities), so each role has real work on its home page: cases waiting for the supervisor, spending
/// waiting for approval, an open mid-term evaluation round for the evaluator, reports due.
/// Off in the test host (Demo:LivingYear=false), whose tests count the 营根镇 station's records themselves; on for
/// README command 1. The random generator is seeded: the same county every time for the same day.
/// </summary>
public static partial class DemoSeeder
{
    /// <summary>How far into its agreement year the demo county is on the day it is seeded.</summary>
    public const int DaysIntoYear = 300;

    /// <summary>Stations (by township code) that fell behind: the dashboard and the bureau's home page show them.</summary>
    public static readonly IReadOnlySet<string> BehindStations = new HashSet<string> { "469030104", "469030201" };

    private static readonly string[] GivenNames = ["晓燕", "海波", "春花", "志明", "丽娟", "国强", "美玲", "文杰", "秀兰", "永福", "亚男", "金凤"];

    private static async Task SeedLivingYearAsync(IServiceProvider sp, Guid headStationId, DateTime now, DateOnly today)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var random = new Random(4690301);
        var termStart = today.AddDays(-DaysIntoYear);
        var stations = await db.Platforms.Where(p => p.Kind == PlatformKind.Station && p.RegionCode.StartsWith(CountyCode))
            .OrderBy(p => p.RegionCode).ToListAsync();
        var second = stations.FirstOrDefault(s => s.RegionCode == SecondStationTownship);

        await SeedAgreementAsync(sp, db, stations, termStart, today);

        var villages = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(CountyCode))
            .Select(r => new { r.Code, r.ParentCode }).ToListAsync();
        var seq = 700;
        foreach (var station in stations)
        {
            // 湾岭镇 keeps the fixed services the dashboard's documented spread relies on (DemoSeeder.Progress).
            if (station.Id == second?.Id)
            {
                continue;
            }
            var workers = await db.Workers.Where(w => w.PlatformId == station.Id && w.LeftOn == null).ToListAsync();
            if (workers.Count == 0)
            {
                workers = [];
                for (var k = 0; k < 3; k++)
                {
                    workers.Add(NewWorker(station, k, termStart, ref seq, random, now));
                }
                db.Workers.AddRange(workers);
            }
            var behind = BehindStations.Contains(station.RegionCode);
            var lastDay = behind ? today.AddDays(-75) : today.AddDays(-1);
            var recipients = await db.Recipients.Where(r => r.StationId == station.Id).OrderBy(r => r.Id).ToListAsync();
            var own = villages.Where(v => v.ParentCode == station.RegionCode).Select(v => v.Code).ToList();
            AddScheduledVisits(db, station, recipients, workers, termStart, lastDay, today, random, now);
            if (!behind)
            {
                AddGroupsAndActivities(db, station, recipients, workers, own, termStart, today, random, now);
                AddVolunteers(db, station, termStart, today, ref seq, random, now);
            }
            AddCases(db, station, recipients, workers, termStart, today, full: station.Id == headStationId, random, now);
        }
        AddEarlierContractorChecks(db, stations, termStart, today, now);
        var head = stations.First(s => s.Id == headStationId);
        var headVillages = villages.Where(v => v.ParentCode == head.RegionCode).Select(v => v.Code).ToList();
        AddStationSupport(db, head, headVillages, today, now);
        await db.SaveChangesAsync();

        await SeedEvaluationRoundAsync(sp, db, today);
    }

    private static Worker NewWorker(Platform station, int k, DateOnly termStart, ref int seq, Random random, DateTime now)
    {
        var birth = new DateOnly(1985 + random.Next(0, 14), 1 + random.Next(12), 1 + random.Next(28));
        var name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
        return new Worker
        {
            PlatformId = station.Id, Name = name, BirthDate = birth, Sex = seq % 2 == 1 ? Sex.Male : Sex.Female,
            IdNumber = SyntheticId(birth, 100 + ++seq % 900),
            Role = k == 0 ? WorkerRole.Head : WorkerRole.Worker, Education = k == 0 ? Education.Bachelor : Education.JuniorCollege,
            Major = k == 0 ? "社会工作" : "社会学", MajorCategory = k == 0 ? MajorCategory.SocialWork : MajorCategory.Related,
            HireDate = termStart.AddDays(-random.Next(30, 700)), LocalHukou = true, CreatedAt = now,
        };
    }

    /// <summary>
    /// Each person is visited within the profile's interval for them (7 days at high risk, 30 for older people living
    /// alone, otherwise about every six weeks), the last visit a random part of that interval ago — so on a station on
    /// pace nobody is overdue; on a station behind, visits stopped at <paramref name="lastDay"/>.
    /// </summary>
    private static void AddScheduledVisits(AppDbContext db, Platform station, IReadOnlyList<Recipient> recipients, IReadOnlyList<Worker> workers,
        DateOnly termStart, DateOnly lastDay, DateOnly today, Random random, DateTime now)
    {
        var i = 0;
        foreach (var r in recipients)
        {
            var categories = RecipientCategories.FromMask(r.CategoryMask);
            var interval = r.RiskLevel == RiskLevel.High ? 7
                : categories.Any(c => c is RecipientCategory.ElderlyAlone or RecipientCategory.ElderlyEmptyNest or RecipientCategory.ElderlyLeftBehind or RecipientCategory.TekunDispersed) ? 30
                : 42;
            var on = lastDay.AddDays(-random.Next(0, Math.Max(1, interval * 2 / 3)));
            var first = r.RegisteredOn > termStart ? r.RegisteredOn : termStart;
            for (var n = 0; n < 12 && on >= first && on < today; n++, on = on.AddDays(-interval + random.Next(0, 3)))
            {
                var worker = workers[i++ % workers.Count];
                if (on < worker.HireDate)
                {
                    break;
                }
                var v = new Visit
                {
                    StationId = station.Id, Kind = n % 4 == 3 && interval >= 30 ? VisitKind.PhoneGreeting : VisitKind.HomeVisit,
                    VisitedOn = on, RecordedOn = on, VillageCode = r.VillageCode, Domain = interval == 30 ? "elderlyServices" : "socialAssistance",
                    Findings = interval == 7 ? "近期身体欠佳，情绪低落，需继续密切关注" : "生活基本稳定，居住环境安全",
                    ServiceContent = interval == 7 ? "陪同就医咨询，联系村委会协助照料" : "了解近况，宣传救助政策",
                    FollowUpNeeded = interval == 7, FollowUp = interval == 7 ? "一周后再次上门" : null, CreatedAt = now,
                };
                v.Recipients.Add(new VisitRecipient { RecipientId = r.Id });
                v.Workers.Add(new VisitWorker { WorkerId = worker.Id });
                db.Visits.Add(v);
            }
        }
    }

    /// <summary>Two groups of four sessions with four members each, three activities of 12–40 people (publicity and volunteer advocacy among them).</summary>
    private static void AddGroupsAndActivities(AppDbContext db, Platform station, IReadOnlyList<Recipient> recipients, IReadOnlyList<Worker> workers,
        IReadOnlyList<string> villages, DateOnly termStart, DateOnly today, Random random, DateTime now)
    {
        var span = today.DayNumber - termStart.DayNumber;
        string[] names = ["长者互助小组", "留守儿童成长小组"];
        for (var g = 0; g < 2 && recipients.Count >= 8; g++)
        {
            var started = termStart.AddDays(30 + g * span / 3);
            var group = new Group
            {
                StationId = station.Id, Name = names[g], Purpose = g == 0 ? "增进独居老人之间的互助与交往" : "提升留守儿童的自我保护能力和学习兴趣",
                Stage = g == 0 ? GroupStage.Ending : GroupStage.Maturity, PlannedSessions = 6, StartedOn = started, CreatedAt = now,
            };
            var members = recipients.Skip(g * 4).Take(4).ToList();
            group.Members.AddRange(members.Select(m => new GroupMember { RecipientId = m.Id }));
            db.Add(group);
            for (var s = 1; s <= 4; s++)
            {
                var session = new GroupSession
                {
                    GroupId = group.Id, StationId = station.Id, Number = s, HeldOn = started.AddDays(14 * (s - 1)), CreatedAt = now,
                    Content = s == 1 ? "破冰与相互认识，共同制定小组规范" : $"第{s}节主题活动与分享",
                };
                session.Attendance.AddRange(members.Select(m => new GroupAttendance { RecipientId = m.Id }));
                db.Add(session);
            }
        }
        (ActivityKind Kind, string Theme, int Day)[] activities =
        [
            (ActivityKind.SocialWorkPublicity, "社会工作宣传进村", 45),
            (ActivityKind.VolunteerAdvocacy, "学雷锋志愿服务倡导", 120),
            (ActivityKind.ElderlyServices, "重阳敬老游园会", Math.Min(span - 5, 240)),
        ];
        foreach (var (kind, theme, day) in activities)
        {
            var activity = new Activity
            {
                StationId = station.Id, Date = termStart.AddDays(day), Place = villages.Count > 0 ? "村委会文化室" : "社工站活动室",
                VillageCode = villages.Count > 0 ? villages[random.Next(villages.Count)] : null, Theme = theme,
                ParticipantCount = 12 + random.Next(0, 29), Content = theme + "，发放宣传资料，现场答疑", CreatedAt = now,
                Kinds = [new ActivityKindEntry { Kind = kind }],
            };
            activity.Workers.AddRange(workers.Take(2).Select(w => new ActivityWorker { Name = w.Name }));
            db.Activities.Add(activity);
        }
    }

    /// <summary>About the year's share of the 30 new volunteers the profile asks for, a team, and their service hours.</summary>
    private static void AddVolunteers(AppDbContext db, Platform station, DateOnly termStart, DateOnly today, ref int seq, Random random, DateTime now)
    {
        var span = today.DayNumber - termStart.DayNumber;
        var team = new VolunteerTeam { StationId = station.Id, Name = station.Name.Replace("社会工作服务站", "", StringComparison.Ordinal) + "志愿服务队", FoundedOn = termStart.AddDays(20), CreatedAt = now };
        db.VolunteerTeams.Add(team);
        var count = 26 + random.Next(0, 4);
        for (var k = 0; k < count; k++)
        {
            var birth = new DateOnly(1960 + random.Next(0, 45), 1 + random.Next(12), 1 + random.Next(28));
            var volunteer = new Volunteer
            {
                StationId = station.Id, Name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)],
                IdNumber = SyntheticId(birth, 100 + ++seq % 900), BirthDate = birth,
                RegisteredOn = termStart.AddDays(1 + k * (span - 2) / count), CreatedAt = now,
            };
            db.Volunteers.Add(volunteer);
            if (k % 3 == 0)
            {
                db.Add(new VolunteerService
                {
                    StationId = station.Id, VolunteerId = volunteer.Id, TeamId = team.Id, Date = volunteer.RegisteredOn.AddDays(7),
                    Minutes = 120 + 30 * random.Next(0, 5), Content = "协助开展入户探访和活动组织", CreatedAt = now,
                });
            }
        }
    }

    /// <summary>
    /// Cases: at the 营根镇 station one at every stage, two of them waiting for the supervisor (a plan and an
    /// evaluation not yet reviewed); elsewhere two per station (one in intervention, one closed).
    /// </summary>
    private static void AddCases(AppDbContext db, Platform station, IReadOnlyList<Recipient> recipients, IReadOnlyList<Worker> workers,
        DateOnly termStart, DateOnly today, bool full, Random random, DateTime now)
    {
        CaseStage[] stages = full
            ? [CaseStage.Intake, CaseStage.Assessment, CaseStage.Plan, CaseStage.Plan, CaseStage.Intervention, CaseStage.Evaluation, CaseStage.Closed, CaseStage.Referred]
            : [CaseStage.Intervention, CaseStage.Closed];
        var people = recipients.Where(r => r.RiskLevel >= RiskLevel.Medium).Take(stages.Length).ToList();
        for (var k = 0; k < people.Count; k++)
        {
            var stage = stages[k];
            var opened = termStart.AddDays(20 + random.Next(0, Math.Max(1, today.DayNumber - termStart.DayNumber - 40)));
            // A plan waiting for review: the supervisor's queue; the second plan was reviewed.
            var planReviewed = stage > CaseStage.Plan || (stage == CaseStage.Plan && k % 2 == 1);
            var c = new Case
            {
                StationId = station.Id, RecipientId = people[k].Id, WorkerId = workers[k % workers.Count].Id, OpenedOn = opened,
                Stage = stage, StageSince = opened.AddDays(Math.Min(10 * (int)stage, Math.Max(0, today.DayNumber - opened.DayNumber - 1))), CreatedAt = now,
                Assessment = stage >= CaseStage.Assessment ? "独居，慢性病，缺乏照料，社会支持网络薄弱" : null,
                PlanReviewedBy = planReviewed ? "supervisor" : null, PlanReviewedAt = planReviewed ? now : null,
                Evaluation = stage is CaseStage.Evaluation or CaseStage.Closed ? "目标基本达成：按时服药，邻里互助关系建立" : null,
                EvaluationReviewedBy = stage == CaseStage.Closed ? "supervisor" : null, EvaluationReviewedAt = stage == CaseStage.Closed ? now : null,
                ReferredTo = stage == CaseStage.Referred ? "琼中县残疾人联合会" : null,
            };
            if (stage >= CaseStage.Assessment && stage != CaseStage.Referred)
            {
                c.Needs.Add(new CaseNeed { Text = "日常生活照料" });
                c.Needs.Add(new CaseNeed { Text = "情绪疏导" });
            }
            if (stage >= CaseStage.Plan && stage != CaseStage.Referred)
            {
                c.Goals.Add(new CaseGoal { Text = "三个月内建立稳定的邻里照顾关系" });
            }
            if (stage >= CaseStage.Intervention && stage != CaseStage.Referred)
            {
                for (var s = 0; s < 5; s++)
                {
                    var on = c.StageSince.AddDays(7 * s);
                    if (on < today)
                    {
                        c.Services.Add(new CaseService { On = on, Content = s == 0 ? "上门面谈，确认服务计划" : "跟进服务，链接邻里和村委会资源", CreatedAt = now });
                    }
                }
            }
            db.Add(c);
        }
    }

    /// <summary>
    /// The project manager's checks in the agreement year's months before this calendar year (SeedContractorChecksAsync
    /// covers the months of this year that have ended).
    /// </summary>
    private static void AddEarlierContractorChecks(AppDbContext db, IReadOnlyList<Platform> stations, DateOnly termStart, DateOnly today, DateTime now)
    {
        var firstCovered = today.Month == 1 ? new DateOnly(today.Year - 1, 1, 1) : new DateOnly(today.Year, 1, 1);
        var k = 0;
        foreach (var station in stations)
        {
            for (var month = new DateOnly(termStart.Year, termStart.Month, 1); month < firstCovered; month = month.AddMonths(1), k++)
            {
                var (findings, guidance) = CheckNotes[k % CheckNotes.Length];
                db.ContractorChecks.Add(new ContractorChecks.ContractorCheck
                {
                    StationId = station.Id, CheckedOn = month.AddDays(9 + k % 15), CheckedBy = "陈经理", Findings = findings, Guidance = guidance, CreatedAt = now,
                });
            }
        }
    }

    /// <summary>The 营根镇 station's resources, a needs survey and a featured case the bureau approved for publication.</summary>
    private static void AddStationSupport(AppDbContext db, Platform head, IReadOnlyList<string> villages, DateOnly today, DateTime now)
    {
        db.Add(new Resource
        {
            StationId = head.Id, DonorName = "琼中县某爱心企业", DonorKind = DonorKind.Enterprise, Kind = ResourceKind.Goods,
            Description = "冬季慰问棉被", Quantity = 40, Unit = "床", EstimatedValue = 6000m, ReceivedOn = today.AddDays(-40), Use = "发放给独居老人", CreatedAt = now,
        });
        db.Add(new Resource
        {
            StationId = head.Id, DonorName = "县慈善总会", DonorKind = DonorKind.SocialOrganisation, Kind = ResourceKind.Money,
            Description = "困境儿童助学金", Amount = 10000m, ReceivedOn = today.AddDays(-120), Use = "资助困境儿童购买学习用品", CreatedAt = now,
        });
        if (villages.Count > 0)
        {
            var survey = new NeedsSurvey
            {
                StationId = head.Id, VillageCode = villages[0], Title = "独居老人照护需求调查", ConductedOn = today.AddDays(-200), Method = "入户问卷",
                Respondents = 36, Summary = "多数独居老人需要定期探访、代购代办和健康监测", CreatedAt = now,
            };
            survey.Needs.Add(new Need { Description = "定期上门探访与电话问候", Domain = ActivityKind.ElderlyServices, Priority = NeedPriority.High, AffectedCount = 28, Status = NeedStatus.InProgress });
            survey.Needs.Add(new Need { Description = "防诈骗知识宣传", Domain = ActivityKind.SocialWorkPublicity, Priority = NeedPriority.Medium, AffectedCount = 36, Status = NeedStatus.Met });
            survey.Needs.Add(new Need { Description = "代购生活用品", Domain = ActivityKind.ElderlyServices, Priority = NeedPriority.Low, AffectedCount = 9, Status = NeedStatus.Open });
            db.Add(survey);
        }
        db.Add(new FeaturedCase
        {
            StationId = head.Id, Title = "从“闭门不出”到“邻里守望”：一位独居老人的改变", Domain = ActivityKind.ElderlyServices, WrittenOn = today.AddDays(-30),
            Authors = "黄晓梅", Summary = "社工通过持续探访和邻里互助网络，帮助独居老人重新融入村庄生活。",
            Body = "社工在走访中发现一位独居老人长期闭门不出。社工连续上门建立信任，链接村医定期健康监测，组织邻居结对守望。三个月后，老人开始参加站点组织的长者小组活动。",
            CreatedAt = now, PublishedAt = now, PublishedBy = "bureau",
        });
    }

    /// <summary>
    /// This year's agreement for the ten stations (Qiongzhong （一） 采购预算: 212,000 a station) signed when the year began,
    /// their budgets, and the monthly spending: the older entries approved, last month's waiting for the bureau.
    /// Made through the same use cases as the pages, as the bureau and the contractor's manager.
    /// </summary>
    private static async Task SeedAgreementAsync(IServiceProvider sp, AppDbContext db, IReadOnlyList<Platform> stations, DateOnly termStart, DateOnly today)
    {
        var profiles = sp.GetRequiredService<ProfileCatalog>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var bureau = await PrincipalFor(db, "bureau");
        var manager = await PrincipalFor(db, "manager");
        var contractorId = stations[0].ContractorId!.Value;
        static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var cycle = await CreateCycle.Handle(db, profiles, clock, bureau,
            new CycleInput(CountyCode, ProfileKey, "琼中黎族苗族自治县民政局", contractorId, D(termStart), stations.Select(s => s.Id).ToList()), default);
        var agreement = await SaveAgreement.Create(db, profiles, clock, bureau, cycle.Id,
            new AgreementInput(1, D(termStart), D(termStart), D(termStart.AddYears(1)), 212_000m * stations.Count, [],
                D(termStart.AddDays(5)), D(termStart.AddDays(20)), null), default);
        foreach (var station in stations)
        {
            var budget = await SaveBudget.Create(db, profiles, clock, bureau, agreement.Id, new BudgetInput(station.Id,
                [new BudgetLineInput(null, "serviceFee", "fiscalBudget", 162_000m, "驻站社工薪酬及承接主体服务费"),
                 new BudgetLineInput(null, "operations", "socialAssistance", 50_000m, "水电、办公、活动耗材")], null), default);
            var months = (today.DayNumber - termStart.DayNumber) / 30;
            for (var m = 0; m < months; m++)
            {
                var on = termStart.AddDays(30 * m + 25);
                foreach (var line in budget.Lines)
                {
                    var amount = line.Category == "serviceFee" ? 13_500m : 2_000m + 137.5m * (m % 4);
                    var entry = await RecordSpending.Create(db, profiles, clock, manager,
                        new SpendingInput(line.Id, D(on), amount, line.Category == "serviceFee" ? "琼中县益心社会工作服务中心" : "琼中县营根镇某文具店",
                            line.Category == "serviceFee" ? $"第{m + 1}个月驻站社工服务费" : "办公用品及活动耗材", null), default);
                    if (m < months - 1)
                    {
                        await RecordSpending.Step(db, profiles, clock, bureau, entry.Id, new SpendingStepInput("approve", null, entry.Version), default);
                    }
                }
            }
        }
    }

    /// <summary>The year's mid-term evaluation round, open for the third-party evaluator, the bureau and the township.</summary>
    private static async Task SeedEvaluationRoundAsync(IServiceProvider sp, AppDbContext db, DateOnly today)
    {
        var profiles = sp.GetRequiredService<ProfileCatalog>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var bureau = await PrincipalFor(db, "bureau");
        await CreateRound.Handle(db, profiles, clock, bureau,
            new RoundInput("midTerm", today.AddDays(-DaysIntoYear).Year, today.AddDays(-7), today.AddDays(21), null, null, CountyCode, null), default);
    }

    /// <summary>A demo account as the pages see it after sign-in (roles and scope claims), for seeding through the use cases.</summary>
    private static async Task<ClaimsPrincipal> PrincipalFor(AppDbContext db, string userName)
    {
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == userName);
        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        var identity = new ClaimsIdentity("demo-seed", ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName ?? ""));
        identity.AddClaim(new Claim("sws:display_name", user.DisplayName));
        identity.AddClaims(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        identity.AddClaims(UserScope.Of(user, roles).ToClaims());
        return new ClaimsPrincipal(identity);
    }
}
