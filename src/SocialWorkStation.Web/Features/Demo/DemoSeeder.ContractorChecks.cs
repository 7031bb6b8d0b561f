using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.ContractorChecks;

namespace SocialWorkStation.Web.Features.Demo;

/// <summary>
/// The project manager's monthly checks (Qiongzhong（五）管理保障第3项): every station of the demo county checked
/// once in each month of this year that has ended, except the 营根镇 station in the month before last, so the
/// coverage shows one missing month (and the current month still open everywhere).
/// </summary>
public static partial class DemoSeeder
{
    private static readonly (string Findings, string Guidance)[] CheckNotes =
    [
        ("查看走访台账和服务对象档案：台账按月登记，入户走访照片齐全；3名社工均在岗。", "继续优先走访独居、失能老年人，走访后一周内录入台账。"),
        ("检查个案工作室和个案档案：个案计划、服务记录完整；档案柜未上锁。", "个案档案须上锁保管，钥匙由站长保管。"),
        ("检查小组活动记录和签到表：本月小组已开展2节，签到表齐全。", "小组结束后及时完成评估，整理成完整的小组档案。"),
        ("查看社工站标牌、服务清单公示和志愿者登记：标牌规范，服务清单已上墙。", "本季度发动新增实名注册志愿者，依托全国志愿服务信息系统登记时长。"),
    ];

    private static async Task SeedContractorChecksAsync(AppDbContext db, Guid headStationId, DateTime now, DateOnly today)
    {
        // The months of this year that have ended; in January, the whole of last year.
        var (year, lastMonth) = today.Month == 1 ? (today.Year - 1, 12) : (today.Year, today.Month - 1);
        var skipped = Math.Max(1, lastMonth - 1);
        var stations = await db.Platforms.AsNoTracking().Where(p => p.Kind == PlatformKind.Station).OrderBy(p => p.RegionCode).Select(p => p.Id).ToListAsync();
        var i = 0;
        foreach (var station in stations)
        {
            for (var month = 1; month <= lastMonth; month++)
            {
                if (station == headStationId && month == skipped)
                {
                    continue;
                }
                var (findings, guidance) = CheckNotes[(i + month) % CheckNotes.Length];
                db.ContractorChecks.Add(new ContractorCheck
                {
                    StationId = station, CheckedOn = new DateOnly(year, month, 5 + (i * 2 + month) % 20), CheckedBy = "陈经理",
                    Findings = findings, Guidance = guidance, FollowUp = month == lastMonth ? "下月检查时核实整改情况" : null, CreatedAt = now,
                });
            }
            i++;
        }
        await db.SaveChangesAsync();
    }
}
