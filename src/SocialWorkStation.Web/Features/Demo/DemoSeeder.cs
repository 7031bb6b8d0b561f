using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Domain.Staff;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Organisations;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Features.Workers;

namespace SocialWorkStation.Web.Features.Demo;

/// <summary>
/// The demo county: Qiongzhong (琼中黎族苗族自治县, 469030) with its ten townships, a county centre, ten
/// stations named by the Qiongzhong profile's signage format, a contractor, an evaluator, and one
/// account for every role. Runs only into a database without platforms.
/// </summary>
public static partial class DemoSeeder
{
    public const string CountyCode = "469030";
    public const string ProfileKey = "hainan-qiongzhong";
    public const string HeadStationTownship = "469030100"; // 营根镇
    public const string SecondStationTownship = "469030101"; // 湾岭镇

    public sealed record DemoAccount(string UserName, string DisplayName, string Role, string ScopeText);

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("auditor", "审计管理员", Roles.Auditor, "全平台"),
        new("bureau", "王民政", Roles.BureauOfficer, "琼中县"),
        new("township", "李镇干", Roles.TownshipOfficer, "营根镇"),
        new("manager", "陈经理", Roles.ContractorManager, "琼中县"),
        new("head", "黄晓梅", Roles.StationHead, "营根镇社工站"),
        new("worker", "符海燕", Roles.SocialWorker, "营根镇社工站"),
        new("village", "羊社工", Roles.VillageWorker, "营根镇社工站"),
        new("evaluator", "吴评估", Roles.Evaluator, "琼中县"),
        new("supervisor", "邢督导", Roles.Supervisor, "琼中县"),
    ];

    public static async Task<bool> SeedAsync(IServiceProvider sp, string password)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Platforms.AnyAsync())
        {
            return false;
        }
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var townships = await db.Regions.AsNoTracking()
            .Where(r => r.ParentCode == CountyCode && r.Level == RegionLevel.Township)
            .OrderBy(r => r.Code).ToListAsync();
        // The national-park bureau (4690305xx) is not a township with a station.
        townships = townships.Where(t => t.Name.EndsWith('镇') || t.Name.EndsWith('乡')).ToList();

        var bureau = new Organisation { Name = "琼中黎族苗族自治县民政局", Kind = OrganisationKind.Bureau, RegionCode = CountyCode };
        var contractor = new Organisation { Name = "琼中县益心社会工作服务中心（演示）", Kind = OrganisationKind.Contractor, RegionCode = CountyCode, Contact = "陈经理" };
        var evaluator = new Organisation { Name = "海南启明社会工作评估中心（演示）", Kind = OrganisationKind.Evaluator, RegionCode = CountyCode };
        db.Organisations.AddRange(bureau, contractor, evaluator);
        db.Organisations.AddRange(townships.Select(t => new Organisation { Name = $"{t.Name}人民政府", Kind = OrganisationKind.TownshipGovernment, RegionCode = t.Code }));

        var centre = new Platform
        {
            Name = "琼中县社会工作服务中心", Kind = PlatformKind.CountyCentre, RegionCode = CountyCode, ProfileKey = ProfileKey,
            ContractorId = contractor.Id, Address = "琼中县营根镇民政局办公楼", CreatedAt = now, FloorArea = 120, HasFireSafetyEquipment = true,
        };
        db.Platforms.Add(centre);
        Platform? headStation = null;
        var i = 0;
        foreach (var t in townships)
        {
            var station = new Platform
            {
                Name = $"琼中县{t.Name}社会工作服务站", Kind = PlatformKind.Station, RegionCode = t.Code, ProfileKey = ProfileKey,
                ParentId = centre.Id, ContractorId = contractor.Id, Address = $"琼中县{t.Name}人民政府大院", Phone = $"0898-8622{i:0000}",
                OpeningHours = "周一至周五 8:00-12:00，14:30-17:30", CreatedAt = now,
                FloorArea = 30 + 5 * i, HasFireSafetyEquipment = true,
                Rooms = [new PlatformRoom { Name = "社工办公室" }, new PlatformRoom { Name = "个案工作室" }],
                // One station lacks a printer so the demo shows a missing required item (an error: Qiongzhong （五）1).
                Equipment = new[] { "桌椅", "电脑", "打印机", "档案柜" }.Where(e => i != 3 || e != "打印机").Select(e => new PlatformEquipment { Name = e, Quantity = 2 }).ToList(),
            };
            db.Platforms.Add(station);
            if (t.Code == HeadStationTownship)
            {
                headStation = station;
            }
            i++;
        }
        headStation ??= db.Platforms.Local.First(p => p.Kind == PlatformKind.Station);
        var secondStation = db.Platforms.Local.FirstOrDefault(p => p.RegionCode == SecondStationTownship);
        AddWorkers(db, headStation, secondStation, now);
        if (secondStation is not null)
        {
            var today = Infrastructure.ChinaTime.Today(sp.GetRequiredService<TimeProvider>());
            AddServices(db, secondStation, db.Workers.Local.Where(w => w.PlatformId == secondStation.Id).OrderBy(w => w.Role).ToList(), today, now);
        }
        await db.SaveChangesAsync();

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        foreach (var a in Accounts)
        {
            if (await users.FindByNameAsync(a.UserName) is not null)
            {
                continue;
            }
            var user = new AppUser { UserName = a.UserName, DisplayName = a.DisplayName, LockoutEnabled = true, CreatedAt = now };
            switch (a.Role)
            {
                case Roles.Auditor:
                    break;
                case Roles.TownshipOfficer:
                    user.ScopeRegionCode = HeadStationTownship;
                    user.ScopeRegionLevel = RegionLevel.Township;
                    break;
                case Roles.StationHead or Roles.SocialWorker or Roles.VillageWorker:
                    user.ScopeStationId = headStation.Id;
                    break;
                case Roles.ContractorManager:
                    user.ScopeRegionCode = CountyCode;
                    user.ScopeRegionLevel = RegionLevel.County;
                    user.OrganisationId = contractor.Id;
                    break;
                case Roles.Evaluator:
                    user.ScopeRegionCode = CountyCode;
                    user.ScopeRegionLevel = RegionLevel.County;
                    user.OrganisationId = evaluator.Id;
                    break;
                default:
                    user.ScopeRegionCode = CountyCode;
                    user.ScopeRegionLevel = RegionLevel.County;
                    user.OrganisationId = bureau.Id;
                    break;
            }
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("演示账号创建失败：" + string.Join("；", result.Errors.Select(e => e.Description)));
            }
            await users.AddToRoleAsync(user, a.Role);
        }
        await EnrolAdministratorsAsync(sp, users);
        await SeedRecipientsAsync(sp, headStation.Id, now);
        await SeedContractorChecksAsync(db, headStation.Id, now, Infrastructure.ChinaTime.Today(sp.GetRequiredService<TimeProvider>()));
        await Reports.ReportSeeder.SeedAsync(sp, headStation.Id, now, Infrastructure.ChinaTime.Today(sp.GetRequiredService<TimeProvider>()));
        if (sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Infrastructure.DemoOptions>>().Value.LivingYear)
        {
            await SeedLivingYearAsync(sp, headStation.Id, now, Infrastructure.ChinaTime.Today(sp.GetRequiredService<TimeProvider>()));
        }
        return true;
    }

    /// <summary>
    /// The three administrators must sign in with two factors (docs/security.md): in the demo they are enrolled with the
    /// published demo key (Demo:AuthenticatorKey, README), so a tester adds it to an authenticator app and signs in.
    /// </summary>
    private static async Task EnrolAdministratorsAsync(IServiceProvider sp, UserManager<AppUser> users)
    {
        var key = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Infrastructure.DemoOptions>>().Value.AuthenticatorKey;
        var store = (IUserAuthenticatorKeyStore<AppUser>)sp.GetRequiredService<IUserStore<AppUser>>();
        foreach (var role in Roles.Administrators)
        {
            foreach (var user in await users.GetUsersInRoleAsync(role))
            {
                if (user.TwoFactorEnabled) continue;
                await store.SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
                user.TwoFactorEnabled = true;
                await users.UpdateAsync(user);
            }
        }
    }

    /// <summary>
    /// A synthetic GB 11643 number in Qiongzhong (469030) with a valid check character; the people are invented.
    /// The sequence's last digit is odd for men and even for women.
    /// </summary>
    public static string SyntheticId(string birth, int sequence)
    {
        var first17 = CountyCode + birth.Replace("-", "", StringComparison.Ordinal) + sequence.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        return first17 + IdNumber.CheckChar(first17);
    }

    /// <summary>
    /// A handful of workers: the 营根镇 station is fully staffed with one worker whose major the Qiongzhong profile does
    /// not accept; the second station has two workers (below the minimum of 3), one of whom turned 46 on the hire date.
    /// </summary>
    private static void AddWorkers(AppDbContext db, Platform head, Platform? second, DateTime now)
    {
        static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Worker W(Platform p, string name, string birth, int seq, WorkerRole role, Education edu, string major, MajorCategory category, string hire) => new()
        {
            PlatformId = p.Id, Name = name, IdNumber = SyntheticId(birth, seq), BirthDate = D(birth), Sex = seq % 2 == 1 ? Sex.Male : Sex.Female,
            Role = role, Education = edu, Major = major, MajorCategory = category, HireDate = D(hire), LocalHukou = true, CreatedAt = now,
        };
        var huang = W(head, "黄晓梅", "1988-04-12", 24, WorkerRole.Head, Education.Bachelor, "社会工作", MajorCategory.SocialWork, "2021-03-01");
        huang.PracticeStartedOn = D("2012-07-01");
        huang.Certificates.Add(new WorkerCertificate { Kind = CertificateKind.NationalAssistant, ObtainedOn = D("2015-06-30"), Registered = true });
        huang.Certificates.Add(new WorkerCertificate { Kind = CertificateKind.National, ObtainedOn = D("2019-06-30"), Registered = true });
        huang.Trainings.Add(new WorkerTraining { Date = D("2025-05-20"), Hours = 16, Provider = "琼中县民政局", Topic = "个案工作实务", Professional = true });
        var fu = W(head, "符海燕", "1995-09-03", 46, WorkerRole.Worker, Education.JuniorCollege, "社会学", MajorCategory.Related, "2022-03-01");
        fu.Certificates.Add(new WorkerCertificate { Kind = CertificateKind.LocalWorker, ObtainedOn = D("2022-06-30"), Registered = false });
        fu.Trainings.Add(new WorkerTraining { Date = D("2024-11-08"), Hours = 24, Provider = "海南省社会工作协会", Topic = "小组工作方法", Professional = true });
        var wang = W(head, "王志强", "1990-11-21", 13, WorkerRole.Worker, Education.Bachelor, "会计学", MajorCategory.Other, "2024-07-01");
        wang.LocalHukou = false;
        wang.Trainings.Add(new WorkerTraining { Date = D("2024-08-15"), Hours = 40, Provider = "琼中县民政局", Topic = "社会工作入门", Professional = true });
        var chen = W(head, "陈立", "1992-02-14", 35, WorkerRole.Worker, Education.Bachelor, "社会工作", MajorCategory.SocialWork, "2020-03-01");
        chen.LeftOn = D("2023-12-31");
        db.Workers.AddRange(huang, fu, wang, chen);
        if (second is not null)
        {
            var wu = W(second, "吴丽", "1986-06-18", 28, WorkerRole.Head, Education.Master, "社会工作", MajorCategory.SocialWork, "2023-09-01");
            wu.Certificates.Add(new WorkerCertificate { Kind = CertificateKind.National, ObtainedOn = D("2018-06-30"), Registered = true });
            // His 46th birthday is the hire date: over the age limit "45周岁（含）以下" by one day.
            var li = W(second, "李明", "1979-05-06", 17, WorkerRole.Worker, Education.JuniorCollege, "社区管理", MajorCategory.Related, "2025-05-06");
            li.Trainings.Add(new WorkerTraining { Date = D("2025-06-10"), Hours = 120, Provider = "海南省民政厅", Topic = "社会工作专业能力提升", Professional = true });
            db.Workers.AddRange(wu, li);
        }
    }
}
