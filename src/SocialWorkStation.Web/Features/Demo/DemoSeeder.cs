using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Organisations;
using SocialWorkStation.Web.Features.Stations;

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

    public sealed record DemoAccount(string UserName, string DisplayName, string Role, string ScopeText);

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("auditor", "审计管理员", Roles.Auditor, "全平台"),
        new("bureau", "王民政", Roles.BureauOfficer, "琼中县"),
        new("township", "李镇干", Roles.TownshipOfficer, "营根镇"),
        new("manager", "陈经理", Roles.ContractorManager, "琼中县"),
        new("head", "黄站长", Roles.StationHead, "营根镇社工站"),
        new("worker", "符社工", Roles.SocialWorker, "营根镇社工站"),
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
                // One station lacks a printer so the demo shows a warning.
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
        await SeedRecipientsAsync(sp, headStation.Id, now);
        return true;
    }
}
