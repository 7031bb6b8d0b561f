using System.Net;
using System.Text.Json;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Workers;

namespace SocialWorkStation.Web.Tests.Stations;

/// <summary>
/// Policy fidelity on both databases (docs/requirements/tiers.md, docs/requirements/training.md): the three tiers
/// refuse a village room without its station and a second county centre, naming the field and the clause; and a
/// Wenzhou worker hired mid-year is judged the same by compliance and by the standards dashboard.
/// </summary>
public sealed class TierAndTrainingTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static object Platform(string name, string kind, string regionCode, string profileKey, string? parentId = null) => new
    {
        name, kind, regionCode, profileKey, parentId, floorArea = 120m, fireSafety = true,
    };

    private static async Task<JsonElement> Refused(HttpResponseMessage response, string field)
    {
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var problem = await response.ReadJson();
        Assert.Equal(field, problem.GetProperty("field").GetString());
        return problem;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_village_room_needs_a_station_of_its_own_township_above_it(string db)
    {
        var admin = await TestApp.For(db).ClientFor("admin");
        // 乐东 抱由镇 (469027100) and one of its villages; 万冲镇 (469027101) is another township.
        var villages = (await admin.GetJson("/api/v1/regions/469027100/children")).EnumerateArray().Select(v => v.GetProperty("code").GetString()!).ToList();
        var village = villages[Random.Shared.Next(villages.Count)];

        var orphan = await Refused(await admin.PostJson("/api/v1/stations", Platform("某村社工室", "villageRoom", village, "hainan-ledong")), "parentId");
        Assert.Contains("乐东方案第一部分（二）目标任务", orphan.GetProperty("detail").GetString());

        var elsewhere = await (await admin.PostJson("/api/v1/stations", Platform("海南省乐东黎族自治县万冲镇社会工作服务站", "station", "469027101", "hainan-ledong"))).ReadJson();
        await Refused(await admin.PostJson("/api/v1/stations", Platform("某村社工室", "villageRoom", village, "hainan-ledong", elsewhere.GetProperty("id").GetString())), "parentId");

        var own = await (await admin.PostJson("/api/v1/stations", Platform("海南省乐东黎族自治县抱由镇社会工作服务站", "station", "469027100", "hainan-ledong"))).ReadJson();
        var room = await admin.PostJson("/api/v1/stations", Platform("某村社工室", "villageRoom", village, "hainan-ledong", own.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.Created, room.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_second_general_station_in_the_same_county_is_refused_with_the_clause(string db)
    {
        var admin = await TestApp.For(db).ClientFor("admin");
        // Shenmu's rule, in a Hainan county that has no centre yet (the region only has to exist).
        var county = await FreeCounty(admin);
        var first = await admin.PostJson("/api/v1/stations", Platform("神木市社会工作服务总站", "countyCentre", county, "shenmu"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var second = await Refused(await admin.PostJson("/api/v1/stations", Platform("神木市社会工作服务总站", "countyCentre", county, "shenmu")), "kind");
        Assert.Contains("神木办法第三条", second.GetProperty("detail").GetString());

        // Saving the first again is not a second one.
        var saved = await first.ReadJson();
        var again = await admin.PutJson($"/api/v1/stations/{saved.GetProperty("id").GetString()}", new
        {
            name = "神木市社会工作服务总站", kind = "countyCentre", regionCode = county, profileKey = "shenmu", floorArea = 130m, fireSafety = true,
            version = saved.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    /// <summary>A county in the region tree with no county centre yet (the tests share a database).</summary>
    private static async Task<string> FreeCounty(HttpClient admin)
    {
        var centres = (await admin.GetJson("/api/v1/stations?kind=countyCentre&pageSize=500")).GetProperty("items").EnumerateArray()
            .Select(s => s.GetProperty("regionCode").GetString()).ToHashSet();
        // Hainan's county-level units other than the demo's (琼中), Ledong and Lingshui, which other tests use.
        string[] counties = ["469001", "469002", "469005", "469006", "469007", "469021", "469022", "469023", "469024", "469025", "469026", "469029"];
        var free = counties.Where(c => !centres.Contains(c)).ToList();
        Assert.NotEmpty(free);
        return free[Random.Shared.Next(free.Count)];
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_Wenzhou_worker_hired_on_1_July_is_judged_the_same_by_compliance_and_the_dashboard(string db)
    {
        var bureau = await TestApp.For(db).ClientFor("bureau");
        var station = await WorkerTestData.NewStation(bureau, "469030104", "wenzhou");
        // 40 课时 a year (温州 六(三)2) pro-rated: 184 days of 2025 → 40 × 184 / 365 ≈ 20.16.
        var enough = await WorkerTestData.Create(bureau, WorkerTestData.Worker(station, "七月入职甲", hireDate: "2025-07-01",
            trainings: [new { date = "2025-09-10", hours = 21m, provider = "温州市民政局", topic = "个案工作", professional = true }]));
        var short_ = await WorkerTestData.Create(bureau, WorkerTestData.Worker(station, "七月入职乙", hireDate: "2025-07-01",
            trainings: [new { date = "2025-09-10", hours = 20.1m, provider = "温州市民政局", topic = "个案工作", professional = true }]));

        foreach (var (worker, passes) in new[] { (enough, true), (short_, false) })
        {
            var compliance = await bureau.GetJson($"/api/v1/workers/{worker}/compliance?date=2026-03-01");
            var training = compliance.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "annualTraining");
            Assert.Equal(passes, training.GetProperty("passed").GetBoolean());

            var progress = await bureau.GetJson($"/api/v1/progress?workerId={worker}&period=2025");
            var cell = progress.GetProperty("standards").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "training");
            // The dashboard shows the target to one decimal: 20.16 → 20.2.
            Assert.Equal(20.2m, Math.Round(cell.GetProperty("target").GetDecimal(), 1));
            Assert.Equal(passes, cell.GetProperty("status").GetString() == "met");
        }
    }
}
