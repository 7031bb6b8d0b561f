using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Demo;

/// <summary>
/// The demo county's service recipients: a few hundred synthetic people. Their ID numbers are generated
/// with a valid GB 11643 check character under the address code 469000, a statistical grouping code of
/// Hainan under which no ID number is issued, so no demo number can belong to a real person.
/// </summary>
public static partial class DemoSeeder
{
    public const string DemoAddressCode = "469000";
    public const int RecipientsAtHeadStation = 120;
    public const int RecipientsPerOtherStation = 20;

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "黄", "符", "吴", "林", "羊", "王", "黄", "陈", "单", "曾", "解", "邢", "卓", "朱", "何"];
    private static readonly string[] GivenChars = ["文", "明", "华", "秀", "英", "玉", "兰", "海", "春", "金", "德", "清", "小", "亚", "妹", "强", "丽", "芳", "军", "平", "永", "长", "乐", "重", "红"];

    /// <summary>A valid synthetic ID number (check character computed) for a birth date and a sequence number.</summary>
    public static string SyntheticId(DateOnly birth, int sequence)
    {
        var first17 = DemoAddressCode + birth.ToString("yyyyMMdd") + sequence.ToString("000");
        return first17 + IdNumber.CheckChar(first17);
    }

    private static async Task SeedRecipientsAsync(IServiceProvider sp, Guid headStationId, DateTime now)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var protector = sp.GetRequiredService<RecipientProtector>();
        var today = ChinaTime.Today(sp.GetRequiredService<TimeProvider>());
        var stations = await db.Platforms.AsNoTracking().Where(p => p.Kind == PlatformKind.Station).OrderBy(p => p.RegionCode).ToListAsync();
        var villages = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(CountyCode))
            .Select(r => new { r.Code, r.ParentCode }).ToListAsync();
        var random = new Random(469030); // fixed: the same demo county every time
        var sequence = 0;
        Recipient? firstOfHead = null;
        foreach (var station in stations)
        {
            var count = station.Id == headStationId ? RecipientsAtHeadStation : RecipientsPerOtherStation;
            var own = villages.Where(v => v.ParentCode == station.RegionCode).Select(v => v.Code).ToList();
            for (var i = 0; i < count; i++)
            {
                // 张三 first, so the demo and the browser test can find someone by "zs".
                var name = station.Id == headStationId && i == 0 ? "张三"
                    : Surnames[random.Next(Surnames.Length)] + GivenChars[random.Next(GivenChars.Length)] + (random.Next(3) == 0 ? "" : GivenChars[random.Next(GivenChars.Length)]);
                var age = random.Next(10) switch { < 5 => random.Next(60, 95), < 8 => random.Next(3, 17), _ => random.Next(18, 59) };
                var birth = today.AddYears(-age).AddDays(-random.Next(1, 365));
                var id = IdNumber.TryParse(SyntheticId(birth, 100 + sequence++ % 900), out _)!;
                var categories = new List<RecipientCategory>();
                if (age >= 60) categories.Add(random.Next(3) switch { 0 => RecipientCategory.ElderlyAlone, 1 => RecipientCategory.ElderlyEmptyNest, _ => RecipientCategory.ElderlyLeftBehind });
                else if (age < 18) categories.Add(random.Next(2) == 0 ? RecipientCategory.LeftBehindChild : RecipientCategory.VulnerableChild);
                if (random.Next(3) == 0) categories.Add(RecipientCategory.Dibao);
                if (random.Next(8) == 0) categories.Add(age >= 60 ? RecipientCategory.TekunDispersed : RecipientCategory.Disabled);
                var child = ConsentRules.IsChild(birth, today);
                var r = new Recipient
                {
                    StationId = station.Id, CreatedAt = now, RegisteredOn = today.AddDays(-random.Next(30, 700)),
                    VillageCode = own.Count > 0 ? own[random.Next(own.Count)] : null,
                    Address = $"第{random.Next(1, 12)}村民小组{random.Next(1, 60)}号",
                    CategoryMask = RecipientCategories.ToMask(categories),
                    RiskLevel = (RiskLevel)random.Next(0, 4),
                    ConsentGiven = true, ConsentOn = today.AddDays(-random.Next(1, 30)), ConsentBy = child ? ConsentGiver.Guardian : ConsentGiver.Self,
                    SensitiveConsent = true, ConsentGuardianName = child ? "监护人" + GivenChars[random.Next(GivenChars.Length)] : null,
                };
                RecipientFields.SetName(r, name);
                RecipientFields.SetIdentity(r, id, protector);
                RecipientFields.SetPhone(r, "13" + random.Next(100000000, 999999999), protector);
                if (categories.Contains(RecipientCategory.Disabled))
                {
                    RecipientFields.SetSensitive(r, new SensitiveDetails("需定期复查", "physical", random.Next(1, 5), random.Next(300, 900), null), protector);
                }
                if (age < 18)
                {
                    r.Guardians.Add(new RecipientGuardian
                    {
                        Name = Surnames[random.Next(Surnames.Length)] + "某某", Relation = random.Next(2) == 0 ? "祖父母" : "父母",
                        PhoneCipher = protector.Encrypt("13" + random.Next(100000000, 999999999), Recipient.Context(r.Id, "guardianPhone")),
                    });
                }
                db.Recipients.Add(r);
                if (station.Id == headStationId && i == 1)
                {
                    firstOfHead = r;
                }
            }
        }
        // One person registered by two stations, so the demo shows the duplicate flag on both.
        if (firstOfHead is not null && stations.FirstOrDefault(s => s.Id != headStationId) is { } other)
        {
            var copy = new Recipient
            {
                StationId = other.Id, CreatedAt = now, RegisteredOn = today, CategoryMask = firstOfHead.CategoryMask,
                ConsentGiven = firstOfHead.ConsentGiven, ConsentOn = firstOfHead.ConsentOn, ConsentBy = firstOfHead.ConsentBy,
                SensitiveConsent = firstOfHead.SensitiveConsent, ConsentGuardianName = firstOfHead.ConsentGuardianName,
            };
            RecipientFields.SetName(copy, firstOfHead.Name);
            RecipientFields.SetIdentity(copy, IdNumber.TryParse(RecipientMapper.IdNumber(firstOfHead, protector), out _)!, protector);
            db.Recipients.Add(copy);
        }
        await db.SaveChangesAsync();
    }
}
